"""Headless start-up: from spawning ``ramal-desktop export calls`` to its first request.

Run from the repository root: PYTHONPATH=. .venv/bin/python bench/startup_bench.py [RUNS]

A bare TCP listener in this process notes when the first bytes of the export's first
HTTP request arrive, answers an empty report, and the export exits. Also checked: the
export process never imports Qt (``-X importtime`` lists every module it loads). The
baseline is ``python -c pass`` spawned the same way.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
ROOT = Path(__file__).resolve().parents[1]
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


def spawn(argv: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=False)
    return began


def main() -> None:
    listener = FirstByte()
    env = dict(os.environ, RAMAL_DESKTOP_TOKEN="bench-token")
    argv = [sys.executable, "-m", "desktop", "export", "calls", "--from", "2026-11-01"]
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
    modules = sum(line.startswith("import time:") for line in imported.splitlines()) - 1
    baseline = []
    for _ in range(RUNS):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=False)
        baseline.append(time.perf_counter() - began)
    firsts = []
    for _ in range(RUNS):
        listener.arrivals.clear()
        began = spawn(argv, env)
        firsts.append(listener.arrivals[0] - began)
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {RUNS} runs")
    print(f"  python -c pass: median {statistics.median(baseline) * 1000:.0f} ms")
    print(
        f"  export, spawn to first request: median {statistics.median(firsts) * 1000:.0f} ms, "
        f"min {min(firsts) * 1000:.0f} ms, max {max(firsts) * 1000:.0f} ms"
    )
    print(f"  modules imported: {modules}; Qt modules: {len(qt)}")


if __name__ == "__main__":
    main()
