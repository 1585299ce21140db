"""CPU to decode 10,000 calls (50 report pages of 200) into typed records, before and after.

Run from the repository root: PYTHONPATH=. .venv/bin/python bench/decode_bench.py [REPEATS]

The 50 page bodies are fetched once from a sandbox grown to 10,000 calls, then decoded in
this process, timed with ``time.process_time`` (CPU, not wall), best of REPEATS:

* before: ``json.loads`` of the body, ``parse_page`` with the tolerant ``parse_call``,
  and the raw JSON text of each row re-serialised (``json.dumps`` of the kept mapping,
  what the cache and JSON export did);
* after: ``decode_page`` (msgspec splits the body, each row decoded into structs in C,
  the tolerant reader only for rows outside the documented types), the raw JSON being
  the bytes received.

Both must give equal records. Also printed: building the history rows from the records
and formatting them as CSV (the rest of the export's work per row).
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx
from sandbox_data import grow_calls

from desktop.api.envelope import unwrap_envelope
from desktop.api.models import parse_call, parse_page
from desktop.api.models.call_wire import decode_call
from desktop.api.models.report_body import decode_page
from desktop.history.csv_export import CsvWriter
from desktop.history.rows import row_from_call
from desktop.sandbox.server import SandboxThread

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
TARGET = 10_000


def bodies() -> list[bytes]:
    start, end = date.today() - timedelta(days=31), date.today()
    with SandboxThread() as sandbox, httpx.Client(base_url=sandbox.base_url) as http:
        grow_calls(sandbox, TARGET)
        pages = []
        for posicao in range(0, TARGET, 200):
            params = {"data_inicio": str(start), "data_fim": str(end)}
            params.update(posicao=str(posicao), limite="200")
            answer = http.get(
                "/chamada/relatorio", params=params, headers={"Access-Token": sandbox.token}
            )
            pages.append(answer.content)
        return pages


def best(action: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(REPEATS):
        began = time.process_time()
        result = action()
        times.append(time.process_time() - began)
    return min(times), result


def before(pages: list[bytes]) -> list[Any]:
    calls = []
    for body in pages:
        page = parse_page(unwrap_envelope(200, body), parse_call, posicao=0, limite=200)
        for call in page.items:
            json.dumps(dict(call.raw), ensure_ascii=False, separators=(",", ":"), default=str)
            calls.append(call)
    return calls


def after(pages: list[bytes]) -> list[Any]:
    calls = []
    for body in pages:
        page = decode_page(
            200,
            body,
            "application/json",
            None,
            decode_item=decode_call,
            parse_item=parse_call,
            posicao=0,
            limite=200,
        )
        for call in page.items:
            call.raw.text()
            calls.append(call)
    return calls


def main() -> None:
    pages = bodies()
    old_cpu, old = best(lambda: before(pages))
    new_cpu, new = best(lambda: after(pages))
    assert old == new and len(new) == TARGET
    rows_cpu, rows = best(lambda: [row_from_call(c) for c in new])
    csv_cpu, _ = best(lambda: CsvWriter(io.BytesIO()).write(rows))
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; best of {REPEATS}")
    print(f"  decode {TARGET} calls, before: {old_cpu * 1000:.0f} ms CPU")
    print(f"  decode {TARGET} calls, after:  {new_cpu * 1000:.0f} ms CPU")
    print(f"  ratio {old_cpu / new_cpu:.1f}x")
    print(f"  history rows from the records: {rows_cpu * 1000:.0f} ms")
    print(f"  CSV of the rows: {csv_cpu * 1000:.0f} ms")


if __name__ == "__main__":
    main()
