"""History for screen readers and keyboards: named controls, spoken results, Tab journeys."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from accessible_tree import unnamed_controls
from instants import NOON
from keyboard import press, tab_to, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.history.cache import HistoryCache
from desktop.history.download_dialog import DownloadDialog
from desktop.history.panel import HistoryPanel
from desktop.history.rating_dialog import RatingDialog
from desktop.history.source import HistorySource
from desktop.sandbox.server import SandboxThread

TODAY = NOON.date()  # the sandbox's day
MONTH_AGO = TODAY - timedelta(days=31)


@pytest.fixture
def panel(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[HistoryPanel]:
    client = TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
    widget = HistoryPanel(
        HistorySource(client),
        HistoryCache(tmp_path / "cache.sqlite3"),
        dial=lambda _number: None,
        recordings_dir=tmp_path / "rec",
        today=lambda: TODAY,
    )
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()  # a refresh is spoken when the panel is on screen
    qtbot.waitUntil(lambda: widget.task("load") is not None and widget.task("load").done())
    run(qtbot, widget.set_period(MONTH_AGO, TODAY))
    yield widget
    run(qtbot, client.aclose())


def test_every_control_of_history_and_its_dialogs_is_named(
    panel: HistoryPanel, qtbot: QtBot
) -> None:
    assert unnamed_controls(panel) == []
    assert panel.table.accessibleName() == "Calls"
    assert panel.filter_bar.search.accessibleName() == "Search calls"
    rating = RatingDialog("4000 → 4001", parent=panel)
    downloads = DownloadDialog(3, panel)
    assert unnamed_controls(rating) == []
    assert unnamed_controls(downloads) == []


def test_refresh_and_export_results_are_announced(
    panel: HistoryPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    heard = panel.announcer.history
    total = len(panel.model.rows())
    assert heard[-1] == f"History updated: {total} calls"
    run(qtbot, panel.export(tmp_path / "out.csv"))
    assert heard[-1] == f"{panel.model.rowCount()} calls exported."
    with pytest.raises(OSError):
        run(qtbot, panel.export(tmp_path / "missing" / "out.csv"))
    assert heard[-1].startswith("Export failed: ")


def test_a_failed_refresh_is_announced(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    client = TotalVoiceClient(
        "x", ApiConfig(hosts=ApiHosts.single("http://127.0.0.1:9"), max_retries=0)
    )
    offline = HistoryPanel(
        HistorySource(client), HistoryCache(tmp_path / "c.sqlite3"), today=lambda: TODAY
    )
    qtbot.addWidget(offline)
    offline.show()
    run(qtbot, offline.set_period(MONTH_AGO, TODAY))
    assert offline.announcer.history[-1].startswith("History update failed: ")
    offline.hide()  # on another tab: nothing is said
    said = len(offline.announcer.history)
    run(qtbot, offline.reload())
    assert len(offline.announcer.history) == said
    run(qtbot, client.aclose())


def test_filter_open_a_call_and_download_its_recording_with_the_keyboard(
    panel: HistoryPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=10_000)
    bar = panel.filter_bar
    tab_to(bar.recorded)
    press(Qt.Key.Key_Space)  # "With recording"
    assert bar.recorded.isChecked()
    qtbot.waitUntil(lambda: all(r.has_recording for r in panel.model.visible_rows()))
    assert panel.model.rowCount() > 0
    tab_to(panel.table)
    press(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.details.current() is not None)
    chosen = panel.details.current()
    assert chosen is not None and chosen.has_recording
    tab_to(panel.details.download)
    press(Qt.Key.Key_Space)
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isActiveWindow())
    folder = tmp_path / "saved"
    folder.mkdir()
    type_text(str(folder))
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.task("download") is not None, timeout=10_000)
    qtbot.waitUntil(lambda: panel.task("download").done(), timeout=20_000)  # type: ignore[union-attr]
    assert [p.suffix for p in folder.iterdir()] == [".mp3"]
    assert panel.announcer.history[-1] == "1 downloaded, 0 already there, 0 failed."
