"""Export rows to an XLSX workbook as they come, in constant memory (XlsxWriter).

Where the bytes go (a regular file replaced atomically, a device or FIFO written in
place) is :mod:`desktop.history.export_target`'s business.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType, TracebackType
from typing import BinaryIO

from desktop.history.csv_export import ExportColumn, default_columns
from desktop.history.export_target import write_file
from desktop.history.rows import HistoryRow

__all__ = ["COPY_BYTES", "SHEET_NAME", "XlsxSheetWriter", "write_xlsx", "xlsx_available"]

SHEET_NAME = "Chamadas"
#: The most the workbook puts on the output stream in one write.
COPY_BYTES = 1 << 16


def _xlsxwriter() -> ModuleType | None:
    try:
        return importlib.import_module("xlsxwriter")
    except ImportError:
        return None


def xlsx_available() -> bool:
    """True when XlsxWriter is installed."""
    return _xlsxwriter() is not None


class XlsxSheetWriter:
    """One sheet of calls written a page at a time; :meth:`finish` puts the workbook on the stream.

    XlsxWriter's constant-memory mode writes each row out to a temporary file as soon as
    the next one starts, so nothing of the report stays in memory. A workbook is a zip
    whose directory comes last: it is packed into a temporary file too and copied onto
    the stream at the end, so a disk that fails under the copy raises here and
    XlsxWriter's zip is never left open on the user's file. Numbers are number cells,
    text is text, empty values are empty cells; the header row is bold. Use it as a
    context manager: the temporary files go away whatever happens.
    """

    def __init__(self, stream: BinaryIO, columns: Sequence[ExportColumn] | None = None) -> None:
        """Start the sheet with its header row; raises RuntimeError without XlsxWriter."""
        module = _xlsxwriter()
        if module is None:
            raise RuntimeError("XlsxWriter is not installed")
        self._stream = stream
        self._columns = list(columns or default_columns())
        self._folder = tempfile.TemporaryDirectory(prefix="ramal-xlsx-", ignore_cleanup_errors=True)
        self._packed = tempfile.TemporaryFile(dir=self._folder.name)  # noqa: SIM115 (close())
        options = {"constant_memory": True, "tmpdir": self._folder.name}
        self._book = module.Workbook(self._packed, options)
        self._sheet = self._book.add_worksheet(SHEET_NAME)
        bold = self._book.add_format({"bold": True})
        for col, column in enumerate(self._columns):
            self._sheet.write_string(0, col, column.header, bold)
        self._line = 1

    def __enter__(self) -> XlsxSheetWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def write(self, rows: Iterable[HistoryRow]) -> None:
        """Append ``rows`` below the ones written so far."""
        sheet, columns, line = self._sheet, self._columns, self._line
        for row in rows:
            for col, column in enumerate(columns):
                value = column.value(row)
                if isinstance(value, int | float):
                    sheet.write_number(line, col, value)
                elif value:
                    sheet.write_string(line, col, str(value))
            line += 1
        self._line = line

    def finish(self) -> None:
        """Pack the workbook and copy it onto the stream."""
        self._book.close()
        self._packed.seek(0)
        shutil.copyfileobj(self._packed, self._stream, COPY_BYTES)

    def close(self) -> None:
        """Remove the temporary files (after :meth:`finish`, or instead of it)."""
        self._packed.close()
        self._folder.cleanup()


def write_xlsx(
    target: Path,
    rows: Iterable[HistoryRow],
    columns: Sequence[ExportColumn] | None = None,
) -> Path:
    """Write an XLSX sheet; raises RuntimeError when XlsxWriter is missing."""
    if not xlsx_available():
        raise RuntimeError("XlsxWriter is not installed")

    def write(stream: BinaryIO) -> None:
        with XlsxSheetWriter(stream, columns) as sheet:
            sheet.write(rows)
            sheet.finish()

    return write_file(target, write)
