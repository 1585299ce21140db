"""The panel wired to the sandbox: the board fills, actions open, KPIs load."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot
from qt_support import run
from supervisor_helpers import control, make_client

from desktop.sandbox.server import SandboxThread
from desktop.supervisor.actions import ActionKind
from desktop.supervisor.feed import PollTimings
from desktop.supervisor.panel import SupervisorPanel


def test_panel_board_action_and_kpis(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    client = make_client(sandbox)
    panel = SupervisorPanel(
        client,
        supervisor_number="4009",
        who="sup",
        audit_dir=tmp_path,
        timings=PollTimings(fast=0.2, slow=0.2),
    )
    qtbot.addWidget(panel)
    panel.start()
    qtbot.waitUntil(lambda: panel.board.rowCount() == 10, timeout=5000)
    call_id = run(qtbot, client.chamadas.create("4001", "48999990000"))
    qtbot.waitUntil(lambda: panel.calls.rowCount() == 1, timeout=5000)
    assert panel.board_view.select_call(call_id)
    assert panel.board_view.buttons[ActionKind.HANGUP].isEnabled()
    panel.board_view.buttons[ActionKind.HANGUP].click()
    dialog = panel.dialog
    assert dialog is not None and dialog.kind is ActionKind.HANGUP
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    assert dialog.result_value is not None and dialog.result_value.ok
    qtbot.waitUntil(lambda: panel.calls.rowCount() == 0, timeout=5000)
    assert panel.audit_view.table.rowCount() == 1
    report = run(qtbot, panel.load_kpis(date.today(), date.today()))
    assert report.overall.calls >= 1
    panel.kpi_view.show_report(report)
    assert panel.kpi_view.table.rowCount() == 11
    panel.stop()
    run(qtbot, client.aclose())
