"""Headless start-up: from spawning ``ramal-desktop export calls`` to its first request.

Run from the repository root: PYTHONPATH=. .venv/bin/python bench/startup_bench.py [RUNS]

The export is started as a user starts it, through the ``ramal-desktop`` command next to
the interpreter, when there is one (``python -m desktop`` otherwise, which also loads
``runpy``). Run with the interpreter of a virtual environment where the app is installed
without ``-e`` to measure an installed app: an editable install adds its import finder
to every start of that environment's Python.

A bare TCP listener in this process notes when the first bytes of the export's first
HTTP request arrive, answers an empty report, and the export exits. Also checked: the
export process never imports Qt, nor asyncio or httpx (``-X importtime`` lists every
module it loads). The
baseline is ``python -c pass`` spawned the same way. With ``BEFORE=DIR`` (a ``git
archive`` of older code) that tree's export is timed too, in the same run.
"""

from __future__ import annotations

import os
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
ROOT = Path(__file__).resolve().parents[1]
BEFORE = Path(os.environ["BEFORE"]) if os.environ.get("BEFORE") else None
EMPTY = (
    b'{"status": 200, "sucesso": true, "motivo": 0, "mensagem": "ok", '
    b'"dados": {"total": 0, "posicao": 0, "limite": 200, "relatorio": []}}'
)


class FirstByte:
    """Accepts connections; records when each connection's first bytes came."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.arrivals: list[float] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            conn, _ = self.server.accept()
            conn.recv(65536)
            self.arrivals.append(time.perf_counter())
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            conn.sendall(head + f"Content-Length: {len(EMPTY)}\r\n\r\n".encode() + EMPTY)
            conn.close()


def spawn(argv: list[str], env: dict[str, str], tree: Path = ROOT) -> float:
    began = time.perf_counter()
    subprocess.run(argv, env=env, cwd=tree, capture_output=True, check=False)
    return began


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def firsts(
    listener: FirstByte, argv: list[str], env: dict[str, str], tree: Path
) -> tuple[list[float], list[float]]:
    """Spawn to first request, and the CPU of each whole run (it ends at the first answer)."""
    found, cpu = [], []
    for _ in range(RUNS):
        listener.arrivals.clear()
        used = children_cpu()
        began = spawn(argv, env, tree)
        cpu.append(children_cpu() - used)
        found.append(listener.arrivals[0] - began)
    return found, cpu


def cpu_text(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms"


def summary(times: list[float], baseline: float) -> str:
    median = statistics.median(times)
    return (
        f"median {median * 1000:.0f} ms ({(median - baseline) * 1000:.0f} ms over python -c pass), "
        f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
    )


def main() -> None:
    listener = FirstByte()
    env = dict(os.environ, RAMAL_DESKTOP_TOKEN="bench-token")
    # What a user runs: the installed command; ``python -m desktop`` from a checkout.
    script = Path(sys.executable).with_name("ramal-desktop")
    start = [str(script)] if script.is_file() else ["-m", "desktop"]
    argv = [sys.executable, *start, "export", "calls", "--from", "2026-11-01"]
    argv += ["--to", "2026-11-30", "--api-url", f"http://127.0.0.1:{listener.port}"]
    argv += ["--output", os.devnull]
    imported = subprocess.run(
        [sys.executable, "-X", "importtime", *argv[1:]],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stderr
    qt = [line for line in imported.splitlines() if "PySide6" in line or "qasync" in line]
    heavy = [
        line
        for line in imported.splitlines()
        if line.rsplit("|", 1)[-1].strip().split(".")[0] in ("asyncio", "httpx", "httpcore")
    ]
    modules = sum(line.startswith("import time:") for line in imported.splitlines()) - 1
    baseline, baseline_cpu = [], []
    for _ in range(RUNS):
        used = children_cpu()
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=False)
        baseline.append(time.perf_counter() - began)
        baseline_cpu.append(children_cpu() - used)
    now, now_cpu = firsts(listener, argv, env, ROOT)
    before, before_cpu = firsts(listener, argv, env, BEFORE) if BEFORE else ([], [])
    base = statistics.median(baseline)
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {RUNS} runs")
    print(f"  started as: python {' '.join(start)}")
    print(f"  python -c pass: median {base * 1000:.0f} ms, CPU {cpu_text(baseline_cpu)}")
    print(f"  export, spawn to first request: {summary(now, base)}; CPU {cpu_text(now_cpu)}")
    if BEFORE:
        print(
            f"  older code's export, spawn to first request: {summary(before, base)}; "
            f"CPU {cpu_text(before_cpu)}"
        )
    print(
        f"  modules imported: {modules}; Qt modules: {len(qt)}; "
        f"asyncio/httpx/httpcore modules: {len(heavy)}"
    )


if __name__ == "__main__":
    main()
