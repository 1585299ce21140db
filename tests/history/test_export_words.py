"""An export's words are Portuguese, like its headers and like the history panel in pt_BR."""

from __future__ import annotations

import csv
import io
import time
import xml.etree.ElementTree as ET
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import make_row
from instants import NOON

from desktop.api.models import LegStatus
from desktop.cli import main
from desktop.core.outcomes import Outcome
from desktop.history.csv_export import CsvWriter, default_columns, write_csv
from desktop.history.export_words import DIRECTION_WORDS, OUTCOME_WORDS
from desktop.history.formatting import local_time
from desktop.history.rows import Direction
from desktop.history.words import direction_label, outcome_label
from desktop.history.xlsx_export import write_xlsx
from desktop.sandbox.server import SandboxThread

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "ramal_desktop_pt_BR.ts"
ENGLISH_VALUES = {d.value for d in Direction} | {o.value for o in Outcome}


def portuguese(context: str) -> dict[str, str]:
    """Source → translation of one context of the pt_BR catalogue."""
    for element in ET.parse(TS).getroot().iter("context"):
        if element.findtext("name") == context:
            return {
                m.findtext("source") or "": m.findtext("translation") or ""
                for m in element.iter("message")
            }
    raise AssertionError(context)


def test_words_are_the_history_panels_portuguese() -> None:
    history = portuguese("History")
    assert {d: history[direction_label(d)] for d in Direction} == dict(DIRECTION_WORDS)
    assert {o: history[outcome_label(o)] for o in Outcome} == dict(OUTCOME_WORDS)


def test_csv_values_follow_the_headers_language(tmp_path: Path) -> None:
    rows = [make_row(i) for i in range(20)]
    target = write_csv(tmp_path / "calls.csv", rows)
    lines = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert {line["direcao"] for line in lines} == {"Realizada", "Recebida"}
    assert {line["resultado"] for line in lines} <= set(OUTCOME_WORDS.values())
    assert "Atendida" in {line["resultado"] for line in lines}
    assert not {v for line in lines for v in line.values()} & ENGLISH_VALUES


def test_xlsx_values_follow_the_headers_language(tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    target = write_xlsx(tmp_path / "calls.xlsx", [make_row(i) for i in range(4)])
    with zipfile.ZipFile(target) as book:  # constant_memory keeps strings in the sheet
        strings = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "Recebida" in strings and "Realizada" in strings
    assert ">incoming<" not in strings and ">answered<" not in strings


def test_exported_csv_from_the_api_is_portuguese(
    sandbox: SandboxThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAMAL_DESKTOP_TOKEN", sandbox.token)
    out = tmp_path / "calls.csv"
    start, end = NOON.date() - timedelta(days=31), NOON.date()  # the sandbox's day
    period = ["--from", str(start), "--to", str(end)]
    assert main(["export", "calls", *period, "--api-url", sandbox.base_url, "-o", str(out)]) == 0
    lines = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [c.header for c in default_columns()] == list(lines[0])
    assert {line["direcao"] for line in lines} <= set(DIRECTION_WORDS.values())
    assert {line["resultado"] for line in lines} <= set(OUTCOME_WORDS.values())
    statuses = {line["status_destino"] for line in lines} - {""}
    assert statuses and statuses <= {s.value for s in LegStatus}  # the API's own words
    assert not {v for line in lines for v in line.values()} & ENGLISH_VALUES


@pytest.mark.parametrize("zone", ["America/Sao_Paulo", "Europe/Berlin", "UTC"])
def test_the_date_column_is_the_panels_local_time_in_any_zone(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        # Around São Paulo's last DST change (2019-02-17) and Berlin's of 2026-10-25.
        stamps = [1550372400.0 + h * 1800.5 for h in range(-4, 5)]
        stamps += [1792890000.0 + h * 1800.25 for h in range(-4, 5)]
        rows = [make_row(i, created_ts=ts) for i, ts in enumerate(stamps)]
        rows.append(make_row(99, created_ts=None))
        out = io.BytesIO()
        CsvWriter(out).write(rows)
        lines = out.getvalue().decode("utf-8-sig").split("\r\n")[1:-1]
        assert [line.split(";")[1] for line in lines] == [local_time(r.created) for r in rows]
    finally:
        monkeypatch.undo()
        time.tzset()
