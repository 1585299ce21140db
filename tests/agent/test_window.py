from __future__ import annotations

from collections.abc import Callable

import pytest
from agent_fakes import FakeClock, FakePlayer, FakeWebphone
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.agent.preferences import AgentPreferences, PauseReason
from desktop.agent.state import AgentState
from desktop.agent.window import AgentWindow

MakeWindow = Callable[..., AgentWindow]

CALL_BUTTONS = (
    "dial",
    "answer",
    "decline",
    "hang_up",
    "ready",
    "mute",
    "record",
    "transfer",
    "attended_transfer",
)


def enabled(window: AgentWindow) -> set[str]:
    buttons = window.call_panel.buttons
    return {name for name in CALL_BUTTONS if buttons[name].isEnabled()}


def shown(window: AgentWindow) -> set[str]:
    buttons = window.call_panel.buttons
    return {name for name in CALL_BUTTONS if not buttons[name].isHidden()}


def ring(phone: FakeWebphone, number: str = "+5548999990000") -> None:
    phone.emit_event(
        "chegandoChamada", numeroChegando=number, numeroDestino="4000", chamadaRecebidaId="31"
    )
    phone.status("chamando")


def talk(window: AgentWindow, phone: FakeWebphone) -> None:
    ring(phone)
    window.call_panel.answer_button.click()
    phone.status("conversando")
    phone.clear()


def test_buttons_follow_the_snapshots(
    make_window: MakeWindow, phone: FakeWebphone, clock: FakeClock
) -> None:
    window = make_window(AgentPreferences(wrap_up_seconds=60), connected=False)
    assert enabled(window) == set()
    phone.status("conectado")
    assert enabled(window) == {"dial"}
    assert "dial" in shown(window) and "answer" not in shown(window)

    ring(phone)
    assert enabled(window) == {"answer", "decline", "hang_up"}
    assert {"answer", "decline"} <= shown(window)
    assert "dial" not in shown(window)

    window.call_panel.answer_button.click()
    assert phone.names() == ["answer"]
    assert enabled(window) == {"answer", "decline", "hang_up"}  # nothing moves on a click

    phone.status("conversando")
    assert enabled(window) == {"hang_up", "mute", "record", "transfer", "attended_transfer"}
    assert "hang_up" in shown(window)

    phone.status("encerrada")
    assert enabled(window) == {"dial", "ready"}
    assert "ready" in shown(window)
    clock.advance(60)
    window.controller.tick()
    assert enabled(window) == {"dial"}


def test_call_timer_runs_on_ticks(
    window: AgentWindow, phone: FakeWebphone, clock: FakeClock
) -> None:
    talk(window, phone)
    assert window.call_panel.timer.text() == "00:00"
    clock.advance(65)
    window.controller.tick()
    assert window.call_panel.timer.text() == "01:05"
    assert "+55 48 99999-0000" in window.call_panel.number.text()
    assert window.header.state.text() == "In call"


def test_dial_from_the_field(qtbot: QtBot, window: AgentWindow, phone: FakeWebphone) -> None:
    qtbot.keyClicks(window.dialpad.field, "+55 (48) 9 9999-9999")
    qtbot.keyClick(window.dialpad.field, Qt.Key.Key_Return)
    assert phone.commands == [("chamaNumero", {"numero": "48999999999"})]
    assert window.controller.snapshot.state is AgentState.READY
    assert window.dialpad.error.isHidden()


def test_pasted_number_dials_with_the_call_button(window: AgentWindow, phone: FakeWebphone) -> None:
    window.dialpad.field.setText("tel:+55-48-3333-4444")
    window.call_panel.call_button.click()
    assert phone.commands == [("chamaNumero", {"numero": "4833334444"})]


def test_invalid_number_shows_an_inline_error_and_sends_nothing(
    qtbot: QtBot, window: AgentWindow, phone: FakeWebphone
) -> None:
    qtbot.keyClicks(window.dialpad.field, "48 9999-99")
    qtbot.keyClick(window.dialpad.field, Qt.Key.Key_Return)
    assert phone.commands == []
    assert not window.dialpad.error.isHidden()
    assert window.dialpad.error.text()
    assert window.dialpad.field.property("invalid") is True
    assert window.banner.message == ""  # inline, not a banner
    qtbot.keyClicks(window.dialpad.field, "9")
    assert window.dialpad.error.isHidden()


def test_keypad_digits_go_into_the_field_out_of_a_call(
    window: AgentWindow, phone: FakeWebphone
) -> None:
    for key in "4001":
        window.dialpad.keys[key].click()
    assert window.dialpad.text() == "4001"
    assert phone.commands == []


def test_keyboard_digits_send_dtmf_while_talking(
    qtbot: QtBot, window: AgentWindow, phone: FakeWebphone
) -> None:
    window.dialpad.field.setText("4001")
    talk(window, phone)
    qtbot.keyClicks(window.dialpad.field, "12#")
    window.dialpad.keys["*"].click()
    qtbot.keyClick(window.call_panel, Qt.Key.Key_9)  # typed anywhere in the window
    qtbot.keyClick(window.dialpad.field, Qt.Key.Key_A)  # not a tone: ignored
    assert phone.commands == [("enviaDTMF", {"dtmf": d}) for d in "12#*9"]
    assert window.dialpad.text() == "12#*9"
    phone.status("encerrada")
    assert window.dialpad.text() == "4001"  # the number typed before the call is back


def test_banner_shows_status_erro_words(window: AgentWindow, phone: FakeWebphone) -> None:
    phone.emit_event("status_erro", status_erro="sem saldo")
    assert window.banner.isVisible()
    assert "sem saldo" in window.banner.message
    assert window.banner.level == "error"
    window.banner.close_button.click()
    assert not window.banner.isVisible()


def test_banner_troubleshooting_button_opens_the_webphone_view(
    window: AgentWindow, phone: FakeWebphone
) -> None:
    phone.set_health("down", "the webphone page did not load: timeout")
    assert "did not load" in window.banner.message
    assert "did not load" in window.header.detail.text()
    window.banner.action_button.click()
    assert window.troubleshooting.isVisible()
    assert phone.frame_visible
    assert window.troubleshooting.isModal() is False
    phone.set_health("ok")
    assert window.banner.message == ""  # the problem went away
    window.troubleshooting.close()
    assert not phone.frame_visible


def test_incoming_ring_starts_and_stops(
    window: AgentWindow, phone: FakeWebphone, player: FakePlayer
) -> None:
    window.showMinimized()
    ring(phone)
    assert player.is_playing()
    assert not window.isMinimized()
    assert window.incoming.last_notification is None  # no system tray offscreen
    phone.status("chamando")  # duplicate: no second ring
    assert player.plays == 1
    window.call_panel.answer_button.click()
    assert player.is_playing()  # still ringing until the webphone says otherwise
    phone.status("conversando")
    assert not player.is_playing()


def test_declined_ring_stops(window: AgentWindow, phone: FakeWebphone, player: FakePlayer) -> None:
    ring(phone)
    window.call_panel.decline_button.click()
    assert phone.names() == ["hangup"]
    phone.status("encerrada")
    assert not player.is_playing()


def test_transfer_dialog_blind_and_attended(
    qtbot: QtBot, window: AgentWindow, phone: FakeWebphone
) -> None:
    talk(window, phone)
    window.call_panel.transfer_button.click()
    dialog = window.transfer_dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.blind.isChecked()
    qtbot.keyClicks(dialog.field, "abc")
    dialog.send_button.click()
    assert dialog.isVisible()
    assert dialog.error.text()
    dialog.field.setText("(48) 99999-0044")
    dialog.send_button.click()
    assert not dialog.isVisible()
    window.call_panel.attended_button.click()
    assert dialog.attended.isChecked()
    dialog.field.setText("4001")
    dialog.send_button.click()
    assert phone.commands == [
        ("transferir", {"numeroTelefone": "48999990044"}),
        ("transferirConsulta", {"numeroTelefone": "4001"}),
    ]


def test_transfer_dialog_closes_when_the_call_ends(
    window: AgentWindow, phone: FakeWebphone
) -> None:
    talk(window, phone)
    window.call_panel.attended_button.click()
    assert window.transfer_dialog.isVisible()
    phone.status("encerrada")
    assert not window.transfer_dialog.isVisible()


def test_mute_and_record_buttons_show_the_flags(window: AgentWindow, phone: FakeWebphone) -> None:
    talk(window, phone)
    window.call_panel.mute_button.click()
    window.call_panel.record_button.click()
    assert phone.names() == ["mute", "recStart"]
    assert window.call_panel.mute_button.isChecked()
    assert window.call_panel.record_button.isChecked()
    assert not window.call_panel.recording_badge.isHidden()
    assert not window.call_panel.muted_badge.isHidden()
    phone.ready = False  # the command fails: the button must not pretend
    window.call_panel.mute_button.click()
    assert window.call_panel.mute_button.isChecked()
    assert window.banner.message


def test_pause_with_a_reason_and_its_timer(
    make_window: MakeWindow, phone: FakeWebphone, clock: FakeClock
) -> None:
    reasons = (PauseReason("Lunch", max_minutes=60), PauseReason("Training"))
    window = make_window(AgentPreferences(queue_ids=("sac",), pause_reasons=reasons))
    panel = window.queue_panel
    assert panel.row_button("sac", "pause").isEnabled() is False
    panel.row_button("sac", "join").click()
    assert phone.commands == [("entrarNaFila", {"filaId": "sac"})]
    phone.emit_event("entrou_na_fila", filaId="sac")
    assert panel.row_button("sac", "join").text() == "Leave"

    panel.row_button("sac", "pause").click()
    assert panel.reason_menu.isVisible()
    choices = [a for a in panel.reason_menu.actions() if a.isEnabled()]
    assert [a.text() for a in choices] == ["Lunch (60 min)", "Training"]
    choices[0].trigger()
    assert phone.commands[-1] == ("pausarNaFila", {"filaId": "sac"})
    phone.emit_event("pausou_na_fila", filaId="sac")
    clock.advance(65)
    window.controller.tick()
    assert panel.table.item(0, 1).text() == "Paused · Lunch"
    assert panel.table.item(0, 2).text() == "01:05"
    assert window.header.state.text() == "Paused"

    panel.row_button("sac", "pause").click()
    assert phone.commands[-1] == ("despausarNaFila", {"filaId": "sac"})


def test_pause_all_from_the_shortcut_and_resume(
    qtbot: QtBot, window: AgentWindow, phone: FakeWebphone, clock: FakeClock
) -> None:
    window.agent_actions.pause.trigger()
    menu = window.queue_panel.reason_menu
    assert menu.isVisible()
    [a for a in menu.actions() if a.isEnabled()][1].trigger()  # Lunch
    assert phone.commands == [("pausarNaFila", {})]
    phone.emit_event("pausou_na_fila")
    clock.advance(3)
    window.controller.tick()
    assert window.queue_panel.pause_status.text() == "Paused: Lunch"
    assert window.queue_panel.pause_timer.text() == "00:03"
    assert window.agent_actions.pause.text() == "&Resume work"
    window.agent_actions.pause.trigger()
    assert phone.commands[-1] == ("despausarNaFila", {})


def test_pause_overdue_reminder_in_the_banner(
    make_window: MakeWindow, phone: FakeWebphone, clock: FakeClock
) -> None:
    window = make_window(AgentPreferences(pause_reasons=(PauseReason("Break", max_minutes=1),)))
    window.controller.pause(None, PauseReason("Break", max_minutes=1))
    phone.emit_event("pausou_na_fila")
    clock.advance(61)
    window.controller.tick()
    assert window.banner.level == "warning"
    assert "Break" in window.banner.message
    window.banner.action_button.click()  # "Resume work"
    assert phone.commands[-1] == ("despausarNaFila", {})


def test_pause_after_this_call(window: AgentWindow, phone: FakeWebphone) -> None:
    talk(window, phone)
    window.queue_panel.after_call_reason.setCurrentIndex(1)  # Lunch
    window.queue_panel.after_call.click()
    assert window.agent_actions.pause_after_call.isChecked()
    assert window.controller.pause_after_call is not None
    assert window.controller.pause_after_call.label == "Lunch"
    phone.status("encerrada")
    assert phone.commands == [("pausarNaFila", {})]
    assert not window.queue_panel.after_call.isChecked()
    assert not window.agent_actions.pause_after_call.isChecked()


@pytest.mark.parametrize(
    ("keys", "command"),
    [("Ctrl+Shift+A", "answer"), ("Ctrl+Shift+D", "hangup"), ("Ctrl+Shift+H", "hangup")],
)
def test_ringing_shortcuts(
    qtbot: QtBot, window: AgentWindow, phone: FakeWebphone, keys: str, command: str
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    ring(phone)
    window.dialpad.field.setFocus()
    qtbot.keySequence(window.dialpad.field, keys)
    assert phone.names() == [command]


def test_call_shortcuts(qtbot: QtBot, window: AgentWindow, phone: FakeWebphone) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    talk(window, phone)
    for keys in ("Ctrl+Shift+M", "Ctrl+Shift+R", "Ctrl+Shift+H"):
        qtbot.keySequence(window, keys)
    assert phone.names() == ["mute", "recStart", "hangup"]
    qtbot.keySequence(window, "Ctrl+Shift+T")
    assert window.transfer_dialog.isVisible()
    window.transfer_dialog.reject()
    window.call_panel.setFocus()
    qtbot.keySequence(window, "Ctrl+L")
    assert window.dialpad.field.hasFocus()


def test_every_action_is_in_a_menu(window: AgentWindow) -> None:
    in_menus = {
        action
        for menu_action in window.menuBar().actions()
        for action in (menu_action.menu().actions() if menu_action.menu() else [])
    }
    assert set(window.agent_actions.all()) <= in_menus


def test_quality_indicator_and_graph(
    window: AgentWindow, phone: FakeWebphone, clock: FakeClock
) -> None:
    indicator = window.header.quality
    assert indicator.label.text() == "Call quality: No data"
    for value in ("bom", "regular", "ruim"):
        clock.advance(5)
        phone.emit_event("stats_webphone", internet=value, computador="bom")
    assert indicator.label.text() == "Call quality: Poor"
    assert len(indicator.card.graph.samples) == 3
    indicator.show_card()
    assert indicator.card.isVisible()
    assert "Internet: Poor" in indicator.card.detail.text()
    clock.advance(6 * 60)
    window.controller.tick()
    assert indicator.card.graph.samples == ()  # older than the graph's window


def test_unknown_status_is_shown_as_it_came(window: AgentWindow, phone: FakeWebphone) -> None:
    phone.status("em_espera")
    assert "em_espera" in window.header.detail.text()


def test_dial_link_asks_first(qtbot: QtBot, window: AgentWindow, phone: FakeWebphone) -> None:
    window.dial_link("tel:+55-48-99999-0000")
    box = window.confirmation
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=10_000)
    assert phone.commands == []
    box.button(QMessageBox.StandardButton.Yes).click()
    assert phone.commands == [("chamaNumero", {"numero": "48999990000"})]


def test_troubleshooting_from_the_menu(window: AgentWindow, phone: FakeWebphone) -> None:
    window.agent_actions.troubleshooting.trigger()
    assert window.troubleshooting.isVisible()
    assert phone.view.isVisible()
    window.troubleshooting.reconnect_button.click()
    assert phone.reloads == 1


def test_new_preferences_reach_the_queue_panel(window: AgentWindow) -> None:
    prefs = AgentPreferences(queue_ids=("vendas", "sac"), pause_reasons=(PauseReason("Meeting"),))
    window.controller.set_preferences(prefs)
    assert window.queue_panel.queue_ids() == ["vendas", "sac"]
    assert window.queue_panel.after_call_reason.itemText(0) == "Meeting"
