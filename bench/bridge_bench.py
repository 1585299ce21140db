"""Webphone bridge round trip and app start-to-ready, against the sandbox.

Round trip: a command posted from Python (``Webphone``) through the host page and the
provider's iframe (the sandbox page) until the matching event arrives back in Python.
Two probes: ``conectar`` → ``status conectado`` (answered by the page itself) and
``entrarNaFila``/``sairDaFila`` → queue events (the page also calls its server). The
baseline in the same run is ``QWebEnginePage.runJavaScript`` with a result callback: the
cheapest possible Python → page → Python trip.

Start-to-ready: ``ramal-desktop --sandbox --self-test`` run several times (the first is
cold), reporting when the window was shown and when the webphone said ``conectado``;
the baseline is a bare PySide6 process that shows one widget.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bridge_bench.py [--messages N]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --use-fake-device-for-media-stream"
)

import qasync
from PySide6 import QtWebEngineWidgets  # noqa: F401
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QApplication

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient, WebphoneType
from desktop.sandbox.server import SandboxThread
from desktop.webphone.startup import prepare_web_engine
from desktop.webphone.webphone import Webphone


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, values: list[float]) -> str:
    return (
        f"| {name} | {len(values)} | {statistics.median(values):.2f} | "
        f"{percentile(values, 99):.2f} | {max(values):.2f} |"
    )


async def wait_for(signal: SignalInstance, want: object | None, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def hit(*args: object) -> None:
        if not done.done() and (want is None or (args and args[0] == want)):
            done.set_result(None)

    signal.connect(hit)
    try:
        await asyncio.wait_for(done, timeout)
    finally:
        signal.disconnect(hit)


async def round_trips(messages: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"baseline": [], "conectar": [], "queue": []}
    with SandboxThread() as sandbox, tempfile.TemporaryDirectory() as tmp:
        hosts = ApiHosts.single(sandbox.base_url)
        client = TotalVoiceClient(sandbox.token, ApiConfig(hosts=hosts))

        async def fetch():  # type: ignore[no-untyped-def]
            return await client.webphone.get_url(ramal="4000", tipo=WebphoneType.EMBEDDED)

        phone = Webphone(fetch, Path(tmp) / "profile")
        phone.view.resize(400, 600)
        phone.view.show()
        connected = asyncio.ensure_future(wait_for(phone.status, "conectado", 30))
        phone.start()
        await connected
        loop = asyncio.get_running_loop()

        for _ in range(messages):
            done: asyncio.Future[None] = loop.create_future()
            start = time.perf_counter()
            phone.page.runJavaScript("1+1", 0, lambda _r, d=done: d.done() or d.set_result(None))
            await done
            results["baseline"].append((time.perf_counter() - start) * 1000)

        for _ in range(messages):
            got = asyncio.ensure_future(wait_for(phone.status, "conectado"))
            await asyncio.sleep(0)
            start = time.perf_counter()
            phone.conectar()
            await got
            results["conectar"].append((time.perf_counter() - start) * 1000)

        for i in range(messages):
            joining = i % 2 == 0
            signal = phone.entrou_na_fila if joining else phone.saiu_da_fila
            got = asyncio.ensure_future(wait_for(signal, None))
            await asyncio.sleep(0)
            start = time.perf_counter()
            if joining:
                phone.entrar_na_fila("47")
            else:
                phone.sair_da_fila("47")
            await got
            results["queue"].append((time.perf_counter() - start) * 1000)
        phone.close()
        await client.aclose()
    return results


def start_to_ready(runs: int) -> tuple[list[dict[str, float]], list[float]]:
    env = dict(os.environ)
    reports = []
    with tempfile.TemporaryDirectory() as home:
        env["RAMAL_DESKTOP_HOME"] = home
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-m", "desktop", "--sandbox", "--self-test"],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
            )
            report = json.loads(out.stdout.strip().splitlines()[-1])
            if not report["ok"]:
                raise SystemExit(f"self-test failed: {report}")
            reports.append(report["steps_ms"])
    baseline = []
    bare = (
        "import time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication, QWidget;"
        "a=QApplication([]); w=QWidget(); w.show(); a.processEvents();"
        "print((time.perf_counter()-t)*1000)"
    )
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", bare], capture_output=True, text=True, env=env, check=True
        )
        baseline.append(float(out.stdout.strip()))
    return reports, baseline


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}, {os.environ['QT_QPA_PLATFORM']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    prepare_web_engine()
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        trips = loop.run_until_complete(round_trips(args.messages))
    reports, bare = start_to_ready(args.runs)
    print(f"Machine: {machine()}\n")
    print("| round trip | n | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|")
    print(summary("baseline: runJavaScript → callback", trips["baseline"]))
    print(summary("conectar → status conectado", trips["conectar"]))
    print(summary("entrar/sairDaFila → queue event (page calls its server)", trips["queue"]))
    ratio = statistics.median(trips["conectar"]) / statistics.median(trips["baseline"])
    print(f"\nBridge / baseline (p50): {ratio:.1f}×\n")
    print("| run | window shown ms | webphone connected ms | call cycle done ms |")
    print("|---|---|---|---|")
    for i, steps in enumerate(reports):
        label = "cold" if i == 0 else f"warm {i}"
        print(
            f"| {label} | {steps['window']} | {steps['webphone_connected']} | {steps['hangup']} |"
        )
    warm = reports[1:] or reports
    print(
        f"\nWarm medians: window {statistics.median(s['window'] for s in warm):.0f} ms, "
        f"webphone connected {statistics.median(s['webphone_connected'] for s in warm):.0f} ms; "
        f"bare PySide6 window baseline {statistics.median(bare):.0f} ms."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
