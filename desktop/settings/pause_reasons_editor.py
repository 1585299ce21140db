"""Editable table of pause reasons: name, optional maximum minutes, auto-unpause."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.agent.preferences import PauseReason

__all__ = ["PauseReasonsEditor"]

_NAME, _MAX, _AUTO = range(3)


class PauseReasonsEditor(QWidget):
    """A table of :class:`PauseReason`; rows without a name are dropped on read."""

    def __init__(self, reasons: tuple[PauseReason, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Reason"), self.tr("Max. minutes (0 = none)"), self.tr("Auto-unpause")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Pause reasons"))
        self.table.setAccessibleDescription(
            self.tr("Each reason's name, its longest length in minutes and whether it ends itself")
        )
        add = QPushButton(self.tr("Add reason"))
        add.clicked.connect(lambda: self.add_row(PauseReason(self.tr("New reason"))))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        for reason in reasons:
            self.add_row(reason)

    def add_row(self, reason: PauseReason) -> None:
        """Append a row for ``reason``."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, _NAME, QTableWidgetItem(reason.label))
        minutes = QSpinBox(minimum=0, maximum=600)
        minutes.setValue(reason.max_minutes or 0)
        minutes.setAccessibleName(self.tr("Maximum minutes (0 = none)"))
        self.table.setCellWidget(row, _MAX, minutes)
        auto = QCheckBox()
        auto.setAccessibleName(self.tr("Unpause automatically at the limit"))
        auto.setChecked(reason.auto_unpause)
        auto.setEnabled(bool(reason.max_minutes))
        minutes.valueChanged.connect(lambda value, box=auto: self._limit_changed(value, box))
        self.table.setCellWidget(row, _AUTO, auto)

    @staticmethod
    def _limit_changed(value: int, auto: QCheckBox) -> None:
        auto.setEnabled(value > 0)
        if value == 0:
            auto.setChecked(False)

    def remove_selected(self) -> None:
        """Delete the selected rows."""
        for index in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(index)

    def reasons(self) -> tuple[PauseReason, ...]:
        """The reasons as edited (blank names skipped, duplicates keep the first)."""
        result: dict[str, PauseReason] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, _NAME)
            name = item.text().strip() if item is not None else ""
            minutes = self.table.cellWidget(row, _MAX)
            auto = self.table.cellWidget(row, _AUTO)
            assert isinstance(minutes, QSpinBox) and isinstance(auto, QCheckBox)
            limit = minutes.value() or None
            if name and name not in result:
                result[name] = PauseReason(name, limit, auto.isChecked() and limit is not None)
        return tuple(result.values())

    def set_row(self, row: int, name: str, minutes: int, auto_unpause: bool) -> None:
        """Set one row's cells (keyboard-free editing for tests and importers)."""
        item = self.table.item(row, _NAME)
        if item is not None:
            item.setText(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        spin = self.table.cellWidget(row, _MAX)
        check = self.table.cellWidget(row, _AUTO)
        assert isinstance(spin, QSpinBox) and isinstance(check, QCheckBox)
        spin.setValue(minutes)
        check.setChecked(auto_unpause)
