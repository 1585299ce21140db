"""Table model of the board (one row per ramal, keyed by id) and its filter/sort proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from enum import IntEnum
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.core.board import Changes, RamalLive, RamalState
from desktop.core.thresholds import Thresholds, elapsed_seconds

__all__ = [
    "STATE_COLORS",
    "BoardColumn",
    "BoardFilter",
    "BoardModel",
    "coach_text",
    "duration_text",
    "hand_text",
    "state_text",
]

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
ROW_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2

STATE_COLORS: Final = {
    RamalState.TALKING: QColor("#2e7d32"),
    RamalState.RINGING: QColor("#1565c0"),
    RamalState.PAUSED: QColor("#ef6c00"),
    RamalState.FREE: QColor("#78909c"),
    RamalState.UNKNOWN: QColor("#bdbdbd"),
}
_ALERT_CALL: Final = QColor("#ffcdd2")
_ALERT_PAUSE: Final = QColor("#ffe0b2")
_HAND_WAITING: Final = QColor("#fff59d")


def hand_text(row: RamalLive, at: datetime) -> str:
    """The raised hand: when, how long ago, and who saw it ("" when none)."""
    hand = row.hand
    if hand is None:
        return ""
    raised = hand.since.astimezone().strftime("%H:%M:%S")
    ago = duration_text(elapsed_seconds(hand.since, at))
    if hand.seen_by:
        return QCoreApplication.translate(
            "SupervisorBoard", "{time}, {ago} ago · seen by {who}"
        ).format(time=raised, ago=ago, who=hand.seen_by)
    return QCoreApplication.translate("SupervisorBoard", "{time}, {ago} ago").format(
        time=raised, ago=ago
    )


def coach_text(row: RamalLive) -> str:
    """Who is on the ramal's call and how ("" when nobody)."""
    coach = row.coach
    if coach is None:
        return ""
    modes = {
        1: QCoreApplication.translate("SupervisorBoard", "{who} listening"),
        2: QCoreApplication.translate("SupervisorBoard", "{who} whispering"),
        3: QCoreApplication.translate("SupervisorBoard", "{who} in the call"),
    }
    return modes[int(coach.mode)].format(who=coach.supervisor)


def state_text(state: RamalState) -> str:
    """The state in words."""
    words = {
        RamalState.TALKING: QCoreApplication.translate("SupervisorBoard", "In call"),
        RamalState.RINGING: QCoreApplication.translate("SupervisorBoard", "Ringing"),
        RamalState.PAUSED: QCoreApplication.translate("SupervisorBoard", "Paused"),
        RamalState.FREE: QCoreApplication.translate("SupervisorBoard", "Free"),
        RamalState.UNKNOWN: QCoreApplication.translate("SupervisorBoard", "No activity today"),
    }
    return words[state]


def duration_text(seconds: int | None) -> str:
    """``"4:05"`` or ``"1:02:03"``; empty when unknown."""
    if seconds is None:
        return ""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class BoardColumn(IntEnum):
    """Columns of the board."""

    RAMAL = 0
    LOGIN = 1
    TAGS = 2
    STATE = 3
    PEER = 4
    TIME = 5
    MADE = 6
    RECEIVED = 7
    ANSWERED = 8
    UNANSWERED = 9
    HAND = 10


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("SupervisorBoard", "Ramal"),
        QCoreApplication.translate("SupervisorBoard", "Login"),
        QCoreApplication.translate("SupervisorBoard", "Tags"),
        QCoreApplication.translate("SupervisorBoard", "State"),
        QCoreApplication.translate("SupervisorBoard", "With"),
        QCoreApplication.translate("SupervisorBoard", "Time in state"),
        QCoreApplication.translate("SupervisorBoard", "Made"),
        QCoreApplication.translate("SupervisorBoard", "Received"),
        QCoreApplication.translate("SupervisorBoard", "Answered"),
        QCoreApplication.translate("SupervisorBoard", "Not answered"),
        QCoreApplication.translate("SupervisorBoard", "Raised hand"),
    ]


class BoardModel(QAbstractTableModel):
    """Ramais as rows; changes update rows in place, so a ramal never appears twice."""

    thresholdCrossed = Signal(object)  # RamalLive that just went over its threshold

    def __init__(
        self,
        clock: Callable[[], datetime],
        thresholds: Thresholds | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.thresholds = thresholds or Thresholds()
        self._rows: list[RamalLive] = []
        self._index: dict[int | str, int] = {}
        self._alerted: set[int | str] = set()
        self._at = clock()
        self._headers = _headers()

    # reading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows (ramais)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns."""
        return 0 if parent.isValid() else len(BoardColumn)

    def row_at(self, row: int) -> RamalLive:
        """The ramal shown on ``row``."""
        return self._rows[row]

    def rows(self) -> list[RamalLive]:
        """Every row, in model order."""
        return list(self._rows)

    def tags(self) -> list[str]:
        """Every tag in use, sorted."""
        return sorted({t for r in self._rows for t in r.tags}, key=str.lower)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, colours and sort keys of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = BoardColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column is BoardColumn.STATE:
            return STATE_COLORS[row.state]
        if role == Qt.ItemDataRole.BackgroundRole and row.hand_waiting:
            return _HAND_WAITING
        if role == Qt.ItemDataRole.BackgroundRole and self.thresholds.exceeded(row, self._at):
            return _ALERT_PAUSE if row.state is RamalState.PAUSED else _ALERT_CALL
        if role == Qt.ItemDataRole.ToolTipRole and column is BoardColumn.PEER and row.coach:
            return coach_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column is BoardColumn.STATE:
            return QCoreApplication.translate(
                "SupervisorBoard",
                "Derived from today's call report (live calls) and the ramal's pauses; "
                "the API has no live ramal state.",
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column is BoardColumn.HAND:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= BoardColumn.TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: RamalLive, column: BoardColumn) -> str:
        counts = row.counts
        values: dict[BoardColumn, Callable[[], str]] = {
            BoardColumn.RAMAL: lambda: row.numero,
            BoardColumn.LOGIN: lambda: row.login,
            BoardColumn.TAGS: lambda: ", ".join(row.tags),
            BoardColumn.STATE: lambda: state_text(row.state),
            BoardColumn.PEER: lambda: " · ".join(t for t in (row.peer, coach_text(row)) if t),
            BoardColumn.TIME: lambda: duration_text(elapsed_seconds(row.since, self._at)),
            BoardColumn.MADE: lambda: str(counts.made),
            BoardColumn.RECEIVED: lambda: str(counts.received),
            BoardColumn.ANSWERED: lambda: str(counts.answered),
            BoardColumn.UNANSWERED: lambda: str(counts.missed),
            BoardColumn.HAND: lambda: hand_text(row, self._at),
        }
        return values[column]()

    def _sort_key(self, row: RamalLive, column: BoardColumn) -> object:
        elapsed = elapsed_seconds(row.since, self._at)
        if column is BoardColumn.STATE:
            # A hand waiting for a supervisor comes first, the longest waiting at the top.
            if row.hand is not None and row.hand_waiting:
                return (-1, -(elapsed_seconds(row.hand.since, self._at) or 0))
            return (int(row.state), -(elapsed or 0))
        if column is BoardColumn.HAND:
            if row.hand is None:
                return (2, 0)
            return (0 if row.hand_waiting else 1, -(elapsed_seconds(row.hand.since, self._at) or 0))
        if column is BoardColumn.TIME:
            return elapsed if elapsed is not None else -1
        if column is BoardColumn.RAMAL:
            return (len(row.numero), row.numero)
        if BoardColumn.MADE <= column <= BoardColumn.UNANSWERED:
            return int(self._text(row, column))
        return self._text(row, column).lower()

    # writing

    def apply(self, changes: Changes) -> None:
        """Insert new ramais, update changed rows in place, drop removed ones."""
        self._at = changes.snapshot.at
        for key in changes.ramais_removed:
            position = self._index.get(key)
            if position is None:
                continue
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()
            self._reindex()
        fresh: list[RamalLive] = []
        last = len(BoardColumn) - 1
        for row in changes.ramais:
            position = self._index.get(row.id)
            if position is None:
                fresh.append(row)
                continue
            self._rows[position] = row
            self.dataChanged.emit(self.index(position, 0), self.index(position, last))
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
            self._reindex()
        self._check_alerts(changes.ramais)

    def set_thresholds(self, thresholds: Thresholds) -> None:
        """Change the limits and repaint."""
        self.thresholds = thresholds
        self._alerted.clear()
        self.tick()

    def tick(self, at: datetime | None = None) -> None:
        """Advance the clock: times in state and highlights change, nothing else."""
        self._at = at or self._clock()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(BoardColumn) - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, SORT_ROLE],
            )
        self._check_alerts(self._rows)

    def _check_alerts(self, rows: Iterable[RamalLive]) -> None:
        for row in rows:
            over = self.thresholds.exceeded(row, self._at)
            if over and row.id not in self._alerted:
                self._alerted.add(row.id)
                self.thresholdCrossed.emit(row)
            elif not over:
                self._alerted.discard(row.id)

    def _reindex(self) -> None:
        self._index = {r.id: i for i, r in enumerate(self._rows)}


class BoardFilter(QSortFilterProxyModel):
    """Filters the board by tag, state and text; sorts with the model's sort keys."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tag = ""
        self._states: frozenset[RamalState] = frozenset()
        self._text = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_tag(self, tag: str) -> None:
        """Only ramais carrying ``tag`` (empty: all)."""
        self.beginFilterChange()
        self._tag = tag.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_states(self, states: Iterable[RamalState]) -> None:
        """Only these states (empty: all)."""
        self.beginFilterChange()
        self._states = frozenset(states)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        """Ramal number or login containing ``text``."""
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Apply the three filters."""
        model = self.sourceModel()
        if not isinstance(model, BoardModel):
            return True
        row = model.row_at(source_row)
        if self._tag and self._tag not in (t.lower() for t in row.tags):
            return False
        if self._states and row.state not in self._states:
            return False
        return not self._text or self._text in row.numero or self._text in row.login.lower()

    def lessThan(self, left: Index, right: Index) -> bool:
        """Compare sort keys (tuples and numbers, not text)."""
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
