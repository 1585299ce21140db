from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from instants import NOON
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.core.outcomes import Outcome
from desktop.history.cache import HistoryCache
from desktop.history.filters import Column
from desktop.history.panel import HistoryPanel
from desktop.history.source import HistorySource
from desktop.sandbox.server import SandboxThread

TODAY = NOON.date()  # the sandbox's day
MONTH_AGO = TODAY - timedelta(days=31)


@pytest.fixture
def panel(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[HistoryPanel]:
    client = TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
    dialled: list[str] = []
    widget = HistoryPanel(
        HistorySource(client),
        HistoryCache(tmp_path / "cache.sqlite3"),
        dial=dialled.append,
        recordings_dir=tmp_path / "rec",
    )
    widget.dialled = dialled  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    qtbot.waitUntil(lambda: widget.task("load") is not None and widget.task("load").done())
    run(qtbot, widget.set_period(MONTH_AGO, TODAY))
    yield widget
    run(qtbot, client.aclose())


def test_loads_filters_and_counts(
    panel: HistoryPanel, qtbot: QtBot, sandbox: SandboxThread
) -> None:
    total = httpx.get(
        f"{sandbox.base_url}/chamada/relatorio",
        params={
            "data_inicio": str(MONTH_AGO),
            "data_fim": str(TODAY),
            "limite": 1,
        },
        headers={"Access-Token": sandbox.token},
    ).json()["dados"]["total"]
    assert panel.model.rowCount() == total
    bar = panel.filter_bar
    assert bar.chip_all.text().endswith(f"({total})")
    bar.chips[Outcome.MISSED].click()
    missed = panel.model.rowCount()
    assert 0 < missed < total
    assert f"({missed})" in bar.chips[Outcome.MISSED].text()
    assert all(r.outcome is Outcome.MISSED for r in panel.model.visible_rows())
    bar.chip_all.click()
    number = panel.model.visible_rows()[0].destination
    qtbot.keyClicks(bar.search, number)
    qtbot.waitUntil(lambda: panel.model.rowCount() < total)  # debounced
    assert all(number in (r.origin, r.destination) for r in panel.model.visible_rows())
    bar.search.clear()
    bar.flush()
    bar.recorded.setChecked(True)
    assert all(r.has_recording for r in panel.model.visible_rows())


def test_sort_details_copy_and_call_back(panel: HistoryPanel, qtbot: QtBot) -> None:
    panel.table.sortByColumn(
        Column.TALK, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.AscendingOrder
    )
    talks = [r.talk_seconds or 0 for r in panel.model.visible_rows()]
    assert talks == sorted(talks)
    row = next(r for r in panel.model.visible_rows() if r.outcome is Outcome.MISSED)
    assert panel.select_call(row.call_id)
    assert panel.details.current() == row
    assert row.call_id in panel.details.raw_view.toPlainText()
    panel.details.copy_json.click()
    assert f'"id": {row.call_id}' in QGuiApplication.clipboard().text()
    panel.details.call_back.click()
    assert panel.dialled == [row.other_party]  # type: ignore[attr-defined]


def test_rate_shows_in_table_and_survives_refresh(panel: HistoryPanel, qtbot: QtBot) -> None:
    row = panel.model.visible_rows()[0]
    panel.select_call(row.call_id)
    run(qtbot, panel.rate(row.call_id, 4, "cliente satisfeito"))
    pos = panel.model.visible_position(row.call_id)
    assert panel.model.index(pos, Column.RATING).data() == "★★★★"
    run(qtbot, panel.reload())
    assert next(r for r in panel.model.rows() if r.call_id == row.call_id).rating == 4


def test_export_filtered_view_csv_and_xlsx(
    panel: HistoryPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    panel.filter_bar.chips[Outcome.ANSWERED].click()
    target = run(qtbot, panel.export(tmp_path / "out.csv", "csv", ","))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=","))
    assert len(lines) == panel.model.rowCount() + 1
    assert {line[6] for line in lines[1:]} == {"Atendida"}  # the file speaks its headers' language
    pytest.importorskip("xlsxwriter")
    book = run(qtbot, panel.export(tmp_path / "out.xlsx", "xlsx"))
    assert book.read_bytes()[:2] == b"PK"


def test_opens_from_cache_when_offline(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, panel: HistoryPanel, tmp_path: Path
) -> None:
    count = panel.model.rowCount()
    client = TotalVoiceClient(
        "x", ApiConfig(hosts=ApiHosts.single("http://127.0.0.1:9"), max_retries=0)
    )
    offline = HistoryPanel(HistorySource(client), HistoryCache(tmp_path / "cache.sqlite3"))
    qtbot.addWidget(offline)
    run(qtbot, offline.set_period(*panel.period()))
    assert offline.model.rowCount() == count
    assert offline.status.text()  # the network error, in words
    run(qtbot, client.aclose())
