"""Export rows to CSV (UTF-8 with BOM, for Excel) or XLSX when XlsxWriter is installed.

Files are written next to the target and renamed into place, so a failed export never
leaves a half-written file under the chosen name.
"""

from __future__ import annotations

import csv
import importlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from desktop.history.formatting import local_time
from desktop.history.rows import HistoryRow

__all__ = [
    "ExportColumn",
    "default_columns",
    "write_csv",
    "write_xlsx",
    "xlsx_available",
]

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class ExportColumn:
    """A header and how to read the cell from a row."""

    header: str
    value: Callable[[HistoryRow], Cell]


def default_columns(
    outcome_words: Callable[[HistoryRow], str] | None = None,
) -> list[ExportColumn]:
    """Columns of an export; headers follow the API's Portuguese names."""
    words = outcome_words or (lambda r: r.outcome.value)
    return [
        ExportColumn("id", lambda r: r.call_id),
        ExportColumn("data", lambda r: local_time(r.created)),
        ExportColumn("direcao", lambda r: r.direction.value),
        ExportColumn("origem", lambda r: r.origin),
        ExportColumn("destino", lambda r: r.destination),
        ExportColumn("ramal", lambda r: r.ramal),
        ExportColumn("resultado", words),
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


def _atomic(target: Path, write: Callable[[Path], None]) -> Path:
    target = Path(target)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(Path(temp))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def write_csv(
    target: Path,
    rows: Iterable[HistoryRow],
    columns: Sequence[ExportColumn] | None = None,
    delimiter: str = ";",
) -> Path:
    """Write a CSV Excel opens with accents intact; returns the path."""
    cols = list(columns or default_columns())

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle, delimiter=delimiter)
            out.writerow([c.header for c in cols])
            for row in rows:
                out.writerow(["" if (v := c.value(row)) is None else v for c in cols])

    return _atomic(target, write)


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

    def write(path: Path) -> None:
        book = module.Workbook(str(path), {"constant_memory": True})
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

    return _atomic(target, write)
