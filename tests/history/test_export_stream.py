"""The export writes each page as it arrives, in order, and lets go of it afterwards."""

from __future__ import annotations

import argparse
import io
import json
import weakref
from collections.abc import AsyncGenerator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import make_row
from instants import NOON

from desktop.cli import main
from desktop.core.outcomes import Outcome
from desktop.history import export_httpx
from desktop.history import source as history_source
from desktop.history.csv_export import CsvWriter, default_columns
from desktop.history.source import FetchedCall
from desktop.sandbox.server import SandboxThread


class PageList(list[FetchedCall]):
    """A page that can be watched with a weak reference."""


class FakeSource:
    """Pages of made-up calls; notes what the stream held each time a page was asked for."""

    def __init__(self, pages: int, rows: int, stream: io.BytesIO) -> None:
        self.pages, self.rows, self.out = pages, rows, stream
        self.written_before: list[int] = []
        self.alive_before: list[int] = []
        self._handed: list[weakref.ref[PageList]] = []

    async def stream_pages(self) -> AsyncGenerator[list[FetchedCall], None]:
        for number in range(self.pages):
            self.written_before.append(len(self.out.getvalue()))
            self.alive_before.append(sum(ref() is not None for ref in self._handed))
            page = PageList(
                FetchedCall(make_row(i), json.dumps({"id": 1000 + i}))
                for i in range(number * self.rows, (number + 1) * self.rows)
            )
            self._handed.append(weakref.ref(page))
            yield page
            del page

    def stream(self, start: date, end: date, progress: Any) -> Any:
        return self.stream_pages()

    async def stream_records(
        self, start: date, end: date, progress: Any
    ) -> AsyncGenerator[list[bytes], None]:
        async for page in self.stream_pages():
            yield [f.raw.encode() for f in page]


def namespace(fmt: str) -> argparse.Namespace:
    return argparse.Namespace(
        format=fmt, delimiter=";", start=date(2026, 11, 1), end=date(2026, 11, 30), ramal=None
    )


async def test_csv_pages_are_written_as_they_arrive_and_not_kept() -> None:
    out = io.BytesIO()
    source = FakeSource(pages=50, rows=20, stream=out)
    count = await export_httpx._write(namespace("csv"), source, out, lambda *a: None)  # type: ignore[arg-type]
    assert count == 1000
    # before each page was asked for, the one before it was already in the output ...
    assert all(
        b > a for a, b in zip(source.written_before, source.written_before[1:], strict=False)
    )
    # ... and of the earlier pages at most the one just written was still alive
    assert max(source.alive_before) <= 1
    lines = out.getvalue().decode("utf-8-sig").splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == [str(1000 + i) for i in range(1000)]


async def test_json_export_streams_the_records_as_received() -> None:
    out = io.BytesIO()
    source = FakeSource(pages=3, rows=2, stream=out)
    count = await export_httpx._write(namespace("json"), source, out, lambda *a: None)  # type: ignore[arg-type]
    assert count == 6
    assert json.loads(out.getvalue()) == [{"id": 1000 + i} for i in range(6)]
    assert source.written_before[1] > 0


async def test_an_empty_json_export_is_an_empty_array() -> None:
    out = io.BytesIO()
    source = FakeSource(pages=0, rows=0, stream=out)
    assert await export_httpx._write(namespace("json"), source, out, lambda *a: None) == 0  # type: ignore[arg-type]
    assert json.loads(out.getvalue()) == []


def test_default_cells_match_the_columns() -> None:
    rows = [
        make_row(1),
        make_row(2, talk_seconds=None, total_seconds=None, price=None, rating=4),
        make_row(3, outcome=Outcome.IN_PROGRESS, created_ts=None, price=Decimal("0.00")),
        make_row(4, tags='com "aspas"; e separador', has_recording=True, rating_comment="x"),
    ]
    fast, generic = io.BytesIO(), io.BytesIO()
    CsvWriter(fast).write(rows)
    CsvWriter(generic, default_columns()).write(rows)
    assert fast.getvalue() == generic.getvalue()


def test_a_json_export_builds_no_history_rows(
    sandbox: SandboxThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_rows(call: object) -> object:
        raise AssertionError("a JSON export needs no history rows")

    monkeypatch.setenv("RAMAL_DESKTOP_TOKEN", sandbox.token)
    monkeypatch.setattr(history_source, "row_from_call", no_rows)
    target = tmp_path / "calls.json"
    start, end = NOON.date() - timedelta(days=31), NOON.date()
    argv = ["export", "calls", "--from", str(start), "--to", str(end), "--format", "json"]
    assert main([*argv, "--api-url", sandbox.base_url, "--output", str(target)]) == 0
    records = json.loads(target.read_bytes())
    assert records and all("origem" in r and "destino" in r for r in records)


def test_behind_a_proxy_the_export_asks_for_its_first_round_of_pages_at_once(
    sandbox: SandboxThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[history_source.HistorySource] = []

    class Recorded(history_source.HistorySource):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setenv("RAMAL_DESKTOP_TOKEN", sandbox.token)
    # A proxy in the environment: the export uses the app's httpx client, which honours it
    # (NO_PROXY lets it reach the local sandbox directly).
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setattr(history_source, "HistorySource", Recorded)
    start, end = NOON.date() - timedelta(days=31), NOON.date()
    argv = ["export", "calls", "--from", str(start), "--to", str(end)]
    assert main([*argv, "--api-url", sandbox.base_url, "-o", str(tmp_path / "c.csv")]) == 0
    assert [(s.speculate, s.offload) for s in made] == [(True, False)]
    # The panel's source keeps to one request until the first answer gives the total.
    assert not history_source.HistorySource(made[0].client).speculate
