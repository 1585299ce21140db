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
froze them); ``--switch-ms=N`` sets the interpreter's thread switch interval;
``--workers=N`` gives the event loop a default executor of N threads (asyncio's own has
CPUs + 4). ``--trace`` times every Qt event, event-loop callback, worker-thread job and
garbage collection (on every thread, wall and that thread's CPU) and lists, for each gap
over 40 ms, what ran during it: GUI CPU close to the gap's length means work on the GUI
thread, little GUI CPU means it waited for the GIL (or for a CPU). Tracing adds a call
into Python per Qt event, so its gaps run longer than untraced ones.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QEvent, QObject, QTimer
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
WORKERS = [int(a.split("=")[1]) for a in sys.argv[1:] if a.startswith("--workers=")]
TRACE = "--trace" in sys.argv
CALLS = int(WORDS[0]) if WORDS else 100_000


def serve() -> None:
    with SandboxThread() as sandbox:
        virtual_calls(sandbox, CALLS)
        print(sandbox.base_url, sandbox.token, flush=True)
        sys.stdin.read()


class Trace:
    """Spans of 3 ms or more on every thread: start, end, that thread's CPU, thread, what."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float, float, str, str]] = []
        self._gc = threading.local()

    def note(self, start: float, cpu: float, what: str) -> None:
        end = time.perf_counter()
        if end - start >= 0.003:
            name = threading.current_thread().name
            self.spans.append((start, end, time.thread_time() - cpu, name, what))

    def wrap(self, owner: Any, name: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def traced(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.note(start, cpu, f"{owner.__name__}.{name}")

        setattr(owner, name, traced)

    def install(self) -> None:
        """Time garbage collections, event-loop callbacks, worker jobs and panel steps."""
        gc.callbacks.append(self._collected)
        run = asyncio.events.Handle._run
        trace = self

        def timed_run(handle: asyncio.events.Handle) -> None:
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                run(handle)
            finally:
                trace.note(start, cpu, f"callback {_where(handle)}")

        asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]
        to_thread = asyncio.to_thread

        async def timed_to_thread(func: Callable[..., Any], /, *args: Any, **kw: Any) -> Any:
            what = getattr(func, "__qualname__", None) or getattr(func, "func", func)

            def call() -> Any:
                start, cpu = time.perf_counter(), time.thread_time()
                try:
                    return func(*args, **kw)
                finally:
                    trace.note(start, cpu, f"worker {getattr(what, '__qualname__', what)}")

            return await to_thread(call)

        asyncio.to_thread = timed_to_thread  # type: ignore[assignment]
        from desktop.history import filters, table_model

        self.wrap(filters.FilterEngine, "__init__")
        self.wrap(table_model.CallTableModel, "set_engine")
        self.wrap(HistoryPanel, "_set_engine")

    def _collected(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc.began = (time.perf_counter(), time.thread_time())
        elif hasattr(self._gc, "began"):
            what = f"gc generation {info['generation']}, {info['collected']} collected"
            self.note(*self._gc.began, what)

    def explain(self, ticks: list[tuple[float, float]], longest: int = 5) -> None:
        """Print the longest gaps between ticks (over 40 ms) with the spans inside them."""
        gaps = sorted(itertools.pairwise(ticks), key=lambda p: p[0][0] - p[1][0])
        for (t0, c0), (t1, c1) in sorted(gaps[:longest]):
            if t1 - t0 < 0.040:
                continue
            print(f"    gap {1000 * (t1 - t0):.0f} ms, GUI thread CPU {1000 * (c1 - c0):.0f} ms:")
            for start, end, cpu, name, what in sorted(self.spans):
                if end > t0 and start < t1:
                    print(
                        f"      {1000 * (start - t0):+6.0f} ms {1000 * (end - start):6.1f} ms "
                        f"(CPU {1000 * cpu:5.1f}) {name:10} {what}"
                    )
        self.spans.clear()


def _where(handle: asyncio.events.Handle) -> str:
    """The callback, or the coroutine a task runs and where it waits now."""
    callback = handle._callback  # type: ignore[attr-defined]
    coro = getattr(getattr(callback, "__self__", None), "get_coro", lambda: None)()
    if coro is None:
        return str(getattr(callback, "__qualname__", callback))
    where = []
    while coro is not None and getattr(coro, "cr_frame", None) is not None:
        where.append(f"{coro.cr_code.co_name}:{coro.cr_frame.f_lineno}")
        coro = coro.cr_await
    return " > ".join(where[:4])


class TracingApplication(QApplication):
    """Times every Qt event delivered on the GUI thread."""

    trace: Trace

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return super().notify(receiver, event)
        finally:
            self.trace.note(start, cpu, f"Qt {event.type().name} {type(receiver).__name__}")


class Ticker:
    """Gaps between the ticks of a 5 ms timer on the GUI thread."""

    def __init__(self, trace: Trace | None = None) -> None:
        self.gaps: list[float] = []
        self.ticks: list[tuple[float, float]] = []  # wall and GUI thread CPU, with --trace
        self.trace = trace
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now
        if self.trace is not None:
            self.ticks.append((now, time.thread_time()))

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.ticks = [(self._last, time.thread_time())]
        if self.trace is not None:
            self.trace.spans.clear()
        self.timer.start()

    def stop(self) -> str:
        self.timer.stop()
        ms = sorted(g * 1000 for g in self.gaps)
        p99 = ms[int(len(ms) * 0.99)] if ms else 0.0
        long = sum(g > 50 for g in ms)
        if self.trace is not None:
            self.trace.explain(self.ticks)
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
        stalls = ticker.stop()
        print(f"  {label}: {took:.1f}s to refresh {panel.model.rowCount()} rows; {stalls}")


def main() -> None:
    child = subprocess.Popen(
        [sys.executable, __file__, str(CALLS), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    trace = Trace() if TRACE else None
    if trace is not None:
        trace.install()
        TracingApplication.trace = trace
    app = TracingApplication([]) if trace is not None else QApplication([])
    if "--no-freeze" not in sys.argv:
        freeze_startup_objects()  # as ``desktop.app.run`` does before its event loop
    if SWITCH:
        sys.setswitchinterval(SWITCH[0] / 1000)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    if WORKERS:
        loop.set_default_executor(ThreadPoolExecutor(WORKERS[0]))
    try:
        base_url, token = child.stdout.readline().split()  # type: ignore[union-attr]
        print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {CALLS} calls")
        client = TotalVoiceClient(token, ApiConfig(hosts=ApiHosts.single(base_url)))
        with tempfile.TemporaryDirectory() as folder:
            cache = HistoryCache(Path(folder) / "cache.sqlite3")
            panel = HistoryPanel(HistorySource(client), cache)
            panel.resize(1366, 768)
            panel.show()
            ticker = Ticker(trace)
            with loop:
                loop.run_until_complete(measure(panel, ticker))
                loop.run_until_complete(client.aclose())
            cache.close()
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(30)


if __name__ == "__main__":
    serve() if "--serve" in sys.argv else main()
