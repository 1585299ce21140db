"""The phone's state changes spoken by screen readers: ringing, calls, pauses, outages.

What to say is decided here; :class:`desktop.accessibility.Announcer` says it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.accessibility import Announcer as BaseAnnouncer
from desktop.accessibility import spoken_duration
from desktop.agent.state import AgentSnapshot, AgentState, Direction
from desktop.agent.words import pretty_number

__all__ = ["Announcer", "announcement_for", "health_announcement", "spoken_duration"]


def announcement_for(
    previous: AgentSnapshot, snap: AgentSnapshot, *, declined: bool = False
) -> str | None:
    """What to say when the agent goes from ``previous`` to ``snap`` (None: nothing new).

    ``declined``: the agent refused the call that just ended (it was not missed).
    """
    before, now = previous.state, snap.state
    call = snap.call
    if now is AgentState.RINGING and before is not AgentState.RINGING:
        number = pretty_number(call.number) if call is not None else ""
        return QCoreApplication.translate("Announcer", "Incoming call from %1").replace(
            "%1", number or QCoreApplication.translate("Announcer", "unknown number")
        )
    if now is AgentState.TALKING and before is not AgentState.TALKING:
        number = pretty_number(call.number) if call is not None else ""
        return (
            QCoreApplication.translate("Announcer", "Connected to %1").replace("%1", number)
            if number
            else QCoreApplication.translate("Announcer", "Connected")
        )
    if now is AgentState.ENDED and before is not AgentState.ENDED:
        if call is not None and call.error:
            return QCoreApplication.translate("Announcer", "Call failed: %1").replace(
                "%1", call.error
            )
        if call is not None and call.answered_at is not None and call.ended_at is not None:
            seconds = call.talk_seconds(call.ended_at)
            return QCoreApplication.translate("Announcer", "Call ended after %1").replace(
                "%1", spoken_duration(seconds)
            )
        if declined:
            return QCoreApplication.translate("Announcer", "Call declined")
        if call is not None and call.direction is Direction.INBOUND:
            return QCoreApplication.translate("Announcer", "Missed call")
        return QCoreApplication.translate("Announcer", "Call ended, not answered")
    if now is AgentState.DISCONNECTED and before is not AgentState.DISCONNECTED:
        if snap.unexpected_disconnect:
            return QCoreApplication.translate(
                "Announcer", "Phone disconnected: the connection dropped, reconnecting"
            )
        if snap.last_error:
            return QCoreApplication.translate("Announcer", "Phone disconnected: %1").replace(
                "%1", snap.last_error
            )
        return QCoreApplication.translate("Announcer", "Phone disconnected")
    if now is AgentState.READY and before in (AgentState.DISCONNECTED, AgentState.CONNECTING):
        return (
            QCoreApplication.translate("Announcer", "Phone connected, paused")
            if snap.paused
            else QCoreApplication.translate("Announcer", "Phone connected, ready")
        )
    if snap.paused and not previous.paused:
        return QCoreApplication.translate("Announcer", "Paused")
    if previous.paused and not snap.paused and now is not AgentState.DISCONNECTED:
        return QCoreApplication.translate("Announcer", "Pause ended, taking calls")
    return None


def health_announcement(health: str, reason: str) -> str | None:
    """What to say when the webphone's health changes (down, and why; back)."""
    if health == "down":
        return (
            QCoreApplication.translate("Announcer", "Webphone not working: %1").replace(
                "%1", reason
            )
            if reason
            else None
        )
    return None


class Announcer(BaseAnnouncer):
    """Speaks the phone's state changes through the accessibility bridge and a status label.

    ``status`` is the label (shown in the status bar) whose text and accessible name
    follow the last announcement; ``announced`` lets the app and tests hear them.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            parent, QCoreApplication.translate("Announcer", "Latest change of the phone's state")
        )
        self._snap = AgentSnapshot()
        self._health = "ok"
        self._declined = False

    def note_declined(self) -> None:
        """The agent refused the ringing call: its end is not a missed call."""
        self._declined = True

    def follow(self, snap: AgentSnapshot) -> None:
        """Announce what changed since the last snapshot."""
        previous, self._snap = self._snap, snap
        text = announcement_for(previous, snap, declined=self._declined)
        if snap.state is not AgentState.RINGING:
            self._declined = False
        if text:
            urgent = snap.state in (AgentState.RINGING, AgentState.DISCONNECTED)
            self.announce(text, assertive=urgent)

    def follow_health(self, health: str, reason: str) -> None:
        """Announce the webphone going down, with its reason."""
        if health == self._health:
            return
        self._health = health
        text = health_announcement(health, reason)
        if text:
            self.announce(text, assertive=True)
