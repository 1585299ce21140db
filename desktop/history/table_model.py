"""The history table model: all rows, a visible index list, formatting on demand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.core.outcomes import Outcome
from desktop.history.filters import Column, FilterEngine, FilterResult, FilterSpec
from desktop.history.formatting import brl, duration, local_time
from desktop.history.rows import HistoryRow
from desktop.history.words import column_title, direction_label, outcome_label

__all__ = ["CallTableModel", "PreparedRows", "RowRole"]

RowRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_COLUMNS = len(Column)
# Roles as plain ints: a paint asks for seven roles of every cell on screen.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ROW = int(RowRole)
_ALIGNMENTS: dict[int, Qt.AlignmentFlag] = {
    Column.TALK: _RIGHT, Column.TOTAL: _RIGHT, Column.PRICE: _RIGHT,
    Column.RECORDING: _CENTER, Column.RATING: _CENTER,
}  # fmt: skip
#: Rows whose cell texts are kept; more than a few screenfuls and the texts start over.
_TEXTS_KEPT = 2048
#: Rows formatted ahead by :meth:`CallTableModel.prepare`: more than a screenful.
_FIRST_ROWS = 64
_COLOURS = {
    Outcome.ANSWERED: QColor("#1b7f3b"),
    Outcome.MISSED: QColor("#c0392b"),
    Outcome.ABANDONED: QColor("#b9770e"),
    Outcome.REJECTED: QColor("#a04000"),
    Outcome.FAILED: QColor("#7b241c"),
    Outcome.ELSEWHERE: QColor("#1f618d"),
    Outcome.IN_PROGRESS: QColor("#6c3483"),
}


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """Rows with their filter engine, view, ramais and first texts worked out off the GUI thread.

    ``texts`` holds the cell texts of the first rows shown, so that the paint right after
    the swap formats nothing.
    """

    engine: FilterEngine
    view: tuple[FilterSpec, Column, bool]
    result: FilterResult
    ramais: list[str]
    texts: dict[int, tuple[str, ...]]


class CallTableModel(QAbstractTableModel):
    """Calls of the loaded period; ``apply`` filters and sorts without a proxy model."""

    countsChanged = Signal(dict, int, int)  # counts per outcome, visible, total

    def __init__(self, parent: object | None = None) -> None:
        """Start empty."""
        super().__init__(None)
        self._engine = FilterEngine([])
        self._view: list[int] = []
        self._spec = FilterSpec()
        self._sort = Column.DATE
        self._descending = True
        self._ramais: list[str] | None = None
        self._texts: dict[int, tuple[str, ...]] = {}

    # -- data in -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[HistoryRow]) -> None:
        """Replace every row; the current filter and sort are kept."""
        self.set_engine(self.prepare(rows))

    def prepare(self, rows: Sequence[HistoryRow]) -> PreparedRows:
        """Rows with the current filter and sort worked out, ready for :meth:`set_engine`.

        Touches nothing of Qt: call it from a worker thread for large periods, then hand
        the result over on the GUI thread.
        """
        engine = FilterEngine(rows)
        view = (self._spec, self._sort, self._descending)
        result = engine.apply(*view)
        texts = {i: _texts(engine.rows[i]) for i in result.indexes[:_FIRST_ROWS]}
        return PreparedRows(engine, view, result, engine.ramais(), texts)

    def set_engine(self, prepared: PreparedRows) -> FilterEngine:
        """Show prepared rows (see :meth:`prepare`); redone only if the view changed since.

        Returns the engine it replaces: step through its :meth:`FilterEngine.discard`
        from the event loop rather than letting its rows be freed in one go.
        """
        previous, self._engine = self._engine, prepared.engine
        self._texts = {}
        if prepared.view == (self._spec, self._sort, self._descending):
            self._texts = dict(prepared.texts)
            self._show(prepared.result)
        else:
            self._refresh()
        self._ramais = prepared.ramais
        return previous

    def rows(self) -> list[HistoryRow]:
        """All rows (filtered or not)."""
        return self._engine.rows

    def visible_rows(self) -> list[HistoryRow]:
        """Rows passing the filter, in display order."""
        rows = self._engine.rows
        return [rows[i] for i in self._view]

    def row_at(self, visible_row: int) -> HistoryRow | None:
        """The row shown at ``visible_row``."""
        if 0 <= visible_row < len(self._view):
            return self._engine.rows[self._view[visible_row]]
        return None

    def visible_position(self, call_id: str) -> int:
        """Where a call is shown (-1 when hidden)."""
        index = self._engine.position(call_id)
        try:
            return -1 if index < 0 else self._view.index(index)
        except ValueError:
            return -1

    def update_row(self, row: HistoryRow) -> None:
        """Replace the row with the same call id (after a rating)."""
        index = self._engine.position(row.call_id)
        if index < 0:
            return
        self._engine.replace_row(index, row)
        self._texts.pop(index, None)
        pos = self.visible_position(row.call_id)
        if pos >= 0:
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(Column) - 1))

    # -- filter and sort ---------------------------------------------------------------

    def set_filter(self, spec: FilterSpec) -> None:
        """Show only rows matching ``spec``."""
        self._spec = spec
        self._refresh()

    def filter_spec(self) -> FilterSpec:
        """The filter in force."""
        return self._spec

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by any column (called by the header)."""
        self._sort = Column(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._view = self._engine.apply(self._spec, self._sort, self._descending).indexes
        self.layoutChanged.emit()

    def _refresh(self) -> None:
        self._show(self._engine.apply(self._spec, self._sort, self._descending))

    def _show(self, result: FilterResult) -> None:
        self.beginResetModel()
        self._view = result.indexes
        self.endResetModel()
        self.countsChanged.emit(
            {k.value: v for k, v in result.counts.items()}, len(self._view), result.total
        )

    def ramais(self) -> list[str]:
        """Ramais present in the loaded rows."""
        if self._ramais is None:
            self._ramais = self._engine.ramais()
        return self._ramais

    # -- Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Visible rows."""
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(Column(section))
        return None

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The cell at ``row``, ``column`` (answered here: the base class asks twice)."""
        if 0 <= row < len(self._view) and 0 <= column < _COLUMNS and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, alignment, colour and the row itself (``RowRole``)."""
        return self._value(index.row(), index.column(), int(role))

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a paint asks for, in one call per cell instead of one per role."""
        row, column = index.row(), index.column()
        if isinstance(roleDataSpan, QModelRoleData):
            roleDataSpan.setData(self._value(row, column, roleDataSpan.role()))
            return
        span: Any = roleDataSpan  # indexable and sized, though PySide's stubs omit it
        for i in range(len(span)):
            entry = span[i]
            value = self._value(row, column, entry.role())
            if value is not None:
                entry.setData(value)

    def _value(self, visible_row: int, column: int, role: int) -> object:
        if not (0 <= visible_row < len(self._view) and 0 <= column < _COLUMNS):
            return None
        if role == _DISPLAY:
            at = self._view[visible_row]
            texts = self._texts.get(at)
            if texts is None:
                if len(self._texts) >= _TEXTS_KEPT:
                    self._texts = {}
                texts = self._texts[at] = _texts(self._engine.rows[at])
            return texts[column]
        if role == _ALIGN:
            return _ALIGNMENTS.get(column)
        if role == _FOREGROUND:
            if column == Column.OUTCOME:
                return _COLOURS.get(self._engine.rows[self._view[visible_row]].outcome)
            return None
        if role == _ROW:
            return self._engine.rows[self._view[visible_row]]
        if role == _TOOLTIP:
            row = self._engine.rows[self._view[visible_row]]
            if column == Column.OUTCOME:
                return row.outcome_detail or None
            if column == Column.RATING:
                return row.rating_comment or None
        return None


def _texts(row: HistoryRow) -> tuple[str, ...]:
    return tuple(_text(row, column) for column in Column)


def _text(row: HistoryRow, column: Column) -> str:
    match column:
        case Column.DATE:
            return local_time(row.created)
        case Column.DIRECTION:
            return direction_label(row.direction)
        case Column.ORIGIN:
            return row.origin
        case Column.DESTINATION:
            return row.destination
        case Column.RAMAL:
            return row.ramal
        case Column.OUTCOME:
            return outcome_label(row.outcome)
        case Column.ORIGIN_STATUS:
            return row.origin_status
        case Column.DESTINATION_STATUS:
            return row.destination_status
        case Column.TALK:
            return duration(row.talk_seconds)
        case Column.TOTAL:
            return duration(row.total_seconds)
        case Column.REASON:
            return row.reason
        case Column.PRICE:
            return brl(row.price)
        case Column.TAGS:
            return row.tags
        case Column.RECORDING:
            return "●" if row.has_recording else ""
        case Column.RATING:
            return "★" * row.rating if row.rating else ""
    return ""
