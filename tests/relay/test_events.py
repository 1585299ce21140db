"""Parsing the provider's webhook quirks into events, and ordering rows by provider time."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from relay_payloads import CHAMADA_TEMPO_REAL, EXAMPLES, RAMAL_TEMPO_REAL

from desktop.core.board import RamalState, is_live
from desktop.core.board_rows import BoardRow
from desktop.relay.events import BadWebhook, EventKind, parse_webhook


def test_ids_as_text_or_numbers_give_the_same_subject() -> None:
    as_text = parse_webhook("ramal_tempo_real", {**RAMAL_TEMPO_REAL, "ramal": "9000"})
    as_number = parse_webhook("ramal_tempo_real", RAMAL_TEMPO_REAL)
    assert as_text.subject("acme") == as_number.subject("acme") == "ramal.acme.ramal.9000"


def test_same_content_same_id_whatever_the_key_order() -> None:
    one = parse_webhook("ramal_tempo_real", RAMAL_TEMPO_REAL)
    other = parse_webhook("ramal_tempo_real", dict(reversed(RAMAL_TEMPO_REAL.items())))
    changed = parse_webhook("ramal_tempo_real", {**RAMAL_TEMPO_REAL, "duracao_segundos": 19})
    assert one.msg_id == other.msg_id
    assert changed.msg_id != one.msg_id


def test_same_payload_on_another_webhook_is_another_event() -> None:
    ramal = parse_webhook("ramal_tempo_real", RAMAL_TEMPO_REAL)
    did = parse_webhook("chamada_did_tempo_real", RAMAL_TEMPO_REAL)
    assert ramal.msg_id != did.msg_id


def test_text_durations_and_nulls_are_read() -> None:
    payload = {
        **RAMAL_TEMPO_REAL,
        "duracao_segundos": "00:00:18",
        "duracao_falada_segundos": None,
        "duracao_falada": "00:00:10",
        "motivo_desconexao": None,
    }
    event = parse_webhook("ramal_tempo_real", payload)
    assert event.occurred is not None
    assert event.occurred.replace(tzinfo=None) == datetime(2019, 9, 6, 14, 37, 13)
    assert event.call is not None and event.call.destino.duracao_falada_segundos == 10


@pytest.mark.parametrize(
    ("status", "ativo", "live"),
    [
        ("chamando", False, True),
        ("atendida", True, True),
        ("atendida", False, False),
        ("transbordada para a fila", False, False),  # undocumented: the ramal is free
        (None, None, False),
    ],
)
def test_ramal_leg_liveness(status: str | None, ativo: bool | None, live: bool) -> None:
    event = parse_webhook(
        "ramal_tempo_real", {**RAMAL_TEMPO_REAL, "status": status, "ativo": ativo}
    )
    assert event.kind is EventKind.RAMAL
    assert event.call is not None and event.call.ativa is live


def test_did_ramal_as_an_object() -> None:
    payload = {**RAMAL_TEMPO_REAL, "ramal": {"ramal": "9001", "status": "atendida"}}
    assert parse_webhook("chamada_did_tempo_real", payload).key == "9001"


def test_unknown_webhook_and_non_objects() -> None:
    with pytest.raises(KeyError):
        parse_webhook("envio_de_fax", {})
    with pytest.raises(BadWebhook):
        parse_webhook("aviso_saldo", ["56.8"])


T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def row(state: RamalState, seconds: int, call: int = 1) -> BoardRow:
    return BoardRow("4000", state, T0 + timedelta(seconds=seconds), chamada_id=call)


def test_rows_are_ordered_by_provider_time_then_phase() -> None:
    assert row(RamalState.RINGING, 0).supersedes(None)
    assert row(RamalState.TALKING, 5).supersedes(row(RamalState.RINGING, 0))
    assert not row(RamalState.RINGING, 0).supersedes(row(RamalState.TALKING, 5))
    assert row(RamalState.FREE, 5).supersedes(row(RamalState.TALKING, 5))
    assert not row(RamalState.TALKING, 5).supersedes(row(RamalState.FREE, 5))
    assert not row(RamalState.FREE, 5).supersedes(row(RamalState.FREE, 5))  # nothing new
    assert row(RamalState.RINGING, 9, call=2).supersedes(row(RamalState.FREE, 5))


def test_row_round_trip() -> None:
    stored = BoardRow("4000", RamalState.TALKING, T0, T0 - timedelta(seconds=8), "4899", 7)
    assert BoardRow.decode(stored.encode()) == stored
    assert BoardRow.decode(b"not json") is None
    assert BoardRow.decode(b'{"estado": "dancing"}') is None


def test_a_leg_event_is_live_while_a_leg_rings_or_talks() -> None:
    # "Eventos em Tempo Real de Chamada" has no ativa/status_geral: its legs tell.
    ringing = parse_webhook("chamada_tempo_real", CHAMADA_TEMPO_REAL)
    assert ringing.call is not None and is_live(ringing.call)
    talking = dict(CHAMADA_TEMPO_REAL, origem={**CHAMADA_TEMPO_REAL["origem"], "ativo": True})
    talking["origem"]["status"] = "atendida"
    call = parse_webhook("chamada_tempo_real", talking).call
    assert call is not None and is_live(call)
    over = dict(CHAMADA_TEMPO_REAL, origem={**CHAMADA_TEMPO_REAL["origem"], "status": "atendida"})
    call = parse_webhook("chamada_tempo_real", over).call
    assert call is not None and not is_live(call)


def test_bodies_keep_the_bytes_earlier_relays_stored() -> None:
    # The Nats-Msg-Id hashes the body: a redelivery across an upgrade is still one event.
    for name, example in EXAMPLES.items():
        before = json.dumps(example, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert parse_webhook(name, example).body == before.encode()
