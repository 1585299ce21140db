"""The agent window: header, messages, current call, dial pad, queues; menus and shortcuts."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.agent.actions import AgentActions
from desktop.agent.announcer import Announcer
from desktop.agent.banner import Banner
from desktop.agent.call_panel import CallPanel
from desktop.agent.controller import AgentController
from desktop.agent.dialpad import DialPad
from desktop.agent.header import AgentHeader
from desktop.agent.incoming import IncomingAlert, RingPlayer
from desktop.agent.preferences import AgentPreferences, PauseReason
from desktop.agent.queue_panel import QueuePanel
from desktop.agent.state import AgentSnapshot, AgentState
from desktop.agent.theme import STYLESHEET, icon
from desktop.agent.transfer_dialog import TransferDialog
from desktop.agent.troubleshooting import TroubleshootingDialog
from desktop.agent.voicemail_notice import VoicemailNotice
from desktop.agent.words import pretty_number, state_words
from desktop.api.models.calls import Call


class AgentWindow(QMainWindow):
    """Lays out the agent's widgets and routes their requests to the controller.

    Everything shown follows ``controller.changed`` snapshots; the widgets only ask.
    ``tray`` (the app's system-tray icon, if any) carries incoming-call notifications;
    ``ring_player`` replaces the QSoundEffect ring (tests).
    """

    def __init__(
        self,
        controller: AgentController,
        *,
        ramal: str,
        tray: QSystemTrayIcon | None = None,
        ring_player: RingPlayer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._ramal = ramal
        self.setWindowIcon(icon("ramal"))
        self.setAccessibleName(self.tr("Phone"))
        self.setStyleSheet(STYLESHEET)
        self.resize(1280, 720)
        self.setMinimumSize(1060, 620)
        prefs = controller.preferences
        self.agent_actions = AgentActions(self)
        self.header = AgentHeader(ramal)
        self.banner = Banner()
        self.voicemail = VoicemailNotice()
        self.call_panel = CallPanel(self.agent_actions)
        self.dialpad = DialPad()
        self.queue_panel = QueuePanel(
            prefs.queue_ids, prefs.pause_reasons, self.agent_actions.pause
        )
        self.transfer_dialog = TransferDialog(self._transfer, self)
        self.troubleshooting = TroubleshootingDialog(controller.webphone, self)
        self.incoming = IncomingAlert(self, ring_player, tray, self)
        self.announcer = Announcer(self)
        self.confirmation: QMessageBox | None = None
        self._build_layout()
        self._build_menus()
        self._connect()
        self._on_changed(controller.snapshot)

    # --- construction --------------------------------------------------------------

    def _build_layout(self) -> None:
        self.call_panel.setMinimumWidth(380)
        self.dialpad.setFixedWidth(300)
        self.queue_panel.setMinimumWidth(320)
        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(self.call_panel, 5)
        body.addWidget(self.dialpad, 0)
        body.addWidget(self.queue_panel, 4)
        content = QVBoxLayout()
        content.setContentsMargins(16, 14, 16, 16)
        content.setSpacing(12)
        content.addWidget(self.banner)
        content.addWidget(self.voicemail)
        content.addLayout(body, 1)
        outer = QVBoxLayout()
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addLayout(content, 1)
        central = QWidget()
        central.setObjectName("agentCentral")
        central.setLayout(outer)
        self.setCentralWidget(central)
        hints = QLabel(
            self.tr(
                "Answer Ctrl+Shift+A · Hang up Ctrl+Shift+H · Mute Ctrl+Shift+M · "
                "Pause Ctrl+Shift+P · Number Ctrl+L"
            )
        )
        hints.setObjectName("muted")
        self.statusBar().addWidget(self.announcer.status, 1)
        self.statusBar().addPermanentWidget(hints)

    def _build_menus(self) -> None:
        a = self.agent_actions
        call = self.menuBar().addMenu(self.tr("&Call"))
        for action in (a.dial, a.answer, a.decline, a.hang_up):
            call.addAction(action)
        call.addSeparator()
        call.addActions([a.mute, a.record])
        call.addSeparator()
        call.addActions([a.transfer, a.attended_transfer])
        call.addSeparator()
        call.addActions([a.ready, a.focus_dial])
        queues = self.menuBar().addMenu(self.tr("&Queues"))
        queues.addActions([a.pause, a.pause_after_call])
        phone = self.menuBar().addMenu(self.tr("&Phone"))
        phone.addActions([a.connect_phone, a.disconnect_phone, a.reconnect])
        phone.addSeparator()
        phone.addAction(a.troubleshooting)
        self.addActions(a.all())  # shortcuts work even where the menu bar is native

    def _connect(self) -> None:
        c, a = self.controller, self.agent_actions
        c.changed.connect(self._on_changed)
        c.ticked.connect(self._on_tick)
        c.quality_sampled.connect(lambda: self.header.set_history(c.quality_history, c.now()))
        c.error.connect(self.show_error)
        c.recovered.connect(self._on_recovered)
        c.pause_overdue.connect(self._on_pause_overdue)
        c.pause_after_call_changed.connect(self._on_pause_after_call_changed)
        c.pauses_changed.connect(lambda: self._refresh_queues(c.snapshot))
        c.dial_confirmation.connect(self._confirm_dial)
        c.call_details.connect(self._on_call_details)
        c.preferences_changed.connect(self._on_preferences)
        c.webphone.health_changed.connect(self.header.set_health)
        c.webphone.health_changed.connect(self.announcer.follow_health)
        c.declined.connect(self.announcer.note_declined)
        a.dial.triggered.connect(self._dial)
        a.answer.triggered.connect(c.answer)
        a.decline.triggered.connect(c.decline)
        a.hang_up.triggered.connect(c.hang_up)
        a.mute.triggered.connect(lambda: self._after(c.toggle_mute()))
        a.record.triggered.connect(lambda: self._after(c.toggle_recording()))
        a.transfer.triggered.connect(lambda: self.transfer_dialog.start(attended=False))
        a.attended_transfer.triggered.connect(lambda: self.transfer_dialog.start(attended=True))
        a.ready.triggered.connect(c.finish_wrap_up)
        a.pause.triggered.connect(self._pause_or_resume)
        a.pause_after_call.triggered.connect(self._set_pause_after_call)
        a.connect_phone.triggered.connect(c.connect_phone)
        a.disconnect_phone.triggered.connect(c.disconnect_phone)
        a.reconnect.triggered.connect(c.reconnect)
        a.focus_dial.triggered.connect(self.dialpad.focus_field)
        a.troubleshooting.triggered.connect(self.troubleshooting.start)
        self.dialpad.submitted.connect(self._dial)
        self.dialpad.dtmf.connect(self._send_tone)
        q = self.queue_panel
        q.join_requested.connect(c.join_queue)
        q.leave_requested.connect(c.leave_queue)
        q.pause_requested.connect(self._pause_queue)
        q.unpause_requested.connect(lambda fila: c.unpause(fila or None))
        q.pause_after_call_toggled.connect(self._set_pause_after_call)

    # --- requests ------------------------------------------------------------------

    def _dial(self) -> None:
        problem = self.controller.dial(self.dialpad.text())
        if problem is None:
            self.dialpad.clear_error()
        else:
            self.dialpad.set_error(problem)

    def dial_link(self, text: str) -> None:
        """A ``tel:`` link or ``--dial`` reached the app: show it, then dial (or ask)."""
        self.dialpad.set_text(text.split(":", 1)[1] if ":" in text else text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.controller.dial_link(text)

    def _confirm_dial(self, number: str) -> None:
        self.dialpad.set_text(number)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APP_NAME,
            self.tr("Call %1?").replace("%1", pretty_number(number)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self._dial)
        box.open()  # never exec(): a nested loop breaks the asyncio tasks on the Qt loop
        self.confirmation = box

    def _transfer(self, number: str, attended: bool) -> str | None:
        return self.controller.transfer(number, attended=attended)

    def _send_tone(self, key: str) -> None:
        if self.controller.send_dtmf(key):
            self.dialpad.show_tone(key)

    def _pause_or_resume(self) -> None:
        if self.controller.snapshot.paused:
            self.controller.unpause(None)
        else:
            self.queue_panel.choose_reason("", self.queue_panel.pause_all_button)

    def _pause_queue(self, fila_id: str, reason: object) -> None:
        if isinstance(reason, PauseReason):
            self.controller.pause(fila_id or None, reason)

    def _set_pause_after_call(self, on: bool) -> None:
        reason = self.queue_panel.selected_after_call_reason() if on else None
        self.controller.set_pause_after_call(reason)
        self._after(True)

    def _after(self, _sent: bool) -> None:
        # Checkable actions flip themselves when clicked: put them back to what is true.
        self.agent_actions.update(
            self.controller.snapshot,
            pause_after_call=self.controller.pause_after_call is not None,
        )
        self.queue_panel.set_pause_after_call(self.controller.pause_after_call is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102
        if self.dialpad.handle_key(event.text()):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- display -------------------------------------------------------------------

    def _on_changed(self, snap: AgentSnapshot) -> None:
        now = self.controller.now()
        self.header.set_snapshot(snap)
        self.call_panel.set_snapshot(snap, now)
        self.dialpad.set_snapshot(snap)
        self._refresh_queues(snap)
        self._after(True)
        self.incoming.update(snap)
        self.announcer.follow(snap)
        if snap.state is not AgentState.TALKING and self.transfer_dialog.isVisible():
            self.transfer_dialog.reject()
        title = f"{APP_NAME} — {state_words(snap)}"
        self.setWindowTitle(f"{title} — {self._ramal}" if self._ramal else title)

    def _refresh_queues(self, snap: AgentSnapshot) -> None:
        self.queue_panel.set_snapshot(snap, self.controller.pause_log, self.controller.now())

    def _on_tick(self, now: object) -> None:
        if isinstance(now, datetime):
            self.call_panel.set_now(now)
            self.queue_panel.set_now(now)
            self.header.set_history(self.controller.quality_history, now)

    def show_error(self, text: str) -> None:
        """Show an error in the banner, with the troubleshooting view one click away."""
        self.banner.show_message(
            text,
            "error",
            action_text=self.tr("Troubleshooting"),
            action=self.troubleshooting.start,
        )

    def _on_recovered(self) -> None:
        if self.banner.level == "error":
            self.banner.dismiss()

    def _on_pause_overdue(self, reason: str, minutes: int) -> None:
        text = self.tr("Your “%1” pause has passed its %2 minutes.")
        text = text.replace("%1", reason).replace("%2", str(minutes))
        self.banner.show_message(
            text,
            "warning",
            action_text=self.tr("Resume work"),
            action=self._resume_work,
        )

    def _resume_work(self) -> None:
        self.controller.unpause(None)

    def _on_pause_after_call_changed(self, on: bool) -> None:
        self._after(on)

    def _on_preferences(self, prefs: object) -> None:
        if isinstance(prefs, AgentPreferences):
            self.queue_panel.set_preferences(prefs.queue_ids, prefs.pause_reasons)

    def _on_call_details(self, details: object) -> None:
        if not isinstance(details, Call):
            return
        parts = []
        if details.status_geral:
            parts.append(self.tr("status: %1").replace("%1", str(details.status_geral)))
        if details.tags:
            parts.append(details.tags)
        self.call_panel.set_details(" · ".join(parts))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: D102
        self.incoming.stop()
        self.transfer_dialog.close()
        self.troubleshooting.hide()
        super().closeEvent(event)
