"""An incoming call gets noticed: ring sound, native notification, window to the front."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from desktop.agent.state import AgentSnapshot, AgentState
from desktop.agent.words import pretty_number
from desktop.resources import resources_dir

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)


def ring_path() -> str:
    """Where the ring sound lives."""
    return str(resources_dir() / "sounds" / "ring.wav")


class RingPlayer(Protocol):
    """Plays the ring in a loop until stopped."""

    def play(self) -> None:
        """Start ringing."""

    def stop(self) -> None:
        """Stop ringing."""

    def is_playing(self) -> bool:
        """True between ``play`` and ``stop``."""


class SoundEffectPlayer:
    """The ring through QtMultimedia's QSoundEffect, looping; silent when unavailable.

    QtMultimedia may be missing its system libraries (PulseAudio on Linux) or have no
    output device: then the ring is skipped, logged once, and the rest still works.
    """

    def __init__(self, path: str | None = None, parent: QObject | None = None) -> None:
        self._playing = False
        self._effect: QSoundEffect | None = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:
            log.warning("no ring sound (QtMultimedia unavailable): %s", exc)
            return
        effect = QSoundEffect(parent)
        effect.setSource(QUrl.fromLocalFile(path or ring_path()))
        effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
        effect.setVolume(0.8)
        self._effect = effect

    @property
    def effect(self) -> QSoundEffect | None:
        """The QSoundEffect, or None when QtMultimedia could not load."""
        return self._effect

    def play(self) -> None:  # noqa: D102
        self._playing = True
        if self._effect is not None:
            self._effect.play()

    def stop(self) -> None:  # noqa: D102
        self._playing = False
        if self._effect is not None:
            self._effect.stop()

    def is_playing(self) -> bool:  # noqa: D102
        return self._playing


class IncomingAlert(QObject):
    """Follows snapshots: rings, notifies and raises ``window`` once per incoming call.

    ``tray`` is the app's system-tray icon; without one (or without a system tray) the
    notification is skipped. The ring stops as soon as the state leaves ``ringing``.
    """

    def __init__(
        self,
        window: QWidget,
        player: RingPlayer | None = None,
        tray: QSystemTrayIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._player: RingPlayer = player or SoundEffectPlayer(parent=self)
        self._tray = tray
        self._ringing_call: tuple[str, datetime] | None = None
        self.last_notification: tuple[str, str] | None = None

    @property
    def player(self) -> RingPlayer:
        """The ring player."""
        return self._player

    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        """Use ``tray`` for notifications from now on."""
        self._tray = tray

    def update(self, snap: AgentSnapshot) -> None:
        """Start or stop alerting for ``snap``."""
        call = snap.call
        if snap.state is AgentState.RINGING and call is not None:
            key = (call.number, call.started_at)
            if key != self._ringing_call:
                self._ringing_call = key
                self._alert(call.number, call.destination)
            return
        if self._ringing_call is not None:
            self._ringing_call = None
            self._player.stop()

    def stop(self) -> None:
        """Silence the ring (window closing)."""
        self._ringing_call = None
        self._player.stop()

    def _alert(self, number: str, destination: str | None) -> None:
        self._player.play()
        title = self.tr("Incoming call")
        shown = pretty_number(number) or self.tr("Unknown number")
        body = (
            self.tr("%1 is calling %2").replace("%1", shown).replace("%2", destination)
            if destination
            else self.tr("%1 is calling").replace("%1", shown)
        )
        tray = self._tray
        if tray is not None and QSystemTrayIcon.isSystemTrayAvailable() and tray.isVisible():
            tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 20_000)
            self.last_notification = (title, body)
        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
