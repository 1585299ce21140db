"""The panel wired to the sandbox: the board fills, actions open, KPIs load."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest
from instants import INSTANTS
from pytestqt.qtbot import QtBot
from qt_support import run
from supervisor_helpers import control, make_client

from desktop.core.board import RamalState
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import Clock
from desktop.supervisor.actions import ActionKind
from desktop.supervisor.feed import PollTimings
from desktop.supervisor.panel import SupervisorPanel


def test_panel_board_action_and_kpis(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    clock: Clock,
    tmp_path: Path,
) -> None:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    client = make_client(sandbox)
    panel = SupervisorPanel(
        client,
        supervisor_number="4009",
        who="sup",
        audit_dir=tmp_path,
        clock=clock,
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
    today = clock().date()
    report = run(qtbot, panel.load_kpis(today, today))
    assert report.overall.calls >= 1
    panel.kpi_view.show_report(report)
    assert panel.kpi_view.table.rowCount() == 11
    run(qtbot, panel.aclose())
    run(qtbot, client.aclose())


@pytest.mark.parametrize("instant", INSTANTS.values(), ids=INSTANTS.keys())
def test_the_board_and_todays_kpis_have_activity_at_any_hour(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    clock: Clock,
    instant: datetime,
    tmp_path: Path,
) -> None:
    client = make_client(sandbox)
    panel = SupervisorPanel(
        client, supervisor_number="4009", who="sup", audit_dir=tmp_path, clock=clock
    )
    qtbot.addWidget(panel)
    panel.start()
    qtbot.waitUntil(lambda: panel.board.rowCount() == 10, timeout=10_000)
    snapshot = panel.feed.snapshot
    assert snapshot is not None
    rows = snapshot.ramais.values()
    assert any(r.state is not RamalState.UNKNOWN for r in rows)  # not "No activity today"
    assert panel.kpi_view.period_dates() == (instant.date(), instant.date())
    report = run(qtbot, panel.load_kpis(*panel.kpi_view.period_dates()))
    assert report.overall.calls >= 3  # today's KPIs are never empty
    assert report.pauses  # nor today's pauses
    run(qtbot, panel.aclose())
    run(qtbot, client.aclose())
