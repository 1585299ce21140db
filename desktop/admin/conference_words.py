"""How the conference screen writes states, durations, times and prices."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.admin.conferences import ParticipantState

__all__ = ["clock", "hms", "money", "state_colour", "state_text"]

_COLOURS = {
    ParticipantState.CALLING: QColor("#b26a00"),
    ParticipantState.ANSWERED: QColor("#1b7f3b"),
    ParticipantState.LEFT: QColor("#6b6b6b"),
    ParticipantState.NOT_ANSWERED: QColor("#b3261e"),
}


def state_text(state: ParticipantState) -> str:
    """A participant's state in words."""
    words = {
        ParticipantState.CALLING: QCoreApplication.translate("ConferenceWords", "Calling…"),
        ParticipantState.ANSWERED: QCoreApplication.translate("ConferenceWords", "In the room"),
        ParticipantState.LEFT: QCoreApplication.translate("ConferenceWords", "Left"),
        ParticipantState.NOT_ANSWERED: QCoreApplication.translate(
            "ConferenceWords", "Not answered"
        ),
    }
    return words[state]


def state_colour(state: ParticipantState) -> QColor:
    """The colour a state is written in."""
    return _COLOURS[state]


def hms(seconds: int | None) -> str:
    """``00:01:05``, or a dash when unknown."""
    if seconds is None:
        return "—"
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def clock(moment: datetime | None) -> str:
    """Day and local time, or a dash."""
    return moment.astimezone().strftime("%d/%m %H:%M:%S") if moment else "—"


def money(value: Decimal | None) -> str:
    """``R$ 0,35``, or a dash when unknown."""
    if value is None:
        return "—"
    return f"R$ {value:.2f}".replace(".", ",")
