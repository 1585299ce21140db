"""Read a CSV of ramais to create: header names are the API's field names (no Qt).

Accepted: UTF-8 (with or without BOM) or Latin-1, ``;`` or ``,`` separated, booleans as
``sim``/``não``/``true``/``false``/``1``/``0``. Every data line becomes a row in the
result, valid or not, so the preview can show what will and will not be created.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.admin.ramal_fields import (
    BOOL_FIELDS,
    FIELDS,
    RECOMMENDED,
    Problem,
    ProblemKind,
    parse_bool_text,
    validate,
)
from desktop.api import RamalInput

__all__ = ["CsvFile", "CsvRow", "parse_csv", "read_csv_file", "template_csv"]

MAX_ROWS = 5000


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One data line: its line number in the file, its cells and what was made of them."""

    line: int
    cells: dict[str, str]
    input: RamalInput | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the row can be sent."""
        return self.input is not None and not self.problems


@dataclass(frozen=True, slots=True)
class CsvFile:
    """The parsed file: its columns, rows, and problems with the file as a whole."""

    columns: tuple[str, ...]
    rows: tuple[CsvRow, ...] = ()
    file_problems: tuple[Problem, ...] = ()

    @property
    def valid_rows(self) -> list[CsvRow]:
        """Rows that can be created (only when the file itself is acceptable)."""
        return [] if self.file_problems else [r for r in self.rows if r.ok]

    @property
    def invalid_rows(self) -> list[CsvRow]:
        """Rows with at least one problem."""
        return [r for r in self.rows if not r.ok]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    head = "\n".join(text.splitlines()[:5])
    try:
        return csv.Sniffer().sniff(head, delimiters=";,\t")
    except csv.Error:
        return csv.excel


def _row(
    line: int,
    cells: dict[str, str],
    extra: list[str],
    seen: dict[str, dict[str, int]],
    existing: dict[str, set[str]],
) -> CsvRow:
    if not any(v.strip() for v in cells.values()) and not extra:
        return CsvRow(line, cells, None, (Problem(None, ProblemKind.EMPTY_ROW),))
    problems: list[Problem] = []
    if extra:
        problems.append(Problem(None, ProblemKind.TOO_MANY_CELLS, ";".join(extra)))
    values: dict[str, object] = {}
    for name, text in cells.items():
        if name in BOOL_FIELDS and text.strip():
            flag = parse_bool_text(text)
            if flag is None:
                problems.append(Problem(name, ProblemKind.BOOLEAN, text))
                continue
            values[name] = flag
        else:
            values[name] = text
    bad_bools = {p.field for p in problems}
    checked = validate(values, required=RECOMMENDED)
    problems.extend(p for p in checked.problems if p.field not in bad_bools)
    for name in RECOMMENDED:
        key = cells.get(name, "").strip().lower()
        if not key:
            continue
        if key in existing.get(name, set()):
            problems.append(Problem(name, ProblemKind.EXISTS, key))
        elif key in seen[name]:
            problems.append(Problem(name, ProblemKind.DUPLICATE_IN_FILE, str(seen[name][key])))
        else:
            seen[name][key] = line
    return CsvRow(line, cells, None if problems else checked.input, tuple(problems))


def parse_csv(
    text: str,
    *,
    existing_ramais: Iterable[str] = (),
    existing_logins: Iterable[str] = (),
) -> CsvFile:
    """Parse and validate ``text``; ``existing_*`` mark rows that would collide on the server."""
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    header: list[str] | None = None
    columns: tuple[str, ...] = ()
    rows: list[CsvRow] = []
    file_problems: list[Problem] = []
    seen: dict[str, dict[str, int]] = {name: {} for name in RECOMMENDED}
    existing = {
        "ramal": {r.strip().lower() for r in existing_ramais},
        "login": {login.strip().lower() for login in existing_logins},
    }
    for record in reader:
        line = reader.line_num
        if header is None:
            if not any(cell.strip() for cell in record):
                continue
            header = [cell.strip().lower() for cell in record]
            columns = tuple(header)
            unknown = [name for name in header if name not in FIELDS]
            if unknown:
                file_problems.append(
                    Problem(None, ProblemKind.UNKNOWN_COLUMN, ", ".join(n or "?" for n in unknown))
                )
            repeated = sorted({n for n in header if header.count(n) > 1})
            if repeated:
                file_problems.append(
                    Problem(None, ProblemKind.DUPLICATE_IN_FILE, ", ".join(repeated))
                )
            continue
        if not record:
            continue
        if len(rows) >= MAX_ROWS:
            file_problems.append(Problem(None, ProblemKind.TOO_MANY_ROWS, str(MAX_ROWS)))
            break
        cells = {
            name: (record[i] if i < len(record) else "")
            for i, name in enumerate(header)
            if name in FIELDS
        }
        rows.append(
            _row(line, cells, [c for c in record[len(header) :] if c.strip()], seen, existing)
        )
    if header is None:
        file_problems.append(Problem(None, ProblemKind.EMPTY_FILE))
    return CsvFile(columns, tuple(rows), tuple(file_problems))


def read_csv_file(
    path: Path, *, existing_ramais: Collection[str] = (), existing_logins: Collection[str] = ()
) -> CsvFile:
    """Read and parse a file (call it from an executor: it does disk I/O)."""
    return parse_csv(
        _decode(path.read_bytes()),
        existing_ramais=existing_ramais,
        existing_logins=existing_logins,
    )


def template_csv() -> str:
    """A header line with every field and one example row, ``;`` separated."""
    example = {
        "ramal": "4100", "login": "ana@empresa.com.br", "senha": "", "bina": "4832830151",
        "ligacao_externa": "sim", "ligacao_celular": "sim", "gravar_audio": "sim",
        "acesso_gravacoes": "não", "webphone": "sim", "ura_id": "", "voicemail": "não",
        "tags": "vendas",
    }  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(FIELDS)
    writer.writerow(example.get(name, "") for name in FIELDS)
    return out.getvalue()
