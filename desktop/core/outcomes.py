"""What happened on a call, in words a person understands, from both legs and the reason.

The API gives each leg a status (``atendida``, ``sem resposta``, ``ocupado`` …) and a
``motivo_desconexao`` such as ``"19. sem resposta - mas chamou"``. The first leg that did
not connect decides the outcome: in a click-to-call the origem rings first, so an origem
that never answered is the story; otherwise the destino leg is.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from desktop.api.models import Call, CallLeg, CallStatus, LegStatus

__all__ = ["Outcome", "classify_call", "classify_leg", "reason_text"]


class Outcome(StrEnum):
    """The result of a call as the user thinks of it."""

    ANSWERED = "answered"
    MISSED = "missed"
    REJECTED = "rejected"
    ABANDONED = "abandoned"
    FAILED = "failed"
    ELSEWHERE = "elsewhere"
    IN_PROGRESS = "in_progress"


_ELSEWHERE_CODES: Final = frozenset({23, 26})
_MISSED_CODES: Final = frozenset({18, 19, 20})
_REJECTED_CODES: Final = frozenset({17, 21, 29})
_NORMAL_CODES: Final = frozenset({16, 31})


def reason_text(leg: CallLeg) -> str:
    """The disconnect reason without its number (``""`` when undefined)."""
    text = (leg.motivo_desconexao or "").strip()
    if not text or text.lower() == "indefinido":
        return ""
    number, dot, rest = text.partition(".")
    if dot and number.strip().isdigit():
        return rest.strip()
    return text


def classify_leg(leg: CallLeg) -> Outcome | None:
    """The outcome one leg tells on its own; None when it says nothing useful."""
    code = leg.motivo_desconexao_codigo
    if code in _ELSEWHERE_CODES:
        return Outcome.ELSEWHERE
    status = leg.status
    if status == LegStatus.ATENDIDA:
        return Outcome.ANSWERED
    if status == LegStatus.CANCELADA:
        return Outcome.ABANDONED
    if status == LegStatus.SEM_RESPOSTA or code in _MISSED_CODES:
        return Outcome.MISSED
    if status == LegStatus.OCUPADO or code in _REJECTED_CODES:
        return Outcome.REJECTED
    if status in (LegStatus.CONGESTIONADO, LegStatus.FALHA, LegStatus.NAO_EXISTE):
        return Outcome.FAILED
    if (leg.duracao_falada_segundos or 0) > 0:
        return Outcome.ANSWERED
    if code is not None and code not in _NORMAL_CODES:
        return Outcome.FAILED
    if isinstance(status, str) and status:
        return Outcome.FAILED  # an undocumented status that did not connect
    return None


def classify_call(call: Call) -> tuple[Outcome, str]:
    """``(outcome, detail)``; the detail names the failure reason when there is one."""
    if call.ativa or call.status_geral in (CallStatus.CRIADA, CallStatus.CURSO):
        return Outcome.IN_PROGRESS, ""
    first = classify_leg(call.origem)
    if first is not None and first is not Outcome.ANSWERED:
        return first, _detail(first, call.origem)
    second = classify_leg(call.destino)
    if second is None:
        if first is Outcome.ANSWERED and call.destino.numero is None:
            return Outcome.ANSWERED, ""
        return Outcome.FAILED, reason_text(call.destino) or reason_text(call.origem)
    return second, _detail(second, call.destino)


def _detail(outcome: Outcome, leg: CallLeg) -> str:
    if outcome is Outcome.FAILED:
        reason = reason_text(leg)
        status = str(leg.status) if leg.status else ""
        return reason or status
    if outcome in (Outcome.REJECTED, Outcome.ELSEWHERE):
        return reason_text(leg)
    return ""
