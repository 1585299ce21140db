"""Supervision for screen readers and keyboards: names, spoken alerts, a Tab-only listen."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from accessible_tree import unnamed_controls
from instants import INSTANTS
from keyboard import press, tab_to
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from qt_support import run
from supervisor_helpers import control, make_client

from desktop.core.board import CallPhase, LiveCall, RamalLive, RamalState
from desktop.core.thresholds import Thresholds
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import Clock
from desktop.shell.main_window import MainWindow
from desktop.supervisor.action_dialogs import ActionDialog
from desktop.supervisor.actions import ActionKind
from desktop.supervisor.board_alerts import alert_text
from desktop.supervisor.charts import BarChart, Series
from desktop.supervisor.feed import PollTimings
from desktop.supervisor.panel import SupervisorPanel


def _panel(qtbot: QtBot, sandbox: SandboxThread, clock: Clock, audit: Path) -> SupervisorPanel:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    widget = SupervisorPanel(
        make_client(sandbox),
        supervisor_number="4009",
        who="sup",
        audit_dir=audit,
        clock=clock,
        thresholds=Thresholds(call_minutes=0.02, pause_minutes=0),
        timings=PollTimings(fast=0.2, slow=0.2),
    )
    widget.start()
    qtbot.waitUntil(lambda: widget.board.rowCount() == 10, timeout=5000)
    return widget


@pytest.fixture
def panel(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    clock: Clock,
    tmp_path: Path,
) -> Iterator[SupervisorPanel]:
    widget = _panel(qtbot, sandbox, clock, tmp_path)
    qtbot.addWidget(widget)
    yield widget
    run(qtbot, widget.aclose())


def test_every_control_of_supervision_and_its_dialogs_is_named(
    panel: SupervisorPanel, qtbot: QtBot
) -> None:
    missing = []
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        missing += unnamed_controls(panel.tabs.widget(index))
    assert missing == []
    assert unnamed_controls(panel) == []
    assert panel.board_view.board_table.accessibleName() == "Ramais and their state"
    qtbot.waitUntil(lambda: panel.kpi_view.report is not None, timeout=10_000)
    answered = panel.kpi_view.tiles["answered"]
    assert answered.accessibleName() == f"Answered: {answered.text()}"
    call = LiveCall(7, "4001", "48999990000", "4001", "", "", CallPhase.TALKING, INSTANTS["12:00"])
    for kind in ActionKind:
        dialog = ActionDialog(kind, call, lambda *_a: None, parent=panel)  # type: ignore[arg-type,return-value]
        assert unnamed_controls(dialog) == [], kind


def test_alerts_say_who_what_and_for_how_long() -> None:
    t0 = INSTANTS["12:00"]
    paused = RamalLive(1, "4001", "ana", (), RamalState.PAUSED, since=t0)
    assert (
        alert_text(paused, t0 + timedelta(seconds=905)) == "Ramal 4001 (ana): paused for 15 min 5 s"
    )
    talking = RamalLive(2, "4002", "", (), RamalState.TALKING, since=t0)
    assert alert_text(talking, t0 + timedelta(hours=1, minutes=2)) == (
        "Ramal 4002: in a call for 1 h 2 min"
    )


def test_a_chart_says_its_bars(qtbot: QtBot) -> None:
    chart = BarChart("Calls per hour")
    qtbot.addWidget(chart)
    chart.empty_text = "No data"
    chart.set_data(
        ["08h", "09h"], [Series("Answered", "#0a0", (10, 0)), Series("Missed", "#a00", (2, 0))]
    )
    assert chart.accessibleName() == "Calls per hour"
    assert chart.accessibleDescription() == "08h: 12 (Answered 10, Missed 2)"
    chart.set_data([], [])
    assert chart.accessibleDescription() == "No data"


def test_a_ramal_over_its_threshold_is_announced(
    panel: SupervisorPanel, qtbot: QtBot, sandbox: SandboxThread
) -> None:
    run(qtbot, panel.client.chamadas.create("4001", "48999990000"))
    heard = panel.announcer.history
    qtbot.waitUntil(lambda: any(text.startswith("Ramal 4001") for text in heard), timeout=10_000)
    said = next(text for text in heard if text.startswith("Ramal 4001"))
    assert " for " in said and said.endswith(" s")


def test_open_supervision_pick_a_ramal_and_listen_with_the_keyboard(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    clock: Clock,
    tmp_path: Path,
) -> None:
    window = MainWindow("Work")
    qtbot.addWidget(window)
    panel = _panel(qtbot, sandbox, clock, tmp_path)
    try:
        _listen_with_the_keyboard(qtbot, window, panel)
    finally:
        run(qtbot, panel.aclose())


def _listen_with_the_keyboard(qtbot: QtBot, window: MainWindow, panel: SupervisorPanel) -> None:
    call_id = run(qtbot, panel.client.chamadas.create("4001", "48999990000"))
    qtbot.waitUntil(lambda: panel.calls.rowCount() == 1, timeout=5000)
    window.add_panel("phone", "Phone", QLineEdit())
    window.add_panel("supervisor", "Supervision", panel)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=10_000)
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # next tab: Supervision
    assert window.tabs.currentWidget() is panel
    view = panel.board_view
    tab_to(view.board_table)

    def current_ramal() -> str:
        index = view.proxy.mapToSource(view.board_table.currentIndex())
        return view.board.row_at(index.row()).numero if index.isValid() else ""

    for _ in range(panel.board.rowCount()):
        if current_ramal() == "4001":
            break
        press(Qt.Key.Key_Down)
    assert current_ramal() == "4001"
    qtbot.waitUntil(lambda: view.selected_call() is not None)
    assert view.selected_call().id == call_id  # type: ignore[union-attr]
    tab_to(view.buttons[ActionKind.LISTEN])
    press(Qt.Key.Key_Space)
    dialog = panel.dialog
    assert dialog is not None and dialog.kind is ActionKind.LISTEN
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=10_000)
    press(Qt.Key.Key_Return)  # the dialog's default button: Listen
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert dialog.result_value is not None and dialog.result_value.ok
    assert dialog.announcer.history == ["Done: the API accepted the request; your phone will ring."]
