"""One flat, display-ready row per call, built from the API's typed records."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

import msgspec

from desktop.api.models import Call, CallLeg, LegType, RamalReceivedCall
from desktop.api.models.parsing import RawRecord
from desktop.core.outcomes import Outcome, classify_call, reason_text

__all__ = [
    "Direction",
    "HistoryRow",
    "PartialRecording",
    "partial_recordings",
    "row_from_call",
    "row_from_received",
    "rows_for_ramal",
]


class Direction(StrEnum):
    """Who started the call, seen from the account's ramais."""

    OUTGOING = "outgoing"
    INCOMING = "incoming"
    INTERNAL = "internal"
    API = "api"


class HistoryRow(msgspec.Struct, frozen=True, gc=False):
    """A call as the history table shows it; every field is a plain value.

    A frozen ``msgspec.Struct`` (made in C: one per row of every report and cache load);
    plain values only, so the garbage collector need not track it (``gc=False``).
    """

    call_id: str
    source: str
    created_ts: float | None
    direction: Direction
    origin: str
    destination: str
    ramal: str
    outcome: Outcome
    outcome_detail: str
    origin_status: str
    destination_status: str
    talk_seconds: int | None
    total_seconds: int | None
    reason: str
    price: Decimal | None
    tags: str
    has_recording: bool
    rating: int | None = None
    rating_comment: str = ""

    @property
    def created(self) -> datetime | None:
        """Creation moment in the local time zone."""
        return None if self.created_ts is None else datetime.fromtimestamp(self.created_ts)

    @property
    def other_party(self) -> str:
        """The number to call back: the side that is not the ramal."""
        if self.direction is Direction.INCOMING:
            return self.origin
        return self.destination or self.origin

    def search_key(self) -> str:
        """Lowercase text the free-text filter looks in (numbers, digits only too, tags)."""
        parts = [self.call_id, self.origin, self.destination, self.ramal, self.tags]
        parts += [_digits(self.origin), _digits(self.destination)]
        return " ".join(parts).lower()

    def with_rating(self, nota: int | None, comentario: str = "") -> HistoryRow:
        """A copy carrying a local rating."""
        return msgspec.structs.replace(self, rating=nota, rating_comment=comentario)


@dataclass(frozen=True, slots=True)
class PartialRecording:
    """A piece of a call recorded between ``recStart`` and ``recStop``."""

    url: str
    label: str


def _timestamp(moment: datetime | None) -> float | None:
    return None if moment is None else moment.timestamp()


def _direction(call: Call) -> tuple[Direction, str]:
    origem_ramal = call.origem.tipo == LegType.RAMAL
    destino_ramal = call.destino.tipo == LegType.RAMAL
    if origem_ramal and destino_ramal:
        return Direction.INTERNAL, call.origem.numero or ""
    if origem_ramal:
        return Direction.OUTGOING, call.origem.numero or ""
    if destino_ramal:
        return Direction.INCOMING, call.destino.numero or ""
    return Direction.API, ""


def _leg_status(leg: CallLeg) -> str:
    return str(leg.status) if leg.status else ""


def _talk(call: Call) -> int | None:
    values = [
        v
        for v in (call.destino.duracao_falada_segundos, call.origem.duracao_falada_segundos)
        if v is not None
    ]
    return values[0] if values else None


def _total(call: Call) -> int | None:
    values = [
        v for v in (call.origem.duracao_segundos, call.destino.duracao_segundos) if v is not None
    ]
    return max(values) if values else None


def partial_recordings(raw: object) -> list[PartialRecording]:
    """``gravacoes_parciais`` of a raw call record, whatever shape its items take."""
    if not isinstance(raw, Mapping):
        return []
    items = raw.get("gravacoes_parciais")
    if not isinstance(items, list | tuple):
        return []
    found: list[PartialRecording] = []
    for index, item in enumerate(items, start=1):
        if isinstance(item, str) and item.strip():
            found.append(PartialRecording(item.strip(), f"#{index}"))
        elif isinstance(item, Mapping):
            url = item.get("url") or item.get("url_gravacao") or item.get("gravacao")
            if isinstance(url, str) and url.strip():
                start = item.get("data_inicio") or item.get("inicio") or ""
                label = f"#{index} {start}".strip() if isinstance(start, str) else f"#{index}"
                found.append(PartialRecording(url.strip(), label))
    return found


def row_from_call(call: Call) -> HistoryRow:
    """Flatten a ``/chamada/relatorio`` record."""
    direction, ramal = _direction(call)
    if not ramal and call.ramal_id_origem is not None:
        ramal = str(call.ramal_id_origem)
    outcome, detail = classify_call(call)
    reason = reason_text(call.destino) or reason_text(call.origem)
    return HistoryRow(
        call_id=str(call.id),
        source="chamada",
        created_ts=_timestamp(call.data_criacao or call.destino.data_inicio),
        direction=direction,
        origin=call.origem.numero or "",
        destination=call.destino.numero or "",
        ramal=ramal,
        outcome=outcome,
        outcome_detail=detail,
        origin_status=_leg_status(call.origem),
        destination_status=_leg_status(call.destino),
        talk_seconds=_talk(call),
        total_seconds=_total(call),
        reason=reason,
        price=call.preco_total,
        tags=call.tags or "",
        has_recording=bool(call.url_gravacao) or bool(partial_recordings(call.raw)),
    )


def row_from_received(received: RamalReceivedCall) -> HistoryRow:
    """Flatten a ``/ramal/{id}/relatorio`` row (a call the ramal received)."""
    leg = CallLeg(status=received.status, duracao_segundos=received.duracao_segundos)
    call = Call(id=received.id, origem=CallLeg(), destino=leg)
    outcome, detail = classify_call(call)
    status = _leg_status(leg)
    answered = outcome is Outcome.ANSWERED
    return HistoryRow(
        call_id=str(received.id),
        source="ramal",
        created_ts=_timestamp(received.data_inicio),
        direction=Direction.INCOMING,
        origin=received.numero_origem or "",
        destination=(received.ramal.ramal or "") if received.ramal else "",
        ramal=(received.ramal.ramal or "") if received.ramal else "",
        outcome=outcome,
        outcome_detail=detail,
        origin_status="",
        destination_status=status,
        talk_seconds=received.duracao_segundos if answered else 0,
        total_seconds=received.duracao_segundos,
        reason="",
        price=received.preco,
        tags="",
        has_recording=bool(received.url_gravacao),
    )


def rows_for_ramal(rows: list[HistoryRow], ramal: str | None) -> list[HistoryRow]:
    """Only the calls where ``ramal`` took part (all rows when ``ramal`` is None)."""
    if not ramal:
        return rows
    return [r for r in rows if r.ramal == ramal or ramal in (r.origin, r.destination)]


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def raw_text(raw: object) -> str:
    """JSON of a raw record (what the cache keeps): the bytes received when there are any."""
    if isinstance(raw, RawRecord):
        return raw.text()
    return json.dumps(_plain(raw), ensure_ascii=False, separators=(",", ":"), default=str)


def _digits(text: str) -> str:
    # Most numbers are digits only: checked in C, no walk character by character.
    return text if text.isdigit() else "".join(ch for ch in text if ch.isdigit())
