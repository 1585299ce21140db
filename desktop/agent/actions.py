"""The agent's actions (menus, shortcuts, buttons), enabled from the snapshot only."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.agent.state import AgentSnapshot, AgentState
from desktop.agent.theme import icon

_ONLINE = (
    AgentState.READY,
    AgentState.RINGING,
    AgentState.DIALING,
    AgentState.TALKING,
    AgentState.ENDED,
)


def enabled_for(snap: AgentSnapshot) -> dict[str, bool]:
    """Which actions make sense in ``snap`` (the only input that enables anything)."""
    state = snap.state
    online = state in _ONLINE
    talking = state is AgentState.TALKING
    return {
        "dial": state in (AgentState.READY, AgentState.ENDED),
        "answer": state is AgentState.RINGING,
        "decline": state is AgentState.RINGING,
        "hang_up": snap.in_call,
        "mute": state in (AgentState.DIALING, AgentState.TALKING),
        "record": talking,
        "transfer": talking,
        "attended_transfer": talking,
        "ready": state is AgentState.ENDED,
        "pause": online,
        "pause_after_call": online,
        "connect": state is AgentState.DISCONNECTED,
        "disconnect": online and not snap.in_call,
        "reconnect": not snap.in_call,
        "focus_dial": True,
        "troubleshooting": True,
    }


class AgentActions(QObject):
    """One QAction per agent command, with its shortcut; ``update`` enables them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.dial = self._make(self.tr("&Call"), "phone-dark", self.tr("Call the number typed"))
        self.answer = self._make(self.tr("&Answer"), "phone-dark", keys=("Ctrl+Shift+A",))
        self.decline = self._make(self.tr("&Decline"), keys=("Ctrl+Shift+D",))
        self.hang_up = self._make(self.tr("&Hang up"), keys=("Ctrl+Shift+H",))
        self.mute = self._make(self.tr("&Mute"), "mic-off", keys=("Ctrl+Shift+M",))
        self.record = self._make(self.tr("&Record"), "record", keys=("Ctrl+Shift+R",))
        self.transfer = self._make(self.tr("&Transfer…"), "transfer", keys=("Ctrl+Shift+T",))
        self.attended_transfer = self._make(
            self.tr("Attended trans&fer…"), "transfer-attended", keys=("Ctrl+Alt+T",)
        )
        self.ready = self._make(self.tr("&Ready for next call"), keys=("Ctrl+Shift+N",))
        self.pause = self._make(self.tr("&Pause…"), "pause", keys=("Ctrl+Shift+P",))
        self.pause_after_call = self._make(self.tr("Pause &after this call"))
        self.connect_phone = self._make(self.tr("&Connect"))
        self.disconnect_phone = self._make(self.tr("&Disconnect"))
        self.reconnect = self._make(self.tr("Re&connect"))
        self.focus_dial = self._make(self.tr("&Number field"), keys=("Ctrl+L",))
        self.troubleshooting = self._make(self.tr("&Troubleshooting…"), keys=("F12",))
        for checkable in (self.mute, self.record, self.pause_after_call):
            checkable.setCheckable(True)
        self._by_name = {
            "dial": self.dial,
            "answer": self.answer,
            "decline": self.decline,
            "hang_up": self.hang_up,
            "mute": self.mute,
            "record": self.record,
            "transfer": self.transfer,
            "attended_transfer": self.attended_transfer,
            "ready": self.ready,
            "pause": self.pause,
            "pause_after_call": self.pause_after_call,
            "connect": self.connect_phone,
            "disconnect": self.disconnect_phone,
            "reconnect": self.reconnect,
            "focus_dial": self.focus_dial,
            "troubleshooting": self.troubleshooting,
        }

    def _make(
        self, text: str, icon_name: str | None = None, tip: str = "", keys: tuple[str, ...] = ()
    ) -> QAction:
        action = QAction(text, self.parent())
        if icon_name:
            action.setIcon(icon(icon_name))
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        plain = text.replace("&", "").rstrip("…")
        shortcut = f" ({keys[0]})" if keys else ""
        action.setToolTip((tip or plain) + shortcut)
        return action

    def all(self) -> list[QAction]:
        """Every action."""
        return list(self._by_name.values())

    def action(self, name: str) -> QAction:
        """The action called ``name`` (the keys of :func:`enabled_for`)."""
        return self._by_name[name]

    def update(self, snap: AgentSnapshot, *, pause_after_call: bool) -> None:
        """Enable and check every action from ``snap``."""
        for name, enabled in enabled_for(snap).items():
            self._by_name[name].setEnabled(enabled)
        self.mute.setChecked(snap.muted)
        self.record.setChecked(snap.recording)
        self.pause_after_call.setChecked(pause_after_call)
        self.pause.setText(self.tr("&Resume work") if snap.paused else self.tr("&Pause…"))


class ActionButton(QPushButton):
    """A push button that mirrors a QAction's enabled and checked state and triggers it."""

    def __init__(self, action: QAction, text: str, role: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._action = action
        if role:
            self.setProperty("role", role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(action.toolTip())
        self.setCheckable(action.isCheckable())
        self.clicked.connect(self._trigger)
        action.changed.connect(self._sync)
        self._sync()

    @property
    def action(self) -> QAction:
        """The mirrored action."""
        return self._action

    def _trigger(self) -> None:
        if self.isCheckable():
            self.setChecked(self._action.isChecked())  # the snapshot decides, not the click
        self._action.trigger()

    def _sync(self) -> None:
        self.setEnabled(self._action.isEnabled())
        if self.isCheckable():
            self.setChecked(self._action.isChecked())
        self.setToolTip(self._action.toolTip())
