"""One ramal's row of the board as the relay keeps it, derived with the core's logic.

Webhooks arrive late, twice or out of order. Each row carries the provider time of the
change that produced it (``updated``); a change older than the stored row is dropped, so
the board ends where the latest change put it, whatever the delivery order. A row also
carries the ramal's counters of the day (the relay's :class:`DayCounts`, the latest
there is): an older change still brings its counters onto the stored row.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from desktop.api.models import Call, LegType, Pause, Ramal
from desktop.api.models.parsing import parse_datetime, parse_id, parse_str
from desktop.core.board import (
    RamalCounts,
    RamalLive,
    RamalState,
    call_ramal_numbers,
    derive,
    ramal_on_call,
    same_period,
)
from desktop.core.board_counts import DayCounts

__all__ = ["BoardRow", "rows_from_call", "rows_from_pauses"]

# Among changes stamped with the same second: ringing, then talking, then the end.
_RANK = {
    RamalState.RINGING: 0,
    RamalState.TALKING: 1,
    RamalState.PAUSED: 2,
    RamalState.FREE: 3,
    RamalState.UNKNOWN: 3,
}


@dataclass(frozen=True, slots=True)
class BoardRow:
    """The value of one key of the board bucket (the key is the ramal number)."""

    ramal: str
    state: RamalState
    updated: datetime
    since: datetime | None = None
    peer: str = ""
    chamada_id: int | str | None = None
    counts: RamalCounts = field(default_factory=RamalCounts)

    @property
    def in_call(self) -> bool:
        """True while ringing or talking."""
        return self.state in (RamalState.RINGING, RamalState.TALKING)

    def supersedes(self, stored: BoardRow | None) -> bool:
        """True when this change is not older than ``stored`` and says something new."""
        if stored is None:
            return True
        if (self.updated, _RANK[self.state]) < (stored.updated, _RANK[stored.state]):
            return False
        if self.chamada_id is None and stored.chamada_id is None and self.peer == stored.peer:
            # A pause pushed by the agent's app, then polled: one pause, shown once.
            return not same_period(self.state, self.since, stored.state, stored.since)
        return self != stored

    def onto(self, stored: BoardRow | None, *, yield_to_call: bool = False) -> BoardRow | None:
        """What to write over ``stored``: this row, its counters on ``stored``, or nothing.

        ``yield_to_call`` (a polled pause) leaves the state of a ramal in a call as it is.
        """
        if self.supersedes(stored) and not (yield_to_call and stored and stored.in_call):
            return self
        if stored is not None and self.counts != stored.counts:
            return replace(stored, counts=self.counts)
        return None

    def encode(self) -> bytes:
        """The JSON stored in the bucket."""
        return json.dumps(
            {
                "ramal": self.ramal,
                "estado": self.state.name.lower(),
                "desde": self.since.isoformat() if self.since else None,
                "com": self.peer,
                "chamada_id": self.chamada_id,
                "atualizado": self.updated.isoformat(),
                "feitas": self.counts.made,
                "recebidas": self.counts.received,
                "atendidas": self.counts.answered,
                "perdidas": self.counts.missed,
            },
            separators=(",", ":"),
        ).encode()

    @classmethod
    def decode(cls, data: bytes) -> BoardRow | None:
        """Read a stored value; None when it is not one of ours."""
        try:
            record = json.loads(data)
            state = RamalState[str(record["estado"]).upper()]
        except (ValueError, KeyError, TypeError):
            return None
        updated = parse_datetime(record.get("atualizado"))
        ramal = parse_str(record.get("ramal"))
        if updated is None or not ramal:
            return None
        return cls(
            ramal=ramal,
            state=state,
            updated=updated,
            since=parse_datetime(record.get("desde")),
            peer=parse_str(record.get("com")) or "",
            chamada_id=parse_id(record.get("chamada_id")),
            counts=RamalCounts(
                *(_count(record.get(k)) for k in ("feitas", "recebidas", "atendidas", "perdidas"))
            ),
        )


def _count(value: object) -> int:
    return value if type(value) is int and value >= 0 else 0


def _row(live: RamalLive, updated: datetime, counts: RamalCounts) -> BoardRow:
    return BoardRow(
        ramal=live.numero,
        state=live.state,
        updated=updated,
        since=live.since,
        peer=live.peer,
        chamada_id=live.call_id,
        counts=counts,
    )


@functools.lru_cache(maxsize=4096)
def _stand_in(numero: str) -> Ramal:
    """A ramal not (yet) in the polled list, known by its number only."""
    return Ramal(id=numero, ramal=numero)


def _ramal_numbers(call: Call, known: Mapping[str, Ramal]) -> list[str]:
    numbers: list[str] = []
    for leg in (call.origem, call.destino):
        number = leg.numero or ""
        if number and (number in known or leg.tipo == LegType.RAMAL) and number not in numbers:
            numbers.append(number)
    return numbers


def rows_from_call(
    call: Call,
    occurred: datetime,
    known: Mapping[str, Ramal],
    pauses: Mapping[str, Sequence[Pause]],
    day: DayCounts | None = None,
) -> list[BoardRow]:
    """The rows of the ramais on ``call`` as of ``occurred`` (a pause shows once it ends).

    ``day`` gives the counters, and the other party where ``call`` is one ramal's leg
    (a ramal event names no one else) but a call event told it before.
    """
    ramais = [known.get(n) or _stand_in(n) for n in _ramal_numbers(call, known)]
    on_call = call_ramal_numbers(call, {r.ramal or "": r.id for r in ramais})
    lives = [
        ramal_on_call(r, call, on_call, pauses.get(r.ramal or "", ()), occurred) for r in ramais
    ]
    if day is None:
        return [_row(live, occurred, RamalCounts()) for live in lives]
    sides = day.sides(call.id)
    rows: list[BoardRow] = []
    for live in lives:
        row = _row(live, occurred, day.counts(live.numero))
        if row.in_call and not row.peer and sides is not None:
            row = replace(row, peer=sides.peer_of(live.numero))
        rows.append(row)
    return rows


def rows_from_pauses(
    ramal: Ramal, pauses: Sequence[Pause], at: datetime, counts: RamalCounts | None = None
) -> BoardRow | None:
    """The row a poll of the ramal's pauses gives (paused, or free since the pause ended)."""
    live = derive([ramal], [], {ramal.id: pauses}, at).ramais[ramal.id]
    if live.state is RamalState.UNKNOWN:
        return None
    return _row(live, live.since or at, counts or RamalCounts())
