"""The Chamada record and its two legs (origem / destino)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

import msgspec

from desktop.api.models.parsing import (
    JsonObject,
    dump_raw,
    expect_object,
    freeze,
    parse_bool,
    parse_datetime,
    parse_decimal,
    parse_enum,
    parse_id,
    parse_reason_code,
    parse_seconds,
    parse_str,
    require_id,
)

__all__ = [
    "Call",
    "CallLeg",
    "CallStatus",
    "LegStatus",
    "LegType",
    "parse_call",
    "parse_call_leg",
]


_ZERO = Decimal(0)


class LegStatus(StrEnum):
    """Documented statuses of one leg; other values are kept as text."""

    ATENDIDA = "atendida"
    SEM_RESPOSTA = "sem resposta"
    OCUPADO = "ocupado"
    CONGESTIONADO = "congestionado"
    FALHA = "falha"
    CANCELADA = "cancelada"
    NAO_EXISTE = "não existe"


class LegType(StrEnum):
    """What the leg dialled."""

    RAMAL = "ramal"
    MOVEL = "movel"
    FIXO = "fixo"


class CallStatus(StrEnum):
    """``status_geral`` of a call."""

    CRIADA = "criada"
    CURSO = "curso"
    FINALIZADA = "finalizada"


class CallLeg(msgspec.Struct, frozen=True, gc=False):
    """One side of a call: who was dialled, how it went, how long, what it cost.

    A frozen ``msgspec.Struct`` rather than a dataclass: reports build two per row, and a
    Struct is made in C (keyword and positional arguments alike). It holds plain values
    only, never a cycle, so the garbage collector need not track it (``gc=False``).
    """

    numero: str | None = None
    tipo: LegType | str | None = None
    status: LegStatus | str | None = None
    data_inicio: datetime | None = None
    duracao_segundos: int | None = None
    duracao_cobrada_segundos: int | None = None
    duracao_falada_segundos: int | None = None
    preco: Decimal | None = None
    motivo_desconexao: str | None = None
    motivo_desconexao_codigo: int | None = None
    bina_origem: str | None = None
    bina_destino: str | None = None

    @property
    def status_known(self) -> bool:
        """False when the status is missing or not one of the documented values."""
        return isinstance(self.status, LegStatus)


def parse_call_leg(value: object, what: str = "leg") -> CallLeg:
    """Read an origem/destino object; null or missing gives an empty leg."""
    if value is None:
        return CallLeg()
    record = expect_object(value, what)
    get = record.get
    motivo = parse_str(get("motivo_desconexao"))
    return CallLeg(
        numero=parse_str(get("numero")),
        tipo=parse_enum(LegType, get("tipo")),
        status=parse_enum(LegStatus, get("status")),
        data_inicio=parse_datetime(get("data_inicio")),
        duracao_segundos=parse_seconds(record, "duracao", "duracao_segundos"),
        duracao_cobrada_segundos=parse_seconds(
            record, "duracao_cobrada", "duracao_cobrada_segundos"
        ),
        duracao_falada_segundos=parse_seconds(record, "duracao_falada", "duracao_falada_segundos"),
        preco=parse_decimal(get("preco")),
        motivo_desconexao=motivo,
        motivo_desconexao_codigo=parse_reason_code(motivo),
        bina_origem=parse_str(get("bina_origem")),
        bina_destino=parse_str(get("bina_destino")),
    )


class Call(msgspec.Struct, frozen=True, gc=False):
    """A call record (``GET /chamada/{id}`` and each row of ``/chamada/relatorio``).

    A frozen ``msgspec.Struct``, like :class:`CallLeg`. ``raw`` (the record as received)
    is left out of comparisons and of the repr.
    """

    id: int | str
    data_criacao: datetime | None = None
    ativa: bool | None = None
    url_gravacao: str | None = None
    cliente_id: int | str | None = None
    conta_id: int | str | None = None
    ramal_id_origem: int | str | None = None
    tags: str | None = None
    detecta_caixa: bool | None = None
    status_geral: CallStatus | str | None = None
    origem: CallLeg = msgspec.field(default_factory=CallLeg)
    destino: CallLeg = msgspec.field(default_factory=CallLeg)
    raw: JsonObject = msgspec.field(default_factory=dict)

    def _compared(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__struct_fields__[:-1])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Call):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{n}={v!r}" for n, v in zip(self.__struct_fields__[:-1], self._compared(), strict=True)
        )
        return f"Call({shown})"

    @property
    def status_known(self) -> bool:
        """False when ``status_geral`` is missing or undocumented."""
        return isinstance(self.status_geral, CallStatus)

    @property
    def preco_total(self) -> Decimal | None:
        """Sum of both legs' prices, None when neither has one."""
        first, second = self.origem.preco, self.destino.preco
        if first is None:
            return None if second is None else _ZERO + second
        return _ZERO + first if second is None else _ZERO + first + second

    def raw_json(self) -> str:
        """The record as the server sent it, pretty-printed."""
        return dump_raw(self.raw)


def parse_call(value: object) -> Call:
    """Read a Chamada object."""
    record = expect_object(value, "chamada")
    return Call(
        id=require_id(record, "chamada"),
        data_criacao=parse_datetime(record.get("data_criacao")),
        ativa=parse_bool(record.get("ativa")),
        url_gravacao=parse_str(record.get("url_gravacao")) or None,
        cliente_id=parse_id(record.get("cliente_id")),
        conta_id=parse_id(record.get("conta_id")),
        ramal_id_origem=parse_id(record.get("ramal_id_origem")),
        tags=parse_str(record.get("tags")),
        detecta_caixa=parse_bool(record.get("detecta_caixa")),
        status_geral=parse_enum(CallStatus, record.get("status_geral")),
        origem=parse_call_leg(record.get("origem"), "chamada.origem"),
        destino=parse_call_leg(record.get("destino"), "chamada.destino"),
        raw=freeze(record),
    )
