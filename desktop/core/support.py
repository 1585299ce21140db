"""A ramal's support state: a supervisor on its call (coach status) and its raised hand.

The relay keeps one record per ramal in the board bucket (key ``apoio.<ramal>``) and
tells the ramal's agent what it may see: with silent listening hidden, a supervisor who
only listens (modo 1) is left out of the agent's view, never out of the board.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from enum import IntEnum
from typing import Any

from desktop.api.models.parsing import parse_datetime, parse_id, parse_int, parse_str

__all__ = ["Coach", "CoachMode", "Hand", "Support", "support_key"]

SUPPORT_PREFIX = "apoio."


def support_key(ramal: str) -> str:
    """The board bucket's key of a ramal's support record."""
    return SUPPORT_PREFIX + ramal


class CoachMode(IntEnum):
    """The ``modo`` of ``POST /chamada/{id}/escuta``."""

    LISTEN = 1
    WHISPER = 2
    BARGE = 3


@dataclass(frozen=True, slots=True)
class Coach:
    """A supervisor on the ramal's call; ``expires`` is when the relay drops it unrenewed."""

    supervisor: str
    mode: CoachMode
    chamada_id: int | str
    since: datetime
    expires: datetime | None = None


@dataclass(frozen=True, slots=True)
class Hand:
    """The agent asked for help at ``since``; ``seen_by`` acknowledged it at ``seen_at``."""

    since: datetime
    seen_by: str = ""
    seen_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Support:
    """One ramal's support record."""

    ramal: str
    coach: Coach | None = None
    hand: Hand | None = None
    updated: datetime | None = None

    @property
    def empty(self) -> bool:
        """True when nobody is on the call and no hand is up."""
        return self.coach is None and self.hand is None

    def for_agent(self, *, hide_silent_listening: bool) -> Support:
        """What the ramal's agent is told (a silent listener left out when hidden)."""
        coach = self.coach
        if coach is not None and hide_silent_listening and coach.mode is CoachMode.LISTEN:
            coach = None
        return replace(self, coach=coach)

    def to_json(self) -> dict[str, Any]:
        """The record as JSON values (``evento`` ``apoio``)."""
        coach = self.coach
        hand = self.hand
        return {
            "evento": "apoio",
            "ramal": self.ramal,
            "escuta": None
            if coach is None
            else {
                "supervisor": coach.supervisor,
                "modo": int(coach.mode),
                "chamada_id": coach.chamada_id,
                "desde": coach.since.isoformat(),
                "expira": coach.expires.isoformat() if coach.expires else None,
            },
            "mao": None
            if hand is None
            else {
                "desde": hand.since.isoformat(),
                "ciente": hand.seen_by or None,
                "ciente_em": hand.seen_at.isoformat() if hand.seen_at else None,
            },
            "atualizado": self.updated.isoformat() if self.updated else None,
        }

    def encode(self) -> bytes:
        """The JSON stored in the bucket and published to the agent."""
        return json.dumps(self.to_json(), separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, record: object) -> Support | None:
        """Read a record; None when it is not one."""
        if not isinstance(record, dict) or record.get("evento") != "apoio":
            return None
        ramal = parse_str(record.get("ramal"))
        if not ramal:
            return None
        return cls(
            ramal=ramal,
            coach=_coach(record.get("escuta")),
            hand=_hand(record.get("mao")),
            updated=parse_datetime(record.get("atualizado")),
        )

    @classmethod
    def decode(cls, data: bytes) -> Support | None:
        """Read a stored value; None when it is not a support record."""
        try:
            return cls.from_json(json.loads(data))
        except ValueError:
            return None


def _coach(value: object) -> Coach | None:
    if not isinstance(value, dict):
        return None
    try:
        mode = CoachMode(parse_int(value.get("modo")) or 0)
    except ValueError:
        return None
    since = parse_datetime(value.get("desde"))
    chamada = parse_id(value.get("chamada_id"))
    if since is None or chamada is None:
        return None
    return Coach(
        supervisor=parse_str(value.get("supervisor")) or "",
        mode=mode,
        chamada_id=chamada,
        since=since,
        expires=parse_datetime(value.get("expira")),
    )


def _hand(value: object) -> Hand | None:
    if not isinstance(value, dict):
        return None
    since = parse_datetime(value.get("desde"))
    if since is None:
        return None
    return Hand(
        since=since,
        seen_by=parse_str(value.get("ciente")) or "",
        seen_at=parse_datetime(value.get("ciente_em")),
    )
