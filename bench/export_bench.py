"""``ramal-desktop export calls`` (a whole process) vs sequential paging, 10,000 calls.

Run from the repository root: PYTHONPATH=. .venv/bin/python bench/export_bench.py [DELAY_MS] [RUNS]
(defaults 50 and 3).

The sandbox runs in a child process (its own GIL, like a real server), grown to 10,000
calls; one fault adds ``DELAY_MS`` to every report page. Each run measures, one after the
other against the same server:

* sequential: this process pages ``/chamada/relatorio`` 200 rows at a time, one request
  after the other, and builds the typed records (the client already warm: no start-up);
* export: ``python -m desktop export calls --output FILE`` as a new process, timed from
  spawn to exit (start-up, imports, every page, CSV written and renamed into place).

The ratio is from the same run. The export's CSV is checked to hold every call. With
``BEFORE=DIR`` (a checkout of older code, e.g. ``git archive`` of a commit) the export is
also timed from that tree, in the same run. ``FORMAT=json`` exports JSON instead of
CSV (the records as received). Each line gives the CPU the sandbox used
serving the export (read from ``/proc``, Linux) and the load average when it ended.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from sandbox_data import grow_calls

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.sandbox.server import SandboxThread

TARGET = 10_000
NUMBERS = [int(a) for a in sys.argv[1:] if a.isdigit()]
DELAY_MS = NUMBERS[0] if NUMBERS else 50
RUNS = NUMBERS[1] if len(NUMBERS) > 1 else 3
START, END = date.today() - timedelta(days=31), date.today()
ROOT = Path(__file__).resolve().parents[1]
SEQUENTIAL_CPU: list[float] = []
BEFORE = Path(os.environ["BEFORE"]) if os.environ.get("BEFORE") else None
FORMAT = os.environ.get("FORMAT", "csv")


async def sequential(base_url: str, token: str) -> tuple[float, int]:
    hosts = ApiHosts.single(base_url)
    async with TotalVoiceClient(token, ApiConfig(hosts=hosts)) as client:
        await client.chamadas.report_page(START, END, limite=1)  # connection open
        began, cpu = time.perf_counter(), time.process_time()
        count = 0
        async for _call in client.chamadas.report(START, END).items(200):
            count += 1
        SEQUENTIAL_CPU.append(time.process_time() - cpu)
        return time.perf_counter() - began, count


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def export(base_url: str, token: str, target: Path, tree: Path = ROOT) -> float:
    env = dict(os.environ, RAMAL_DESKTOP_TOKEN=token)
    argv = [sys.executable, "-m", "desktop", "export", "calls", "--from", str(START)]
    argv += ["--to", str(END), "--api-url", base_url, "--output", str(target)]
    argv += ["--format", FORMAT]
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=tree, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - began
    assert done.returncode == 0, done.stderr
    return elapsed


def written(target: Path) -> int:
    """Calls in the exported file."""
    if FORMAT == "json":
        return len(json.loads(target.read_bytes()))
    return target.read_bytes().count(b"\r\n") - 1


def server_cpu(pid: int) -> float:
    """CPU seconds the sandbox process has used so far (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve() -> None:
    """Child process: the sandbox grown to 10,000 calls."""
    with SandboxThread() as sandbox:
        grow_calls(sandbox, TARGET)
        print(sandbox.base_url, sandbox.token, flush=True)
        sys.stdin.read()


def main() -> None:
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        base_url, token = child.stdout.readline().split()  # type: ignore[union-attr]
        fault = {"method": "GET", "path": "/chamada/relatorio", "delay_ms": DELAY_MS}
        httpx.post(f"{base_url}/_sandbox/faults", json={**fault, "count": 1_000_000})
        print(
            f"{TARGET} calls as {FORMAT}, {DELAY_MS} ms per page, "
            f"machine: {os.cpu_count()} CPUs, "
            f"load {os.getloadavg()[0]:.1f}"
        )
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"calls.{FORMAT}"
            export(base_url, token, target)  # untimed: sandbox JSON built, files cached
            for run in range(1, RUNS + 1):
                seq, count = asyncio.run(sequential(base_url, token))
                cpu, served = children_cpu(), server_cpu(child.pid)
                exp = export(base_url, token, target)
                exp_cpu, exp_served = children_cpu() - cpu, server_cpu(child.pid) - served
                lines = written(target)
                assert lines == count >= TARGET, (lines, count)
                line = (
                    f"  run {run}: sequential {seq:.2f}s, export {exp:.2f}s, ratio {seq / exp:.1f}x"
                )
                if BEFORE:
                    cpu, served = children_cpu(), server_cpu(child.pid)
                    old = export(base_url, token, target, BEFORE)
                    old_cpu, old_served = children_cpu() - cpu, server_cpu(child.pid) - served
                    line += f"; older code's export {old:.2f}s ({old_cpu:.2f}s CPU, "
                    line += f"sandbox {old_served:.2f}s), ratio {seq / old:.1f}x"
                line += f"; CPU: sequential {SEQUENTIAL_CPU[-1]:.2f}s, export {exp_cpu:.2f}s"
                line += f", sandbox serving the export {exp_served:.2f}s"
                print(line + f" ({lines} rows; load {os.getloadavg()[0]:.1f})")
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(10)


if __name__ == "__main__":
    serve() if "--serve" in sys.argv else main()
