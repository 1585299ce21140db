"""Conference rooms and the calls in them.

A conference ("Objeto Conferência") is a room with ``chamadas``, one per call connected
to it. The seed's older "Buscar" answer also carries flat fields describing the first
call (``numero_destino``, ``url_conferencia`` …); the ones still meaningful for a room
are kept, and a room sent without ``chamadas`` reads as a room with none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from desktop.api.models.calls import LegStatus
from desktop.api.models.parsing import (
    JsonObject,
    dump_raw,
    expect_list,
    expect_object,
    freeze,
    parse_datetime,
    parse_decimal,
    parse_enum,
    parse_id,
    parse_seconds,
    parse_str,
    require_id,
)

__all__ = [
    "Conference",
    "ConferenceCall",
    "parse_conference",
    "parse_conference_call",
]


@dataclass(frozen=True, slots=True)
class ConferenceCall:
    """One call in a conference room (a chamada: ``id`` works with ``/chamada/{id}``)."""

    id: int | str
    conferencia_id: int | str | None = None
    url_gravacao: str | None = None
    numero: str | None = None
    data_criacao: datetime | None = None
    cli: int | str | None = None
    duracao_segundos: int | None = None
    duracao_cobrada_segundos: int | None = None
    duracao_falada_segundos: int | None = None
    status: LegStatus | str | None = None
    preco: Decimal | None = None
    data_inicio: datetime | None = None


def parse_conference_call(value: object) -> ConferenceCall:
    """Read one entry of ``chamadas``."""
    record = expect_object(value, "chamada da conferência")
    return ConferenceCall(
        id=require_id(record, "chamada da conferência"),
        conferencia_id=parse_id(record.get("conferencia_id")),
        url_gravacao=parse_str(record.get("url_gravacao")) or None,
        numero=parse_str(record.get("numero")),
        data_criacao=parse_datetime(record.get("data_criacao")),
        cli=parse_id(record.get("cli")),
        duracao_segundos=parse_seconds(record, "duracao"),
        duracao_cobrada_segundos=parse_seconds(record, "duracao_cobrada"),
        duracao_falada_segundos=parse_seconds(record, "duracao_falada"),
        status=parse_enum(LegStatus, record.get("status")),
        preco=parse_decimal(record.get("preco")),
        data_inicio=parse_datetime(record.get("data_inicio")),
    )


@dataclass(frozen=True, slots=True)
class Conference:
    """A conference room with its calls, in the order they were placed."""

    id: int | str
    data_criacao: datetime | None = None
    data_termino: datetime | None = None
    chamadas: tuple[ConferenceCall, ...] = ()
    numero_destino: str | None = None
    url_conferencia: str | None = None
    raw: JsonObject = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def ended(self) -> bool:
        """True once the room was closed (``data_termino`` set)."""
        return self.data_termino is not None

    @property
    def total_price(self) -> Decimal | None:
        """The sum of the calls' prices; None when no call has a price."""
        prices = [c.preco for c in self.chamadas if c.preco is not None]
        return sum(prices, Decimal(0)) if prices else None

    def raw_json(self) -> str:
        """The record as the server sent it, pretty-printed."""
        return dump_raw(self.raw)


def parse_conference(value: object) -> Conference:
    """Read a conference room (``chamadas`` missing or null → no calls)."""
    record = expect_object(value, "conferência")
    calls = record.get("chamadas")
    rows = () if calls is None else expect_list(calls, "conferência.chamadas")
    return Conference(
        id=require_id(record, "conferência"),
        data_criacao=parse_datetime(record.get("data_criacao")),
        data_termino=parse_datetime(record.get("data_termino")),
        chamadas=tuple(parse_conference_call(row) for row in rows),
        numero_destino=parse_str(record.get("numero_destino")) or None,
        url_conferencia=parse_str(record.get("url_conferencia")) or None,
        raw=freeze(record),
    )
