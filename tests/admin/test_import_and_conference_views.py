"""CSV import dialog and the conference room screen against the sandbox."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from admin_support import make_client
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.admin.bulk_create import RowOutcome
from desktop.admin.conference_view import ConferenceView
from desktop.admin.conference_words import state_text
from desktop.admin.conferences import ParticipantState
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


def _states(view: ConferenceView) -> list[str]:
    table = view.participants
    return [table.item(i, 1).text() for i in range(table.rowCount())]  # type: ignore[union-attr]


def test_three_party_room(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    control = httpx.Client(base_url=sandbox.base_url + "/_sandbox", timeout=10)
    control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    view = panel.conferences
    try:
        run(qtbot, panel.ramais.load())  # the Ramais tab's list feeds the ramal picker
        run(qtbot, view.load_recent())
        recent = view.recent_combo.itemData(1)
        assert isinstance(recent, str) and len(recent) >= 8
        view.record_check.setChecked(True)

        # three numbers, three ways: typed, a ramal, a number from recent calls
        view.number_edit.setText("48 3283-0151")
        view.add_typed()
        qtbot.waitUntil(lambda: view.participants.rowCount() == 1, timeout=10_000)
        assert view.number_edit.text() == ""
        view.ramal_combo.activated.emit(view.ramal_combo.findData("4001"))
        qtbot.waitUntil(lambda: view.participants.rowCount() == 2, timeout=10_000)
        view.recent_combo.activated.emit(1)
        qtbot.waitUntil(lambda: view.participants.rowCount() == 3, timeout=10_000)
        assert view.room is not None and view.room.state is not None
        room_id = view.room.id
        people = view.room.state.participants
        assert [p.numero for p in people] == ["4832830151", "4001", recent]
        assert _states(view) == [state_text(ParticipantState.CALLING)] * 3
        assert str(room_id) in view.room_label.text()
        assert view.end_button.isEnabled() and not view.save_button.isVisible()

        # the far sides answer and one hangs up: the screen follows on its own
        ids = [p.call_id for p in people]
        for call_id in ids[:2]:
            assert control.post(f"/calls/{call_id}/answer").status_code == 200
        assert control.post(f"/calls/{ids[1]}/hangup").status_code == 200
        expected = [ParticipantState.ANSWERED, ParticipantState.LEFT, ParticipantState.CALLING]
        qtbot.waitUntil(lambda: _states(view) == [state_text(s) for s in expected], timeout=15_000)

        box = view.confirm_end()
        assert box is not None and str(room_id) in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: view.room is not None and view.room.ended, timeout=10_000)
        ended = [ParticipantState.LEFT, ParticipantState.LEFT, ParticipantState.NOT_ANSWERED]
        assert _states(view) == [state_text(s) for s in ended]
        assert not view.end_button.isEnabled()
        assert view.save_button.isVisibleTo(view)
        assert "R$" in view.summary.text() and "2" in view.summary.text()

        run(qtbot, view.save_recordings(tmp_path))
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            f"conferencia-{room_id}-{i}.mp3" for i in ids[:2]
        )
        assert all(p.stat().st_size > 0 for p in view.saved)

        run(qtbot, view.load_past())
        listed = [view.past.item(i, 0).text() for i in range(view.past.rowCount())]  # type: ignore[union-attr]
        assert listed[0] == str(room_id)
        assert view.past.item(0, 3).text() == "3"  # type: ignore[union-attr]
    finally:
        panel.shutdown()
        control.post("/settings", json={"auto_answer_ms": 800, "talk_ms": 4000})
        control.close()


def test_past_room_opens_and_errors_in_words(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    view = panel.conferences
    view.start_date.setDate(view.start_date.date().addDays(-40))
    run(qtbot, view.load_past())
    assert view.past.rowCount() >= 12
    view.past.selectRow(view.past.rowCount() - 1)
    view.open_selected_past()
    qtbot.waitUntil(lambda: view.participants.rowCount() >= 1, timeout=10_000)
    assert view.room is not None and view.room.ended
    assert not view.end_button.isEnabled()

    run(qtbot, view.open_room())
    run(qtbot, view.add("abc"))
    assert "abc" in view.status.text()
    assert view.participants.rowCount() == 0
    panel.shutdown()
