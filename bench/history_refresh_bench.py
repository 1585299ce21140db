"""History panel on a 100,000-call account: how long the GUI event loop stalls.

Run from the repository root:
QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/history_refresh_bench.py [CALLS]

The sandbox (a child process) serves CALLS calls (default 100,000) made on demand from
its seeded ones. A real ``HistoryPanel`` (offscreen, qasync loop, SQLite cache in a
temporary folder) loads the period twice: first with an empty cache (everything streams
in), then again with the cache full (shown from the cache at once, then refreshed). A
``QTimer`` ticking every 5 ms notes the gaps between its ticks: the longest gap is the
longest the window could not react. Gaps are listed as max / 99th percentile.
``--no-freeze`` leaves the start-up objects to the garbage collector (as before the app
froze them); ``--switch-ms=N`` sets the interpreter's thread switch interval.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sandbox_data import virtual_calls

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.heap import freeze_startup_objects
from desktop.history.cache import HistoryCache
from desktop.history.panel import HistoryPanel
from desktop.history.source import HistorySource
from desktop.sandbox.server import SandboxThread

WORDS = [a for a in sys.argv[1:] if a.isdigit()]
SWITCH = [float(a.split("=")[1]) for a in sys.argv[1:] if a.startswith("--switch-ms=")]
CALLS = int(WORDS[0]) if WORDS else 100_000


def serve() -> None:
    with SandboxThread() as sandbox:
        virtual_calls(sandbox, CALLS)
        print(sandbox.base_url, sandbox.token, flush=True)
        sys.stdin.read()


class Ticker:
    """Gaps between the ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> str:
        self.timer.stop()
        ms = sorted(g * 1000 for g in self.gaps)
        p99 = ms[int(len(ms) * 0.99)] if ms else 0.0
        long = sum(g > 50 for g in ms)
        return (
            f"max stall {max(ms, default=0):.0f} ms, p99 {p99:.0f} ms, "
            f"median {statistics.median(ms) if ms else 0:.0f} ms, gaps > 50 ms: {long}"
        )


async def measure(panel: HistoryPanel, ticker: Ticker) -> None:
    start, end = date.today() - timedelta(days=40), date.today()
    initial = panel.task("load")
    if initial is not None:
        await asyncio.wait([initial])
    for label in ("empty cache", "cache full"):
        ticker.start()
        began = time.perf_counter()
        await panel.set_period(start, end)
        took = time.perf_counter() - began
        print(f"  {label}: {took:.1f}s to refresh {panel.model.rowCount()} rows; {ticker.stop()}")


def main() -> None:
    child = subprocess.Popen(
        [sys.executable, __file__, str(CALLS), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    app = QApplication([])
    if "--no-freeze" not in sys.argv:
        freeze_startup_objects()  # as ``desktop.app.run`` does before its event loop
    if SWITCH:
        sys.setswitchinterval(SWITCH[0] / 1000)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        base_url, token = child.stdout.readline().split()  # type: ignore[union-attr]
        print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {CALLS} calls")
        client = TotalVoiceClient(token, ApiConfig(hosts=ApiHosts.single(base_url)))
        with tempfile.TemporaryDirectory() as folder:
            cache = HistoryCache(Path(folder) / "cache.sqlite3")
            panel = HistoryPanel(HistorySource(client), cache)
            panel.resize(1366, 768)
            panel.show()
            ticker = Ticker()
            with loop:
                loop.run_until_complete(measure(panel, ticker))
                loop.run_until_complete(client.aclose())
            cache.close()
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(30)


if __name__ == "__main__":
    serve() if "--serve" in sys.argv else main()
