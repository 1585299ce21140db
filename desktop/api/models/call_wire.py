"""The fast road from a report row's JSON bytes to a :class:`Call`.

``msgspec`` decodes the documented shape in C (numbers, ``-03:00`` timestamps, prices as
number or text); what is left in Python is the same tolerant reading the slow path does
(``"00:00:60"``, text ids, unknown statuses). A row that does not fit the documented
types (``ativa: "sim"``, ``preco: "0,10"``, a number where text belongs) is read by
:func:`parse_call` instead, so both roads give the same :class:`Call`. Either way the
record keeps the bytes received (:class:`RawRecord`).
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Final

import msgspec

from desktop.api.models.calls import (
    Call,
    CallLeg,
    CallStatus,
    LegStatus,
    LegType,
    parse_call,
)
from desktop.api.models.parsing import (
    PROVIDER_TZ,
    RawRecord,
    parse_duration,
    parse_enum,
    parse_id,
    parse_reason_code,
    shape_error,
)

__all__ = ["decode_call"]

Id = int | str | None
Seconds = int | str | None


class _LegWire(msgspec.Struct, gc=False):  # scalars only: no cycles to collect
    numero: str | None = None
    tipo: str | None = None
    status: str | None = None
    data_inicio: datetime | None = None
    duracao_segundos: Seconds = None
    duracao: Seconds = None
    duracao_cobrada_segundos: Seconds = None
    duracao_cobrada: Seconds = None
    duracao_falada_segundos: Seconds = None
    duracao_falada: Seconds = None
    preco: Decimal | None = None
    motivo_desconexao: str | None = None
    bina_origem: str | None = None
    bina_destino: str | None = None


class _CallWire(msgspec.Struct, gc=False):
    id: int | str
    data_criacao: datetime | None = None
    ativa: bool | None = None
    url_gravacao: str | None = None
    cliente_id: Id = None
    conta_id: Id = None
    ramal_id_origem: Id = None
    tags: str | None = None
    detecta_caixa: bool | None = None
    status_geral: str | None = None
    origem: _LegWire | None = None
    destino: _LegWire | None = None


_DECODER: Final = msgspec.json.Decoder(_CallWire)
_EMPTY_LEG: Final = CallLeg()
_LEG_STATUS: Final = {m.value: m for m in LegStatus}
_LEG_TYPE: Final = {m.value: m for m in LegType}
_CALL_STATUS: Final = {m.value: m for m in CallStatus}
#: Reports repeat a handful of reason texts; their codes are read once.
_REASON_CODES: dict[str, int | None] = {}
_REASON_CODES_KEPT: Final = 4096


def _reason_code(motivo: str) -> int | None:
    code = _REASON_CODES.get(motivo, -1)
    if code == -1:
        code = parse_reason_code(motivo)
        if len(_REASON_CODES) < _REASON_CODES_KEPT:
            _REASON_CODES[motivo] = code
    return code


def _seconds(preferred: Seconds, text: Seconds) -> int | None:
    if type(preferred) is int and preferred >= 0:
        return preferred
    seconds = parse_duration(preferred)
    return seconds if seconds is not None else parse_duration(text)


def _leg(wire: _LegWire | None) -> CallLeg:
    if wire is None:
        return _EMPTY_LEG
    status, tipo, preco, motivo = wire.status, wire.tipo, wire.preco, wire.motivo_desconexao
    started = wire.data_inicio
    if started is not None and started.tzinfo is None:
        started = started.replace(tzinfo=PROVIDER_TZ)
    total, billed, talk = (
        wire.duracao_segundos,
        wire.duracao_cobrada_segundos,
        wire.duracao_falada_segundos,
    )
    # Positional, in CallLeg's field order: this runs twice for every row of a report.
    return CallLeg(
        wire.numero,
        None if tipo is None else _LEG_TYPE.get(tipo) or parse_enum(LegType, tipo),
        None if status is None else _LEG_STATUS.get(status) or parse_enum(LegStatus, status),
        started,
        total if type(total) is int and total >= 0 else _seconds(total, wire.duracao),
        billed if type(billed) is int and billed >= 0 else _seconds(billed, wire.duracao_cobrada),
        talk if type(talk) is int and talk >= 0 else _seconds(talk, wire.duracao_falada),
        preco if preco is None or preco.is_finite() else None,
        motivo,
        None if motivo is None else _reason_code(motivo),
        wire.bina_origem,
        wire.bina_destino,
    )


def _fast(wire: _CallWire, raw: RawRecord) -> Call:
    ident = wire.id if type(wire.id) is int else parse_id(wire.id)
    if ident is None:
        raise shape_error("chamada has no 'id'")
    status, created = wire.status_geral, wire.data_criacao
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=PROVIDER_TZ)
    cliente, conta, ramal = wire.cliente_id, wire.conta_id, wire.ramal_id_origem
    # Positional, in Call's field order.
    return Call(
        ident,
        created,
        wire.ativa,
        wire.url_gravacao or None,
        cliente if cliente is None or type(cliente) is int else parse_id(cliente),
        conta if conta is None or type(conta) is int else parse_id(conta),
        ramal if ramal is None or type(ramal) is int else parse_id(ramal),
        wire.tags,
        wire.detecta_caixa,
        None if status is None else _CALL_STATUS.get(status) or parse_enum(CallStatus, status),
        _leg(wire.origem),
        _leg(wire.destino),
        raw,
    )


def decode_call(data: bytes) -> Call:
    """A Chamada from its JSON bytes; raises ResponseFormatError for a wrong shape."""
    raw = RawRecord(data)
    try:
        wire = _DECODER.decode(data)
    except msgspec.DecodeError:
        pass  # outside the documented types: the tolerant reader decides
    else:
        return _fast(wire, raw)
    try:
        value = json.loads(data)
    except ValueError as exc:
        raise shape_error(f"chamada is not JSON: {exc}") from None
    return msgspec.structs.replace(parse_call(value), raw=raw)
