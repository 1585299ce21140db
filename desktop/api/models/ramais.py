"""Ramal (extension) records, the create/edit input, pauses and received calls."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from typing import Final

from desktop.api.errors import ValidationError
from desktop.api.models.calls import LegStatus
from desktop.api.models.page import Page, parse_page
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
    parse_seconds,
    parse_str,
    require_id,
)
from desktop.api.wire import bina_number

__all__ = [
    "RAMAL_REPORT_PATH",
    "Pause",
    "PauseReport",
    "Ramal",
    "RamalInput",
    "RamalReceivedCall",
    "RamalRef",
    "parse_pause",
    "parse_pause_report",
    "parse_ramal",
    "parse_ramal_page",
    "parse_ramal_received_call",
]

MAX_RAMAL_DIGITS: Final = 10
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_DIGITS: Final = re.compile(r"^\d+$")
_BOOL_FIELDS: Final = frozenset(
    {
        "ligacao_externa",
        "ligacao_celular",
        "gravar_audio",
        "acesso_gravacoes",
        "webphone",
        "voicemail",
    }
)


@dataclass(frozen=True, slots=True)
class Ramal:
    """An extension of the account (``/ramal`` answers and ``/ramal/relatorio`` rows)."""

    id: int | str
    ramal: str | None = None
    login: str | None = None
    senha: str | None = field(default=None, repr=False)
    bina: str | None = None
    webphone_key: str | None = field(default=None, repr=False)
    ligacao_externa: bool | None = None
    ligacao_celular: bool | None = None
    gravar_audio: bool | None = None
    acesso_gravacoes: bool | None = None
    webphone: bool | None = None
    ura_id: int | str | None = None
    voicemail: bool | None = None
    tags: str | None = None
    raw: JsonObject = field(default_factory=dict, compare=False, hash=False, repr=False)

    def raw_json(self) -> str:
        """The record as the server sent it, pretty-printed."""
        return dump_raw(self.raw)


#: The ramal list (ramais created in a period) on the ramal host.
RAMAL_REPORT_PATH: Final = "/ramal/relatorio"


def parse_ramal_page(dados: object, *, posicao: int, limite: int) -> Page[Ramal]:
    """A page of the ramal list from ``dados`` of its answer."""
    return parse_page(dados, parse_ramal, posicao=posicao, limite=limite, what="ramais")


def parse_ramal(value: object) -> Ramal:
    """Read a ramal object."""
    record = expect_object(value, "ramal")
    return Ramal(
        id=require_id(record, "ramal"),
        ramal=parse_str(record.get("ramal")),
        login=parse_str(record.get("login")),
        senha=parse_str(record.get("senha")),
        bina=parse_str(record.get("bina")),
        webphone_key=parse_str(record.get("webphone_key")),
        ligacao_externa=parse_bool(record.get("ligacao_externa")),
        ligacao_celular=parse_bool(record.get("ligacao_celular")),
        gravar_audio=parse_bool(record.get("gravar_audio")),
        acesso_gravacoes=parse_bool(record.get("acesso_gravacoes")),
        webphone=parse_bool(record.get("webphone")),
        ura_id=parse_id(record.get("ura_id")),
        voicemail=parse_bool(record.get("voicemail")),
        tags=parse_str(record.get("tags")),
        raw=freeze(record),
    )


@dataclass(frozen=True, slots=True)
class RamalInput:
    """Fields to create or edit a ramal; unset (None) fields are not sent.

    Validated on construction: ``login`` must look like an e-mail, ``ramal`` be digits,
    ``bina`` a phone number (stored as ``DDD + número``).
    """

    ramal: str | None = None
    login: str | None = None
    senha: str | None = field(default=None, repr=False)
    bina: str | None = None
    ligacao_externa: bool | None = None
    ligacao_celular: bool | None = None
    gravar_audio: bool | None = None
    acesso_gravacoes: bool | None = None
    webphone: bool | None = None
    ura_id: int | None = None
    voicemail: bool | None = None
    tags: str | None = None

    def __post_init__(self) -> None:
        if self.ramal is not None:
            ramal = str(self.ramal).strip()
            if not _DIGITS.match(ramal) or len(ramal) > MAX_RAMAL_DIGITS:
                raise ValidationError("validation.ramal", field="ramal", max=MAX_RAMAL_DIGITS)
            object.__setattr__(self, "ramal", ramal)
        if self.login is not None:
            login = self.login.strip()
            if not _EMAIL.match(login):
                raise ValidationError("validation.email", field="login")
            object.__setattr__(self, "login", login)
        if self.senha is not None and (not isinstance(self.senha, str) or not self.senha):
            raise ValidationError("validation.text", field="senha")
        if self.bina is not None:
            bina = bina_number(self.bina, "bina")
            object.__setattr__(self, "bina", bina)
        if self.ura_id is not None and (
            isinstance(self.ura_id, bool) or not isinstance(self.ura_id, int) or self.ura_id < 0
        ):
            raise ValidationError("validation.id", field="ura_id", value=self.ura_id)
        for name in sorted(_BOOL_FIELDS):
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                raise ValidationError("validation.text", field=name)

    def to_json(self) -> dict[str, object]:
        """The request body: every set field, nothing else."""
        body: dict[str, object] = {}
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if value is not None:
                body[name] = value
        return body


@dataclass(frozen=True, slots=True)
class RamalRef:
    """The short ramal object nested in received-call rows."""

    id: int | str | None
    ramal: str | None
    login: str | None


@dataclass(frozen=True, slots=True)
class RamalReceivedCall:
    """A call received by a ramal (``GET /ramal/{id}/relatorio`` rows)."""

    id: int | str
    data_inicio: datetime | None = None
    url_gravacao: str | None = None
    numero_origem: str | None = None
    status: LegStatus | str | None = None
    duracao_segundos: int | None = None
    preco: Decimal | None = None
    ramal: RamalRef | None = None
    raw: JsonObject = field(default_factory=dict, compare=False, hash=False, repr=False)

    def raw_json(self) -> str:
        """The record as the server sent it, pretty-printed."""
        return dump_raw(self.raw)


def parse_ramal_received_call(value: object) -> RamalReceivedCall:
    """Read one row of the received-calls report."""
    record = expect_object(value, "ligação do ramal")
    nested = record.get("ramal")
    ref = None
    if nested is not None:
        ramal = expect_object(nested, "ligação do ramal.ramal")
        ref = RamalRef(
            id=parse_id(ramal.get("id")),
            ramal=parse_str(ramal.get("ramal")),
            login=parse_str(ramal.get("login")),
        )
    return RamalReceivedCall(
        id=require_id(record, "ligação do ramal"),
        data_inicio=parse_datetime(record.get("data_inicio")),
        url_gravacao=parse_str(record.get("url_gravacao")) or None,
        numero_origem=parse_str(record.get("numero_origem")),
        status=parse_enum(LegStatus, record.get("status")),
        duracao_segundos=parse_seconds(record, "duracao"),
        preco=parse_decimal(record.get("preco")),
        ramal=ref,
        raw=freeze(record),
    )


@dataclass(frozen=True, slots=True)
class Pause:
    """One pause of a ramal in a queue."""

    pausa_inicio: datetime | None
    pausa_fim: datetime | None
    tempo_segundos: int | None


def parse_pause(value: object) -> Pause:
    """Read one row of the pauses report."""
    record = expect_object(value, "pausa")
    return Pause(
        pausa_inicio=parse_datetime(record.get("pausa_inicio")),
        pausa_fim=parse_datetime(record.get("pausa_fim")),
        tempo_segundos=parse_seconds(record, "tempo"),
    )


@dataclass(frozen=True, slots=True)
class PauseReport:
    """A page of pauses plus the totals the server computes for the whole period."""

    page: Page[Pause]
    ramal: str | None = None
    duracao_total_segundos: int | None = None


def parse_pause_report(dados: object, *, posicao: int, limite: int) -> PauseReport:
    """Read ``dados`` of ``GET /ramal/{id}/pausas``."""
    page = parse_page(dados, parse_pause, posicao=posicao, limite=limite, what="pausas")
    if dados is None:
        return PauseReport(page)
    record = expect_object(dados, "dados")
    total = parse_seconds(record, "duracao_total")
    return PauseReport(page, parse_str(record.get("ramal")), total)
