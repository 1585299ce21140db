"""The History panel: cached call report, filters, details, recordings and exports."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import Announcer, name_combo_box
from desktop.api import RamalApiError
from desktop.core.outcomes import Outcome
from desktop.heap import freeze_long_lived
from desktop.history.cache import HistoryCache
from desktop.history.csv_export import default_columns, write_csv
from desktop.history.details import DetailsPane
from desktop.history.download_dialog import DownloadDialog
from desktop.history.downloads import DEFAULT_TEMPLATE, DownloadQueue, DownloadResult
from desktop.history.filter_bar import FilterBar
from desktop.history.filters import Column, FilterEngine, FilterSpec
from desktop.history.ranges import Preset, preset_range
from desktop.history.rating_dialog import RatingDialog
from desktop.history.rows import HistoryRow
from desktop.history.source import HistorySource, day_bounds
from desktop.history.table_model import CallTableModel, PreparedRows
from desktop.history.words import outcome_label
from desktop.history.xlsx_export import write_xlsx, xlsx_available
from desktop.tasks import cancel_and_wait

__all__ = ["HistoryPanel"]

log = logging.getLogger(__name__)
_WIDTHS = {Column.DATE: 140, Column.DIRECTION: 80, Column.ORIGIN: 118, Column.DESTINATION: 118,
           Column.RAMAL: 56, Column.OUTCOME: 110, Column.ORIGIN_STATUS: 90,
           Column.DESTINATION_STATUS: 100, Column.TALK: 56, Column.TOTAL: 56,
           Column.REASON: 150, Column.PRICE: 72, Column.TAGS: 120, Column.RECORDING: 40,
           Column.RATING: 70}  # fmt: skip


class HistoryPanel(QWidget):
    """Call history of one profile: opens from the cache, refreshes in the background.

    ``missedCallsSeen`` fires whenever the panel is on screen filtered to missed calls.
    """

    missedCallsSeen = Signal()

    def __init__(
        self,
        source: HistorySource,
        cache: HistoryCache,
        *,
        dial: Callable[[str], None] | None = None,
        recordings_dir: Path | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        """``source`` fetches (all calls, or one ramal's); ``dial`` calls back a number."""
        super().__init__(parent)
        self.source, self.cache, self._dial, self._today = source, cache, dial, today
        self._recordings = recordings_dir or Path(tempfile.gettempdir()) / "ramal-desktop-rec"
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self.model = CallTableModel()

        self.preset = QComboBox(self)
        for preset, label in (
            (Preset.TODAY, self.tr("Today")), (Preset.YESTERDAY, self.tr("Yesterday")),
            (Preset.LAST_7_DAYS, self.tr("Last 7 days")),
            (Preset.THIS_MONTH, self.tr("This month")), (Preset.CUSTOM, self.tr("Custom")),
        ):  # fmt: skip
            self.preset.addItem(label, preset.value)
        self.start_edit, self.end_edit = QDateEdit(self), QDateEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._custom_dates)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.status = QLabel(self)
        self.download_button = QPushButton(self.tr("Download recordings…"), self)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("CSV (; separated, Excel)"), lambda: self._ask_export("csv", ";"))
        menu.addAction(self.tr("CSV (, separated)"), lambda: self._ask_export("csv", ","))
        xlsx = menu.addAction(self.tr("Excel workbook (.xlsx)"), lambda: self._ask_export("xlsx"))
        xlsx.setEnabled(xlsx_available())
        self.export_button.setMenu(menu)

        bar = QHBoxLayout()
        for widget in (self.preset, self.start_edit, QLabel("–", self), self.end_edit,
                       self.refresh_button, self.progress, self.cancel_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.download_button)
        bar.addWidget(self.export_button)

        self.filter_bar = FilterBar(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.details = DetailsPane(self)
        self.details.set_can_dial(dial is not None)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 400])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.refresh_button.clicked.connect(lambda: self.reload(fetch=True))
        self.cancel_button.clicked.connect(self.cancel_fetch)
        self.filter_bar.changed.connect(self._filter_changed)
        self.model.countsChanged.connect(self._counts_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.details.callBackRequested.connect(self._call_back)
        self.details.rateRequested.connect(self._ask_rating)
        self.details.playRequested.connect(lambda cid: self._start("play", self._play(cid)))
        self.details.downloadRequested.connect(lambda _cid: self._ask_download_folder())
        self.download_button.clicked.connect(self._ask_download_folder)
        self._name_for_screen_readers()
        self.preset.setCurrentIndex(self.preset.findData(Preset.LAST_7_DAYS.value))
        self._preset_changed()

    def _name_for_screen_readers(self) -> None:
        self.announcer = Announcer(self, self.tr("Latest change of the call history"))
        name_combo_box(self.preset, self.tr("Period"), self)
        self.start_edit.setAccessibleName(self.tr("First day"))
        self.end_edit.setAccessibleName(self.tr("Last day"))
        self.progress.setAccessibleName(self.tr("Update progress"))
        self.status.setAccessibleName(self.tr("History status"))
        self.export_button.setAccessibleDescription(self.tr("Export the calls shown to a file"))
        self.table.setAccessibleName(self.tr("Calls"))
        self.table.setAccessibleDescription(
            self.tr("Calls of the period that match the filters; arrow keys show a call's details")
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between rows

    def _say(self, text: str, *, assertive: bool = False) -> None:
        # A refresh of a panel nobody is looking at (another tab, at start) is not spoken.
        if self.isVisible():
            self.announcer.announce(text, assertive=assertive)

    # -- tasks ---------------------------------------------------------------------------

    def _start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        old = self._tasks.get(name)
        if old is not None and not old.done():
            old.cancel()
        task = asyncio.ensure_future(coro)
        self._tasks[name] = task
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            log.error("history task failed", exc_info=error)
            self._show_error(error)

    async def aclose(self) -> None:
        """Cancel every background task and wait for it, before the widgets are deleted."""
        await cancel_and_wait(*self._tasks.values())

    def task(self, name: str) -> asyncio.Task[Any] | None:
        """The running or last task named ``load``, ``play``, ``rate``, ``download``."""
        return self._tasks.get(name)

    def _show_error(self, error: BaseException | None) -> None:
        text = error.user_message() if isinstance(error, RamalApiError) else str(error)
        self.status.setText(text)
        self.status.setStyleSheet("color: #c0392b;")

    # -- range and loading ---------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        """The selected first and last day."""
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()  # type: ignore[return-value]

    def set_period(self, start: date, end: date) -> asyncio.Task[Any]:
        """Select a custom range and load it."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM.value))
        self.preset.blockSignals(False)
        self._set_dates(start, end)
        return self.reload()

    def _set_dates(self, start: date, end: date) -> None:
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    @Slot()
    def _preset_changed(self) -> None:
        preset = Preset(self.preset.currentData())
        custom = preset is Preset.CUSTOM
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        if not custom:
            self._set_dates(*preset_range(preset, self._today()))
            self.reload()

    @Slot()
    def _custom_dates(self) -> None:
        if Preset(self.preset.currentData()) is Preset.CUSTOM:
            self.reload()

    def reload(self, fetch: bool = True) -> asyncio.Task[Any]:
        """Show the cached calls of the period at once, then fetch fresh ones."""
        return self._start("load", self._load(*self.period(), fetch))

    def cancel_fetch(self) -> None:
        """Stop a running fetch; what the cache had stays on screen."""
        task = self._tasks.get("load")
        if task is not None and not task.done():
            task.cancel()
            self._fetch_ui(False)
            self.status.setText(self.tr("Update cancelled; showing saved calls."))

    async def _load(self, start: date, end: date, fetch: bool) -> None:
        low, high = day_bounds(start, end)
        scope = self.source.scope
        await self._show_cached(scope, low, high)
        when = await asyncio.to_thread(self.cache.last_fetch, scope, low, high)
        self._status_saved(when)
        if not fetch:
            return
        self._fetch_ui(True)
        try:
            await self._refresh_cache(start, end)
            await self._show_cached(scope, low, high)
        except RamalApiError as exc:
            self._show_error(exc)
            self._say(
                self.tr("History update failed: %1").replace("%1", exc.user_message()),
                assertive=True,
            )
            return
        finally:
            self._fetch_ui(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Updated at %1.").replace("%1", time.strftime("%H:%M")))
        count = len(self.model.rows())
        self._say(
            self.tr("History updated: 1 call")
            if count == 1
            else self.tr("History updated: %1 calls").replace("%1", str(count))
        )

    async def _show_cached(self, scope: str, low: float, high: float) -> None:
        """Load the period from the cache and build its view off the GUI thread."""
        rows = await asyncio.to_thread(self.cache.load, scope, low, high)
        engine = await asyncio.to_thread(self._prepare, rows)
        del rows
        previous = self._set_engine(engine)
        for _step in previous.discard():
            await asyncio.sleep(0)

    def _prepare(self, rows: list[HistoryRow]) -> PreparedRows:
        prepared = self.model.prepare(rows)
        freeze_long_lived()  # the period's rows live until the next load
        return prepared

    async def _refresh_cache(self, start: date, end: date) -> None:
        """Stream the period into the cache, a page per transaction, as pages arrive."""
        low, high = day_bounds(start, end)
        scope = self.source.scope
        mark = await asyncio.to_thread(self.cache.new_mark)
        known: set[str] = set()
        async for page in self.source.stream(start, end, self._fetch_progress):
            if self.source.ramal_id is not None:
                known.update(f.row.call_id for f in page)
            pairs = [(f.row, f.raw) for f in page]
            await asyncio.to_thread(self.cache.store_page, scope, pairs, mark)
        async for page in self.source.received(start, end, known):
            pairs = [(f.row, f.raw) for f in page]
            await asyncio.to_thread(self.cache.store_page, scope, pairs, mark)
        await asyncio.to_thread(self.cache.finish_refresh, scope, low, high, mark, time.time())

    def _status_saved(self, when: float | None) -> None:
        self.status.setStyleSheet("")
        if when is None:
            self.status.setText(self.tr("Nothing saved for this period yet."))
        else:
            stamp = time.strftime("%d/%m %H:%M", time.localtime(when))
            self.status.setText(self.tr("Saved copy from %1.").replace("%1", stamp))

    def _fetch_ui(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.refresh_button.setEnabled(not running)
        self.progress.setRange(0, 0)

    def _fetch_progress(self, done: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done}/{total}")

    def _set_engine(self, engine: PreparedRows) -> FilterEngine:
        current = self.details.current()
        previous = self.model.set_engine(engine)
        self.filter_bar.set_ramais(self.model.ramais())
        if current is not None:
            self.select_call(current.call_id)
        return previous

    def select_call(self, call_id: str) -> bool:
        """Select a call in the table (True when it is visible)."""
        pos = self.model.visible_position(call_id)
        if pos < 0:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(pos, 0), flags)
        return True

    # -- filter and selection ------------------------------------------------------------

    @Slot(object)
    def _filter_changed(self, spec: FilterSpec) -> None:
        self.model.set_filter(spec)
        self._missed_seen()

    def show_missed(self) -> None:
        """Filter to the missed calls (the tray's "Missed calls" entry)."""
        self.filter_bar.chips[Outcome.MISSED].click()

    def _missed_seen(self) -> None:
        if self.isVisible() and self.filter_bar.spec().outcome is Outcome.MISSED:
            self.missedCallsSeen.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: D102
        super().showEvent(event)
        self._missed_seen()

    @Slot(dict, int, int)
    def _counts_changed(self, counts: dict[str, int], visible: int, total: int) -> None:
        self.filter_bar.set_counts(counts, sum(counts.values()))

    @Slot()
    def _current_changed(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        raw = self.cache.raw(self.source.scope, row.call_id) if row else None
        self.details.show_call(row, raw or "")

    def selected_rows(self) -> list[HistoryRow]:
        """Rows selected in the table (the current one when nothing is selected)."""
        positions = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        rows = [r for p in positions if (r := self.model.row_at(p)) is not None]
        if not rows and (current := self.details.current()) is not None:
            rows = [current]
        return rows

    # -- actions -------------------------------------------------------------------------

    @Slot(str)
    def _call_back(self, number: str) -> None:
        if self._dial is not None and number:
            self._dial(number)

    @Slot(str)
    def _ask_rating(self, call_id: str) -> None:
        row = self.details.current()
        if row is None:
            return
        label = f"{row.origin} → {row.destination} · {outcome_label(row.outcome)}"
        dialog = RatingDialog(label, row.rating, row.rating_comment, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rated.connect(lambda n, c: self._start("rate", self.rate(call_id, n, c)))
        dialog.open()

    async def rate(self, call_id: str, nota: int, comentario: str) -> None:
        """Send a rating and show it in the table."""
        await self.source.rate(call_id, nota, comentario)
        await asyncio.to_thread(self.cache.set_rating, call_id, nota, comentario, time.time())
        for row in self.model.rows():
            if row.call_id == call_id:
                updated = row.with_rating(nota, comentario)
                self.model.update_row(updated)
                if (shown := self.details.current()) and shown.call_id == call_id:
                    self.details.show_call(
                        updated, self.cache.raw(self.source.scope, call_id) or ""
                    )
        self.status.setText(self.tr("Rating saved."))

    async def _play(self, call_id: str) -> None:
        target = self._recordings / f"{call_id}.mp3"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            self.status.setText(self.tr("Downloading the recording…"))
            await self.source.download(call_id, target)
            self.status.setText("")
        if (shown := self.details.current()) and shown.call_id == call_id:
            self.details.player.load(target)
            self.details.player.player.play()

    @Slot()
    def _ask_download_folder(self) -> None:
        rows = [r for r in self.selected_rows() if r.has_recording]
        if not rows:
            self.status.setText(self.tr("The selected calls have no recordings."))
            return
        dialog = QFileDialog(self, self.tr("Folder for the recordings"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda folder: self.download(rows, Path(folder)))
        dialog.open()

    def download(
        self, rows: list[HistoryRow], folder: Path, template: str = DEFAULT_TEMPLATE
    ) -> asyncio.Task[Any]:
        """Download recordings of ``rows`` into ``folder`` with a progress dialog."""
        dialog = DownloadDialog(len(rows), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        queue = DownloadQueue(self.source.download)

        async def run() -> list[DownloadResult]:
            try:
                results = await queue.run(rows, folder, template, dialog.progress)
            except asyncio.CancelledError:
                dialog.cancelled()
                raise
            dialog.finish(results)
            self.announcer.announce(dialog.label.text())
            return results

        task = self._start("download", run())
        dialog.cancelRequested.connect(task.cancel)
        dialog.open()
        return task

    def _ask_export(self, fmt: str, delimiter: str = ";") -> None:
        suffix = ".xlsx" if fmt == "xlsx" else ".csv"
        dialog = QFileDialog(self, self.tr("Export calls"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix[1:])
        dialog.selectFile(f"chamadas-{self.period()[0]}-{self.period()[1]}{suffix}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(
            lambda path: self._start("export", self.export(Path(path), fmt, delimiter))
        )
        dialog.open()

    async def export(self, target: Path, fmt: str = "csv", delimiter: str = ";") -> Path:
        """Write the calls of the current filtered view, in display order."""
        rows = self.model.visible_rows()
        columns = default_columns()
        try:
            if fmt == "xlsx":
                await asyncio.to_thread(write_xlsx, target, rows, columns)
            else:
                await asyncio.to_thread(write_csv, target, rows, columns, delimiter)
        except OSError as exc:
            self.announcer.announce(
                self.tr("Export failed: %1").replace("%1", exc.strerror or str(exc)),
                assertive=True,
            )
            raise
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%1 calls exported.").replace("%1", str(len(rows))))
        self.announcer.announce(self.tr("%1 calls exported.").replace("%1", str(len(rows))))
        return target
