"""Bulk creation from a CSV file: preview first, then create with a result per line."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import Announcer
from desktop.admin.bulk_create import BulkCreate, BulkReport, RowOutcome, RowResult, failures_csv
from desktop.admin.csv_import import CsvFile, CsvRow, read_csv_file, template_csv
from desktop.admin.words import problem_text
from desktop.api import Ramal, RamalInput
from desktop.tasks import cancel_and_wait

__all__ = ["ImportDialog"]

log = logging.getLogger(__name__)
Create = Callable[[RamalInput], Awaitable[Ramal]]
_COLORS = {
    RowOutcome.CREATED: "#2e7d32",
    RowOutcome.FAILED: "#c62828",
    RowOutcome.UNKNOWN: "#ef6c00",
    RowOutcome.INVALID: "#c62828",
    RowOutcome.CANCELLED: "#757575",
}


class ImportDialog(QDialog):
    """Load a CSV, show what each line will do, create the valid ones, report the rest.

    ``existing_ramais``/``existing_logins`` mark lines that would collide before sending.
    ``finished_import`` carries the :class:`BulkReport` once the run ends.
    """

    finished_import = Signal(object)

    def __init__(
        self,
        create: Create,
        *,
        existing_ramais: Collection[str] = (),
        existing_logins: Collection[str] = (),
        concurrency: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import ramais from CSV"))
        self._create, self._concurrency = create, concurrency
        self._existing = (existing_ramais, existing_logins)
        self._task: asyncio.Task[Any] | None = None
        self._runner: BulkCreate | None = None
        self.parsed: CsvFile | None = None
        self._row_index: dict[int, int] = {}
        self.report: BulkReport | None = None

        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.choose_button.clicked.connect(self._choose)
        self.template_button = QPushButton(self.tr("Save template…"), self)
        self.template_button.clicked.connect(self._save_template)
        self.file_label = QLabel(self.tr("Header names are the API field names: %1.").replace(
            "%1", "ramal; login; senha; bina; ligacao_externa; … ; tags"), self)  # fmt: skip
        self.file_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Ramal"), self.tr("Login"), self.tr("Result")]
        )
        self.table.setAccessibleName(self.tr("Rows of the file and their result"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between rows
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(1, 70)
        self.table.setColumnWidth(2, 220)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.announcer = Announcer(self, self.tr("Latest change of the import"))
        self.create_button = QPushButton(self.tr("Create"), self)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.stop)
        self.failures_button = QPushButton(self.tr("Save failure report…"), self)
        self.failures_button.setEnabled(False)
        self.failures_button.clicked.connect(self._save_failures)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.template_button)
        top.addWidget(self.file_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch()
        for button in (self.create_button, self.cancel_button, self.failures_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self.resize(820, 520)

    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("CSV file of ramais"))
        dialog.setNameFilter(self.tr("CSV files (*.csv *.txt)"))
        dialog.fileSelected.connect(lambda path: asyncio.ensure_future(self.load(Path(path))))
        dialog.open()

    async def load(self, path: Path) -> None:
        """Read and check ``path`` (off the GUI thread) and show the dry-run preview."""
        ramais, logins = self._existing
        loop = asyncio.get_running_loop()
        try:
            # A pool of its own: finished with the read, nothing is left running at exit.
            with ThreadPoolExecutor(1) as pool:
                parsed = await loop.run_in_executor(
                    pool,
                    lambda: read_csv_file(path, existing_ramais=ramais, existing_logins=logins),
                )
        except OSError as error:
            self.summary.setText(self.tr("Cannot read the file: %1").replace("%1", str(error)))
            return
        self.file_label.setText(path.name)
        self.show_preview(parsed)

    def show_preview(self, parsed: CsvFile) -> None:
        """Show each line with what would happen to it; nothing is sent yet."""
        self.parsed, self.report = parsed, None
        self._row_index = {id(row): i for i, row in enumerate(parsed.rows)}
        self.table.setRowCount(len(parsed.rows))
        for index, row in enumerate(parsed.rows):
            if row.ok:
                self._set_row(index, row, self.tr("Ready to create"), "#1565c0")
            else:
                self._set_row(index, row, self._problems(row), _COLORS[RowOutcome.INVALID])
        valid, invalid = len(parsed.valid_rows), len(parsed.invalid_rows)
        if parsed.file_problems:
            text = " ".join(problem_text(p) for p in parsed.file_problems)
            self.summary.setText(self.tr("The file cannot be imported: %1").replace("%1", text))
        else:
            self.summary.setText(
                self.tr("Preview: %1 line(s) ready, %2 with problems (not sent).")
                .replace("%1", str(valid)).replace("%2", str(invalid))
            )  # fmt: skip
        self.create_button.setEnabled(valid > 0)
        self.create_button.setText(self.tr("Create %1 ramal(s)").replace("%1", str(valid)))
        self.failures_button.setEnabled(False)

    def _problems(self, row: CsvRow) -> str:
        return " ".join((f"{p.field}: " if p.field else "") + problem_text(p) for p in row.problems)

    def _set_row(self, index: int, row: CsvRow, text: str, color: str) -> None:
        cells = (str(row.line), row.cells.get("ramal", ""), row.cells.get("login", ""), text)
        for column, value in enumerate(cells):
            item = QTableWidgetItem(value)
            if column == 3:
                item.setForeground(QColor(color))
                item.setToolTip(value)
            self.table.setItem(index, column, item)

    def start(self) -> None:
        """Create the valid lines (the invalid ones are reported, not sent)."""
        if self.parsed is None or (self._task is not None and not self._task.done()):
            return
        rows = list(self.parsed.rows) if not self.parsed.file_problems else []
        self._runner = BulkCreate(
            self._create, concurrency=self._concurrency, on_result=self._on_result
        )
        self.progress.setRange(0, len(rows))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.create_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self._task = asyncio.ensure_future(self._run(self._runner, rows))

    async def aclose(self) -> None:
        """Cancel the import and wait for it, before the dialog is deleted."""
        await cancel_and_wait(self._task)

    async def _run(self, runner: BulkCreate, rows: list[CsvRow]) -> None:
        try:
            report = await runner.run(rows)
        finally:
            self.cancel_button.setVisible(False)
            self.choose_button.setEnabled(True)
        self.report = report
        self.summary.setText(
            self.tr("Created: %1. Failed: %2. Outcome unknown: %3. Not sent (invalid): %4. "
                    "Cancelled: %5.")
            .replace("%1", str(report.count(RowOutcome.CREATED)))
            .replace("%2", str(report.count(RowOutcome.FAILED)))
            .replace("%3", str(report.count(RowOutcome.UNKNOWN)))
            .replace("%4", str(report.count(RowOutcome.INVALID)))
            .replace("%5", str(report.count(RowOutcome.CANCELLED)))
        )  # fmt: skip
        self.failures_button.setEnabled(bool(report.failures))
        self.announcer.announce(self.tr("Import finished. %1").replace("%1", self.summary.text()))
        self.finished_import.emit(report)

    def _on_result(self, result: RowResult) -> None:
        index = self._row_index[id(result.row)]
        words = {
            RowOutcome.CREATED: self.tr("Created (id %1)").replace(
                "%1", str(result.ramal.id) if result.ramal else "?"
            ),
            RowOutcome.FAILED: self.tr("Failed: %1"),
            RowOutcome.UNKNOWN: self.tr("Unknown: %1"),
            RowOutcome.INVALID: self.tr("Not sent: %1"),
            RowOutcome.CANCELLED: self.tr("Cancelled: not sent"),
        }
        text = words[result.outcome].replace("%1", self._problems(result.row)
                                             if result.outcome is RowOutcome.INVALID
                                             else " ".join(problem_text(p)
                                                           for p in result.problems))  # fmt: skip
        self._set_row(index, result.row, text, _COLORS[result.outcome])
        self.progress.setValue(self.progress.value() + 1)

    def stop(self) -> None:
        """Send no more lines; those in flight finish and are reported."""
        if self._runner is not None:
            self._runner.cancel()

    def failure_report(self) -> str:
        """The CSV text of the lines that were not created."""
        return failures_csv(self.report, problem_text) if self.report else ""

    def _save_failures(self) -> None:
        self._save_text(self.tr("Save failure report"), "falhas-ramais.csv", self.failure_report())

    def _save_template(self) -> None:
        self._save_text(self.tr("Save CSV template"), "ramais-modelo.csv", template_csv())

    def _save_text(self, title: str, name: str, text: str) -> None:
        dialog = QFileDialog(self, title, name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self._write(Path(path), text))
        dialog.open()

    def _write(self, path: Path, text: str) -> None:
        try:
            path.write_text(text, encoding="utf-8-sig")
        except OSError as error:
            self.summary.setText(self.tr("Cannot write the file: %1").replace("%1", str(error)))

    def reject(self) -> None:
        """Close; unsent lines are not sent (those in flight finish)."""
        self.stop()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape stops a running import before closing."""
        if event.key() == Qt.Key.Key_Escape and self._task is not None and not self._task.done():
            self.stop()
            return
        super().keyPressEvent(event)
