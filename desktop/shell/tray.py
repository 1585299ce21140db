"""System tray icon: the agent's state at a glance, quick actions, native notifications."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from desktop import APP_NAME
from desktop.agent.state import AgentSnapshot, AgentState
from desktop.shell.icons import named_icon
from desktop.shell.missed_calls import badge_icon

__all__ = ["CloseToTray", "TrayIcon", "TrayState", "tray_state_for"]


class TrayState(StrEnum):
    """What the tray icon shows; the value names its icon file (``tray-<value>.svg``)."""

    READY = "ready"
    RINGING = "ringing"
    IN_CALL = "in-call"
    PAUSED = "paused"
    OFFLINE = "offline"


def tray_state_for(snapshot: AgentSnapshot) -> TrayState:
    """The tray state of an agent snapshot: a call beats a pause, offline beats both."""
    state = snapshot.state
    if state is AgentState.RINGING:
        return TrayState.RINGING
    if state in (AgentState.DIALING, AgentState.TALKING):
        return TrayState.IN_CALL
    if state in (AgentState.DISCONNECTED, AgentState.CONNECTING):
        return TrayState.OFFLINE
    return TrayState.PAUSED if snapshot.paused else TrayState.READY


def state_label(state: TrayState) -> str:
    """The state in words, for the tooltip."""
    labels = {
        TrayState.READY: QCoreApplication.translate("TrayIcon", "Ready"),
        TrayState.RINGING: QCoreApplication.translate("TrayIcon", "Ringing"),
        TrayState.IN_CALL: QCoreApplication.translate("TrayIcon", "In a call"),
        TrayState.PAUSED: QCoreApplication.translate("TrayIcon", "Paused"),
        TrayState.OFFLINE: QCoreApplication.translate("TrayIcon", "Offline"),
    }
    return labels[state]


class TrayIcon(QObject):
    """The tray icon with its menu; emits requests, never acts on the app by itself."""

    answerRequested = Signal()
    hangupRequested = Signal()
    pauseRequested = Signal(bool)  # True: pause, False: resume
    toggleWindowRequested = Signal()
    quitRequested = Signal()
    notificationClicked = Signal()
    missedCallsRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = TrayState.OFFLINE
        self._detail = ""
        self._missed = 0
        self._menu = QMenu()
        self.answer_action = self._action(
            QCoreApplication.translate("TrayIcon", "Answer"), self.answerRequested.emit
        )
        self.hangup_action = self._action(
            QCoreApplication.translate("TrayIcon", "Hang up"), self.hangupRequested.emit
        )
        self.pause_action = QAction(
            QCoreApplication.translate("TrayIcon", "Pause"), self._menu, checkable=True
        )
        self.pause_action.triggered.connect(self._on_pause)
        self._menu.addAction(self.pause_action)
        self._menu.addSeparator()
        self.missed_action = self._action(
            QCoreApplication.translate("TrayIcon", "Missed calls: %1").replace("%1", "0"),
            self.missedCallsRequested.emit,
        )
        self.missed_action.setVisible(False)
        self.window_action = self._action(
            QCoreApplication.translate("TrayIcon", "Show window"), self.toggleWindowRequested.emit
        )
        self._menu.addSeparator()
        self.quit_action = self._action(
            QCoreApplication.translate("TrayIcon", "Quit"), self.quitRequested.emit
        )
        self.tray = QSystemTrayIcon(self)
        self.tray.setContextMenu(self._menu)
        self.tray.activated.connect(self._on_activated)
        self.tray.messageClicked.connect(self.notificationClicked.emit)
        self.set_state(TrayState.OFFLINE)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self._menu)
        action.triggered.connect(slot)
        self._menu.addAction(action)
        return action

    @staticmethod
    def is_available() -> bool:
        """True when the desktop has a system tray."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def state(self) -> TrayState:
        """The state shown."""
        return self._state

    @property
    def menu(self) -> QMenu:
        """The context menu (for tests and for adding items)."""
        return self._menu

    def show(self) -> None:
        """Show the icon in the tray."""
        self.tray.show()

    def hide(self) -> None:
        """Remove the icon from the tray."""
        self.tray.hide()

    @property
    def missed_count(self) -> int:
        """The missed calls the badge shows (0: no badge)."""
        return self._missed

    def set_missed(self, count: int) -> None:
        """Draw ``count`` on the icon and offer to show the missed calls (0 clears)."""
        self._missed = max(0, count)
        text = QCoreApplication.translate("TrayIcon", "Missed calls: %1").replace(
            "%1", str(self._missed)
        )
        self.missed_action.setText(text)
        self.missed_action.setVisible(self._missed > 0)
        self._show()

    def _show(self) -> None:
        state, detail = self._state, self._detail
        self.tray.setIcon(badge_icon(named_icon(f"tray-{state.value}"), self._missed))
        lines = [f"{APP_NAME} — {state_label(state)}"]
        if detail:
            lines.append(detail)
        if self._missed:
            lines.append(self.missed_action.text())
        self.tray.setToolTip("\n".join(lines))

    def set_state(self, state: TrayState, detail: str = "") -> None:
        """Change icon, tooltip and which quick actions are enabled."""
        self._state, self._detail = state, detail
        self._show()
        self.answer_action.setEnabled(state is TrayState.RINGING)
        self.hangup_action.setEnabled(state in (TrayState.RINGING, TrayState.IN_CALL))
        self.pause_action.setEnabled(state in (TrayState.READY, TrayState.PAUSED))
        self.pause_action.setChecked(state is TrayState.PAUSED)

    def set_snapshot(self, snapshot: AgentSnapshot) -> None:
        """Follow the agent state machine; the caller's number goes in the tooltip."""
        detail = snapshot.call.number if snapshot.in_call and snapshot.call is not None else ""
        self.set_state(tray_state_for(snapshot), detail)

    def set_window_visible(self, visible: bool) -> None:
        """Name the show/hide action after what it will do."""
        self.window_action.setText(
            QCoreApplication.translate("TrayIcon", "Hide window")
            if visible
            else QCoreApplication.translate("TrayIcon", "Show window")
        )

    def notify(self, title: str, text: str, *, critical: bool = False, msecs: int = 10_000) -> None:
        """A native notification from the tray icon."""
        icon = (
            QSystemTrayIcon.MessageIcon.Critical
            if critical
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.tray.showMessage(title, text, icon, msecs)

    def notify_incoming(self, number: str) -> None:
        """Tell the agent about an incoming call even when the window is hidden."""
        self.notify(
            QCoreApplication.translate("TrayIcon", "Incoming call"),
            QCoreApplication.translate("TrayIcon", "Call from %1").replace("%1", number or "?"),
        )

    def notify_failure(self, text: str) -> None:
        """Tell the user something failed (call, connection, keychain)."""
        self.notify(
            QCoreApplication.translate("TrayIcon", "Something went wrong"), text, critical=True
        )

    def _on_pause(self, checked: bool) -> None:
        # The tick follows the state, not the click: the pause event will set it.
        self.pause_action.setChecked(self._state is TrayState.PAUSED)
        self.pauseRequested.emit(checked)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.toggleWindowRequested.emit()


class CloseToTray(QObject):
    """Event filter: closing ``window`` hides it to the tray while ``enabled``.

    Call :meth:`allow_close` before quitting for real so the last close goes through.
    """

    hiddenToTray = Signal()

    def __init__(self, window: QWidget, tray: TrayIcon, enabled: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.tray = tray
        self.enabled = enabled
        self._closing = False
        window.installEventFilter(self)

    def allow_close(self) -> None:
        """Let the next close event close the window (the app is quitting)."""
        self._closing = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Turn a close into a hide when the tray can bring the window back."""
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and self.enabled
            and not self._closing
            and self.tray.tray.isVisible()
        ):
            event.ignore()
            self.window.hide()
            self.tray.set_window_visible(False)
            self.hiddenToTray.emit()
            return True
        return super().eventFilter(watched, event)
