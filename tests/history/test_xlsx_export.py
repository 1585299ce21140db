"""XLSX exports: written page by page in constant memory, read back cell by cell."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
from helpers import make_row
from instants import NOON

from desktop.cli import main
from desktop.history.csv_export import default_columns
from desktop.history.rows import HistoryRow
from desktop.history.xlsx_export import COPY_BYTES, XlsxSheetWriter, write_xlsx
from desktop.sandbox.server import SandboxThread

pytest.importorskip("xlsxwriter")

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
Cell = str | float


def read_sheet(data: bytes) -> list[dict[int, tuple[Cell, bool]]]:
    """Each row's cells by column: the value (text or number) and whether it is bold."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        styles = ElementTree.fromstring(book.read("xl/styles.xml"))
    fonts = [f.find(f"{_MAIN}b") is not None for f in styles.iter(f"{_MAIN}font")]
    formats = styles.find(f"{_MAIN}cellXfs")
    assert formats is not None
    bold = [fonts[int(x.get("fontId", "0"))] for x in formats]
    rows = []
    for row in sheet.iter(f"{_MAIN}row"):
        cells: dict[int, tuple[Cell, bool]] = {}
        for cell in row.iter(f"{_MAIN}c"):
            letters = re.match(r"[A-Z]+", cell.get("r", ""))
            assert letters is not None
            col = 0
            for letter in letters.group():
                col = col * 26 + ord(letter) - 64
            kind = cell.get("t")
            if kind == "inlineStr":
                value: Cell = "".join(cell.itertext())
            else:
                assert kind is None, kind  # a number
                value = float(cell.findtext(f"{_MAIN}v") or "nan")
            cells[col - 1] = (value, bold[int(cell.get("s", "0"))])
        rows.append(cells)
    return rows


def expected(rows: list[HistoryRow]) -> list[dict[int, tuple[Cell, bool]]]:
    """The cells today's export has: numbers as numbers, text as text, no empty cells."""
    columns = default_columns()
    lines = [{i: (c.header, True) for i, c in enumerate(columns)}]
    for row in rows:
        line: dict[int, tuple[Cell, bool]] = {}
        for i, column in enumerate(columns):
            value = column.value(row)
            if isinstance(value, int | float):
                line[i] = (float(value), False)
            elif value:
                line[i] = (str(value), False)
        lines.append(line)
    return lines


def varied_rows(n: int) -> list[HistoryRow]:
    return [
        make_row(i, rating=i % 6 or None, talk_seconds=None if i % 4 == 0 else i, price=None)
        if i % 5 == 0
        else make_row(i)
        for i in range(n)
    ]


def test_the_workbook_holds_every_cell_with_its_type(tmp_path: Path) -> None:
    rows = varied_rows(40)
    target = write_xlsx(tmp_path / "calls.xlsx", iter(rows))
    assert read_sheet(target.read_bytes()) == expected(rows)


def test_pages_written_one_after_another_make_one_sheet() -> None:
    rows = varied_rows(45)
    out = io.BytesIO()
    with XlsxSheetWriter(out) as sheet:
        for start in range(0, 45, 20):
            sheet.write(iter(rows[start : start + 20]))
        assert out.getvalue() == b""  # the workbook goes out whole, at the end
        sheet.finish()
    assert read_sheet(out.getvalue()) == expected(rows)


def test_a_sheet_given_up_leaves_no_temporary_files(tmp_path: Path) -> None:
    out = io.BytesIO()
    with XlsxSheetWriter(out) as sheet:
        sheet.write(varied_rows(10))
        folder = Path(sheet._folder.name)
        assert any(folder.iterdir())
    assert not folder.exists()
    assert out.getvalue() == b""


class _Pieces(io.RawIOBase):
    """A write-only stream that keeps only the size of each piece written to it."""

    def __init__(self) -> None:
        self.pieces: list[int] = []

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        self.pieces.append(len(memoryview(data)))  # type: ignore[arg-type]
        return self.pieces[-1]


def test_the_workbook_is_never_held_whole_in_memory() -> None:
    out = _Pieces()
    with XlsxSheetWriter(out) as sheet:
        sheet.write(make_row(i) for i in range(6_000))
        sheet.finish()
    assert sum(out.pieces) > 4 * COPY_BYTES
    assert max(out.pieces) <= COPY_BYTES


def test_export_command_writes_the_same_cells_as_its_csv(
    sandbox: SandboxThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAMAL_DESKTOP_TOKEN", sandbox.token)
    start, end = NOON.date() - timedelta(days=31), NOON.date()  # the sandbox's day
    args = ["export", "calls", "--from", str(start), "--to", str(end)]
    args += ["--api-url", sandbox.base_url]
    assert main([*args, "-o", str(tmp_path / "calls.csv")]) == 0
    assert main([*args, "--format", "xlsx", "-o", str(tmp_path / "calls.xlsx")]) == 0
    text = (tmp_path / "calls.csv").read_text(encoding="utf-8-sig")
    lines = list(csv.reader(text.splitlines(), delimiter=";"))
    sheet = read_sheet((tmp_path / "calls.xlsx").read_bytes())
    assert len(lines) > 1 and len(sheet) == len(lines)
    for line, cells in zip(lines, sheet, strict=True):
        shown = {i: v for i, v in enumerate(line) if v}
        assert shown == {
            i: (f"{v:g}" if isinstance(v, float) else v) for i, (v, _bold) in cells.items()
        }
