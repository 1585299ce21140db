"""Conference records in the two shapes the docs show.

The "Objeto Conferência" has ``chamadas`` (one row per participant call); the documented
answers of ``GET /conferencia/{id}`` and ``/conferencia/relatorio`` are flat rows
(``numero_destino``, ``url_conferencia``, ``resposta`` …). Both are modelled and
:func:`parse_conference_any` picks by the presence of ``chamadas``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from desktop.api.models.calls import LegStatus, LegType
from desktop.api.models.parsing import (
    JsonObject,
    dump_raw,
    expect_list,
    expect_object,
    freeze,
    parse_bool,
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
    "ConferenceReportRow",
    "parse_conference",
    "parse_conference_any",
    "parse_conference_call",
    "parse_conference_report_row",
]


@dataclass(frozen=True, slots=True)
class ConferenceCall:
    """One participant call of a conference."""

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
    """A conference room with its participant calls."""

    id: int | str
    data_criacao: datetime | None = None
    data_termino: datetime | None = None
    chamadas: tuple[ConferenceCall, ...] = ()
    raw: JsonObject = field(default_factory=dict, compare=False, hash=False, repr=False)

    def raw_json(self) -> str:
        """The record as the server sent it, pretty-printed."""
        return dump_raw(self.raw)


def parse_conference(value: object) -> Conference:
    """Read an "Objeto Conferência" (with ``chamadas``)."""
    record = expect_object(value, "conferência")
    calls = record.get("chamadas")
    rows = () if calls is None else expect_list(calls, "conferência.chamadas")
    return Conference(
        id=require_id(record, "conferência"),
        data_criacao=parse_datetime(record.get("data_criacao")),
        data_termino=parse_datetime(record.get("data_termino")),
        chamadas=tuple(parse_conference_call(row) for row in rows),
        raw=freeze(record),
    )


@dataclass(frozen=True, slots=True)
class ConferenceReportRow:
    """The flat conference shape of ``GET /conferencia/{id}`` and the report."""

    id: int | str
    numero_destino: str | None = None
    data_criacao: datetime | None = None
    data_inicio: datetime | None = None
    tipo: LegType | str | None = None
    status: LegStatus | str | None = None
    duracao_segundos: int | None = None
    duracao_cobrada_segundos: int | None = None
    duracao_falada_segundos: int | None = None
    preco: Decimal | None = None
    url_conferencia: str | None = None
    resposta_usuario: bool | None = None
    resposta: str | None = None
    raw: JsonObject = field(default_factory=dict, compare=False, hash=False, repr=False)

    def raw_json(self) -> str:
        """The record as the server sent it, pretty-printed."""
        return dump_raw(self.raw)


def parse_conference_report_row(value: object) -> ConferenceReportRow:
    """Read a flat conference row."""
    record = expect_object(value, "conferência")
    return ConferenceReportRow(
        id=require_id(record, "conferência"),
        numero_destino=parse_str(record.get("numero_destino")),
        data_criacao=parse_datetime(record.get("data_criacao")),
        data_inicio=parse_datetime(record.get("data_inicio")),
        tipo=parse_enum(LegType, record.get("tipo")),
        status=parse_enum(LegStatus, record.get("status")),
        duracao_segundos=parse_seconds(record, "duracao"),
        duracao_cobrada_segundos=parse_seconds(record, "duracao_cobrada"),
        duracao_falada_segundos=parse_seconds(record, "duracao_falada"),
        preco=parse_decimal(record.get("preco")),
        url_conferencia=parse_str(record.get("url_conferencia")),
        resposta_usuario=parse_bool(record.get("resposta_usuario")),
        resposta=parse_str(record.get("resposta")),
        raw=freeze(record),
    )


def parse_conference_any(value: object) -> Conference | ConferenceReportRow:
    """Pick the shape: ``chamadas`` present → :class:`Conference`, else the flat row."""
    record = expect_object(value, "conferência")
    if "chamadas" in record:
        return parse_conference(record)
    return parse_conference_report_row(record)
