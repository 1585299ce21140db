"""Export rows to CSV (UTF-8 with BOM, for Excel) or XLSX when XlsxWriter is installed.

Where the bytes go (a regular file replaced atomically, a device or FIFO written in
place) is :mod:`desktop.history.export_target`'s business.
"""

from __future__ import annotations

import codecs
import csv
import importlib
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

from desktop.history.export_target import write_file
from desktop.history.export_words import DIRECTION_WORDS, OUTCOME_WORDS
from desktop.history.formatting import local_time
from desktop.history.rows import HistoryRow

__all__ = [
    "ExportColumn",
    "default_columns",
    "write_csv",
    "write_csv_to",
    "write_xlsx",
    "xlsx_available",
]

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class ExportColumn:
    """A header and how to read the cell from a row."""

    header: str
    value: Callable[[HistoryRow], Cell]


def default_columns() -> list[ExportColumn]:
    """Columns of an export; headers follow the API's Portuguese names, words are Portuguese."""
    return [
        ExportColumn("id", lambda r: r.call_id),
        ExportColumn("data", lambda r: local_time(r.created)),
        ExportColumn("direcao", lambda r: DIRECTION_WORDS[r.direction]),
        ExportColumn("origem", lambda r: r.origin),
        ExportColumn("destino", lambda r: r.destination),
        ExportColumn("ramal", lambda r: r.ramal),
        ExportColumn("resultado", lambda r: OUTCOME_WORDS[r.outcome]),
        ExportColumn("detalhe", lambda r: r.outcome_detail),
        ExportColumn("status_origem", lambda r: r.origin_status),
        ExportColumn("status_destino", lambda r: r.destination_status),
        ExportColumn("duracao_falada_segundos", lambda r: r.talk_seconds),
        ExportColumn("duracao_segundos", lambda r: r.total_seconds),
        ExportColumn("motivo_desconexao", lambda r: r.reason),
        ExportColumn("preco", lambda r: None if r.price is None else str(r.price)),
        ExportColumn("tags", lambda r: r.tags),
        ExportColumn("gravacao", lambda r: int(r.has_recording)),
        ExportColumn("avaliacao", lambda r: r.rating),
    ]


class _Utf8Lines:
    """The text side of a binary stream, for :func:`csv.writer`."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(text.encode("utf-8"))


def write_csv_to(
    stream: BinaryIO,
    rows: Iterable[HistoryRow],
    columns: Sequence[ExportColumn] | None = None,
    delimiter: str = ";",
) -> None:
    """Write the CSV into an open binary stream: UTF-8 with a BOM, CRLF line ends."""
    cols = list(columns or default_columns())
    stream.write(codecs.BOM_UTF8)
    out = csv.writer(_Utf8Lines(stream), delimiter=delimiter, lineterminator="\r\n")
    out.writerow([c.header for c in cols])
    for row in rows:
        out.writerow(["" if (v := c.value(row)) is None else v for c in cols])


def write_csv(
    target: Path,
    rows: Iterable[HistoryRow],
    columns: Sequence[ExportColumn] | None = None,
    delimiter: str = ";",
) -> Path:
    """Write a CSV Excel opens with accents intact; returns the path written."""
    return write_file(target, lambda stream: write_csv_to(stream, rows, columns, delimiter))


def _xlsxwriter() -> ModuleType | None:
    try:
        return importlib.import_module("xlsxwriter")
    except ImportError:
        return None


def xlsx_available() -> bool:
    """True when XlsxWriter is installed."""
    return _xlsxwriter() is not None


def write_xlsx(
    target: Path,
    rows: Iterable[HistoryRow],
    columns: Sequence[ExportColumn] | None = None,
) -> Path:
    """Write an XLSX sheet; raises RuntimeError when XlsxWriter is missing."""
    module = _xlsxwriter()
    if module is None:
        raise RuntimeError("XlsxWriter is not installed")
    cols = list(columns or default_columns())

    def write(stream: BinaryIO) -> None:
        # Packed in memory: XlsxWriter leaves its zip open when the disk fails under it.
        packed = io.BytesIO()
        book = module.Workbook(packed, {"constant_memory": True})
        sheet = book.add_worksheet("Chamadas")
        bold = book.add_format({"bold": True})
        for col, column in enumerate(cols):
            sheet.write_string(0, col, column.header, bold)
        for line, row in enumerate(rows, start=1):
            for col, column in enumerate(cols):
                value = column.value(row)
                if isinstance(value, int | float):
                    sheet.write_number(line, col, value)
                elif value:
                    sheet.write_string(line, col, str(value))
        book.close()
        stream.write(packed.getbuffer())

    return write_file(target, write)
