"""A ramal event names only the ramal: "Com" comes from the call event of the same call."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from relay_payloads import TALKING

from desktop.core.board_rows import BoardRow
from desktop.relay.board_bucket import BoardBucket
from desktop.relay.events import parse_webhook
from desktop.relay.jetstream import EventStream
from desktop.relay.metrics import RelayMetrics
from desktop.relay.relay_core import Relay


class Board:
    def __init__(self) -> None:
        self.rows: dict[str, BoardRow] = {}

    def offer_all(self, rows: Any) -> int:
        self.rows.update((row.ramal, row) for row in rows)
        return len(self.rows)


def test_a_ramal_event_keeps_the_other_party_of_its_call() -> None:
    board = Board()
    clock = lambda: datetime(2019, 9, 6, 17, tzinfo=UTC)  # noqa: E731
    relay = Relay("acme", cast(EventStream, None), cast(BoardBucket, board), RelayMetrics(), clock)
    call = parse_webhook("status_tempo_real", TALKING)
    assert call.call is not None
    relay.show(call.call, call.occurred, counted=True)
    assert board.rows["4000"].peer == "48988888888"
    leg = {
        "id": str(TALKING["id"]),
        "ramal": "4000",
        "tipo": "ramal",
        "status": "atendida",
        "ativo": True,
        "data_criacao": "2019-09-06T13:48:19",
        "data_atendimento": "2019-09-06T13:48:21",
        "duracao_segundos": 25,
        "duracao_falada_segundos": 23,
    }
    event = parse_webhook("ramal_tempo_real", leg)
    assert event.call is not None
    relay.show(event.call, event.occurred, counted=False)
    row = board.rows["4000"]
    assert row.in_call and row.peer == "48988888888"
    assert row.counts.made == 1
