"""The webphone postMessage protocol: command and event names, fields and validation.

Pure Python (no Qt), shared by the Qt bridge, the host page generator and the sandbox
tests so the three cannot drift. The wire format is the provider's: every message is a
plain object with a ``message`` key naming the function or event, plus its fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from desktop.api.phone import PhoneNumberError, WebphoneNumberFormat, normalize_dial_string

__all__ = [
    "COMMANDS",
    "EVENTS",
    "KNOWN_STATUSES",
    "Command",
    "Event",
    "ProtocolError",
    "build_command",
    "event_rules",
    "parse_event",
]


class ProtocolError(ValueError):
    """A message that does not follow the webphone protocol."""


class Command(StrEnum):
    """Functions the host posts to the webphone iframe (``message`` values)."""

    CONECTAR = "conectar"
    DESCONECTAR = "desconectar"
    CHAMA_NUMERO = "chamaNumero"
    ANSWER = "answer"
    HANGUP = "hangup"
    ENVIA_DTMF = "enviaDTMF"
    MUTE = "mute"
    TRANSFERIR = "transferir"
    TRANSFERIR_CONSULTA = "transferirConsulta"
    REC_START = "recStart"
    REC_STOP = "recStop"
    PAUSAR_NA_FILA = "pausarNaFila"
    DESPAUSAR_NA_FILA = "despausarNaFila"
    ENTRAR_NA_FILA = "entrarNaFila"
    SAIR_DA_FILA = "sairDaFila"


class Event(StrEnum):
    """Events the webphone iframe posts to its parent (``message`` values)."""

    CHEGANDO_CHAMADA = "chegandoChamada"
    STATUS = "status"
    CHAMADA_ID = "chamada_id"
    STATUS_ERRO = "status_erro"
    STATS_WEBPHONE = "stats_webphone"
    ENTROU_NA_FILA = "entrou_na_fila"
    SAIU_DA_FILA = "saiu_da_fila"
    PAUSOU_NA_FILA = "pausou_na_fila"
    DESPAUSOU_NA_FILA = "despausou_na_fila"
    # The sandbox's page only: no microphone on this machine, a silent one stands in.
    MICROFONE_SIMULADO = "microfone_simulado"


COMMANDS: Final = frozenset(c.value for c in Command)
EVENTS: Final = frozenset(e.value for e in Event)

#: ``status`` values named by the docs; others are tolerated and passed on as they are.
KNOWN_STATUSES: Final = frozenset(
    {"conectado", "desconectado", "chamando", "encerrada", "conversando"}
)

_DTMF = re.compile(r"^[0-9*#]+$")
_MAX_TEXT = 200  # no documented field is longer; anything bigger is hostile or broken
_QUEUE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _queue_id(value: object, *, required: bool) -> str | None:
    if value is None or value == "":
        if required:
            raise ProtocolError("filaId é obrigatório")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ProtocolError("filaId deve ser número ou texto")
    text = str(value).strip()
    if not _QUEUE_ID.match(text):
        raise ProtocolError(f"filaId inválido: {text!r}")
    return text


def build_command(
    command: Command | str,
    *,
    number_format: WebphoneNumberFormat = WebphoneNumberFormat.NATIONAL,
    **fields: object,
) -> dict[str, object]:
    """Return the validated message object for ``command``.

    Numbers are normalised with :func:`normalize_dial_string` into ``number_format``
    (``DDD + número`` by default, as the provider's examples send), DTMF accepts only
    ``0-9 * #``; anything else raises :class:`ProtocolError` before it reaches the page.
    """
    try:
        cmd = Command(command)
    except ValueError:
        raise ProtocolError(f"comando desconhecido: {command!r}") from None
    message: dict[str, object] = {"message": cmd.value}
    if cmd is Command.CHAMA_NUMERO:
        message["numero"] = _number(fields.get("numero"), number_format)
    elif cmd in (Command.TRANSFERIR, Command.TRANSFERIR_CONSULTA):
        message["numeroTelefone"] = _number(fields.get("numeroTelefone"), number_format)
    elif cmd is Command.ENVIA_DTMF:
        dtmf = fields.get("dtmf")
        if not isinstance(dtmf, str) or not _DTMF.match(dtmf) or len(dtmf) > 32:
            raise ProtocolError("DTMF aceita apenas 0-9, * e #")
        message["dtmf"] = dtmf
    elif cmd in (Command.ENTRAR_NA_FILA, Command.SAIR_DA_FILA):
        message["filaId"] = _queue_id(fields.get("filaId"), required=True)
    elif cmd in (Command.PAUSAR_NA_FILA, Command.DESPAUSAR_NA_FILA):
        fila = _queue_id(fields.get("filaId"), required=False)
        if fila is not None:
            message["filaId"] = fila
    unexpected = set(fields) - {"numero", "numeroTelefone", "dtmf", "filaId"}
    if unexpected:
        raise ProtocolError(f"campos inesperados: {sorted(unexpected)}")
    return message


def _number(value: object, number_format: WebphoneNumberFormat) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ProtocolError("informe o número")
    try:
        return normalize_dial_string(str(value), number_format)
    except PhoneNumberError as exc:
        raise ProtocolError(str(exc)) from None


@dataclass(frozen=True, slots=True)
class ParsedEvent:
    """An event that passed validation: its name and its fields, typed as text."""

    event: Event
    fields: dict[str, str]


# Fields each event must carry (all as text after coercion); extra fields are kept.
_REQUIRED: Final[dict[Event, tuple[str, ...]]] = {
    Event.CHEGANDO_CHAMADA: ("numeroChegando",),
    Event.STATUS: ("status",),
    Event.CHAMADA_ID: ("chamada_id",),
    Event.STATUS_ERRO: ("status_erro",),
    Event.STATS_WEBPHONE: (),
}
_OPTIONAL: Final[dict[Event, tuple[str, ...]]] = {
    Event.CHEGANDO_CHAMADA: ("numeroDestino", "chamadaRecebidaId"),
    Event.STATS_WEBPHONE: ("internet", "computador"),
    Event.ENTROU_NA_FILA: ("filaId",),
    Event.SAIU_DA_FILA: ("filaId",),
    Event.PAUSOU_NA_FILA: ("filaId",),
    Event.DESPAUSOU_NA_FILA: ("filaId",),
    Event.MICROFONE_SIMULADO: ("motivo",),
}


def _text(name: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ProtocolError(f"campo {name} com tipo inválido")
    text = str(value)
    if len(text) > _MAX_TEXT:
        raise ProtocolError(f"campo {name} longo demais")
    return text


def parse_event(data: object) -> ParsedEvent:
    """Validate a message received from the webphone and return it typed.

    Raises :class:`ProtocolError` for anything that is not a known event with the
    expected fields: such messages are dropped by the caller, never acted upon.
    """
    if not isinstance(data, dict):
        raise ProtocolError("mensagem não é um objeto")
    name = data.get("message")
    if not isinstance(name, str) or name not in EVENTS:
        raise ProtocolError(f"evento desconhecido: {str(name)[:40]!r}")
    event = Event(name)
    fields: dict[str, str] = {}
    for key in _REQUIRED.get(event, ()):
        if key not in data or data[key] is None:
            raise ProtocolError(f"evento {name} sem o campo {key}")
        fields[key] = _text(key, data[key])
    for key in _OPTIONAL.get(event, ()):
        if data.get(key) is not None:
            fields[key] = _text(key, data[key])
    return ParsedEvent(event, fields)


def event_rules() -> dict[str, object]:
    """The event table of :func:`parse_event` as plain JSON data.

    The host page checks events with this table before handing them to Python, so its
    first line of validation is generated from the same source and cannot drift.
    """
    return {
        "events": {
            event.value: {
                "required": list(_REQUIRED.get(event, ())),
                "optional": list(_OPTIONAL.get(event, ())),
            }
            for event in Event
        },
        "commands": sorted(COMMANDS),
        "maxText": _MAX_TEXT,
    }
