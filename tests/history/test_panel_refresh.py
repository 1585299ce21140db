"""The panel refreshes its period page by page into the cache, off the GUI thread."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import AsyncGenerator, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import make_row
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.history import filters
from desktop.history.cache import HistoryCache
from desktop.history.filters import FilterEngine
from desktop.history.panel import HistoryPanel
from desktop.history.source import FetchedCall, day_bounds

START, END = date.today() - timedelta(days=2), date.today()


class StreamingSource:
    """Three pages; before handing each one, notes how many calls the cache holds."""

    scope = "all"
    ramal_id = None

    def __init__(self, cache: HistoryCache) -> None:
        self.cache = cache
        self.cached_before: list[int] = []
        low, _high = day_bounds(START, END)
        self.base = low
        self.runs = 0

    async def stream(
        self, start: date, end: date, progress: Any = None
    ) -> AsyncGenerator[list[FetchedCall], None]:
        low, high = day_bounds(start, end)
        self.runs += 1
        tag = f"run {self.runs}"
        for number in range(3):
            cached = await asyncio.to_thread(self.cache.load, "all", low, high)
            self.cached_before.append(sum(r.tags == tag for r in cached))
            yield [
                FetchedCall(
                    make_row(i, created_ts=self.base + i, tags=tag), json.dumps({"id": 1000 + i})
                )
                for i in range(number * 50, number * 50 + 50)
            ]

    async def received(
        self, start: date, end: date, known: set[str]
    ) -> AsyncGenerator[list[FetchedCall], None]:
        return
        yield


def test_each_page_reaches_the_cache_before_the_next_arrives(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    cache = HistoryCache(tmp_path / "cache.sqlite3")
    source = StreamingSource(cache)
    panel = HistoryPanel(source, cache)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.task("load") is not None and panel.task("load").done())
    source.cached_before.clear()
    run(qtbot, panel.set_period(START, END))
    assert source.cached_before == [0, 50, 100]
    assert panel.model.rowCount() == 150
    low, high = day_bounds(START, END)
    assert cache.last_fetch("all", low, high) is not None


def test_rows_a_reload_replaces_are_freed_in_steps_once_the_new_ones_show(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filters, "SLICE", 16)
    monkeypatch.setattr(filters, "FREE_SLICE", 16, raising=False)
    shown_while_freeing: list[bool] = []
    discard = FilterEngine.discard

    def noted(engine: FilterEngine) -> Iterator[None]:
        for step in discard(engine):
            shown_while_freeing.append(panel.model.rows() is not engine.rows)
            yield step

    monkeypatch.setattr(FilterEngine, "discard", noted)
    cache = HistoryCache(tmp_path / "cache.sqlite3")
    source = StreamingSource(cache)
    panel = HistoryPanel(source, cache)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    run(qtbot, panel.set_period(START, END))
    old = panel.model.rows()
    assert len(old) == 150
    shown_while_freeing.clear()
    run(qtbot, panel.reload(fetch=False))
    assert panel.model.rowCount() == 150 and panel.model.rows() is not old
    assert old == []
    assert len(shown_while_freeing) >= 150 // 16 and all(shown_while_freeing)


def test_a_loaded_period_is_kept_out_of_full_collections(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    cache = HistoryCache(tmp_path / "cache.sqlite3")
    source = StreamingSource(cache)
    panel = HistoryPanel(source, cache)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    run(qtbot, panel.set_period(START, END))
    gc.freeze()  # as the app does at start-up
    try:
        run(qtbot, panel.reload(fetch=False))
        rows = panel.model.rows()
        assert len(rows) == 150
        assert all(o is not rows for o in gc.get_objects())
    finally:
        gc.unfreeze()
