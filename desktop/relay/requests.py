"""Requests from the consoles, parsed at the edge: the subject says who, the body what.

An agent's subject names its ramal (``pedido.<conta>.ramal.<ramal>.<tipo>``) and NATS
lets it publish only there, so an agent speaks only for itself; a supervisor's subject
is ``pedido.<conta>.supervisor.<tipo>`` and its body names the ramal. Anything that is
not exactly one of the shapes below is refused (:class:`BadRequest`) and changes nothing.
"""

from __future__ import annotations

import re
from typing import Final, TypeVar

import msgspec

__all__ = [
    "REQUEST_LIMIT",
    "AckHand",
    "BadRequest",
    "CoachChange",
    "PauseChange",
    "RaiseHand",
    "Request",
    "SupportState",
    "parse_request",
]

REQUEST_LIMIT: Final = 4096
"""The largest request body accepted (the real ones are under 300 bytes)."""

T = TypeVar("T")
R = TypeVar("R", bound="Request")

_TOKEN: Final = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_NAME_MAX: Final = 80


class BadRequest(ValueError):
    """The request is not one the relay answers; ``reason`` goes back to the console."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RaiseHand(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """An agent raises (True) or lowers (False) its hand."""

    levantada: bool
    ramal: str = ""
    id: str = ""


class PauseChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """An agent paused (True, with its reason) or took calls again (False) in the app."""

    pausado: bool
    motivo: str = ""
    ramal: str = ""
    id: str = ""


class SupportState(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """An agent asks what it may see of its ramal's support record (after connecting)."""

    ramal: str = ""
    id: str = ""


class CoachChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """A supervisor started listen (1), whisper (2) or barge (3) on a call, or left it (0)."""

    supervisor: str
    ramal: str
    chamada_id: int | str
    modo: int
    id: str = ""


class AckHand(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """A supervisor saw a ramal's raised hand."""

    supervisor: str
    ramal: str
    id: str = ""


Request = RaiseHand | PauseChange | SupportState | CoachChange | AckHand

_AGENT: Final[dict[str, type[RaiseHand | PauseChange | SupportState]]] = {
    "mao": RaiseHand,
    "pausa": PauseChange,
    "estado": SupportState,
}
_SUPERVISOR: Final[dict[str, type[CoachChange | AckHand]]] = {
    "escuta": CoachChange,
    "ciente": AckHand,
}


def _decode(data: bytes, kind: type[T]) -> T:
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as exc:
        raise BadRequest("campos") from exc
    except msgspec.DecodeError as exc:
        raise BadRequest("json") from exc


def _name(text: str) -> str:
    text = text.strip()
    if not text or len(text) > _NAME_MAX or not text.isprintable():
        raise BadRequest("supervisor")
    return text


def parse_request(conta: str, subject: str, data: bytes, limit: int = REQUEST_LIMIT) -> Request:
    """The request in ``data`` sent to ``subject``; :class:`BadRequest` when refused."""
    if len(data) > limit:
        raise BadRequest("tamanho")
    parts = subject.split(".")
    if len(parts) < 4 or parts[0] != "pedido" or parts[1] != conta:
        raise BadRequest("subject")
    if parts[2] == "ramal" and len(parts) == 5 and parts[4] in _AGENT:
        ramal = parts[3]
        if not _TOKEN.match(ramal):
            raise BadRequest("ramal")
        request = _decode(data, _AGENT[parts[4]])
        if request.ramal and request.ramal != ramal:
            raise BadRequest("ramal")  # an agent speaks only for the ramal of its subject
        request = msgspec.structs.replace(request, ramal=ramal)
        if isinstance(request, PauseChange) and (
            len(request.motivo) > _NAME_MAX or not request.motivo.isprintable()
        ):
            raise BadRequest("motivo")
    elif parts[2] == "supervisor" and len(parts) == 4 and parts[3] in _SUPERVISOR:
        supervisor_request = _decode(data, _SUPERVISOR[parts[3]])
        if not _TOKEN.match(supervisor_request.ramal):
            raise BadRequest("ramal")
        supervisor_request = msgspec.structs.replace(
            supervisor_request, supervisor=_name(supervisor_request.supervisor)
        )
        if isinstance(supervisor_request, CoachChange):
            if supervisor_request.modo not in (0, 1, 2, 3):
                raise BadRequest("modo")
            if not _TOKEN.match(str(supervisor_request.chamada_id)):
                raise BadRequest("chamada_id")
        return _checked_id(supervisor_request)
    else:
        raise BadRequest("subject")
    return _checked_id(request)


def _checked_id(request: R) -> R:
    if request.id and not _TOKEN.match(request.id):
        raise BadRequest("id")
    return request
