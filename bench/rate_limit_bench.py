"""Exporting 10,000 calls from a sandbox limited to 10 requests per second per token.

Run from the repository root: PYTHONPATH=. .venv/bin/python bench/rate_limit_bench.py [RATE …]
(default 10; several rates are measured one after the other against the same sandbox)

The sandbox (a child process, 10,000 calls) answers 429 with ``Retry-After`` above
``rate_limit_per_s``. Two measurements:

* ``python -m desktop export calls`` as a new process: every row must be written; its
  wall time gives the rate used, 50 page requests / time, against the allowed rate;
* the same report read in this process to show what the limiter did (the most requests
  in flight, how often it halved, the 429s it met): with the app's engine (httpx and an
  :class:`AdaptiveConcurrency`) and with the export's (``http.client`` threads and a
  :class:`ThreadedConcurrency`).

The bucket holds one second's worth, so the fastest possible read of 50 pages at 10/s
is 4 s (10 at once, then 40 at 10/s): the rate used can exceed 100 % slightly.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from sandbox_data import grow_calls

from desktop.api import ApiConfig, ApiHosts, Host, TotalVoiceClient
from desktop.api.blocking_transport import BlockingTransport
from desktop.api.concurrency import AdaptiveConcurrency
from desktop.api.models.page import Page
from desktop.api.pacing import PacingState, ThreadedConcurrency
from desktop.api.report_answer import CALL_REPORT_PATH, ReportAnswer, record_bytes, record_of
from desktop.api.threaded_paging import ThreadedPages
from desktop.api.wire import report_query
from desktop.sandbox.server import SandboxThread

TARGET = 10_000
PAGES = TARGET // 200
NUMBERS = [float(a) for a in sys.argv[1:] if a.replace(".", "").isdigit()]
RATES = NUMBERS or [10.0]
START, END = date.today() - timedelta(days=31), date.today()
ROOT = Path(__file__).resolve().parents[1]


def serve() -> None:
    with SandboxThread() as sandbox:
        grow_calls(sandbox, TARGET)
        print(sandbox.base_url, sandbox.token, flush=True)
        sys.stdin.read()


def export(base_url: str, token: str) -> float:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "calls.csv"
        argv = [sys.executable, "-m", "desktop", "export", "calls", "--from", str(START)]
        argv += ["--to", str(END), "--api-url", base_url, "--output", str(target)]
        env = dict(os.environ, RAMAL_DESKTOP_TOKEN=token)
        began = time.perf_counter()
        done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - began
        assert done.returncode == 0, done.stderr
        rows = target.read_bytes().count(b"\r\n") - 1
        assert rows == TARGET, rows
        return wall


async def in_process(base_url: str, token: str) -> tuple[float, AdaptiveConcurrency]:
    pacing = AdaptiveConcurrency()
    async with TotalVoiceClient(token, ApiConfig(hosts=ApiHosts.single(base_url))) as client:
        report = client.chamadas.report(START, END)
        began = time.perf_counter()
        count = 0
        async for page in report.stream(concurrency=pacing, speculate=True):
            count += len(page.items)
        assert count == TARGET, count
        return time.perf_counter() - began, pacing


def threaded(base_url: str, token: str) -> tuple[float, ThreadedConcurrency]:
    transport = BlockingTransport(token, ApiConfig(hosts=ApiHosts.single(base_url)))

    def fetch(posicao: int, limite: int) -> Page[bytes]:
        params = report_query(START, END, posicao, limite)
        answer = transport.request(
            "GET", Host.V1, CALL_REPORT_PATH, params=params, decode=ReportAnswer
        )
        assert isinstance(answer, ReportAnswer)
        return answer.page(record_bytes, record_of, posicao=posicao, limite=limite)

    pacing = ThreadedConcurrency()
    began = time.perf_counter()
    with ThreadedPages(fetch, concurrency=pacing, speculate=True) as pages:
        count = sum(len(page.items) for page in pages)
    assert count == TARGET, count
    return time.perf_counter() - began, pacing


def report(what: str, elapsed: float, pacing: PacingState, rate: float) -> None:
    paced = f"{pacing.rate:.1f}/s" if pacing.rate is not None else "none"
    print(
        f"  {what}: {elapsed:.2f}s, {PAGES / elapsed / rate:.0%} of the rate; "
        f"429s met {pacing.refusals}, halvings {pacing.cuts}, most in flight {pacing.peak}, "
        f"paced rate at the end {paced}"
    )


def measure(base_url: str, token: str, rate: float) -> None:
    httpx.post(f"{base_url}/_sandbox/settings", json={"rate_limit_per_s": rate})
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {rate:g}/s")
    time.sleep(1.5)  # a full bucket for each measurement
    elapsed, pacing = asyncio.run(in_process(base_url, token))
    report("in-process read, httpx", elapsed, pacing, rate)
    time.sleep(1.5)
    elapsed, blocking = threaded(base_url, token)
    report("in-process read, threads", elapsed, blocking, rate)
    time.sleep(1.5)
    wall = export(base_url, token)
    print(
        f"  export process: {wall:.2f}s for {PAGES} pages, {PAGES / wall:.1f} requests/s "
        f"= {PAGES / wall / rate:.0%} of the allowed rate, every row written "
        f"(load {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        base_url, token = child.stdout.readline().split()  # type: ignore[union-attr]
        for rate in RATES:
            measure(base_url, token, rate)
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(10)


if __name__ == "__main__":
    serve() if "--serve" in sys.argv else main()
