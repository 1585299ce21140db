"""Today's counters per ramal, kept one call at a time (the relay's side of the board).

The polling board counts by walking every call of the day (:func:`~desktop.core.board.derive`);
a relay sees the same calls one event at a time. Both add up :func:`counter_slots`, so a
pushed row and a polled one show the same numbers for the same calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time

from desktop.api.models import Call
from desktop.api.models.parsing import PROVIDER_TZ
from desktop.core.board import RamalCounts, call_ramal_numbers, counter_slots, is_live

__all__ = ["CallSides", "DayCounts", "start_of_day"]


def start_of_day(at: datetime) -> datetime:
    """Midnight of ``at``'s day in the provider's time zone (the report's day)."""
    return datetime.combine(at.astimezone(PROVIDER_TZ).date(), time(0), tzinfo=PROVIDER_TZ)


@dataclass(frozen=True, slots=True)
class CallSides:
    """What the counters keep of one call: its legs' numbers and what it added up."""

    origem: str
    destino: str
    live: bool
    slots: tuple[tuple[str, int], ...]

    def peer_of(self, numero: str) -> str:
        """The other party of ``numero`` on this call (``""`` when it is not on it)."""
        if numero == self.destino:
            return self.origem
        if numero == self.origem:
            return self.destino
        return ""


class DayCounts:
    """The counters of one day, updated as calls arrive in any order and any number of times.

    A finished version of a call is never replaced by a live one (deliveries come late);
    any other version replaces the one before, taking back what it had added.
    """

    def __init__(self) -> None:
        self.day: datetime | None = None
        self._calls: dict[int | str, CallSides] = {}
        self._counts: dict[str, list[int]] = {}

    def reset(self, day: datetime) -> None:
        """Start ``day`` (midnight) with nothing counted."""
        self.day = day
        self._calls.clear()
        self._counts.clear()

    def put(
        self,
        call: Call,
        numbers: Mapping[str, int | str],
        by_id: Mapping[str, str] | None = None,
    ) -> tuple[str, ...]:
        """Count ``call``; the ramais whose counters changed.

        ``numbers`` (ramal number → id) are the account's ramais, as for ``derive``.
        """
        old = self._calls.get(call.id)
        live = is_live(call)
        if old is not None and live and not old.live:
            return ()
        origem, destino = call_ramal_numbers(call, numbers, by_id)
        slots = counter_slots(call, origem, destino)
        sides = CallSides(call.origem.numero or "", call.destino.numero or "", live, slots)
        self._calls[call.id] = sides
        if old is not None and old.slots == sides.slots:
            return ()
        changed: dict[str, None] = {}
        for number, slot in old.slots if old is not None else ():
            self._counts[number][slot] -= 1
            changed[number] = None
        for number, slot in sides.slots:
            self._counts.setdefault(number, [0, 0, 0, 0])[slot] += 1
            changed[number] = None
        return tuple(changed)

    def counts(self, numero: str) -> RamalCounts:
        """Today's counters of ramal ``numero``."""
        values = self._counts.get(numero)
        return RamalCounts(*values) if values else RamalCounts()

    def numbers(self) -> tuple[str, ...]:
        """Every ramal counted today."""
        return tuple(self._counts)

    def sides(self, call_id: int | str) -> CallSides | None:
        """What is known of call ``call_id`` today."""
        return self._calls.get(call_id)
