"""Export rows to CSV (UTF-8 with BOM, for Excel); XLSX is :mod:`desktop.history.xlsx_export`.

Where the bytes go (a regular file replaced atomically, a device or FIFO written in
place) is :mod:`desktop.history.export_target`'s business.
"""

from __future__ import annotations

import codecs
import csv
import io
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from desktop.history.export_target import write_file
from desktop.history.export_words import DIRECTION_WORDS, OUTCOME_WORDS
from desktop.history.formatting import local_time
from desktop.history.rows import HistoryRow

__all__ = [
    "CsvWriter",
    "ExportColumn",
    "default_columns",
    "write_csv",
    "write_csv_to",
]

Cell = str | int | float | None
_CHUNK_ROWS = 1000


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


def _local_text(timestamp: float | None) -> str:
    """:func:`local_time` of a moment given in epoch seconds, without making a datetime."""
    if timestamp is None:
        return ""
    return time.strftime("%d/%m/%Y %H:%M:%S", time.localtime(timestamp))


def _default_cells(r: HistoryRow) -> list[Cell]:
    """The cells of :func:`default_columns` in one call (a report's rows go through here)."""
    return [
        r.call_id,
        _local_text(r.created_ts),
        DIRECTION_WORDS[r.direction],
        r.origin,
        r.destination,
        r.ramal,
        OUTCOME_WORDS[r.outcome],
        r.outcome_detail,
        r.origin_status,
        r.destination_status,
        "" if r.talk_seconds is None else r.talk_seconds,
        "" if r.total_seconds is None else r.total_seconds,
        r.reason,
        "" if r.price is None else str(r.price),
        r.tags,
        int(r.has_recording),
        "" if r.rating is None else r.rating,
    ]


class CsvWriter:
    """A CSV written into a binary stream as rows come: UTF-8 with a BOM, CRLF line ends.

    The BOM and the header go out at once; each :meth:`write` call encodes its rows in one
    piece, so a page of a report costs one write on the stream.
    """

    def __init__(
        self,
        stream: BinaryIO,
        columns: Sequence[ExportColumn] | None = None,
        delimiter: str = ";",
    ) -> None:
        self._stream = stream
        self._columns = list(columns or default_columns())
        self._delimiter = delimiter
        self._cells = _default_cells if columns is None else self._column_cells
        stream.write(codecs.BOM_UTF8)
        self._write([[c.header for c in self._columns]])

    def _write(self, lines: Iterable[Sequence[Cell]]) -> None:
        text = io.StringIO()
        csv.writer(text, delimiter=self._delimiter, lineterminator="\r\n").writerows(lines)
        self._stream.write(text.getvalue().encode("utf-8"))

    def _column_cells(self, row: HistoryRow) -> list[Cell]:
        return ["" if (v := c.value(row)) is None else v for c in self._columns]

    def write(self, rows: Iterable[HistoryRow]) -> None:
        """Append ``rows`` (encoded a thousand at a time, whatever their number)."""
        pending = iter(rows)
        while chunk := list(islice(pending, _CHUNK_ROWS)):
            self._write(map(self._cells, chunk))


def write_csv_to(
    stream: BinaryIO,
    rows: Iterable[HistoryRow],
    columns: Sequence[ExportColumn] | None = None,
    delimiter: str = ";",
) -> None:
    """Write the CSV into an open binary stream: UTF-8 with a BOM, CRLF line ends."""
    CsvWriter(stream, columns, delimiter).write(rows)


def write_csv(
    target: Path,
    rows: Iterable[HistoryRow],
    columns: Sequence[ExportColumn] | None = None,
    delimiter: str = ";",
) -> Path:
    """Write a CSV Excel opens with accents intact; returns the path written."""
    return write_file(target, lambda stream: write_csv_to(stream, rows, columns, delimiter))
