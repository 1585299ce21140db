"""Table model over the account's ramais (typed :class:`Ramal` rows, never raw JSON)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.api import Ramal

_Index = QModelIndex | QPersistentModelIndex


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "—"
    return (
        QCoreApplication.translate("RamalTableModel", "Yes")
        if value
        else QCoreApplication.translate("RamalTableModel", "No")
    )


def _text(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


_COLUMNS: Final[tuple[tuple[str, Callable[[Ramal], str]], ...]] = (
    (str(QT_TRANSLATE_NOOP("RamalTableModel", "Ramal")), lambda r: _text(r.ramal)),
    (str(QT_TRANSLATE_NOOP("RamalTableModel", "Login")), lambda r: _text(r.login)),
    (str(QT_TRANSLATE_NOOP("RamalTableModel", "Caller ID")), lambda r: _text(r.bina)),
    (str(QT_TRANSLATE_NOOP("RamalTableModel", "Webphone")), lambda r: _yes_no(r.webphone)),
    (str(QT_TRANSLATE_NOOP("RamalTableModel", "Records calls")), lambda r: _yes_no(r.gravar_audio)),
    (
        str(QT_TRANSLATE_NOOP("RamalTableModel", "External calls")),
        lambda r: _yes_no(r.ligacao_externa),
    ),
    (str(QT_TRANSLATE_NOOP("RamalTableModel", "Tags")), lambda r: _text(r.tags)),
)


class RamalTableModel(QAbstractTableModel):
    """Read-only rows of ramais for a ``QTableView``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Ramal] = []

    def set_ramais(self, ramais: Sequence[Ramal]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(ramais)
        self.endResetModel()

    def ramal_at(self, row: int) -> Ramal:
        """The :class:`Ramal` shown on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of ramais (Qt API)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (Qt API)."""
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text (Qt API)."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _COLUMNS[index.column()][1](self._rows[index.row()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles (Qt API)."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return QCoreApplication.translate("RamalTableModel", _COLUMNS[section][0])
