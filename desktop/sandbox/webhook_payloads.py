"""The JSON bodies of the provider's webhooks, field for field as ``webhooks.md`` shows them.

The docs' examples disagree with each other on small things and receivers are written
against the examples, so each payload copies its own example: "Status Tempo Real" and the
"Fim" webhooks carry the Chamada object with ``-03:00`` offsets and ``gravacoes_parciais``;
the older "Eventos em Tempo Real" family writes times without an offset (the call's
creation in UTC, the legs in Brasília time, as the example's 17:21 vs 14:21 shows), the
call id of ramal and DID events as a string and the ramal as a number; "Aviso de saldo"
sends the balance as a string with four decimals.
"""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.sandbox.models import STATUS_ATENDIDA, STATUS_CHAMANDO, Call, Conference, Leg
from desktop.sandbox.timeutil import BRT, iso, seconds_between

JsonObject = dict[str, object]

#: ``status`` of a leg that has not started ringing yet (the docs' "chamando" example).
STATUS_PREPARANDO = "preparando"
ENTERED = "Entrou"
LEFT = "Saiu"


def local_naive(moment: datetime | None) -> str | None:
    """``2019-09-06T14:21:33``: Brasília time without an offset."""
    if moment is None:
        return None
    return moment.astimezone(BRT).replace(tzinfo=None).isoformat(timespec="seconds")


def utc_naive(moment: datetime | None) -> str | None:
    """``2019-09-06T17:21:33``: UTC without an offset."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def leg_status(call: Call, leg: Leg) -> str | None:
    """The leg's status as the real-time webhooks name it (the record's once the call ends)."""
    if call.finished or leg.status is not None:
        return leg.status
    if call.kind == "conferencia" and leg is call.origem:
        return None  # the room's own leg reports nothing
    if leg.answered_at is not None:
        return STATUS_ATENDIDA
    return STATUS_CHAMANDO if leg.started_at is not None else STATUS_PREPARANDO


def _leg_active(call: Call, leg: Leg) -> bool:
    return not call.finished and leg.answered_at is not None and leg.ended_at is None


def _chamada_leg(call: Call, leg: Leg, at: datetime) -> JsonObject:
    """A leg of the Chamada object; billing is only known once the call ends."""
    full = leg.to_json(at, "bina")
    del full["bina"]
    full["status"] = leg_status(call, leg)
    if not call.finished:
        answered = leg.answered_at is not None
        talk = full["duracao_falada_segundos"] if answered else None
        full.update(
            duracao_cobrada_segundos=None,
            duracao_cobrada=None,
            duracao_falada_segundos=talk,
            duracao_falada=full["duracao_falada"] if answered else None,
            preco=None,
        )
    return full


def chamada_payload(call: Call, at: datetime, base_url: str) -> JsonObject:
    """Webhooks "Status Tempo Real", "Fim Chamada" and "DID Fim Chamada": a Chamada object."""
    url = f"{base_url}/chamada/{call.id}/gravacao" if call.has_recording else None
    return {
        "id": call.id,
        "data_criacao": iso(call.data_criacao),
        "ativa": call.ativa,
        "url_gravacao": url,
        "cliente_id": call.cliente_id,
        "conta_id": call.conta_id,
        "ramal_id_origem": call.ramal_id_origem,
        "tags": call.tags,
        "status_geral": call.status_geral,
        "origem": _chamada_leg(call, call.origem, at),
        "destino": _chamada_leg(call, call.destino, at),
        "gravacoes_parciais": [],
    }


def _event_leg(call: Call, leg: Leg) -> JsonObject:
    if leg.started_at is None:  # not dialled yet: the docs' destino has only these
        return {"tipo": leg.tipo, "numero": leg.numero}
    return {
        "data_inicio": local_naive(leg.started_at),
        "tipo": leg.tipo,
        "ativo": _leg_active(call, leg),
        "data_criacao": local_naive(leg.started_at),
        "numero": leg.numero,
        "status": leg_status(call, leg),
    }


def chamada_legs_payload(call: Call) -> JsonObject:
    """Webhook "Eventos em Tempo Real de Chamada": one leg changed; both legs as they are now."""
    return {
        "data_criacao": utc_naive(call.data_criacao),
        "origem": _event_leg(call, call.origem),
        "gravar_audio": call.gravar,
        "id": call.id,
        "destino": _event_leg(call, call.destino),
        "cliente_id": call.cliente_id,
        "tags": call.tags or "",
    }


def _ramal_number(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def ramal_payload(call: Call, leg: Leg, at: datetime) -> JsonObject:
    """Webhook "Eventos em Tempo Real de Ramal": the ramal's leg of the call."""
    value: JsonObject = {}
    if leg.answered_at is not None:  # the docs: absent when the leg was not answered
        value["data_atendimento"] = local_naive(leg.answered_at)
    value.update(
        {
            "duracao_falada_segundos": leg.talk_seconds(at),
            "ativo": _leg_active(call, leg),
            "data_criacao": local_naive(leg.started_at or call.data_criacao),
            "tipo": "ramal",
            "motivo_desconexao": leg.motivo,
            "id": str(call.id),
            "ramal": _ramal_number(leg.numero),
            "status": leg_status(call, leg),
            "duracao_segundos": seconds_between(leg.started_at, leg.ended_at or at),
        }
    )
    return value


def did_payload(call: Call, at: datetime) -> JsonObject:
    """Webhook "Eventos em Tempo Real de Chamada DID": a call to one of the account's numbers."""
    leg = call.destino
    value: JsonObject = {}
    if leg.answered_at is not None:
        value["data_atendimento"] = local_naive(leg.answered_at)
    value.update(
        {
            "duracao_falada_segundos": leg.talk_seconds(at),
            "ativo": call.ativa,
            "data_criacao": local_naive(call.data_criacao),
            "tipo": leg.tipo,
            "id": str(call.id),
            "ramal": _ramal_number(leg.numero),
            "status": leg_status(call, leg),
            "duracao_segundos": seconds_between(call.data_criacao, leg.ended_at or at),
        }
    )
    return value


def conference_payload(conference: Conference, call: Call, evento: str) -> JsonObject:
    """Webhook "Eventos em Tempo Real de Conferências": a number entered or left the room."""
    return {
        "data_criacao": utc_naive(conference.data_criacao),
        "evento_conferencia": evento,
        "numero": call.destino.numero,
        "gravar_audio": call.gravar,
        "conferencia_id": conference.id,
        "chamada_id": str(call.id),
        "cliente_id": conference.cliente_id,
    }


def balance_payload(saldo: float) -> JsonObject:
    """Webhook "Aviso de saldo": the balance as a string, ``"56.8616"``."""
    return {"saldo": f"{saldo:.4f}"}
