from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.agent.state import (
    ALL_QUEUES,
    AgentState,
    AgentStateMachine,
    Direction,
    Quality,
    quality_of,
)
from desktop.webphone.protocol import parse_event

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def ev(message: str, **fields: object) -> object:
    return parse_event({"message": message, **fields})


def feed(sm: AgentStateMachine, *events: tuple[float, dict[str, object]]) -> None:
    for t, data in events:
        sm.apply(parse_event(data), at(t))


def status(s: str) -> dict[str, object]:
    return {"message": "status", "status": s}


@pytest.fixture
def ready() -> AgentStateMachine:
    sm = AgentStateMachine()
    sm.connect_requested()
    assert sm.snapshot.state is AgentState.CONNECTING
    feed(sm, (0, status("conectado")))
    assert sm.snapshot.state is AgentState.READY
    return sm


def test_outbound_call_cycle(ready: AgentStateMachine) -> None:
    ready.dial_requested("+5548999999999")
    assert ready.snapshot.state is AgentState.READY  # a click alone changes nothing
    feed(ready, (1, status("chamando")), (1.2, {"message": "chamada_id", "chamada_id": 77}))
    snap = ready.snapshot
    assert snap.state is AgentState.DIALING
    assert snap.call is not None
    assert snap.call.direction is Direction.OUTBOUND
    assert snap.call.number == "+5548999999999"
    assert snap.call.chamada_id == "77"
    feed(ready, (3, status("conversando")))
    assert ready.snapshot.state is AgentState.TALKING
    assert ready.snapshot.call is not None
    assert ready.snapshot.call.talk_seconds(at(13)) == 10
    feed(ready, (20, status("encerrada")))
    snap = ready.snapshot
    assert snap.state is AgentState.ENDED
    assert snap.call is not None and snap.call.talk_seconds(at(99)) == 17
    assert ready.tick(at(21), wrap_up_seconds=5).state is AgentState.ENDED
    assert ready.tick(at(25), wrap_up_seconds=5).state is AgentState.READY


def test_inbound_call_then_chamando_stays_ringing(ready: AgentStateMachine) -> None:
    feed(
        ready,
        (
            1,
            {
                "message": "chegandoChamada",
                "numeroChegando": "4832830151",
                "numeroDestino": "4000",
                "chamadaRecebidaId": "991",
            },
        ),
        (1.1, status("chamando")),
    )
    snap = ready.snapshot
    assert snap.state is AgentState.RINGING
    assert snap.call is not None
    assert snap.call.direction is Direction.INBOUND
    assert snap.call.number == "4832830151"
    assert snap.call.chamada_id == "991"
    feed(ready, (4, status("conversando")), (9, status("encerrada")))
    assert ready.snapshot.state is AgentState.ENDED
    assert ready.snapshot.call is not None and ready.snapshot.call.talk_seconds(at(50)) == 5


def test_duplicates_do_not_restart_timers(ready: AgentStateMachine) -> None:
    feed(ready, (1, status("chamando")), (2, status("conversando")))
    feed(ready, (5, status("chamando")), (6, status("conversando")))
    assert ready.snapshot.call is not None
    assert ready.snapshot.call.answered_at == at(2)
    feed(ready, (8, status("encerrada")), (9, status("encerrada")))
    assert ready.snapshot.call is not None
    assert ready.snapshot.call.ended_at == at(8)


def test_chamada_id_before_chamando_is_kept(ready: AgentStateMachine) -> None:
    ready.dial_requested("4001")
    feed(ready, (1, {"message": "chamada_id", "chamada_id": "55"}), (1.1, status("chamando")))
    snap = ready.snapshot
    assert snap.state is AgentState.DIALING
    assert snap.call is not None and snap.call.chamada_id == "55"
    assert snap.call.number == "4001"


def test_conversando_without_chamando_still_talks(ready: AgentStateMachine) -> None:
    feed(ready, (1, status("conversando")))
    assert ready.snapshot.state is AgentState.TALKING
    assert ready.snapshot.call is not None


def test_encerrada_while_idle_is_ignored(ready: AgentStateMachine) -> None:
    feed(ready, (1, status("encerrada")))
    assert ready.snapshot.state is AgentState.READY
    assert ready.snapshot.call is None


def test_unknown_status_is_kept_and_shown(ready: AgentStateMachine) -> None:
    feed(ready, (1, status("em_espera")))
    assert ready.snapshot.state is AgentState.READY
    assert ready.snapshot.last_status == "em_espera"


def test_status_erro_ends_the_call_with_reason(ready: AgentStateMachine) -> None:
    feed(
        ready, (1, status("chamando")), (2, {"message": "status_erro", "status_erro": "sem saldo"})
    )
    snap = ready.snapshot
    assert snap.state is AgentState.ENDED
    assert snap.last_error == "sem saldo"
    assert snap.call is not None and snap.call.error == "sem saldo"


def test_status_erro_while_idle_is_reported_only(ready: AgentStateMachine) -> None:
    feed(ready, (1, {"message": "status_erro", "status_erro": "microfone"}))
    assert ready.snapshot.state is AgentState.READY
    assert ready.snapshot.last_error == "microfone"


def test_unexpected_disconnect_is_flagged(ready: AgentStateMachine) -> None:
    feed(ready, (1, status("chamando")), (2, status("desconectado")))
    snap = ready.snapshot
    assert snap.state is AgentState.DISCONNECTED
    assert snap.unexpected_disconnect
    assert snap.call is not None and snap.call.ended_at == at(2)


def test_requested_disconnect_is_not_flagged(ready: AgentStateMachine) -> None:
    ready.disconnect_requested()
    feed(ready, (1, status("desconectado")))
    assert ready.snapshot.state is AgentState.DISCONNECTED
    assert not ready.snapshot.unexpected_disconnect


def test_conectado_during_a_call_does_not_drop_it(ready: AgentStateMachine) -> None:
    feed(ready, (1, status("chamando")), (2, status("conversando")), (3, status("conectado")))
    assert ready.snapshot.state is AgentState.TALKING


def test_mute_and_recording_flags_reset_after_call(ready: AgentStateMachine) -> None:
    ready.mute_toggled()
    assert not ready.snapshot.muted  # nothing to mute while idle
    feed(ready, (1, status("chamando")), (2, status("conversando")))
    ready.mute_toggled()
    ready.recording_requested(True)
    assert ready.snapshot.muted and ready.snapshot.recording
    ready.mute_toggled()
    assert not ready.snapshot.muted
    ready.mute_toggled()
    feed(ready, (5, status("encerrada")))
    assert not ready.snapshot.muted and not ready.snapshot.recording


def test_second_ring_while_talking_keeps_the_current_call(ready: AgentStateMachine) -> None:
    feed(ready, (1, status("chamando")), (2, status("conversando")))
    feed(ready, (3, {"message": "chegandoChamada", "numeroChegando": "999"}))
    assert ready.snapshot.state is AgentState.TALKING
    assert ready.snapshot.call is not None and ready.snapshot.call.number != "999"


def test_queue_membership_and_pauses(ready: AgentStateMachine) -> None:
    ready.queue_command("join", "47")
    ready.queue_command("join", "48")
    feed(ready, (1, {"message": "entrou_na_fila"}), (2, {"message": "entrou_na_fila"}))
    assert [q.fila_id for q in ready.snapshot.queues] == ["47", "48"]
    ready.queue_command("pause", "48")
    feed(ready, (10, {"message": "pausou_na_fila"}))
    q48 = ready.snapshot.queue("48")
    assert q48 is not None and q48.paused_since == at(10)
    assert ready.snapshot.paused
    ready.queue_command("pause", None)
    feed(ready, (20, {"message": "pausou_na_fila"}))
    assert ready.snapshot.paused_all_since == at(20)
    feed(ready, (21, {"message": "pausou_na_fila"}))  # duplicate keeps the first time
    assert ready.snapshot.paused_all_since == at(20)
    ready.queue_command("unpause", None)
    feed(ready, (30, {"message": "despausou_na_fila"}))
    assert not ready.snapshot.paused
    ready.queue_command("leave", "47")
    feed(ready, (40, {"message": "saiu_da_fila"}))
    assert [q.fila_id for q in ready.snapshot.queues] == ["48"]


def test_queue_events_with_explicit_fila_id(ready: AgentStateMachine) -> None:
    feed(ready, (1, {"message": "entrou_na_fila", "filaId": 7}))
    assert ready.snapshot.queue("7") is not None
    feed(ready, (2, {"message": "pausou_na_fila", "filaId": "7"}))
    q = ready.snapshot.queue("7")
    assert q is not None and q.paused_since == at(2)
    feed(ready, (3, {"message": "saiu_da_fila", "filaId": "7"}))
    assert ready.snapshot.queues == ()


def test_bare_queue_event_without_command_means_all(ready: AgentStateMachine) -> None:
    feed(ready, (1, {"message": "pausou_na_fila"}))
    assert ready.snapshot.paused_all_since == at(1)
    assert ALL_QUEUES == "*"


def test_stats_feed_quality(ready: AgentStateMachine) -> None:
    feed(ready, (1, {"message": "stats_webphone", "internet": "ruim", "computador": "bom"}))
    assert ready.snapshot.internet is Quality.POOR
    assert ready.snapshot.computer is Quality.GOOD


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("bom", Quality.GOOD),
        ("Regular", Quality.FAIR),
        ("ruim", Quality.POOR),
        ("85", Quality.GOOD),
        ("50%", Quality.FAIR),
        ("10", Quality.POOR),
        ("???", Quality.UNKNOWN),
        (None, Quality.UNKNOWN),
    ],
)
def test_quality_of(value: str | None, expected: Quality) -> None:
    assert quality_of(value) is expected
