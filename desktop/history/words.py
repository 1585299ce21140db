"""Translated words of the history panel (outcomes, directions, column titles)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.outcomes import Outcome
from desktop.history.filters import Column
from desktop.history.rows import Direction, HistoryRow

__all__ = ["column_title", "direction_label", "outcome_label", "outcome_sentence"]


def outcome_label(outcome: Outcome) -> str:
    """Short word for an outcome."""
    labels = {
        Outcome.ANSWERED: QCoreApplication.translate("History", "Answered"),
        Outcome.MISSED: QCoreApplication.translate("History", "Missed"),
        Outcome.REJECTED: QCoreApplication.translate("History", "Rejected/busy"),
        Outcome.ABANDONED: QCoreApplication.translate("History", "Abandoned"),
        Outcome.FAILED: QCoreApplication.translate("History", "Failed"),
        Outcome.ELSEWHERE: QCoreApplication.translate("History", "Elsewhere/transferred"),
        Outcome.IN_PROGRESS: QCoreApplication.translate("History", "In progress"),
    }
    return labels[outcome]


def outcome_sentence(row: HistoryRow) -> str:
    """A full sentence about what happened."""
    sentences = {
        Outcome.ANSWERED: QCoreApplication.translate("History", "The call was answered."),
        Outcome.MISSED: QCoreApplication.translate("History", "It rang but nobody answered."),
        Outcome.REJECTED: QCoreApplication.translate(
            "History", "The line was busy or the call was rejected."
        ),
        Outcome.ABANDONED: QCoreApplication.translate(
            "History", "The caller hung up while it was ringing."
        ),
        Outcome.FAILED: QCoreApplication.translate("History", "The call failed."),
        Outcome.ELSEWHERE: QCoreApplication.translate(
            "History", "Answered elsewhere or transferred."
        ),
        Outcome.IN_PROGRESS: QCoreApplication.translate(
            "History", "The call is still in progress."
        ),
    }
    text = sentences[row.outcome]
    if row.outcome_detail:
        text += " " + QCoreApplication.translate("History", "Reason: %1").replace(
            "%1", row.outcome_detail
        )
    return text


def direction_label(direction: Direction) -> str:
    """Word for who started the call."""
    labels = {
        Direction.OUTGOING: QCoreApplication.translate("History", "Outgoing"),
        Direction.INCOMING: QCoreApplication.translate("History", "Incoming"),
        Direction.INTERNAL: QCoreApplication.translate("History", "Internal"),
        Direction.API: QCoreApplication.translate("History", "Via API"),
    }
    return labels[direction]


def column_title(column: Column) -> str:
    """Header of a table column."""
    titles = {
        Column.DATE: QCoreApplication.translate("History", "Date/time"),
        Column.DIRECTION: QCoreApplication.translate("History", "Direction"),
        Column.ORIGIN: QCoreApplication.translate("History", "Origin"),
        Column.DESTINATION: QCoreApplication.translate("History", "Destination"),
        Column.RAMAL: QCoreApplication.translate("History", "Ramal"),
        Column.OUTCOME: QCoreApplication.translate("History", "Outcome"),
        Column.ORIGIN_STATUS: QCoreApplication.translate("History", "Origin leg"),
        Column.DESTINATION_STATUS: QCoreApplication.translate("History", "Destination leg"),
        Column.TALK: QCoreApplication.translate("History", "Talk"),
        Column.TOTAL: QCoreApplication.translate("History", "Total"),
        Column.REASON: QCoreApplication.translate("History", "Disconnect reason"),
        Column.PRICE: QCoreApplication.translate("History", "Price"),
        Column.TAGS: QCoreApplication.translate("History", "Tags"),
        Column.RECORDING: QCoreApplication.translate("History", "Rec."),
        Column.RATING: QCoreApplication.translate("History", "Rating"),
    }
    return titles[column]
