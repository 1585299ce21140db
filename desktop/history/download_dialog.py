"""Progress of a recording download batch, with cancel and a per-file report."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.history.downloads import DownloadOutcome, DownloadResult

__all__ = ["DownloadDialog"]


class DownloadDialog(QDialog):
    """Shows bytes and files done; ``cancelRequested`` when the user gives up."""

    cancelRequested = Signal()

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        """A dialog for ``count`` files."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Downloading recordings"))
        self.setMinimumWidth(420)
        self._count = count
        self._bytes: dict[str, tuple[int, int | None]] = {}
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Starting…"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Downloads that failed"))
        self.bar.setAccessibleName(self.tr("Download progress"))
        self.report.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._cancel)
        for widget in (self.label, self.bar, self.report, self.buttons):
            layout.addWidget(widget)

    def progress(self, call_id: str, done: int, total: int | None) -> None:
        """Bytes received for one call."""
        self._bytes[call_id] = (done, total)
        got = sum(d for d, _ in self._bytes.values())
        known = [t for _, t in self._bytes.values() if t]
        if known and len(known) == len(self._bytes):
            whole = sum(known) * self._count / max(1, len(self._bytes))
            self.bar.setValue(int(1000 * got / max(1.0, whole)))
        self.label.setText(
            self.tr("%1 of %2 files, %3 KB").replace("%1", str(len(self._bytes)))
            .replace("%2", str(self._count)).replace("%3", str(got // 1024))
        )  # fmt: skip

    def finish(self, results: Sequence[DownloadResult]) -> None:
        """Show what happened to each file; the button becomes Close."""
        done = sum(r.outcome is DownloadOutcome.DONE for r in results)
        skipped = sum(r.outcome is DownloadOutcome.SKIPPED for r in results)
        failed = [r for r in results if r.outcome is DownloadOutcome.FAILED]
        self.bar.setValue(1000)
        self.label.setText(
            self.tr("%1 downloaded, %2 already there, %3 failed.")
            .replace("%1", str(done)).replace("%2", str(skipped)).replace("%3", str(len(failed)))
        )  # fmt: skip
        if failed:
            self.report.setPlainText("\n".join(f"{r.path.name}: {r.error}" for r in failed))
            self.report.setVisible(True)
        self._to_close()

    def cancelled(self) -> None:
        """The batch stopped on request."""
        self.label.setText(self.tr("Cancelled. Files not finished were not kept."))
        self._to_close()

    def _to_close(self) -> None:
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self.accept)

    def _cancel(self) -> None:
        self.cancelRequested.emit()
