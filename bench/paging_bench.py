"""10,000-call report: concurrent vs sequential paging, with injected latency per page

Run: .venv/bin/python bench/paging_bench.py [DELAY_MS]  (default 120).

"""

from __future__ import annotations

import asyncio
import copy
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


async def measure(sandbox: SandboxThread) -> tuple[float, float, int]:
    hosts = ApiHosts.single(sandbox.base_url)
    start, end = date.today() - timedelta(days=31), date.today()
    async with TotalVoiceClient(sandbox.token, ApiConfig(hosts=hosts)) as client:
        t0 = time.perf_counter()
        sequential = [c async for c in client.chamadas.report(start, end).items(200)]
        t1 = time.perf_counter()
        concurrent = await client.chamadas.report(start, end).fetch_all(concurrency=8)
        t2 = time.perf_counter()
        await HistorySource(client, concurrency=8).fetch(start, end)  # the panel's full path
        t3 = time.perf_counter()
    print(f"  panel fetch incl. row building: {t3 - t2:.2f}s")
    assert len(sequential) == len(concurrent) >= TARGET
    return t1 - t0, t2 - t1, len(concurrent)


def serve() -> None:
    """Child process: the sandbox grown to 10,000 calls (its own GIL, like a real server).

    The sandbox sorts every call on each report request (~95 ms for 10,000 rows), which
    would make the server, not the client, the thing measured; the child memoises that
    sort (the data does not change during the run).
    """
    from desktop.sandbox.store import Store

    original = Store.sorted_calls
    memo: dict[int, list[object]] = {}

    def sorted_once(self: Store) -> list[object]:
        key = len(self.calls)
        if key not in memo:
            memo.clear()
            memo[key] = original(self)  # type: ignore[assignment]
        return memo[key]

    Store.sorted_calls = sorted_once  # type: ignore[assignment,method-assign]
    with SandboxThread() as sandbox:
        sandbox._loop.call_soon_threadsafe(grow, sandbox)  # type: ignore[union-attr]
        time.sleep(1.0)
        print(sandbox.base_url, flush=True)
        sys.stdin.read()


class Remote:
    def __init__(self, base_url: str) -> None:
        self.base_url, self.token = base_url, "sandbox-token"


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
        seq, conc, n = asyncio.run(measure(sandbox))  # type: ignore[arg-type]
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
