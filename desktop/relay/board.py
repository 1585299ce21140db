"""One ramal's row of the board as the relay keeps it, derived with the core's logic.

Webhooks arrive late, twice or out of order. Each row carries the provider time of the
change that produced it (``updated``); a change older than the stored row is dropped, so
the board ends where the latest change put it, whatever the delivery order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.api.models import Call, LegType, Pause, Ramal
from desktop.api.models.parsing import parse_datetime, parse_id, parse_str
from desktop.core.board import RamalLive, RamalState, derive, same_period

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
        )


def _row(live: RamalLive, updated: datetime) -> BoardRow:
    return BoardRow(
        ramal=live.numero,
        state=live.state,
        updated=updated,
        since=live.since,
        peer=live.peer,
        chamada_id=live.call_id,
    )


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
) -> list[BoardRow]:
    """The rows of the ramais on ``call`` as of ``occurred`` (a pause shows once it ends)."""
    ramais = [known.get(n) or Ramal(id=n, ramal=n) for n in _ramal_numbers(call, known)]
    by_id = {r.id: pauses.get(r.ramal or "", ()) for r in ramais}
    snapshot = derive(ramais, [call], by_id, occurred)
    return [_row(live, occurred) for live in snapshot.ramais.values()]


def rows_from_pauses(ramal: Ramal, pauses: Sequence[Pause], at: datetime) -> BoardRow | None:
    """The row a poll of the ramal's pauses gives (paused, or free since the pause ended)."""
    live = derive([ramal], [], {ramal.id: pauses}, at).ramais[ramal.id]
    if live.state is RamalState.UNKNOWN:
        return None
    return _row(live, live.since or at)
