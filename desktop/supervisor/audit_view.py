"""The audit log view: every supervisor action with who, when, which call and the result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.supervisor.actions import AuditLog

__all__ = ["AuditView"]

AskPath = Callable[[QWidget, str], Path | None]


def _ask_csv_path(parent: QWidget, name: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SupervisorAudit", "Export audit log"),
        name,
        "CSV (*.csv)",
    )
    return Path(chosen) if chosen else None


class AuditView(QWidget):
    """A table of the audit log, newest first, exportable to CSV."""

    def __init__(
        self, audit: AuditLog, *, ask_path: AskPath = _ask_csv_path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.audit = audit
        self._ask_path = ask_path
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.where = QLabel(
            QCoreApplication.translate("SupervisorAudit", "Kept on this computer in {path}").format(
                path=audit.path
            )
        )
        self.where.setWordWrap(True)
        bar.addWidget(self.where, 1)
        self.export_button = QPushButton(
            QCoreApplication.translate("SupervisorAudit", "Export CSV…")
        )
        self.export_button.clicked.connect(self.export_csv)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SupervisorAudit", "When"),
                QCoreApplication.translate("SupervisorAudit", "Who"),
                QCoreApplication.translate("SupervisorAudit", "Action"),
                QCoreApplication.translate("SupervisorAudit", "Call"),
                QCoreApplication.translate("SupervisorAudit", "Number"),
                QCoreApplication.translate("SupervisorAudit", "Detail"),
                QCoreApplication.translate("SupervisorAudit", "Result"),
            ]
        )
        self.table.setAccessibleName(
            QCoreApplication.translate("SupervisorAudit", "Supervisor actions taken")
        )
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        """Read the log again."""
        entries = list(reversed(self.audit.entries()))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            result = (
                QCoreApplication.translate("SupervisorAudit", "OK") if entry.ok else entry.result
            )
            values = (
                entry.at,
                entry.who,
                entry.action,
                entry.call_id,
                entry.numero,
                entry.detail,
                result,
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def export_csv(self) -> Path | None:
        """Ask where, then write the whole log as CSV."""
        target = self._ask_path(self, "supervisor-audit.csv")
        if target is None:
            return None
        try:
            self.audit.export(target)
        except OSError as error:
            self.where.setText(
                QCoreApplication.translate("SupervisorAudit", "Could not save: {reason}").format(
                    reason=error.strerror
                )
            )
            return None
        return target
