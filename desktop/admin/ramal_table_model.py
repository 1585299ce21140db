"""Table model of the account's ramais with a search filter."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.admin.words import field_label, yes_no
from desktop.api import Ramal

__all__ = ["RamalColumn", "RamalFilterModel", "RamalTableModel"]

Index = QModelIndex | QPersistentModelIndex
RAMAL_ROLE = Qt.ItemDataRole.UserRole + 1


class RamalColumn(IntEnum):
    """Columns of the table, each named after its API field."""

    RAMAL = 0
    LOGIN = 1
    BINA = 2
    LIGACAO_EXTERNA = 3
    LIGACAO_CELULAR = 4
    GRAVAR_AUDIO = 5
    ACESSO_GRAVACOES = 6
    WEBPHONE = 7
    VOICEMAIL = 8
    URA_ID = 9
    TAGS = 10
    ID = 11

    @property
    def field(self) -> str:
        """The API field shown in the column."""
        return self.name.lower()


class RamalTableModel(QAbstractTableModel):
    """Ramais as rows; :data:`RAMAL_ROLE` gives the :class:`Ramal` of a row."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Ramal] = []

    def set_ramais(self, ramais: Sequence[Ramal]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(ramais)
        self.endResetModel()

    def ramais(self) -> list[Ramal]:
        """Every row."""
        return list(self._rows)

    def row_of(self, ramal_id: int | str) -> int:
        """Row of a ramal id, -1 when absent."""
        return next((i for i, r in enumerate(self._rows) if r.id == ramal_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of ramais."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(RamalColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = RamalColumn(section)
        if column is RamalColumn.ID:
            return "ID"
        short = {
            RamalColumn.RAMAL: self.tr("Ramal"),
            RamalColumn.LOGIN: self.tr("Login"),
            RamalColumn.BINA: self.tr("Caller ID"),
            RamalColumn.LIGACAO_EXTERNA: self.tr("External"),
            RamalColumn.LIGACAO_CELULAR: self.tr("Mobile"),
            RamalColumn.GRAVAR_AUDIO: self.tr("Records"),
            RamalColumn.ACESSO_GRAVACOES: self.tr("Sees rec."),
            RamalColumn.WEBPHONE: self.tr("Webphone"),
            RamalColumn.VOICEMAIL: self.tr("Voicemail"),
            RamalColumn.URA_ID: self.tr("IVR"),
            RamalColumn.TAGS: self.tr("Tags"),
        }
        return short.get(column, field_label(column.field))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, sort key and the record itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ramal = self._rows[index.row()]
        column = RamalColumn(index.column())
        value: object = getattr(ramal, column.field)
        if role == RAMAL_ROLE:
            return ramal
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, bool) or (value is None and column.field in _FLAGS):
                return yes_no(value if isinstance(value, bool) else None)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole:
            if column in (RamalColumn.RAMAL, RamalColumn.ID, RamalColumn.URA_ID):
                text = "" if value is None else str(value)
                return int(text) if text.isdigit() else -1
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.field in _FLAGS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column is RamalColumn.LOGIN:
            return str(value or "")
        return None


_FLAGS = frozenset(
    {"ligacao_externa", "ligacao_celular", "gravar_audio", "acesso_gravacoes", "webphone",
     "voicemail"}
)  # fmt: skip


class RamalFilterModel(QSortFilterProxyModel):
    """Search across ramal number, login, caller id and tags; sorts numbers as numbers."""

    def __init__(self) -> None:
        super().__init__()
        self._terms: list[str] = []
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def set_search(self, text: str) -> None:
        """Rows must contain every word of ``text`` (case-insensitive)."""
        self.beginFilterChange()
        self._terms = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Match the search words."""
        if not self._terms:
            return True
        model = self.sourceModel()
        ramal = model.data(model.index(source_row, 0, source_parent), RAMAL_ROLE)
        if not isinstance(ramal, Ramal):
            return False
        haystack = " ".join(
            str(v or "") for v in (ramal.ramal, ramal.login, ramal.bina, ramal.tags, ramal.id)
        ).lower()
        return all(term in haystack for term in self._terms)
