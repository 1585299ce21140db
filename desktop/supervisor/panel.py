"""The Supervisor panel: live board, calls in progress, call actions, KPIs and audit log."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import Announcer
from desktop.api import TotalVoiceClient
from desktop.api.models import Pause, Ramal
from desktop.core.board import Changes, LiveCall, RamalLive
from desktop.core.board_stream import RelayUnavailable
from desktop.core.relay_names import AccountNames
from desktop.core.thresholds import Thresholds
from desktop.supervisor.action_dialogs import ActionDialog
from desktop.supervisor.actions import (
    LISTEN_MODES,
    ActionKind,
    ActionResult,
    AuditLog,
    SupervisorActions,
)
from desktop.supervisor.audit_view import AuditView
from desktop.supervisor.board_alerts import alert_text
from desktop.supervisor.board_model import BoardModel
from desktop.supervisor.board_view import BoardView
from desktop.supervisor.calls_model import CallsModel
from desktop.supervisor.coach_status import CoachReporter
from desktop.supervisor.feed import (
    FeedMode,
    FeedStatus,
    FeedStatusKind,
    LiveFeed,
    PollingFeed,
    PollTimings,
)
from desktop.supervisor.feed_qt import FeedSignals
from desktop.supervisor.kpi_view import KpiView
from desktop.supervisor.kpis import KpiReport, compute_kpis
from desktop.supervisor.relay_feed import RelayFeed
from desktop.supervisor.sources import ClientSource

__all__ = ["SupervisorPanel"]

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC).astimezone()


class SupervisorPanel(QWidget):
    """Embeddable supervisor console; call :meth:`start` once the asyncio loop runs."""

    def __init__(
        self,
        client: TotalVoiceClient,
        *,
        supervisor_number: str,
        who: str,
        audit_dir: Path,
        thresholds: Thresholds | None = None,
        clock: Clock = _now,
        feed: LiveFeed | None = None,
        timings: PollTimings | None = None,
        lang: str = "pt_BR",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.supervisor_number = supervisor_number
        self._clock = clock
        self.feed: LiveFeed = feed or PollingFeed(
            ClientSource(client), clock=clock, timings=timings
        )
        self.signals = FeedSignals(self.feed, self)
        self.audit = AuditLog(audit_dir)
        self.service = SupervisorActions(client.chamadas, self.audit, who, clock, lang)
        self.board = BoardModel(clock, thresholds or Thresholds(), self)
        self.calls = CallsModel(clock, self)
        self.dialog: ActionDialog | None = None
        self.who = who
        # Coach status and raised hands need the relay: nothing of them without it.
        self.coach: CoachReporter | None = None
        if isinstance(self.feed, RelayFeed):
            self.coach = CoachReporter(self.feed.request, self.feed.stream_target.conta, who)
        self._requests: set[asyncio.Task[None]] = set()
        self.announcer = Announcer(
            self, QCoreApplication.translate("SupervisorPanel", "Latest board alert")
        )

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        board_page = QWidget()
        board_layout = QVBoxLayout(board_page)
        board_layout.addLayout(self._threshold_bar())
        self.board_view = BoardView(self.board, self.calls)
        board_layout.addWidget(self.board_view, 1)
        self.tabs.addTab(board_page, QCoreApplication.translate("SupervisorPanel", "Live board"))
        self.kpi_view = KpiView(self.load_kpis, lambda: self._clock().date())
        self.tabs.addTab(self.kpi_view, QCoreApplication.translate("SupervisorPanel", "KPIs"))
        self.audit_view = AuditView(self.audit)
        self.tabs.addTab(
            self.audit_view, QCoreApplication.translate("SupervisorPanel", "Audit log")
        )
        layout.addWidget(self.tabs)

        self.signals.changed.connect(self._apply)
        self.signals.statusChanged.connect(self._show_status)
        self.board.thresholdCrossed.connect(self._alert)
        self.board_view.actionRequested.connect(self.open_action)
        self.board_view.acknowledgeRequested.connect(self.acknowledge_hand)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._refresh_action = QAction(
            QCoreApplication.translate("SupervisorPanel", "Refresh live board"), self
        )
        self._refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self._refresh_action.triggered.connect(self.feed.refresh)

    def _threshold_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        limits = self.board.thresholds
        self.call_limit = QSpinBox()
        self.call_limit.setRange(0, 240)
        self.call_limit.setValue(int(limits.call_minutes))
        self.call_limit.setSuffix(QCoreApplication.translate("SupervisorPanel", " min"))
        self.pause_limit = QSpinBox()
        self.pause_limit.setRange(0, 240)
        self.pause_limit.setValue(int(limits.pause_minutes))
        self.pause_limit.setSuffix(QCoreApplication.translate("SupervisorPanel", " min"))
        self.sound = QCheckBox(QCoreApplication.translate("SupervisorPanel", "Sound"))
        self.sound.setChecked(limits.sound)
        for widget in (self.call_limit, self.pause_limit):
            widget.valueChanged.connect(self._thresholds_changed)
        self.sound.toggled.connect(self._thresholds_changed)
        self.call_limit.setAccessibleName(
            QCoreApplication.translate("SupervisorPanel", "Highlight calls longer than (minutes)")
        )
        self.pause_limit.setAccessibleName(
            QCoreApplication.translate("SupervisorPanel", "Highlight pauses longer than (minutes)")
        )
        self.sound.setAccessibleDescription(
            QCoreApplication.translate("SupervisorPanel", "Beep when a row is highlighted")
        )
        call_label = QLabel(
            QCoreApplication.translate("SupervisorPanel", "Highlight calls longer than")
        )
        call_label.setBuddy(self.call_limit)
        bar.addWidget(call_label)
        bar.addWidget(self.call_limit)
        pause_label = QLabel(
            QCoreApplication.translate("SupervisorPanel", "and pauses longer than")
        )
        pause_label.setBuddy(self.pause_limit)
        bar.addWidget(pause_label)
        bar.addWidget(self.pause_limit)
        bar.addWidget(self.sound)
        bar.addStretch(1)
        return bar

    def actions(self) -> list[QAction]:
        """Menu actions of the panel."""
        return [self._refresh_action]

    def start(self) -> None:
        """Start the live feed and the 1-second clock."""
        self.feed.start()
        self._ticker.start()

    def stop(self) -> None:
        """Stop polling and ticking."""
        self.feed.stop()
        self._ticker.stop()
        if self.dialog is not None:
            self.dialog.close()

    async def aclose(self) -> None:
        """Stop, and wait for the feed, a KPI load and an action in progress to end."""
        dialog = self.dialog
        self.stop()
        if self.coach is not None:
            await self.coach.aclose()
        if self._requests:
            await asyncio.gather(*self._requests, return_exceptions=True)
        await self.feed.aclose()
        await self.kpi_view.aclose()
        if dialog is not None:
            await dialog.aclose()

    def tick(self) -> None:
        """Advance the timers shown."""
        at = self._clock()
        self.board.tick(at)
        self.calls.tick(at)

    def _apply(self, changes: Changes) -> None:
        self.board.apply(changes)
        self.calls.apply(changes)
        if self.coach is not None:
            self.coach.follow(changes)

    def _show_status(self, status: FeedStatus) -> None:
        self._show_mode(status.mode)
        label = self.board_view.feed_status
        if status.kind is FeedStatusKind.ERROR and status.error is not None:
            label.setText(
                QCoreApplication.translate(
                    "SupervisorPanel", "Update failed: {reason} Retrying in {seconds} s."
                ).format(reason=status.error.user_message(), seconds=f"{status.next_in:.0f}")
            )
            label.setStyleSheet("color: #c62828;")
            return
        label.setStyleSheet("")
        if status.kind is FeedStatusKind.OK and status.mode is FeedMode.PUSH:
            at = status.updated_at or self._clock()
            label.setText(
                QCoreApplication.translate("SupervisorPanel", "Updated {time}").format(
                    time=at.astimezone().strftime("%H:%M:%S")
                )
            )
        elif status.kind is FeedStatusKind.OK and status.updated_at is not None:
            label.setText(
                QCoreApplication.translate(
                    "SupervisorPanel", "Updated {time} · every {seconds} s"
                ).format(
                    time=status.updated_at.astimezone().strftime("%H:%M:%S"),
                    seconds=f"{status.next_in:g}",
                )
            )
        elif status.kind is FeedStatusKind.STARTING:
            label.setText(QCoreApplication.translate("SupervisorPanel", "Loading…"))
        elif status.kind is FeedStatusKind.STOPPED:
            label.setText(QCoreApplication.translate("SupervisorPanel", "Paused"))

    def _show_mode(self, mode: FeedMode) -> None:
        # Polling because the relay is away: say what is missing meanwhile.
        relay_away = isinstance(self.feed, RelayFeed) and self.feed.away
        self.board_view.set_pushed(mode is FeedMode.PUSH, relay_away=relay_away)
        label = self.board_view.feed_mode
        if mode is FeedMode.PUSH:
            label.setText(QCoreApplication.translate("SupervisorPanel", "real time"))
            label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        else:
            label.setText(QCoreApplication.translate("SupervisorPanel", "periodic polling"))
            label.setStyleSheet("color: #8d6e00;")
        label.setAccessibleName(
            QCoreApplication.translate("SupervisorPanel", "Board updates: {mode}").format(
                mode=label.text()
            )
        )

    def _thresholds_changed(self) -> None:
        self.board.set_thresholds(
            Thresholds(
                call_minutes=self.call_limit.value(),
                pause_minutes=self.pause_limit.value(),
                sound=self.sound.isChecked(),
            )
        )

    def _alert(self, row: RamalLive) -> None:
        self.announcer.announce(alert_text(row, self._clock()))
        if self.board.thresholds.sound:
            QApplication.beep()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.kpi_view and self.kpi_view.report is None:
            self.kpi_view.reload()
        elif self.tabs.widget(index) is self.audit_view:
            self.audit_view.reload()

    # actions

    def completions(self) -> list[str]:
        """Ramais as "number — login" for the transfer field."""
        return [f"{r.numero} — {r.login}" for r in self.board.rows() if r.numero]

    def open_action(self, kind: ActionKind, call: LiveCall) -> ActionDialog:
        """Open the confirmation dialog for ``kind`` on ``call`` (non-blocking)."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = ActionDialog(
            kind,
            call,
            self.run_action,
            supervisor_number=self.supervisor_number,
            completions=self.completions(),
            parent=self,
        )
        dialog.actionFinished.connect(self._action_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    async def run_action(
        self, kind: ActionKind, call_id: int | str, numero: str, perna: str
    ) -> ActionResult:
        """Send one action through the audited service."""
        if kind is ActionKind.TRANSFER:
            return await self.service.transfer(call_id, numero, perna)
        if kind is ActionKind.HANGUP:
            return await self.service.hangup(call_id)
        result = await self.service.listen(call_id, numero, kind)
        snapshot = self.feed.snapshot
        call = snapshot.calls.get(call_id) if snapshot is not None else None
        if result.ok and self.coach is not None and call is not None:
            self.coach.started(LISTEN_MODES[kind], call, numero)
        return result

    def acknowledge_hand(self, ramal: RamalLive) -> None:
        """Tell the relay (and so the agent) that this supervisor saw ``ramal``'s raised hand."""
        if not isinstance(self.feed, RelayFeed):
            return
        feed = self.feed
        subject = AccountNames(feed.stream_target.conta).supervisor_request("ciente")
        label = self.board_view.feed_status

        async def send() -> None:
            try:
                await feed.request(subject, {"supervisor": self.who, "ramal": ramal.numero})
            except RelayUnavailable as exc:
                label.setText(
                    QCoreApplication.translate(
                        "SupervisorPanel", "The relay did not take the acknowledgement: {reason}"
                    ).format(reason=str(exc))
                )

        task = asyncio.ensure_future(send())
        self._requests.add(task)
        task.add_done_callback(self._requests.discard)

    def _action_finished(self, _result: object) -> None:
        self.audit_view.reload()
        self.feed.refresh()

    # KPIs

    async def load_kpis(self, start: date, end: date) -> KpiReport:
        """Read the period's calls, the ramais and their pauses, and compute the KPIs."""
        ramais: Sequence[Ramal] = await self.client.ramais.report(start, end).fetch_all(
            concurrency=1
        )
        calls = await self.client.chamadas.report(start, end).fetch_all(concurrency=2)
        gate = asyncio.Semaphore(3)

        async def pauses_of(ramal: Ramal) -> tuple[int | str, list[Pause]]:
            async with gate:
                rows = await self.client.ramais.pausas(ramal.id, start, end).fetch_all(
                    concurrency=1
                )
                return ramal.id, rows

        found = await asyncio.gather(*(pauses_of(r) for r in ramais))
        return compute_kpis(calls, ramais, dict(found), self._clock())
