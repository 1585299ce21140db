"""KPI view: period picker, summary, per-ramal table, charts, disconnect reasons, pauses."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.api.errors import RamalApiError
from desktop.core.outcomes import Outcome
from desktop.history.words import outcome_label
from desktop.supervisor.board_model import duration_text
from desktop.supervisor.charts import BarChart, Series
from desktop.supervisor.kpis import (
    OUTCOME_ORDER,
    TALK_BUCKETS,
    KpiLoader,
    KpiReport,
    KpiRow,
    kpi_csv,
)
from desktop.tasks import cancel_and_wait

__all__ = ["KpiLoader", "KpiView"]

log = logging.getLogger(__name__)
AskPath = Callable[[QWidget, str], Path | None]
OUTCOME_COLORS: Final = {
    Outcome.ANSWERED: "#2e7d32",
    Outcome.MISSED: "#f9a825",
    Outcome.REJECTED: "#ef6c00",
    Outcome.ABANDONED: "#8d6e63",
    Outcome.FAILED: "#c62828",
    Outcome.ELSEWHERE: "#6a1b9a",
    Outcome.IN_PROGRESS: "#1565c0",
}


def _ask_csv_path(parent: QWidget, name: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("SupervisorKpis", "Export KPIs"), name, "CSV (*.csv)"
    )
    return Path(chosen) if chosen else None


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}%"


def _short(seconds: int) -> str:
    return f"{seconds}s" if seconds < 60 else f"{seconds // 60}m"


def _secs(value: float | None) -> str:
    return "" if value is None else duration_text(round(value))


class KpiView(QWidget):
    """Shows a :class:`KpiReport` for a chosen period."""

    def __init__(
        self,
        loader: KpiLoader,
        today: Callable[[], date],
        *,
        ask_path: AskPath = _ask_csv_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._today = today
        self._ask_path = ask_path
        self._task: asyncio.Task[None] | None = None
        self.report: KpiReport | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.period = QComboBox()
        for label, key in (
            (QCoreApplication.translate("SupervisorKpis", "Today"), "today"),
            (QCoreApplication.translate("SupervisorKpis", "Yesterday"), "yesterday"),
            (QCoreApplication.translate("SupervisorKpis", "Last 7 days"), "week"),
            (QCoreApplication.translate("SupervisorKpis", "Chosen range"), "range"),
        ):
            self.period.addItem(label, key)
        self.start = QDateEdit(QDate.currentDate())
        self.end = QDateEdit(QDate.currentDate())
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.refresh_button = QPushButton(QCoreApplication.translate("SupervisorKpis", "Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.export_button = QPushButton(
            QCoreApplication.translate("SupervisorKpis", "Export CSV…")
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        self.status = QLabel()
        period_label = QLabel(QCoreApplication.translate("SupervisorKpis", "Period:"))
        period_label.setBuddy(self.period)
        self.period.setAccessibleName(QCoreApplication.translate("SupervisorKpis", "Period"))
        self.start.setAccessibleName(QCoreApplication.translate("SupervisorKpis", "First day"))
        self.end.setAccessibleName(QCoreApplication.translate("SupervisorKpis", "Last day"))
        for widget in (
            period_label,
            self.period,
            self.start,
            QLabel("–"),
            self.end,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        names = (
            ("calls", QCoreApplication.translate("SupervisorKpis", "Calls (made / received)")),
            ("answered", QCoreApplication.translate("SupervisorKpis", "Answered")),
            ("talk", QCoreApplication.translate("SupervisorKpis", "Talk time (avg / max)")),
            ("wait", QCoreApplication.translate("SupervisorKpis", "Average wait")),
            ("lost", QCoreApplication.translate("SupervisorKpis", "Busy / no answer / failed")),
            ("pauses", QCoreApplication.translate("SupervisorKpis", "Pause time (total / avg)")),
        )
        for column, (key, title) in enumerate(names):
            caption = QLabel(title)
            caption.setStyleSheet("color: palette(placeholder-text);")
            value = QLabel("—")
            value.setStyleSheet("font-size: 16pt; font-weight: 600;")
            tiles.addWidget(caption, 0, column)
            tiles.addWidget(value, 1, column)
            value.setAccessibleName(title)
            value.setProperty("caption", title)
            self.tiles[key] = value
        layout.addLayout(tiles)

        charts = QHBoxLayout()
        self.hourly_chart = BarChart(
            QCoreApplication.translate("SupervisorKpis", "Calls per hour, by outcome")
        )
        self.talk_chart = BarChart(
            QCoreApplication.translate("SupervisorKpis", "Talk time distribution (answered calls)")
        )
        self.pause_chart = BarChart(
            QCoreApplication.translate("SupervisorKpis", "Pause time per ramal (minutes)")
        )
        for chart in (self.hourly_chart, self.talk_chart, self.pause_chart):
            chart.empty_text = QCoreApplication.translate(
                "SupervisorKpis", "No data in this period"
            )
            charts.addWidget(chart)
        self.pause_chart.value_text = lambda v: f"{v:g}"
        layout.addLayout(charts, 2)

        lower = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 11)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SupervisorKpis", "Ramal"),
                QCoreApplication.translate("SupervisorKpis", "Login"),
                QCoreApplication.translate("SupervisorKpis", "Made"),
                QCoreApplication.translate("SupervisorKpis", "Received"),
                QCoreApplication.translate("SupervisorKpis", "Answered %"),
                QCoreApplication.translate("SupervisorKpis", "Avg talk"),
                QCoreApplication.translate("SupervisorKpis", "Max talk"),
                QCoreApplication.translate("SupervisorKpis", "Avg wait"),
                QCoreApplication.translate("SupervisorKpis", "Busy"),
                QCoreApplication.translate("SupervisorKpis", "No answer"),
                QCoreApplication.translate("SupervisorKpis", "Failed"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(
            QCoreApplication.translate(
                "SupervisorKpis",
                "Answered % = answered / finished calls. Talk = destination leg's talk time. "
                "Wait = ring time before a ramal answered a received call.",
            )
        )
        self.table.setAccessibleName(QCoreApplication.translate("SupervisorKpis", "KPIs per ramal"))
        self.table.setTabKeyNavigation(False)
        lower.addWidget(self.table)
        self.reasons = QTreeWidget()
        self.reasons.setHeaderLabels(
            [
                QCoreApplication.translate("SupervisorKpis", "Outcome / disconnect reason"),
                QCoreApplication.translate("SupervisorKpis", "Calls"),
            ]
        )
        self.reasons.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reasons.setAccessibleName(
            QCoreApplication.translate("SupervisorKpis", "Calls by outcome and disconnect reason")
        )
        lower.addWidget(self.reasons)
        self.pauses = QTreeWidget()
        self.pauses.setHeaderLabels(
            [
                QCoreApplication.translate("SupervisorKpis", "Ramal / pause start"),
                QCoreApplication.translate("SupervisorKpis", "End"),
                QCoreApplication.translate("SupervisorKpis", "Length"),
            ]
        )
        self.pauses.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.pauses.setAccessibleName(
            QCoreApplication.translate("SupervisorKpis", "Pauses per ramal")
        )
        lower.addWidget(self.pauses)
        lower.setSizes([700, 330, 330])
        layout.addWidget(lower, 3)

    def period_dates(self) -> tuple[date, date]:
        """The chosen first and last day."""
        today = self._today()
        key = self.period.currentData()
        if key == "yesterday":
            day = today - timedelta(days=1)
            return day, day
        if key == "week":
            return today - timedelta(days=6), today
        if key == "range":
            start, end = self.start.date().toPython(), self.end.date().toPython()
            assert isinstance(start, date) and isinstance(end, date)
            return (start, end) if start <= end else (end, start)
        return today, today

    def _period_chosen(self) -> None:
        custom = self.period.currentData() == "range"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            self.reload()

    async def aclose(self) -> None:
        """Cancel a load in progress and wait for it, before the widgets are deleted."""
        await cancel_and_wait(self._task)

    def reload(self) -> None:
        """Load the KPIs for the chosen period (a newer request cancels the older one)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.status.setText(QCoreApplication.translate("SupervisorKpis", "Loading…"))
        self.refresh_button.setEnabled(False)
        self._task = asyncio.ensure_future(self._load(*self.period_dates()))

    async def _load(self, start: date, end: date) -> None:
        try:
            report = await self._loader(start, end)
        except RamalApiError as error:
            self.status.setText(
                QCoreApplication.translate("SupervisorKpis", "Could not load: {reason}").format(
                    reason=error.user_message()
                )
            )
            return
        finally:
            self.refresh_button.setEnabled(True)
        self.show_report(report)
        self.status.setText(
            QCoreApplication.translate("SupervisorKpis", "{start} to {end}").format(
                start=start.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y")
            )
        )

    def show_report(self, report: KpiReport) -> None:
        """Fill tiles, table, charts and lists."""
        self.report = report
        self.export_button.setEnabled(True)
        total = report.overall
        self.tiles["calls"].setText(f"{total.calls}  ({total.made} / {total.received})")
        self.tiles["answered"].setText(_pct(total.answered_pct) or "—")
        self.tiles["talk"].setText(
            f"{_secs(total.talk_avg) or '—'} / {duration_text(total.talk_max)}"
        )
        self.tiles["wait"].setText(_secs(total.wait_avg) or "—")
        self.tiles["lost"].setText(
            f"{total.count(Outcome.REJECTED)} / {total.count(Outcome.MISSED)} / "
            f"{total.count(Outcome.FAILED)}"
        )
        self.tiles["pauses"].setText(
            f"{duration_text(total.pause_total)} / {_secs(total.pause_avg) or '—'}"
        )
        for tile in self.tiles.values():  # a figure is read with its caption
            tile.setAccessibleName(f"{tile.property('caption')}: {tile.text()}")
        self._fill_table(report)
        self._fill_charts(report)
        self._fill_reasons(report)
        self._fill_pauses(report)

    def _fill_table(self, report: KpiReport) -> None:
        rows = [*report.ramais, report.overall]
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._set_row(index, row)

    def _set_row(self, index: int, row: KpiRow) -> None:
        values = [
            row.ramal or QCoreApplication.translate("SupervisorKpis", "All"),
            row.login.split("@", 1)[0],
            str(row.made),
            str(row.received),
            _pct(row.answered_pct),
            _secs(row.talk_avg),
            duration_text(row.talk_max) if row.answered else "",
            _secs(row.wait_avg),
            str(row.count(Outcome.REJECTED)),
            str(row.count(Outcome.MISSED)),
            str(row.count(Outcome.FAILED)),
        ]
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            if column == 1:
                item.setToolTip(row.login)
            if column >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not row.ramal:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(index, column, item)

    def _fill_charts(self, report: KpiReport) -> None:
        hours = sorted(report.hourly) or []
        if hours:
            hours = list(range(min(hours), max(hours) + 1))
        series = [
            Series(
                outcome_label(outcome),
                OUTCOME_COLORS[outcome],
                tuple(float(report.hourly.get(h, {}).get(outcome, 0)) for h in hours),
            )
            for outcome in OUTCOME_ORDER
            if any(report.hourly.get(h, {}).get(outcome, 0) for h in hours)
        ]
        self.hourly_chart.set_data([f"{h}h" for h in hours], series)
        bounds = TALK_BUCKETS
        labels = [f"<{_short(bounds[0])}"]
        labels += [f"{_short(a)}–{_short(b)}" for a, b in itertools.pairwise(bounds)]
        labels.append(f"≥{_short(bounds[-1])}")
        talk = Series(
            QCoreApplication.translate("SupervisorKpis", "Calls"),
            "#2e7d32",
            tuple(float(v) for v in report.talk_histogram),
        )
        self.talk_chart.set_data(labels, [talk])
        pauses = [p for p in report.pauses if p.total > 0]
        pause = Series(
            QCoreApplication.translate("SupervisorKpis", "Minutes"),
            "#ef6c00",
            tuple(round(p.total / 60, 1) for p in pauses),
        )
        self.pause_chart.set_data([p.ramal for p in pauses], [pause])

    def _fill_reasons(self, report: KpiReport) -> None:
        self.reasons.clear()
        groups: dict[Outcome, QTreeWidgetItem] = {}
        for (outcome, reason), count in sorted(
            report.reasons.items(), key=lambda item: (OUTCOME_ORDER.index(item[0][0]), -item[1])
        ):
            parent = groups.get(outcome)
            if parent is None:
                parent = QTreeWidgetItem(
                    [outcome_label(outcome), str(report.overall.count(outcome))]
                )
                self.reasons.addTopLevelItem(parent)
                groups[outcome] = parent
            parent.addChild(QTreeWidgetItem([reason, str(count)]))
        self.reasons.expandAll()

    def _fill_pauses(self, report: KpiReport) -> None:
        self.pauses.clear()
        for summary in report.pauses:
            if not summary.pauses:
                continue
            top = QTreeWidgetItem(
                [f"{summary.ramal}  {summary.login}", "", duration_text(summary.total)]
            )
            for pause in summary.pauses:
                start = (
                    pause.pausa_inicio.astimezone().strftime("%d/%m %H:%M")
                    if pause.pausa_inicio
                    else ""
                )
                end = (
                    pause.pausa_fim.astimezone().strftime("%H:%M")
                    if pause.pausa_fim
                    else QCoreApplication.translate("SupervisorKpis", "open")
                )
                top.addChild(QTreeWidgetItem([start, end, duration_text(pause.tempo_segundos)]))
            self.pauses.addTopLevelItem(top)

    def export_csv(self) -> Path | None:
        """Ask where to save the KPI table and write it."""
        if self.report is None:
            return None
        start, end = self.period_dates()
        target = self._ask_path(self, f"kpis-{start.isoformat()}-{end.isoformat()}.csv")
        if target is None:
            return None
        try:
            target.write_text(
                kpi_csv(self.report, QCoreApplication.translate("SupervisorKpis", "All")),
                encoding="utf-8",
            )
        except OSError as error:
            self.status.setText(
                QCoreApplication.translate("SupervisorKpis", "Could not save: {reason}").format(
                    reason=error.strerror
                )
            )
            return None
        self.status.setText(
            QCoreApplication.translate("SupervisorKpis", "Saved {name}").format(name=target.name)
        )
        return target
