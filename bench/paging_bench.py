"""10,000-call report: concurrent vs sequential paging, with injected latency per page.

Run: .venv/bin/python bench/paging_bench.py [DELAY_MS]  (default 120).

The sandbox runs in a child process (its own GIL, like a real server); one fault adds the
same ``DELAY_MS`` to every report page of both modes; both modes run in the same process
one after the other, so the ratio comes from one run. CPU seconds of the client and of
the sandbox process are printed per mode, to show where the time goes.
"""

from __future__ import annotations

import asyncio
import copy
import os
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

import httpx

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.history.source import HistorySource
from desktop.sandbox.server import SandboxThread

TARGET = 10_000
DELAY_MS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 120


def grow(sandbox: SandboxThread) -> None:
    store = sandbox.server.store  # type: ignore[union-attr]
    seeded = list(store.calls.values())
    next_id = store.next_call_id
    while len(store.calls) < TARGET:
        clone = copy.deepcopy(seeded[len(store.calls) % len(seeded)])
        clone.id = next_id
        store.calls[next_id] = clone
        next_id += 1
    store.next_call_id = next_id


class Remote:
    def __init__(self, base_url: str) -> None:
        self.base_url, self.token = base_url, "sandbox-token"


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of this process, or of ``pid`` read from /proc (Linux)."""
    if pid is None:
        return time.process_time()
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(sandbox: Remote, server_pid: int) -> tuple[float, float, int]:
    hosts = ApiHosts.single(sandbox.base_url)
    start, end = date.today() - timedelta(days=31), date.today()
    async with TotalVoiceClient(sandbox.token, ApiConfig(hosts=hosts)) as client:
        # untimed pass: connections open and the sandbox's per-call JSON built for both modes
        await client.chamadas.report(start, end).fetch_all(concurrency=8)
        marks = [(time.perf_counter(), cpu_seconds(), cpu_seconds(server_pid))]
        sequential = [c async for c in client.chamadas.report(start, end).items(200)]
        marks.append((time.perf_counter(), cpu_seconds(), cpu_seconds(server_pid)))
        concurrent = await client.chamadas.report(start, end).fetch_all(concurrency=8)
        marks.append((time.perf_counter(), cpu_seconds(), cpu_seconds(server_pid)))
        await HistorySource(client, concurrency=8).fetch(start, end)  # the panel's full path
        t3 = time.perf_counter()
    for label, before, after in (
        ("sequential", marks[0], marks[1]),
        ("concurrent", marks[1], marks[2]),
    ):
        print(
            f"  {label}: wall {after[0] - before[0]:.2f}s, client CPU "
            f"{after[1] - before[1]:.2f}s, sandbox CPU {after[2] - before[2]:.2f}s"
        )
    print(f"  panel fetch incl. row building: {t3 - marks[2][0]:.2f}s")
    assert len(sequential) == len(concurrent) >= TARGET
    return marks[1][0] - marks[0][0], marks[2][0] - marks[1][0], len(concurrent)


def serve() -> None:
    """Child process: the sandbox grown to 10,000 calls (its own GIL, like a real server)."""
    with SandboxThread() as sandbox:
        sandbox._loop.call_soon_threadsafe(grow, sandbox)  # type: ignore[union-attr]
        time.sleep(1.0)
        print(sandbox.base_url, flush=True)
        sys.stdin.read()


def main() -> None:
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        sandbox = Remote(child.stdout.readline().strip())  # type: ignore[union-attr]
        httpx.post(
            f"{sandbox.base_url}/_sandbox/faults",
            json={
                "method": "GET",
                "path": "/chamada/relatorio",
                "delay_ms": DELAY_MS,
                "count": 10_000,
            },
        )
        seq, conc, n = asyncio.run(measure(sandbox, child.pid))
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(10)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"rows={n} delay={DELAY_MS}ms sequential={seq:.2f}s concurrent(8)={conc:.2f}s "
        f"ratio={seq / conc:.1f}x peak_rss={rss}MB"
    )


if __name__ == "__main__":
    serve() if "--serve" in sys.argv else main()
