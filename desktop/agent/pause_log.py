"""A local record of the agent's pauses with their reasons (the protocol carries none)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from desktop.agent.preferences import PauseReason
from desktop.agent.state import ALL_QUEUES, AgentSnapshot

#: The reason recorded for pauses the agent did not start from this window.
UNKNOWN_REASON = PauseReason("Not given")


@dataclass(frozen=True, slots=True)
class PauseEntry:
    """One pause: why, in which queue (``ALL_QUEUES`` for all), from when until when."""

    reason: PauseReason
    queue: str
    start: datetime
    end: datetime | None = None
    reminded: bool = False

    @property
    def open(self) -> bool:
        """True while the pause lasts."""
        return self.end is None

    def seconds(self, now: datetime) -> int:
        """How long the pause lasted (or lasts so far)."""
        return max(0, int(((self.end or now) - self.start).total_seconds()))

    def overdue(self, now: datetime) -> bool:
        """True when the reason has a time limit and it has passed."""
        limit = self.reason.max_minutes
        return limit is not None and self.open and self.seconds(now) >= limit * 60


class PauseLog:
    """Pauses of this session, oldest first; at most one open pause per queue."""

    def __init__(self, limit: int = 500) -> None:
        self._entries: list[PauseEntry] = []
        self._limit = limit

    def __iter__(self) -> Iterator[PauseEntry]:
        return iter(tuple(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[PauseEntry, ...]:
        """Every pause, oldest first."""
        return tuple(self._entries)

    def current(self, queue: str) -> PauseEntry | None:
        """The open pause of ``queue``, if any."""
        return next((e for e in reversed(self._entries) if e.open and e.queue == queue), None)

    def open_entries(self) -> tuple[PauseEntry, ...]:
        """Pauses that have not ended."""
        return tuple(e for e in self._entries if e.open)

    def start(self, reason: PauseReason, queue: str, at: datetime) -> PauseEntry:
        """Record a pause that began ``at`` (an open one for the same queue is kept)."""
        existing = self.current(queue)
        if existing is not None:
            return existing
        entry = PauseEntry(reason, queue, at)
        self._entries.append(entry)
        del self._entries[: max(0, len(self._entries) - self._limit)]
        return entry

    def end(self, queue: str, at: datetime) -> PauseEntry | None:
        """Close the open pause of ``queue``; ``ALL_QUEUES`` closes every open pause."""
        closed: PauseEntry | None = None
        for index, entry in enumerate(self._entries):
            if entry.open and (queue == ALL_QUEUES or entry.queue == queue):
                closed = self._entries[index] = replace(entry, end=at)
        return closed

    def mark_reminded(self, entry: PauseEntry) -> None:
        """Remember that the agent was told ``entry`` ran over its limit."""
        for index, existing in enumerate(self._entries):
            if existing is entry:
                self._entries[index] = replace(entry, reminded=True)
                return

    def follow(
        self,
        old: AgentSnapshot,
        new: AgentSnapshot,
        reasons: dict[str, PauseReason],
        now: datetime,
    ) -> bool:
        """Open and close pauses as the snapshots say; True when something changed.

        ``reasons`` maps a queue (or ``ALL_QUEUES``) to the reason chosen when the pause
        was asked for; the entry used is removed.
        """
        before = {q.fila_id: q.paused_since for q in old.queues}
        after = {q.fila_id: q.paused_since for q in new.queues}
        before[ALL_QUEUES] = old.paused_all_since
        after[ALL_QUEUES] = new.paused_all_since
        changed = False
        for key in sorted(set(before) | set(after)):
            was, since = before.get(key), after.get(key)
            if was is None and since is not None:
                self.start(reasons.pop(key, UNKNOWN_REASON), key, since)
                changed = True
            elif was is not None and since is None:
                self.end(key, now)
                changed = True
        return changed
