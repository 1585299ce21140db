"""The agent window for screen readers and keyboards: names, Tab order, announcements."""

from __future__ import annotations

from collections.abc import Callable

from accessible_tree import unnamed_controls
from agent_fakes import FakeClock, FakeWebphone
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.agent.announcer import Announcer, announcement_for, spoken_duration
from desktop.agent.preferences import AgentPreferences
from desktop.agent.state import AgentSnapshot, AgentState, CallInfo, Direction
from desktop.agent.window import AgentWindow

MakeWindow = Callable[..., AgentWindow]


def ring(phone: FakeWebphone, number: str = "+5548999990000") -> None:
    phone.emit_event(
        "chegandoChamada", numeroChegando=number, numeroDestino="4000", chamadaRecebidaId="31"
    )
    phone.status("chamando")


def test_the_tree_check_finds_an_unnamed_button(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    QPushButton(box)  # no text, no accessible name
    assert len(unnamed_controls(box)) == 1


def test_every_control_of_the_window_has_a_name(make_window: MakeWindow) -> None:
    window = make_window(AgentPreferences(queue_ids=("vendas", "sac")))
    assert unnamed_controls(window) == []
    assert unnamed_controls(window.transfer_dialog) == []
    row = window.queue_panel.row_button("sac", "join")
    assert row.accessibleName() == "Join queue sac"
    assert window.queue_panel.join_field.accessibleName() == "Queue to join"


def test_tab_goes_through_the_queue_rows_before_the_join_field(
    make_window: MakeWindow,
) -> None:
    window = make_window(AgentPreferences(queue_ids=("vendas",)))
    panel = window.queue_panel
    order: list[QWidget] = []
    widget = panel.pause_all_button.nextInFocusChain()
    while widget is not panel.pause_all_button and len(order) < 500:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
    wanted = [panel.row_button("vendas", "join"), panel.row_button("vendas", "pause")]
    wanted += [panel.join_field, panel.join_button]
    positions = [order.index(w) for w in wanted]
    assert positions == sorted(positions)
    assert positions[-1] - positions[0] == 3


def test_state_changes_are_announced(
    window: AgentWindow, phone: FakeWebphone, clock: FakeClock
) -> None:
    heard = window.announcer.history
    assert heard[-1] == "Phone connected, ready"
    ring(phone)
    assert heard[-1] == "Incoming call from +55 48 99999-0000"
    assert window.announcer.status.accessibleName() == heard[-1]
    window.call_panel.answer_button.click()
    phone.status("conversando")
    assert heard[-1] == "Connected to +55 48 99999-0000"
    clock.advance(65)
    phone.status("encerrada")
    assert heard[-1] == "Call ended after 1 min 5 s"
    phone.emit_event("pausou_na_fila")
    window.controller.finish_wrap_up()
    assert "Paused" in heard
    phone.emit_event("despausou_na_fila")
    assert heard[-1] == "Pause ended, taking calls"
    phone.set_health("down", "no answer for 30 s")
    assert heard[-1] == "Webphone not working: no answer for 30 s"


def test_a_ring_nobody_answered_is_a_missed_call() -> None:
    t0 = FakeClock().now
    call = CallInfo(Direction.INBOUND, "+5548999990000", t0, ended_at=t0)
    ringing = AgentSnapshot(state=AgentState.RINGING, call=call)
    assert announcement_for(ringing, AgentSnapshot(AgentState.ENDED, call)) == "Missed call"
    dropped = AgentSnapshot(AgentState.DISCONNECTED, unexpected_disconnect=True)
    said = announcement_for(AgentSnapshot(AgentState.READY), dropped)
    assert said == "Phone disconnected: the connection dropped, reconnecting"


def test_spoken_durations() -> None:
    assert spoken_duration(7) == "7 s"
    assert spoken_duration(125) == "2 min 5 s"
    assert spoken_duration(3720) == "1 h 2 min"


def test_the_announcement_reaches_the_accessibility_bridge(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    announcer = Announcer(owner)
    with qtbot.waitSignal(announcer.announced) as blocker:
        announcer.announce("Paused")
    assert blocker.args == ["Paused"]
    node = QAccessible.queryAccessibleInterface(announcer.status)
    assert node is not None and node.text(QAccessible.Text.Name) == "Paused"


def test_focus_comes_back_to_the_field_after_a_transfer(
    qtbot: QtBot, window: AgentWindow, phone: FakeWebphone
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    ring(phone)
    window.agent_actions.answer.trigger()
    phone.status("conversando")
    window.dialpad.focus_field()
    qtbot.keySequence(window.dialpad.field, "Ctrl+Shift+T")
    dialog = window.transfer_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field, timeout=10_000)
    qtbot.keyClicks(dialog.field, "4001")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert ("transferir", {"numeroTelefone": "4001"}) in phone.commands
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.dialpad.field, timeout=10_000)


def test_focus_comes_back_to_pause_after_choosing_a_reason(
    qtbot: QtBot, window: AgentWindow, phone: FakeWebphone
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    ring(phone)
    window.agent_actions.answer.trigger()
    phone.status("conversando")
    phone.status("encerrada")  # paused in the wrap-up after a call
    phone.clear()
    button = window.queue_panel.pause_all_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    menu = window.queue_panel.reason_menu
    qtbot.waitUntil(menu.isVisible, timeout=10_000)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert phone.commands == [("pausarNaFila", {})]
    phone.emit_event("pausou_na_fila")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button, timeout=10_000)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert phone.commands[-1] == ("despausarNaFila", {})


def test_a_declined_call_is_not_announced_as_missed(
    window: AgentWindow, phone: FakeWebphone
) -> None:
    heard = window.announcer.history
    declined: list[bool] = []
    window.controller.declined.connect(lambda: declined.append(True))
    ring(phone)
    window.agent_actions.decline.trigger()
    phone.status("encerrada")
    assert heard[-1] == "Call declined"
    assert declined == [True]
    window.controller.finish_wrap_up()
    ring(phone, "+5548999990001")
    phone.status("encerrada")  # the caller gave up
    assert heard[-1] == "Missed call"
    window.controller.finish_wrap_up()
    ring(phone, "+5548999990002")
    window.agent_actions.answer.trigger()
    phone.status("conversando")
    window.agent_actions.hang_up.trigger()
    assert declined == [True]  # hanging up a call in progress declines nothing
