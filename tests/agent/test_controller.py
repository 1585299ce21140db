from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from agent_fakes import FakeClock, FakeWebphone
from pytestqt.qtbot import QtBot

from desktop.agent.controller import AgentController
from desktop.agent.preferences import AgentPreferences, PauseReason
from desktop.agent.state import ALL_QUEUES, AgentState, Direction, Quality

MakeController = Callable[..., AgentController]

BREAK = PauseReason("Break", max_minutes=15)
LUNCH = PauseReason("Lunch", max_minutes=60, auto_unpause=True)


def record(signal: Any) -> list[tuple[Any, ...]]:
    got: list[tuple[Any, ...]] = []
    signal.connect(lambda *args: got.append(args))
    return got


def ring(phone: FakeWebphone, number: str = "+5548999990000", call_id: str = "900") -> None:
    phone.emit_event(
        "chegandoChamada", numeroChegando=number, numeroDestino="4000", chamadaRecebidaId=call_id
    )
    phone.status("chamando")


def test_starts_connecting_and_becomes_ready_on_conectado(
    controller: AgentController, phone: FakeWebphone
) -> None:
    assert controller.snapshot.state is AgentState.CONNECTING
    phone.status("conectado")
    assert controller.snapshot.state is AgentState.READY


def test_dial_sends_command_and_state_moves_only_on_events(
    ready: AgentController, phone: FakeWebphone, clock: FakeClock
) -> None:
    changes = record(ready.changed)
    assert ready.dial("+55 (48) 9 9999-9999") is None
    assert phone.commands == [("chamaNumero", {"numero": "48999999999"})]
    assert ready.snapshot.state is AgentState.READY  # the click alone changes nothing
    assert changes == []

    phone.status("chamando")
    phone.emit_event("chamada_id", chamada_id="77")
    snap = ready.snapshot
    assert snap.state is AgentState.DIALING
    assert snap.call is not None
    assert snap.call.number == "+5548999999999"
    assert snap.call.direction is Direction.OUTBOUND
    assert snap.call.chamada_id == "77"

    phone.status("conversando")
    clock.advance(42)
    ready.tick()
    assert ready.snapshot.state is AgentState.TALKING
    assert ready.snapshot.call is not None
    assert ready.snapshot.call.talk_seconds(clock()) == 42

    phone.clear()
    assert ready.hang_up()
    assert phone.names() == ["hangup"]
    assert ready.snapshot.state is AgentState.TALKING
    phone.status("encerrada")
    assert ready.snapshot.state is AgentState.ENDED


def test_changed_is_emitted_only_when_the_snapshot_changes(
    ready: AgentController, phone: FakeWebphone
) -> None:
    changes = record(ready.changed)
    phone.emit_event("stats_webphone", internet="bom", computador="bom")
    phone.emit_event("stats_webphone", internet="bom", computador="bom")
    ready.tick()
    assert len(changes) == 1
    assert ready.snapshot.internet is Quality.GOOD
    assert len(ready.quality_history.samples) == 2  # every report is a sample


def test_wrap_up_keeps_the_ended_call_on_screen(
    make_controller: MakeController, phone: FakeWebphone, clock: FakeClock
) -> None:
    controller = make_controller(AgentPreferences(wrap_up_seconds=30))
    phone.status("conectado")
    ring(phone)
    controller.answer()
    phone.status("conversando")
    phone.status("encerrada")
    clock.advance(29)
    controller.tick()
    assert controller.snapshot.state is AgentState.ENDED
    clock.advance(1)
    controller.tick()
    assert controller.snapshot.state is AgentState.READY


def test_finish_wrap_up_is_ready_at_once(
    make_controller: MakeController, phone: FakeWebphone
) -> None:
    controller = make_controller(AgentPreferences(wrap_up_seconds=300))
    phone.status("conectado")
    ring(phone)
    phone.status("encerrada")
    assert controller.snapshot.state is AgentState.ENDED
    controller.finish_wrap_up()
    assert controller.snapshot.state is AgentState.READY


@pytest.mark.parametrize("text", ["", "12ab", "(48) 9999-99", "+55 48 0"])
def test_invalid_number_is_reported_and_nothing_is_sent(
    ready: AgentController, phone: FakeWebphone, text: str
) -> None:
    problem = ready.dial(text)
    assert problem
    assert phone.commands == []


def test_dial_while_not_ready_is_refused(controller: AgentController, phone: FakeWebphone) -> None:
    assert controller.dial("48999990000")
    assert phone.commands == []


def test_webphone_not_ready_becomes_an_error(ready: AgentController, phone: FakeWebphone) -> None:
    errors = record(ready.error)
    phone.ready = False
    assert ready.dial("48999990000") is not None
    assert len(errors) == 1
    assert "Reconnect" in errors[0][0]
    assert ready.snapshot.call is None


def test_status_erro_becomes_an_error_with_what_to_do(
    ready: AgentController, phone: FakeWebphone
) -> None:
    errors = record(ready.error)
    ready.dial("48999990000")
    phone.status("chamando")
    phone.emit_event("status_erro", status_erro="sem saldo")
    assert len(errors) == 1
    assert "sem saldo" in errors[0][0]
    assert "administrator" in errors[0][0]
    assert ready.snapshot.state is AgentState.ENDED
    assert ready.snapshot.call is not None
    assert ready.snapshot.call.error == "sem saldo"


def test_microphone_error_tells_how_to_fix_it(ready: AgentController, phone: FakeWebphone) -> None:
    errors = record(ready.error)
    phone.emit_event("status_erro", status_erro="microfone indisponível: NotAllowedError")
    assert "microphone" in errors[0][0]


def test_health_down_then_recovered(ready: AgentController, phone: FakeWebphone) -> None:
    errors = record(ready.error)
    recovered = record(ready.recovered)
    phone.set_health("down", "no signal from the webphone for 15 s")
    assert "no signal from the webphone for 15 s" in errors[0][0]
    assert "Reconnect" in errors[0][0]
    assert recovered == []
    phone.set_health("starting")  # the page loads again: not ready until it connects
    assert ready.snapshot.state is AgentState.CONNECTING
    phone.set_health("ok")
    assert len(recovered) == 1
    phone.status("conectado")
    assert ready.snapshot.state is AgentState.READY


def test_renderer_lost_while_idle_means_disconnected(
    ready: AgentController, phone: FakeWebphone
) -> None:
    errors = record(ready.error)
    phone.failed.emit("the webphone process crashed (code 11)")
    assert ready.snapshot.state is AgentState.DISCONNECTED
    assert "crashed (code 11)" in errors[0][0]


def test_renderer_lost_during_a_call_ends_it(ready: AgentController, phone: FakeWebphone) -> None:
    ring(phone)
    ready.answer()
    phone.status("conversando")
    phone.failed.emit("the webphone process crashed (code 11)")
    snap = ready.snapshot
    assert snap.state is AgentState.DISCONNECTED
    assert snap.unexpected_disconnect
    assert snap.call is not None and snap.call.ended_at is not None


def test_a_fresh_page_during_a_call_means_the_call_is_gone(
    ready: AgentController, phone: FakeWebphone
) -> None:
    ring(phone)
    phone.set_health("starting")
    assert ready.snapshot.state is AgentState.CONNECTING
    assert ready.snapshot.call is not None and ready.snapshot.call.ended_at is not None


def test_mute_and_recording_follow_the_commands(
    ready: AgentController, phone: FakeWebphone
) -> None:
    assert not ready.toggle_mute()  # no call: nothing to mute
    assert not ready.set_recording(True)
    ring(phone)
    ready.answer()
    phone.status("conversando")
    phone.clear()
    assert ready.toggle_mute()
    assert ready.toggle_recording()
    assert phone.names() == ["mute", "recStart"]
    assert ready.snapshot.muted and ready.snapshot.recording
    assert ready.toggle_recording()
    assert phone.names()[-1] == "recStop"
    assert not ready.snapshot.recording


def test_dtmf_only_while_talking(ready: AgentController, phone: FakeWebphone) -> None:
    assert not ready.send_dtmf("1")
    ring(phone)
    ready.answer()
    phone.status("conversando")
    phone.clear()
    assert ready.send_dtmf("5")
    errors = record(ready.error)
    assert not ready.send_dtmf("x")
    assert phone.commands == [("enviaDTMF", {"dtmf": "5"})]
    assert errors  # the protocol's refusal, in words


def test_transfer_blind_and_attended(ready: AgentController, phone: FakeWebphone) -> None:
    assert ready.transfer("4001", attended=False) is not None  # no call yet
    ring(phone)
    ready.answer()
    phone.status("conversando")
    phone.clear()
    assert ready.transfer("(48) 99999-0044", attended=False) is None
    assert ready.transfer("4001", attended=True) is None
    assert ready.transfer("abc", attended=True) is not None
    assert phone.commands == [
        ("transferir", {"numeroTelefone": "48999990044"}),
        ("transferirConsulta", {"numeroTelefone": "4001"}),
    ]


def test_pause_reason_is_logged_and_the_limit_reminded_once(
    make_controller: MakeController, phone: FakeWebphone, clock: FakeClock
) -> None:
    controller = make_controller(AgentPreferences(pause_reasons=(BREAK, LUNCH)))
    phone.status("conectado")
    overdue = record(controller.pause_overdue)
    assert controller.join_queue("7")
    phone.emit_event("entrou_na_fila", filaId="7")
    assert controller.pause(None, BREAK)
    assert phone.commands[-1] == ("pausarNaFila", {})
    assert controller.pause_log.entries == ()  # not paused until the webphone says so
    phone.emit_event("pausou_na_fila")
    (entry,) = controller.pause_log.entries
    assert entry.reason == BREAK
    assert entry.queue == ALL_QUEUES
    assert entry.open

    clock.advance(14 * 60)
    controller.tick()
    assert overdue == []
    clock.advance(60)
    controller.tick()
    clock.advance(60)
    controller.tick()
    assert overdue == [("Break", 15)]
    assert phone.commands[-1] == ("pausarNaFila", {})  # a reminder only: no auto-unpause

    controller.unpause(None)
    clock.advance(5)
    phone.emit_event("despausou_na_fila")
    (entry,) = controller.pause_log.entries
    assert not entry.open
    assert entry.seconds(clock()) == 16 * 60 + 5


def test_auto_unpause_after_the_limit(
    make_controller: MakeController, phone: FakeWebphone, clock: FakeClock
) -> None:
    controller = make_controller(AgentPreferences(pause_reasons=(BREAK, LUNCH)))
    phone.status("conectado")
    controller.join_queue("sac")
    phone.emit_event("entrou_na_fila", filaId="sac")
    controller.pause("sac", LUNCH)
    phone.emit_event("pausou_na_fila", filaId="sac")
    assert controller.pause_log.current("sac") is not None
    clock.advance(60 * 60)
    controller.tick()
    assert phone.commands[-1] == ("despausarNaFila", {"filaId": "sac"})
    phone.emit_event("despausou_na_fila", filaId="sac")
    assert controller.pause_log.current("sac") is None


def test_pause_after_this_call_is_applied_when_the_call_ends(
    ready: AgentController, phone: FakeWebphone
) -> None:
    toggles = record(ready.pause_after_call_changed)
    ring(phone)
    ready.answer()
    phone.status("conversando")
    ready.set_pause_after_call(LUNCH)
    assert ready.pause_after_call == LUNCH
    phone.clear()
    phone.status("encerrada")
    assert phone.commands == [("pausarNaFila", {})]
    assert ready.pause_after_call is None
    assert toggles == [(True,), (False,)]
    phone.emit_event("pausou_na_fila")
    assert ready.pause_log.current(ALL_QUEUES) is not None
    assert ready.pause_log.entries[0].reason == LUNCH


def test_auto_answer_after_n_seconds(
    make_controller: MakeController, phone: FakeWebphone, clock: FakeClock
) -> None:
    controller = make_controller(AgentPreferences(auto_answer_seconds=3))
    phone.status("conectado")
    ring(phone)
    clock.advance(2)
    controller.tick()
    phone.emit_event("chamada_id", chamada_id="900")  # the same call: the wait goes on
    assert phone.commands == []
    clock.advance(1)
    controller.tick()
    clock.advance(1)
    controller.tick()
    assert phone.names() == ["answer"]


def test_auto_answer_at_once(make_controller: MakeController, phone: FakeWebphone) -> None:
    controller = make_controller(AgentPreferences(auto_answer_seconds=0))
    phone.status("conectado")
    ring(phone)
    assert phone.names() == ["answer"]
    assert controller.snapshot.state is AgentState.RINGING


def test_no_auto_answer_for_outgoing_calls(
    make_controller: MakeController, phone: FakeWebphone, clock: FakeClock
) -> None:
    controller = make_controller(AgentPreferences(auto_answer_seconds=0))
    phone.status("conectado")
    controller.dial("4001")
    phone.status("chamando")
    clock.advance(10)
    controller.tick()
    assert phone.names() == ["chamaNumero"]


def test_dial_link_asks_first_when_configured(
    make_controller: MakeController, phone: FakeWebphone
) -> None:
    controller = make_controller(AgentPreferences(confirm_link_dial=True))
    phone.status("conectado")
    asked = record(controller.dial_confirmation)
    controller.dial_link("tel:+55-48-99999-0000")
    assert asked == [("+5548999990000",)]
    assert phone.commands == []
    controller.set_preferences(AgentPreferences(confirm_link_dial=False))
    controller.dial_link("tel:4001")
    assert phone.commands == [("chamaNumero", {"numero": "4001"})]


def test_queue_commands_and_membership(ready: AgentController, phone: FakeWebphone) -> None:
    assert ready.join_queue(" 12 ")
    errors = record(ready.error)
    assert not ready.join_queue("bad id!")  # refused by the protocol, reported
    assert errors == [
        (
            "The command was refused: a queue ID has only letters, digits, - and _ "
            "(up to 64 characters).",
        )
    ]
    phone.emit_event("entrou_na_fila")
    assert [q.fila_id for q in ready.snapshot.queues] == ["12"]
    assert ready.leave_queue("12")
    phone.emit_event("saiu_da_fila", filaId="12")
    assert ready.snapshot.queues == ()
    assert phone.names() == ["entrarNaFila", "sairDaFila"]


def test_connect_and_disconnect(ready: AgentController, phone: FakeWebphone) -> None:
    assert ready.disconnect_phone()
    phone.status("desconectado")
    assert ready.snapshot.state is AgentState.DISCONNECTED
    assert not ready.snapshot.unexpected_disconnect
    assert ready.connect_phone()
    assert ready.snapshot.state is AgentState.CONNECTING
    ready.reconnect()
    assert phone.reloads == 1
    assert phone.names() == ["desconectar", "conectar"]


def test_call_record_is_fetched_when_chamada_id_arrives(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_controller: MakeController,
    phone: FakeWebphone,
) -> None:
    asked: list[str] = []

    async def fetch_call(chamada_id: str) -> object:
        asked.append(chamada_id)
        await asyncio.sleep(0)
        return {"id": chamada_id}

    controller = make_controller(fetch_call=fetch_call)
    phone.status("conectado")
    with qtbot.waitSignal(controller.call_details, timeout=10_000) as got:
        controller.dial("4001")
        phone.status("chamando")
        phone.emit_event("chamada_id", chamada_id="321")
    assert got.args == [{"id": "321"}]
    phone.status("conversando")
    assert asked == ["321"]  # once per call


def test_failed_fetch_is_reported_not_raised(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_controller: MakeController,
    phone: FakeWebphone,
) -> None:
    async def fetch_call(chamada_id: str) -> object:
        raise RuntimeError("HTTP 500")

    controller = make_controller(fetch_call=fetch_call)
    phone.status("conectado")
    with qtbot.waitSignal(controller.call_details_failed, timeout=10_000) as got:
        ring(phone, call_id="55")
    assert got.args == ["HTTP 500"]
