"""The agent's preferences: queues, pause reasons, auto-answer, wrap-up (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PauseReason:
    """Why the agent pauses, with an optional time limit.

    ``label`` is English source text, translated when shown (custom reasons typed by a
    supervisor have no translation and show as typed). After ``max_minutes`` the agent
    gets a reminder; with ``auto_unpause`` the pause also ends by itself.
    """

    label: str
    max_minutes: int | None = None
    auto_unpause: bool = False

    def __post_init__(self) -> None:
        if not self.label.strip():
            raise ValueError("a pause reason needs a label")
        if self.max_minutes is not None and self.max_minutes <= 0:
            raise ValueError("max_minutes must be positive")
        if self.auto_unpause and self.max_minutes is None:
            raise ValueError("auto_unpause needs max_minutes")


DEFAULT_PAUSE_REASONS: tuple[PauseReason, ...] = (
    PauseReason("Break", max_minutes=15),
    PauseReason("Lunch", max_minutes=60),
    PauseReason("Restroom", max_minutes=10),
    PauseReason("Training"),
    PauseReason("Back office"),
)


@dataclass(frozen=True, slots=True)
class AgentPreferences:
    """What the agent window needs to know about the agent's way of working.

    ``auto_answer_seconds``: answer incoming calls by themselves after that many seconds
    of ringing (None: never). ``wrap_up_seconds``: how long the finished call stays on
    screen before the agent is ready again. ``confirm_link_dial``: ask before dialing a
    number that came from a ``tel:`` link.
    """

    queue_ids: tuple[str, ...] = ()
    pause_reasons: tuple[PauseReason, ...] = DEFAULT_PAUSE_REASONS
    auto_answer_seconds: int | None = None
    wrap_up_seconds: int = 0
    confirm_link_dial: bool = True

    def __post_init__(self) -> None:
        if not self.pause_reasons:
            raise ValueError("at least one pause reason is needed")
        if self.auto_answer_seconds is not None and self.auto_answer_seconds < 0:
            raise ValueError("auto_answer_seconds cannot be negative")
        if self.wrap_up_seconds < 0:
            raise ValueError("wrap_up_seconds cannot be negative")

    def reason(self, label: str) -> PauseReason:
        """The configured reason with ``label``, or a plain one for an unknown label."""
        return next((r for r in self.pause_reasons if r.label == label), PauseReason(label))
