"""Table model of the calls in progress, keyed by call id, with a ticking duration."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.board import CallPhase, Changes, LiveCall
from desktop.core.thresholds import elapsed_seconds
from desktop.supervisor.board_model import duration_text

__all__ = ["CallColumn", "CallsModel"]

Index = QModelIndex | QPersistentModelIndex
CALL_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2


class CallColumn(IntEnum):
    """Columns of the live calls table."""

    ID = 0
    ORIGEM = 1
    DESTINO = 2
    RAMAL = 3
    PHASE = 4
    ORIGEM_LEG = 5
    DESTINO_LEG = 6
    DURATION = 7


class CallsModel(QAbstractTableModel):
    """Live calls; a call keeps its row until it ends, updates happen in place."""

    def __init__(self, clock: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[LiveCall] = []
        self._at = clock()
        self._headers = [
            QCoreApplication.translate("SupervisorCalls", "Call"),
            QCoreApplication.translate("SupervisorCalls", "Origin"),
            QCoreApplication.translate("SupervisorCalls", "Destination"),
            QCoreApplication.translate("SupervisorCalls", "Ramal"),
            QCoreApplication.translate("SupervisorCalls", "Phase"),
            QCoreApplication.translate("SupervisorCalls", "Origin leg"),
            QCoreApplication.translate("SupervisorCalls", "Destination leg"),
            QCoreApplication.translate("SupervisorCalls", "Duration"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Live calls."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns."""
        return 0 if parent.isValid() else len(CallColumn)

    def call_at(self, row: int) -> LiveCall:
        """The call on ``row``."""
        return self._rows[row]

    def calls(self) -> list[LiveCall]:
        """Every live call."""
        return list(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        call = self._rows[index.row()]
        column = CallColumn(index.column())
        if role == CALL_ROLE:
            return call
        if role == Qt.ItemDataRole.TextAlignmentRole and column is CallColumn.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is CallColumn.ID:
            return str(call.id)
        if column is CallColumn.ORIGEM:
            return call.origem
        if column is CallColumn.DESTINO:
            return call.destino
        if column is CallColumn.RAMAL:
            return call.ramal
        if column is CallColumn.PHASE:
            return (
                QCoreApplication.translate("SupervisorCalls", "Talking")
                if call.phase is CallPhase.TALKING
                else QCoreApplication.translate("SupervisorCalls", "Ringing")
            )
        if column is CallColumn.ORIGEM_LEG:
            return call.origem_status or "—"
        if column is CallColumn.DESTINO_LEG:
            return call.destino_status or "—"
        return duration_text(elapsed_seconds(call.since, self._at))

    def apply(self, changes: Changes) -> None:
        """Add new calls, update changed ones, remove ended ones."""
        self._at = changes.snapshot.at
        ended = set(changes.calls_removed)
        for position in range(len(self._rows) - 1, -1, -1):
            if self._rows[position].id in ended:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        where = {c.id: i for i, c in enumerate(self._rows)}
        fresh: list[LiveCall] = []
        for call in changes.calls:
            found = where.get(call.id)
            if found is None:
                fresh.append(call)
                continue
            self._rows[found] = call
            self.dataChanged.emit(self.index(found, 0), self.index(found, len(CallColumn) - 1))
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def tick(self, at: datetime | None = None) -> None:
        """Advance the durations."""
        self._at = at or self._clock()
        if self._rows:
            column = int(CallColumn.DURATION)
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._rows) - 1, column),
                [Qt.ItemDataRole.DisplayRole],
            )
