"""``export calls`` on the app's httpx client, used when a proxy is set in the environment.

httpx routes requests by ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY``;
the standard-library engine does not.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from contextlib import aclosing
from datetime import date
from typing import TYPE_CHECKING, BinaryIO

from desktop.api.config import ApiConfig
from desktop.api.errors import RamalApiError
from desktop.history.export_output import (
    RAMAIS_SINCE,
    JsonWriter,
    ProgressLine,
    discard_stdout,
    failed,
    finished,
    missing_from,
    open_stdout,
)

if TYPE_CHECKING:
    from desktop.api.client import TotalVoiceClient
    from desktop.history.source import HistorySource

__all__ = ["export_with_httpx"]


async def _export(ns: argparse.Namespace, client: TotalVoiceClient) -> int:
    from pathlib import Path

    from desktop.history.export_target import open_target
    from desktop.history.source import HistorySource

    progress = ProgressLine(sys.stderr)
    # No window to keep responsive: pages are decoded and rows built in place, sparing
    # the hops to a worker thread (which would only wait for the same GIL). An export is
    # usually of a long period: its first round of pages goes out at once.
    source = HistorySource(
        client,
        ramal=ns.ramal or None,
        concurrency=ns.concurrency,
        offload=False,
        speculate=True,
    )
    try:
        if ns.ramal and (missing := await _missing_ramal(client, ns.ramal)):
            print(f"erro: {missing}", file=sys.stderr)
            return 4
        if ns.output is not None:
            with open_target(Path(ns.output)) as (stream, _written):
                count = await _write(ns, source, stream, progress)
        else:
            count = await _write_stdout(ns, source, progress)
    except (RamalApiError, OSError) as exc:
        return failed(ns, exc, progress)
    finally:
        await client.aclose()
    return finished(ns, count, progress)


async def _write(
    ns: argparse.Namespace, source: HistorySource, stream: BinaryIO, progress: ProgressLine
) -> int:
    """Write each page as it arrives, in report order; returns how many calls were written."""
    from desktop.history.csv_export import CsvWriter

    if ns.format == "xlsx":
        return await _write_xlsx(ns, source, stream, progress)
    count = 0
    if ns.format == "json":
        json = JsonWriter(stream)
        records = source.stream_records(ns.start, ns.end, progress)
        async with aclosing(records):
            async for page in records:
                json.write(page)
                count += len(page)
        json.finish()
        return count
    csv = CsvWriter(stream, delimiter=ns.delimiter)
    pages = source.stream(ns.start, ns.end, progress)
    async with aclosing(pages):
        async for fetched in pages:
            csv.write(f.row for f in fetched)
            count += len(fetched)
    return count


async def _write_xlsx(
    ns: argparse.Namespace, source: HistorySource, stream: BinaryIO, progress: ProgressLine
) -> int:
    """The sheet's rows go to a temporary file page by page; the workbook to ``stream`` last."""
    from desktop.history.xlsx_export import XlsxSheetWriter

    count = 0
    with XlsxSheetWriter(stream) as sheet:
        pages = source.stream(ns.start, ns.end, progress)
        async with aclosing(pages):
            async for fetched in pages:
                sheet.write(f.row for f in fetched)
                count += len(fetched)
        sheet.finish()
    return count


async def _missing_ramal(client: TotalVoiceClient, ramal: str) -> str:
    """:func:`missing_from` the account's ramal list, read with ``client``."""
    return missing_from(await client.ramais.report(RAMAIS_SINCE, date.today()).fetch_all(), ramal)


async def _write_stdout(
    ns: argparse.Namespace, source: HistorySource, progress: ProgressLine
) -> int:
    """Write to standard output and flush, so that its errors are seen here."""
    stream = open_stdout()
    try:
        count = await _write(ns, source, stream, progress)
        stream.flush()
    except OSError:
        discard_stdout()
        raise
    return count


def export_with_httpx(ns: argparse.Namespace, token: str, config: ApiConfig) -> int:
    """Export with the app's httpx client (it routes by proxy variables); the exit code."""
    return asyncio.run(_main(ns, token, config))


async def _main(ns: argparse.Namespace, token: str, config: ApiConfig) -> int:
    from desktop.api.client import TotalVoiceClient

    return await _export(ns, TotalVoiceClient(token, config))
