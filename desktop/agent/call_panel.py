"""The current call: who, which way, its state in words, a big timer, and the call buttons."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.agent.actions import ActionButton, AgentActions
from desktop.agent.state import AgentSnapshot, AgentState, Direction
from desktop.agent.theme import MUTED_TEXT, RED, STATE_COLOURS, icon
from desktop.agent.words import (
    call_state_words,
    direction_words,
    duration,
    pretty_number,
    state_words,
)


class CallPanel(QFrame):
    """Shows the snapshot's call; its buttons mirror the agent's actions.

    Which buttons show and which are enabled depend on the snapshot alone (through
    :class:`AgentActions`): a click sends a command, and nothing here changes until the
    webphone's event produces a new snapshot.
    """

    def __init__(self, actions: AgentActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._snap = AgentSnapshot()
        self._details = ""
        title = QLabel(self.tr("CURRENT CALL"))
        title.setObjectName("cardTitle")
        self.state = QLabel()
        self.state.setObjectName("callState")
        self.number = QLabel()
        self.number.setObjectName("callNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        self.timer = QLabel("00:00")
        self.timer.setObjectName("callTimer")
        self.timer.setAccessibleName(self.tr("Call duration"))
        self.recording_badge = QLabel(self.tr("● REC"))
        self.recording_badge.setObjectName("badgeRec")
        self.recording_badge.setToolTip(self.tr("This part of the call is being recorded"))
        self.muted_badge = QLabel(self.tr("MUTED"))
        self.muted_badge.setObjectName("badgeMuted")
        self.muted_badge.setToolTip(self.tr("The other side cannot hear you"))

        self.call_button = ActionButton(actions.dial, self.tr("Call"), "go")
        self.answer_button = ActionButton(actions.answer, self.tr("Answer"), "go")
        self.decline_button = ActionButton(actions.decline, self.tr("Decline"), "stop")
        self.hang_up_button = ActionButton(actions.hang_up, self.tr("Hang up"), "stop")
        self.ready_button = ActionButton(actions.ready, self.tr("Ready for next call"))
        for button, name in (
            (self.call_button, "phone"),
            (self.answer_button, "phone"),
            (self.decline_button, "phone-hangup"),
            (self.hang_up_button, "phone-hangup"),
        ):
            button.setIcon(icon(name))
            button.setIconSize(QSize(20, 20))
            button.setMinimumHeight(46)
        self.mute_button = ActionButton(actions.mute, self.tr("Mute"))
        self.record_button = ActionButton(actions.record, self.tr("Record"))
        self.transfer_button = ActionButton(actions.transfer, self.tr("Transfer"))
        self.attended_button = ActionButton(actions.attended_transfer, self.tr("Attended"))
        for button in (
            self.mute_button,
            self.record_button,
            self.transfer_button,
            self.attended_button,
        ):
            button.setIcon(button.action.icon())
            button.setMinimumHeight(38)

        badges = QHBoxLayout()
        badges.setSpacing(8)
        badges.addStretch(1)
        badges.addWidget(self.recording_badge)
        badges.addWidget(self.muted_badge)
        badges.addStretch(1)
        primary = QHBoxLayout()
        primary.setSpacing(10)
        for button in (
            self.call_button,
            self.answer_button,
            self.decline_button,
            self.hang_up_button,
        ):
            primary.addWidget(button, 1)
        secondary = QHBoxLayout()
        secondary.setSpacing(8)
        for button in (
            self.mute_button,
            self.record_button,
            self.transfer_button,
            self.attended_button,
        ):
            secondary.addWidget(button, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 18)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addStretch(2)
        for label in (self.state, self.number, self.detail, self.timer):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addLayout(badges)
        # The relay's supervisor support goes here (empty without a relay).
        self.support_slot = QVBoxLayout()
        layout.addLayout(self.support_slot)
        layout.addStretch(3)
        layout.addLayout(primary)
        layout.addWidget(self.ready_button)
        layout.addLayout(secondary)
        self.set_snapshot(self._snap, datetime.now().astimezone())

    @property
    def buttons(self) -> dict[str, ActionButton]:
        """Every call button by action name (as :func:`enabled_for` names them)."""
        return {
            "dial": self.call_button,
            "answer": self.answer_button,
            "decline": self.decline_button,
            "hang_up": self.hang_up_button,
            "ready": self.ready_button,
            "mute": self.mute_button,
            "record": self.record_button,
            "transfer": self.transfer_button,
            "attended_transfer": self.attended_button,
        }

    def set_snapshot(self, snap: AgentSnapshot, now: datetime) -> None:
        """Show ``snap``'s call (or that there is none)."""
        if snap.call is None or snap.call.chamada_id != self._call_id():
            self._details = ""
        self._snap = snap
        state = snap.state
        call = snap.call
        showing_call = call is not None and state in (
            AgentState.RINGING,
            AgentState.DIALING,
            AgentState.TALKING,
            AgentState.ENDED,
        )
        colour = STATE_COLOURS[state] if showing_call else MUTED_TEXT
        if showing_call and call is not None:
            words = call_state_words(state)
            self.state.setText(f"{direction_words(call.direction)} · {words}")
            self.number.setText(pretty_number(call.number) or self.tr("Unknown number"))
        else:
            self.state.setText(state_words(snap))
            self.number.setText(self.tr("No call"))
        self.state.setStyleSheet(f"color: {colour};")
        self.number.setStyleSheet("" if showing_call else f"color: {MUTED_TEXT};")
        self._show_detail()
        ringing_card = state is AgentState.RINGING
        if self.property("ringing") != ringing_card:
            self.setProperty("ringing", ringing_card)
            self.style().unpolish(self)
            self.style().polish(self)
        self.recording_badge.setVisible(snap.recording)
        self.muted_badge.setVisible(snap.muted)
        ringing = state is AgentState.RINGING
        live = state in (AgentState.DIALING, AgentState.TALKING)
        self.call_button.setVisible(not ringing and not live)
        self.answer_button.setVisible(ringing)
        self.decline_button.setVisible(ringing)
        self.hang_up_button.setVisible(live)
        self.ready_button.setVisible(state is AgentState.ENDED)
        self.set_now(now)

    def set_details(self, text: str) -> None:
        """Extra words about the call (from its API record)."""
        self._details = text
        self._show_detail()

    def _call_id(self) -> str | None:
        return self._snap.call.chamada_id if self._snap.call is not None else None

    def _show_detail(self) -> None:
        snap = self._snap
        call = snap.call
        parts: list[str] = []
        colour = MUTED_TEXT
        if call is not None and snap.state is not AgentState.READY:
            if call.direction is Direction.INBOUND and call.destination:
                parts.append(self.tr("to %1").replace("%1", call.destination))
            if call.chamada_id:
                parts.append(self.tr("call #%1").replace("%1", call.chamada_id))
            if self._details:
                parts.append(self._details)
            if call.error and snap.state is AgentState.ENDED:
                parts = [self.tr("Failed: %1").replace("%1", call.error)]
                colour = RED
        elif snap.state is AgentState.READY:
            parts.append(self.tr("Type a number and press Enter, or wait for a call."))
        self.detail.setText(" · ".join(parts))
        self.detail.setStyleSheet(f"color: {colour};")

    def set_now(self, now: datetime) -> None:
        """Refresh the timer (called every second)."""
        snap = self._snap
        call = snap.call
        seconds = 0
        live = False
        if call is not None and snap.state in (AgentState.TALKING, AgentState.ENDED):
            seconds = call.talk_seconds(now)
            live = snap.state is AgentState.TALKING
        elif call is not None and snap.state in (AgentState.RINGING, AgentState.DIALING):
            seconds = max(0, int((now - call.started_at).total_seconds()))
        text = duration(seconds)
        if self.timer.text() != text:
            self.timer.setText(text)
        if self.timer.property("live") != live:
            self.timer.setProperty("live", live)
            self.timer.style().unpolish(self.timer)
            self.timer.style().polish(self.timer)
