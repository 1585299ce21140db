"""In the call panel: a supervisor on the call, the "Raise hand" button and who saw it.

Shown only while a relay answers (without one there is nobody to tell). Each change is
announced to assistive technology through the phone's :class:`Announcer`. The agent's
pauses in the app are told to the relay here too, so the board shows them at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.agent.announcer import Announcer
from desktop.agent.controller import AgentController
from desktop.agent.relay_link import AgentLink
from desktop.agent.state import AgentSnapshot
from desktop.core.board_stream import RelayUnavailable
from desktop.core.support import Coach, CoachMode, Hand, Support

__all__ = ["AgentSupport", "SupportPanel", "coach_text", "hand_text"]

log = logging.getLogger(__name__)


def coach_text(coach: Coach | None) -> str:
    """What the agent is told of a supervisor on the call ("" when none)."""
    if coach is None:
        return ""
    name = coach.supervisor or QCoreApplication.translate("AgentSupport", "unnamed")
    texts = {
        CoachMode.LISTEN: QCoreApplication.translate(
            "AgentSupport", "A supervisor (%1) is listening to the call"
        ),
        CoachMode.WHISPER: QCoreApplication.translate(
            "AgentSupport", "A supervisor (%1) is talking only to you"
        ),
        CoachMode.BARGE: QCoreApplication.translate(
            "AgentSupport", "A supervisor (%1) joined the call"
        ),
    }
    return texts[coach.mode].replace("%1", name)


def hand_text(hand: Hand | None) -> str:
    """The raised hand's state in words ("" when lowered)."""
    if hand is None:
        return ""
    if hand.seen_by:
        return QCoreApplication.translate("AgentSupport", "Supervisor %1 saw your request").replace(
            "%1", hand.seen_by
        )
    at = hand.since.astimezone().strftime("%H:%M")
    return QCoreApplication.translate(
        "AgentSupport", "Hand raised at %1, waiting for a supervisor"
    ).replace("%1", at)


class SupportPanel(QFrame):
    """The coach status line, the hand's state and the Raise hand / Lower hand button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportPanel")
        self.setAccessibleName(self.tr("Supervisor support"))
        self.coach = QLabel(wordWrap=True)
        self.coach.setObjectName("coachStatus")
        self.coach.setStyleSheet("#coachStatus { background: #ede7f6; padding: 4px; }")
        self.hand_status = QLabel(wordWrap=True)
        self.hand_status.setObjectName("handStatus")
        self.hand_button = QPushButton(self.tr("Raise hand"))
        self.hand_button.setObjectName("raiseHand")
        self.hand_button.setToolTip(self.tr("Ask a supervisor for help"))
        self.hand_button.setAccessibleDescription(self.tr("Ask a supervisor for help"))
        row = QHBoxLayout()
        row.addWidget(self.hand_status, 1)
        row.addWidget(self.hand_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.coach)
        layout.addLayout(row)
        self.show_support(Support(""))
        self.hide()

    def show_support(self, support: Support) -> None:
        """Show ``support`` (what the relay lets the agent see)."""
        coach = coach_text(support.coach)
        self.coach.setText(coach)
        self.coach.setAccessibleName(coach)
        self.coach.setVisible(bool(coach))
        hand = hand_text(support.hand)
        self.hand_status.setText(hand)
        self.hand_status.setAccessibleName(hand)
        up = support.hand is not None
        self.hand_button.setText(self.tr("Lower hand") if up else self.tr("Raise hand"))
        self.hand_button.setAccessibleName(self.hand_button.text())


class AgentSupport(QObject):
    """Joins the agent's relay link to the panel, the announcer and the phone's pauses."""

    def __init__(
        self,
        link: AgentLink,
        panel: SupportPanel,
        controller: AgentController,
        announcer: Announcer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.panel = panel
        self.controller = controller
        self.announcer = announcer
        self._shown = Support(link.ramal)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._paused = controller.snapshot.paused
        self._closed = False
        link.subscribe(self._on_support, self._on_available)
        panel.hand_button.clicked.connect(self._toggle_hand)
        controller.changed.connect(self._on_changed)

    def start(self) -> None:
        """Connect to the relay (a pause already running is told once connected)."""
        if self._paused:
            self._spawn(lambda: self.link.pause(True, self._pause_reason()))
        self.link.start()

    def _pause_reason(self) -> str:
        entries = self.controller.pause_log.open_entries()
        return entries[-1].reason.label if entries else ""

    async def aclose(self) -> None:
        """Disconnect, and wait for requests under way (the widgets are left alone)."""
        self._closed = True
        await self.link.aclose()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _spawn(self, work: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        task = asyncio.ensure_future(work())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _on_available(self, available: bool) -> None:
        if not self._closed:
            self.panel.setVisible(available)

    def _on_support(self, support: Support) -> None:
        if self._closed:
            return
        old, self._shown = self._shown, support
        self.panel.show_support(support)
        if support.coach != old.coach:
            if support.coach is not None and (
                old.coach is None or old.coach.mode is not support.coach.mode
            ):
                self.announcer.announce(coach_text(support.coach), assertive=True)
            elif support.coach is None and old.coach is not None:
                self.announcer.announce(self.tr("The supervisor left the call"))
        seen = support.hand.seen_by if support.hand else ""
        if seen and not (old.hand and old.hand.seen_by):
            self.announcer.announce(hand_text(support.hand), assertive=True)

    def _toggle_hand(self) -> None:
        up = self._shown.hand is None

        async def send() -> None:
            try:
                await self.link.raise_hand(up)
            except RelayUnavailable as exc:
                log.info("hand not sent: %s", exc)
                self.announcer.announce(
                    self.tr("Your request did not reach the supervisors; try again.")
                )
                return
            if up:
                self.announcer.announce(self.tr("Hand raised"))

        self._spawn(send)

    def _on_changed(self, snap: AgentSnapshot) -> None:
        if snap.paused == self._paused:
            return
        self._paused = snap.paused
        reason = self._pause_reason() if snap.paused else ""
        paused = snap.paused

        async def send() -> None:
            try:
                await self.link.pause(paused, reason)
            except RelayUnavailable as exc:  # told again once the relay is back
                log.info("pause not told to the relay yet: %s", exc)

        self._spawn(send)
