"""An incoming call gets noticed: ring sound, native notification, window to the front."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Final, Protocol

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtMultimedia import QAudioDevice, QSoundEffect
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from desktop.agent.audio_devices import AudioDevices, device_id_bytes, ring_outputs
from desktop.agent.state import AgentSnapshot, AgentState
from desktop.agent.words import pretty_number
from desktop.resources import resources_dir

_INFINITE: Final = -2  # QSoundEffect.Loop.Infinite


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


class RingEffect(Protocol):
    """The part of :class:`QSoundEffect` the ring uses (injectable for tests)."""

    def setSource(self, url: QUrl) -> None:
        """The sound to play."""

    def setLoopCount(self, loop_count: int) -> None:
        """How often to play it."""

    def setVolume(self, volume: float) -> None:
        """Loudness, 0.0–1.0."""

    def setAudioDevice(self, device: QAudioDevice) -> None:
        """The output to play on."""

    def play(self) -> None:
        """Start playing."""

    def stop(self) -> None:
        """Stop playing."""


EffectFactory = Callable[[], RingEffect]


class SoundEffectPlayer:
    """The ring through QtMultimedia's QSoundEffect, looping; silent when unavailable.

    It plays on the output chosen with :meth:`configure` (the system default unless
    told), and on the default too with ``also_default``. A chosen output that is not
    connected rings on the default instead; plugged back in, it is used again, even in
    the middle of a ring. ``devices`` and ``effect_factory`` are injectable for tests.

    Without any output device (or without PulseAudio on Linux) QSoundEffect stays
    silent and the rest still works.
    """

    def __init__(
        self,
        path: str | None = None,
        parent: QObject | None = None,
        *,
        devices: AudioDevices | None = None,
        effect_factory: EffectFactory | None = None,
    ) -> None:
        self._playing = False
        self._factory: EffectFactory = effect_factory or QSoundEffect
        self._devices = devices or AudioDevices(parent)
        self._devices.changed.connect(self._route)
        self._source = QUrl.fromLocalFile(path or ring_path())
        self._silent = False
        self._volume = 0.8
        self._device_id = b""
        self._also_default = False
        self._effects: list[RingEffect] = []
        self._outputs: list[QAudioDevice] = []
        self._effect(0)

    @property
    def effect(self) -> RingEffect:
        """The first sound effect (more are made when ringing on two outputs)."""
        return self._effect(0)

    @property
    def outputs(self) -> list[QAudioDevice]:
        """The outputs the ring plays on while ringing (empty when stopped)."""
        return list(self._outputs) if self._playing else []

    def configure(
        self,
        *,
        sound: str = "default",
        volume: int = 80,
        device_id: bytes = b"",
        also_default: bool = False,
    ) -> None:
        """Use ``sound`` (``default``, ``none`` or a WAV path) at ``volume`` (0–100).

        ``device_id`` names the chosen output (``b""``: the system default).
        """
        self._silent = sound == "none"
        path = ring_path() if sound in ("default", "none") else sound
        self._source = QUrl.fromLocalFile(path)
        self._volume = max(0, min(100, volume)) / 100
        self._device_id = device_id
        self._also_default = also_default
        for effect in self._effects:
            self._prepare(effect)
        if self._playing:
            self._outputs = []  # start again with the new sound
            self._route()

    def play(self) -> None:  # noqa: D102
        self._playing = True
        self._route()

    def stop(self) -> None:  # noqa: D102
        self._playing = False
        self._outputs = []
        for effect in self._effects:
            effect.stop()

    def is_playing(self) -> bool:  # noqa: D102
        return self._playing

    def _route(self) -> None:
        # The outputs are looked up at every start and device change, never remembered.
        if not self._playing:
            return
        if self._silent:
            self._outputs = []
            for effect in self._effects:
                effect.stop()
            return
        outputs = ring_outputs(self._devices, self._device_id, self._also_default)
        if [device_id_bytes(d) for d in outputs] == [device_id_bytes(d) for d in self._outputs]:
            return
        for effect in self._effects:
            effect.stop()
        self._outputs = outputs
        for index, device in enumerate(outputs):
            effect = self._effect(index)
            if not device.isNull():  # no output at all: leave QSoundEffect to stay silent
                effect.setAudioDevice(device)
            effect.play()

    def _effect(self, index: int) -> RingEffect:
        while len(self._effects) <= index:
            effect = self._factory()  # owned here: a Qt parent would tie the alert in a cycle
            self._prepare(effect)
            self._effects.append(effect)
        return self._effects[index]

    def _prepare(self, effect: RingEffect) -> None:
        effect.setSource(self._source)
        effect.setLoopCount(_INFINITE)
        effect.setVolume(self._volume)


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
