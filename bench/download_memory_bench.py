"""Memory while downloading a 100 MB recording through the API client.

A tiny aiohttp server mimics GET /chamada/{id}/gravacao (audio/mpeg, streamed in 64 KiB
chunks). Python heap peak (tracemalloc) and process RSS are sampled during the download.

Run: .venv/bin/python bench/download_memory_bench.py
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import tracemalloc
from pathlib import Path

from aiohttp import web

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient

SIZE = 100 * 1024 * 1024
CHUNK = b"\xff\xfb\x90\x64" * 16384  # 64 KiB


async def recording(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(
        headers={"Content-Type": "audio/mpeg", "Content-Length": str(SIZE)}
    )
    await response.prepare(request)
    for _ in range(SIZE // len(CHUNK)):
        await response.write(CHUNK)
    return response


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def main() -> None:
    app = web.Application()
    app.router.add_get(r"/chamada/{id:\d+}/gravacao", recording)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    samples: list[float] = []

    def progress(done: int, total: int | None) -> None:
        if done % (10 * 1024 * 1024) < 65536:
            samples.append(rss_mb())

    hosts = ApiHosts.single(f"http://127.0.0.1:{port}")
    with tempfile.TemporaryDirectory() as work:
        async with TotalVoiceClient("t", ApiConfig(hosts=hosts)) as client:
            before = rss_mb()
            tracemalloc.start()
            t = time.perf_counter()
            path = await client.chamadas.download_recording(
                1, Path(work) / "big.mp3", progress=progress
            )
            elapsed = time.perf_counter() - t
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            size = path.stat().st_size
    await runner.cleanup()
    print(
        f"size={size / 2**20:.0f} MiB time={elapsed:.2f}s rss_before={before:.0f} MB "
        f"rss_during(every 10 MiB)={', '.join(f'{s:.0f}' for s in samples)} MB "
        f"python_heap_peak={peak / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    asyncio.run(main())
