"""Webhook payloads parsed at the edge into typed events with a subject and an identity.

The provider promises nothing about order, retries or shape: ids come as text or numbers,
fields may be null or missing, durations may be ``"HH:MM:SS"`` and statuses may be new.
What cannot be read as the documented event is refused (:class:`BadWebhook`); what can
is kept as the provider sent it, so consumers parse it with the same models.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final

import msgspec

from desktop.api.errors import ResponseFormatError
from desktop.api.models import Call, CallLeg, LegStatus, LegType, parse_call
from desktop.api.models.parsing import (
    JsonObject,
    parse_bool,
    parse_datetime,
    parse_decimal,
    parse_duration,
    parse_id,
    parse_str,
)

__all__ = [
    "RELAYED_WEBHOOKS",
    "BadWebhook",
    "EventKind",
    "WebhookEvent",
    "parse_webhook",
]

_TOKEN: Final = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# A ramal's leg is still ringing while it has one of these; any other status without
# ``ativo`` true means the leg is over (an undocumented status frees the ramal).
_RINGING: Final = frozenset({"chamando", "preparando", "tocando"})
# Statuses arrive lower-cased here; an undocumented one ("chamando") stays text.
_LEG_STATUS: Final[Mapping[str, LegStatus]] = {s.value: s for s in LegStatus}


class BadWebhook(ValueError):
    """The payload is not the event its webhook name promises."""


class EventKind(StrEnum):
    """Which subject family an event goes to."""

    CHAMADA = "chamada"
    RAMAL = "ramal"
    CONFERENCIA = "conferencia"
    VOICEMAIL = "voicemail"
    SALDO = "saldo"


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    """One webhook delivery, ready to publish.

    ``key`` is the last subject token (call id, ramal number …; empty for the balance),
    ``occurred`` the provider's time of the change when the payload tells it, ``call``
    the payload as a call for the board (call and ramal events only).
    """

    webhook: str
    kind: EventKind
    key: str
    msg_id: str
    body: bytes
    occurred: datetime | None = None
    call: Call | None = None

    def subject(self, conta: str) -> str:
        """``ramal.<conta>.<kind>[.<key>]``."""
        if self.kind is EventKind.SALDO:
            return f"ramal.{conta}.saldo"
        return f"ramal.{conta}.{self.kind}.{self.key}"


def _token(value: object, what: str) -> str:
    text = str(parse_id(value) or "")
    if not _TOKEN.match(text):
        raise BadWebhook(f"{what} ausente ou inválido")
    return text


def _canonical(payload: JsonObject) -> bytes:
    # Compact, keys sorted at every level: the same content always has the same bytes.
    return msgspec.json.encode(payload, order="sorted")


def _event(
    webhook: str,
    kind: EventKind,
    key: str,
    payload: JsonObject,
    occurred: datetime | None = None,
    call: Call | None = None,
) -> WebhookEvent:
    body = _canonical(payload)
    # The same delivery twice (or to two relays) has the same id: JetStream stores it once.
    digest = hashlib.sha256(webhook.encode() + b"\0" + body).hexdigest()[:32]
    return WebhookEvent(webhook, kind, key, f"{webhook}:{key}:{digest}", body, occurred, call)


def _after(start: datetime | None, *seconds: int | None) -> datetime | None:
    if start is None:
        return None
    return start + timedelta(seconds=max((s or 0 for s in seconds), default=0))


def _call_event(webhook: str, payload: JsonObject) -> WebhookEvent:
    try:
        call = parse_call(payload)
    except ResponseFormatError as exc:
        raise BadWebhook(str(exc)) from exc
    key = _token(call.id, "id")
    if call.ativa is None and call.status_geral is None:
        # "Eventos em Tempo Real de Chamada" tells liveness per leg only.
        call = msgspec.structs.replace(
            call, ativa=any(_leg_live(payload.get(k)) for k in ("origem", "destino"))
        )
    # Durations grow while a call goes on: creation + the longest leg orders its events.
    start = call.data_criacao or call.origem.data_inicio
    occurred = _after(start, call.origem.duracao_segundos, call.destino.duracao_segundos)
    return _event(webhook, EventKind.CHAMADA, key, payload, occurred, call)


def _leg_live(leg: object) -> bool:
    if not isinstance(leg, dict):
        return False
    status = (parse_str(leg.get("status")) or "").strip().lower()
    ativo = parse_bool(leg.get("ativo"))
    return bool(ativo) or status in _RINGING


def _ramal_number(value: object) -> str:
    if isinstance(value, dict):  # the DID webhook may send the ramal's leg as an object
        value = value.get("ramal", value.get("numero"))
    return _token(value, "ramal")


def _ramal_event(webhook: str, payload: JsonObject) -> WebhookEvent:
    numero = _ramal_number(payload.get("ramal"))
    call_id = parse_id(payload.get("id"))
    if call_id is None:
        raise BadWebhook("id ausente")
    status = (parse_str(payload.get("status")) or "").strip().lower()
    ativo = parse_bool(payload.get("ativo"))
    total = parse_duration(payload.get("duracao_segundos"))
    if total is None:
        total = parse_duration(payload.get("duracao"))
    talk = parse_duration(payload.get("duracao_falada_segundos"))
    if talk is None:
        talk = parse_duration(payload.get("duracao_falada"))
    created = parse_datetime(payload.get("data_criacao"))
    answered_at = parse_datetime(payload.get("data_atendimento"))
    if not talk and answered_at is not None and total is not None and created is not None:
        talk = max(0, total - int((answered_at - created).total_seconds()))
    live = bool(ativo) or (ativo is None and status == "atendida") or status in _RINGING
    # The ramal's side as a call whose destino is the ramal: the board logic reads it.
    call = Call(
        id=call_id,
        data_criacao=created,
        ativa=live,
        destino=CallLeg(
            numero=numero,
            tipo=LegType.RAMAL,
            status=_LEG_STATUS.get(status, status or None),
            duracao_segundos=total,
            duracao_falada_segundos=talk,
        ),
    )
    return _event(webhook, EventKind.RAMAL, numero, payload, _after(created, total), call)


def _conference_event(webhook: str, payload: JsonObject) -> WebhookEvent:
    key = _token(payload.get("conferencia_id"), "conferencia_id")
    return _event(
        webhook, EventKind.CONFERENCIA, key, payload, parse_datetime(payload.get("data_criacao"))
    )


def _voicemail_event(webhook: str, payload: JsonObject) -> WebhookEvent:
    numero = _ramal_number(payload.get("ramal"))
    if parse_id(payload.get("id")) is None:
        raise BadWebhook("id ausente")
    return _event(
        webhook, EventKind.VOICEMAIL, numero, payload, parse_datetime(payload.get("data_mensagem"))
    )


def _balance_event(webhook: str, payload: JsonObject) -> WebhookEvent:
    if parse_decimal(payload.get("saldo")) is None:
        raise BadWebhook("saldo ausente ou inválido")
    return _event(webhook, EventKind.SALDO, "", payload)


_PARSERS: Final[Mapping[str, Callable[[str, JsonObject], WebhookEvent]]] = {
    "status_tempo_real": _call_event,
    "chamada_tempo_real": _call_event,
    "chamada_fim": _call_event,
    "chamada_did_fim": _call_event,
    "ramal_tempo_real": _ramal_event,
    "chamada_did_tempo_real": _ramal_event,
    "conferencia_tempo_real": _conference_event,
    "novo_voicemail": _voicemail_event,
    "aviso_saldo": _balance_event,
}

RELAYED_WEBHOOKS: Final = tuple(_PARSERS)
"""Webhook names the relay receives (and registers with ``--register-webhooks``)."""


def parse_webhook(name: str, payload: object) -> WebhookEvent:
    """The event of webhook ``name``; raises :class:`BadWebhook` or ``KeyError`` (unknown name)."""
    parser = _PARSERS[name]
    if not isinstance(payload, dict):
        raise BadWebhook("o corpo não é um objeto JSON")
    return parser(name, payload)
