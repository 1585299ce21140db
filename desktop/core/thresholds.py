"""When a board row needs attention: calls or pauses longer than configured (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.board import RamalLive, RamalState

__all__ = ["Thresholds", "elapsed_seconds"]


def elapsed_seconds(since: datetime | None, at: datetime) -> int | None:
    """Whole seconds from ``since`` to ``at``; None when ``since`` is unknown."""
    if since is None:
        return None
    return max(0, int((at - since).total_seconds()))


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Minutes after which a call or a pause is highlighted (0 turns the check off)."""

    call_minutes: float = 10.0
    pause_minutes: float = 15.0
    sound: bool = False

    def exceeded(self, row: RamalLive, at: datetime) -> bool:
        """True when the row's call or pause has lasted longer than allowed."""
        elapsed = elapsed_seconds(row.since, at)
        if elapsed is None:
            return False
        if row.state in (RamalState.TALKING, RamalState.RINGING):
            limit = self.call_minutes
        elif row.state is RamalState.PAUSED:
            limit = self.pause_minutes
        else:
            return False
        return limit > 0 and elapsed > limit * 60
