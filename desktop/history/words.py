"""Translated words of the history panel (outcomes, directions, column titles)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.history.filters import Column
from desktop.history.outcome import Outcome
from desktop.history.rows import Direction, HistoryRow

__all__ = ["column_title", "direction_label", "outcome_label", "outcome_sentence"]

_CTX = "History"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def outcome_label(outcome: Outcome) -> str:
    """Short word for an outcome."""
    labels = {
        Outcome.ANSWERED: _tr("Answered"),
        Outcome.MISSED: _tr("Missed"),
        Outcome.REJECTED: _tr("Rejected/busy"),
        Outcome.ABANDONED: _tr("Abandoned"),
        Outcome.FAILED: _tr("Failed"),
        Outcome.ELSEWHERE: _tr("Elsewhere/transferred"),
        Outcome.IN_PROGRESS: _tr("In progress"),
    }
    return labels[outcome]


def outcome_sentence(row: HistoryRow) -> str:
    """A full sentence about what happened."""
    sentences = {
        Outcome.ANSWERED: _tr("The call was answered."),
        Outcome.MISSED: _tr("It rang but nobody answered."),
        Outcome.REJECTED: _tr("The line was busy or the call was rejected."),
        Outcome.ABANDONED: _tr("The caller hung up while it was ringing."),
        Outcome.FAILED: _tr("The call failed."),
        Outcome.ELSEWHERE: _tr("Answered elsewhere or transferred."),
        Outcome.IN_PROGRESS: _tr("The call is still in progress."),
    }
    text = sentences[row.outcome]
    if row.outcome_detail:
        text += " " + _tr("Reason: %1").replace("%1", row.outcome_detail)
    return text


def direction_label(direction: Direction) -> str:
    """Word for who started the call."""
    labels = {
        Direction.OUTGOING: _tr("Outgoing"),
        Direction.INCOMING: _tr("Incoming"),
        Direction.INTERNAL: _tr("Internal"),
        Direction.API: _tr("Via API"),
    }
    return labels[direction]


def column_title(column: Column) -> str:
    """Header of a table column."""
    titles = {
        Column.DATE: _tr("Date/time"),
        Column.DIRECTION: _tr("Direction"),
        Column.ORIGIN: _tr("Origin"),
        Column.DESTINATION: _tr("Destination"),
        Column.RAMAL: _tr("Ramal"),
        Column.OUTCOME: _tr("Outcome"),
        Column.ORIGIN_STATUS: _tr("Origin leg"),
        Column.DESTINATION_STATUS: _tr("Destination leg"),
        Column.TALK: _tr("Talk"),
        Column.TOTAL: _tr("Total"),
        Column.REASON: _tr("Disconnect reason"),
        Column.PRICE: _tr("Price"),
        Column.TAGS: _tr("Tags"),
        Column.RECORDING: _tr("Rec."),
        Column.RATING: _tr("Rating"),
    }
    return titles[column]
