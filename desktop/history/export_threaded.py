"""``export calls`` on the standard library: ``http.client`` on worker threads.

The default engine (:mod:`desktop.api.blocking_transport`,
:mod:`desktop.api.threaded_paging`): asyncio and httpx take longer to import than the
whole export takes without them. The first requests go out before the decoders and
writers are imported.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop.api.config import ApiConfig, Host
from desktop.api.errors import RamalApiError
from desktop.history.export_output import (
    RAMAIS_SINCE,
    JsonWriter,
    ProgressLine,
    failed,
    finished,
    missing_from,
    to_stdout,
)

if TYPE_CHECKING:
    from desktop.api.blocking_transport import BlockingTransport
    from desktop.api.models.calls import Call
    from desktop.api.models.page import Page
    from desktop.api.models.ramais import Ramal
    from desktop.api.threaded_paging import ThreadedPages
    from desktop.history.rows import HistoryRow

__all__ = ["export_threaded"]


def export_threaded(ns: argparse.Namespace, token: str, config: ApiConfig) -> int:
    """Export with the standard-library engine; returns the exit code."""
    from desktop.api.blocking_transport import BlockingTransport

    progress = ProgressLine(sys.stderr)
    try:
        transport = BlockingTransport(token, config)
        with _call_pages(ns, transport, progress) as pages:
            # The ramal list is read while the first pages of calls are on their way.
            ramais = _ramal_pages(transport) if ns.ramal else None
            _load_readers(ns)  # while the first answers are on their way
            if ramais is not None:
                with ramais:
                    missing = missing_from((r for p in ramais for r in p.items), ns.ramal)
                if missing:
                    print(f"erro: {missing}", file=sys.stderr)
                    return 4
            from pathlib import Path

            from desktop.history.export_target import open_target

            if ns.output is not None:
                with open_target(Path(ns.output)) as (stream, _written):
                    count = _write_pages(ns, pages, stream)
            else:
                count = to_stdout(lambda stream: _write_pages(ns, pages, stream))
    except (RamalApiError, OSError) as exc:
        return failed(ns, exc, progress)
    return finished(ns, count, progress)


def _call_pages(
    ns: argparse.Namespace, transport: BlockingTransport, progress: ProgressLine
) -> ThreadedPages[Any]:
    """Start reading the period's call report; pages of calls, or of records for JSON."""
    from desktop.api.report_answer import CALL_REPORT_PATH, ReportAnswer
    from desktop.api.threaded_paging import ThreadedPages
    from desktop.api.wire import report_query

    start, end = ns.start, ns.end
    records = ns.format == "json" and not ns.ramal  # written as received, never decoded
    report_query(start, end, 0, 1)  # fail now, not at the first page

    def fetch(posicao: int, limite: int) -> Any:
        params = report_query(start, end, posicao, limite)
        answer = transport.request(
            "GET", Host.V1, CALL_REPORT_PATH, params=params, decode=ReportAnswer
        )
        assert isinstance(answer, ReportAnswer)  # what ``decode`` returns
        if records:
            from desktop.api.report_answer import record_bytes, record_of

            return answer.page(record_bytes, record_of, posicao=posicao, limite=limite)
        from desktop.api.models.call_wire import decode_call
        from desktop.api.models.calls import parse_call

        return answer.page(decode_call, parse_call, posicao=posicao, limite=limite)

    # An export is usually of a long period: its first round of pages goes out at once.
    return ThreadedPages(
        fetch,
        concurrency=ns.concurrency,
        progress=progress,
        speculate=True,
        on_worker_exit=transport.close,
    )


def _load_readers(ns: argparse.Namespace) -> None:
    """Import what reads and writes the pages, before the first answer needs it."""
    modules = ["desktop.api.models.report_body"]
    if ns.format != "json" or ns.ramal:
        modules += ["desktop.api.models.call_wire", "desktop.history.rows"]
    if ns.format == "csv":
        modules.append("desktop.history.csv_export")
    elif ns.format == "xlsx":
        modules.append("desktop.history.xlsx_export")
    for name in modules:
        __import__(name)  # the import statement's road: -X importtime lists these too


def _ramal_pages(transport: BlockingTransport) -> ThreadedPages[Ramal]:
    """Start reading the account's ramal list with ``transport``."""
    from desktop.api.models.ramais import RAMAL_REPORT_PATH, parse_ramal_page
    from desktop.api.threaded_paging import ThreadedPages
    from desktop.api.wire import report_query

    until = date.today()

    def fetch(posicao: int, limite: int) -> Page[Ramal]:
        params = report_query(RAMAIS_SINCE, until, posicao, limite)
        dados = transport.request("GET", Host.RAMAL, RAMAL_REPORT_PATH, params=params)
        return parse_ramal_page(dados, posicao=posicao, limite=limite)

    return ThreadedPages(fetch, on_worker_exit=transport.close)


def _write_pages(ns: argparse.Namespace, pages: Iterator[Any], stream: BinaryIO) -> int:
    """Write each page as it arrives, in report order; returns how many calls were written."""
    if ns.format == "json":
        return _write_json(_record_pages(ns, pages), stream)
    return _write_rows(ns, _row_pages(ns.ramal or None, pages), stream)


def _row_pages(ramal: str | None, pages: Iterator[Any]) -> Iterator[list[HistoryRow]]:
    """The rows of pages of calls (only ``ramal``'s when given)."""
    from desktop.history.rows import row_from_call, rows_for_ramal

    for page in pages:
        yield rows_for_ramal([row_from_call(call) for call in page.items], ramal)


def _record_pages(ns: argparse.Namespace, pages: Iterator[Any]) -> Iterator[list[bytes]]:
    """The JSON records of the pages: as received, or those of ``--ramal``'s calls."""
    if not ns.ramal:
        for page in pages:
            yield list(page.items)
        return
    from desktop.history.rows import raw_text, row_from_call, rows_for_ramal

    def kept(call: Call) -> bool:
        return bool(rows_for_ramal([row_from_call(call)], ns.ramal))

    for page in pages:
        yield [raw_text(call.raw).encode("utf-8") for call in page.items if kept(call)]


def _write_json(pages: Iterable[list[bytes]], stream: BinaryIO) -> int:
    count = 0
    json = JsonWriter(stream)
    for records in pages:
        json.write(records)
        count += len(records)
    json.finish()
    return count


def _write_rows(ns: argparse.Namespace, pages: Iterable[list[HistoryRow]], stream: BinaryIO) -> int:
    count = 0
    if ns.format == "xlsx":
        from desktop.history.xlsx_export import XlsxSheetWriter

        # The sheet's rows go to a temporary file page by page; the workbook to ``stream`` last.
        with XlsxSheetWriter(stream) as sheet:
            for rows in pages:
                sheet.write(rows)
                count += len(rows)
            sheet.finish()
        return count
    from desktop.history.csv_export import CsvWriter

    csv = CsvWriter(stream, delimiter=ns.delimiter)
    for rows in pages:
        csv.write(rows)
        count += len(rows)
    return count
