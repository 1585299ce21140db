"""CSV import dialog and conference view against the sandbox."""

from __future__ import annotations

import asyncio
from pathlib import Path

from admin_support import make_client
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.admin.bulk_create import RowOutcome
from desktop.admin.panel import AdminPanel
from desktop.sandbox.server import SandboxThread

CSV = (
    "ramal;login;senha;gravar_audio;webphone;tags\n"
    "4901;imp1@empresa.com.br;Forte123abc;sim;sim;csv\n"
    "4902;imp2@empresa.com.br;;não;1;csv\n"
    "4000;dup@empresa.com.br;;;;\n"
    "49x3;imp3;;talvez;;\n"
    "4904;imp4@empresa.com.br;;;;\n"
    "4904;imp5@empresa.com.br;;;;\n"
)


def test_csv_import_preview_then_create(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    view = panel.ramais
    run(qtbot, view.load())
    before = view.model.rowCount()
    path = tmp_path / "ramais.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = view.import_csv()
    run(qtbot, dialog.load(path))
    assert dialog.table.rowCount() == 6
    assert dialog.create_button.isEnabled()
    assert "3" in dialog.create_button.text()
    run(qtbot, view.load())
    assert view.model.rowCount() == before  # dry run: nothing sent
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    report = dialog.report
    assert report is not None
    assert report.count(RowOutcome.CREATED) == 3
    assert report.count(RowOutcome.INVALID) == 3
    assert "Forte123abc" not in dialog.failure_report()
    assert len(dialog.failure_report().strip().splitlines()) == 4
    texts = [dialog.table.item(i, 3).text() for i in range(6)]  # type: ignore[union-attr]
    assert all(texts)
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 3, timeout=5000)
    created = {r.ramal: r for r in view.model.ramais() if r.tags == "csv"}
    assert set(created) == {"4901", "4902"}
    assert created["4901"].gravar_audio is True and created["4902"].gravar_audio is False
    dialog.reject()


def test_conference_view_lifecycle(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    view = panel.conferences
    view.number_edit.setText("4832830151")
    view.call_number()
    assert "URL" in view.live_status.text()
    view.url_edit.setText("https://example.com/sala.mp3")
    run(qtbot, view.call("4832830151"))
    run(qtbot, view.call("48999990002"))
    assert view.session is not None and len(view.session.ids) == 2
    assert view.live.rowCount() == 2
    assert not view.url_edit.isEnabled()
    assert view.end_button.isEnabled()
    statuses = [view.live.item(i, 2).text() for i in range(2)]  # type: ignore[union-attr]
    assert all(statuses)
    box = view.confirm_end()
    assert box is not None and all(str(i) in box.text() for i in view.session.ids)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.session is not None and not view.session.active, timeout=5000)
    qtbot.waitUntil(lambda: view.new_button.isEnabled(), timeout=5000)
    assert not view.end_button.isEnabled()
    ended = [view.live.item(i, 5).text() for i in range(2)]  # type: ignore[union-attr]
    assert all(text not in ("", "?") for text in ended)
    run(qtbot, view.load_past())
    ids = {view.past.item(i, 0).text() for i in range(view.past.rowCount())}  # type: ignore[union-attr]
    assert {str(i) for i in view.session.ids} <= ids
    view.new_session()
    assert view.url_edit.isEnabled() and view.live.rowCount() == 0
    view.past.selectRow(0)
    view.follow_past()
    qtbot.waitUntil(lambda: view.live.rowCount() >= 1, timeout=5000)
    panel.shutdown()


def test_conference_api_error_in_words(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    view = panel.conferences
    view.url_edit.setText("ftp://nao-serve")
    run(qtbot, view.call("4832830151"))
    assert "4832830151" in view.live_status.text()
    assert "http" in view.live_status.text()
