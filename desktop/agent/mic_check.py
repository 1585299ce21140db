"""A window to check the microphone before taking calls: device, live level, advice.

The microphone is open only while the window is shown; hiding or closing it stops the
audio source, so the check never competes with the webphone for the device.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.agent.mic_level import (
    FLOOR_DBFS,
    Level,
    Verdict,
    level_of_int16,
    meter_percent,
    verdict_of,
)

__all__ = [
    "AudioInput",
    "AudioSourceFactory",
    "MicCheckDialog",
    "input_format",
    "open_mic_check",
]

log = logging.getLogger(__name__)

_TICK_MS = 100
_WINDOW_TICKS = 15  # the verdict looks at the last 1.5 s
_FIRST_VERDICT_TICKS = 5  # say nothing for the first half second
_MAX_BUFFER = 1 << 20  # never hold more than 1 MiB of unread samples
_FAILED = (QtAudio.Error.OpenError, QtAudio.Error.IOError, QtAudio.Error.FatalError)


class AudioInput(Protocol):
    """The part of :class:`QAudioSource` the dialog uses (pull mode)."""

    def start(self) -> QIODevice:
        """Open the device and return the stream to read samples from."""

    def stop(self) -> None:
        """Close the device."""

    def error(self) -> QtAudio.Error:
        """The last error, ``NoError`` when fine."""


AudioSourceFactory = Callable[[QAudioDevice, QAudioFormat, QObject], AudioInput]


def _qt_audio_source(device: QAudioDevice, fmt: QAudioFormat, parent: QObject) -> AudioInput:
    return QAudioSource(device, fmt, parent)


def input_format(device: QAudioDevice) -> QAudioFormat:
    """Signed 16-bit mono at the device's own rate, or the closest format it supports."""
    preferred = device.preferredFormat()
    fmt = QAudioFormat()
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    fmt.setSampleRate(preferred.sampleRate() if preferred.isValid() else 48_000)
    fmt.setChannelCount(1)
    if device.isNull() or device.isFormatSupported(fmt):
        return fmt
    # Some devices only capture stereo; the level of interleaved channels is still right.
    fmt.setChannelCount(max(1, device.minimumChannelCount()))
    if not device.isFormatSupported(fmt):
        rate = min(max(fmt.sampleRate(), device.minimumSampleRate()), device.maximumSampleRate())
        fmt.setSampleRate(rate)
    return fmt


class MicCheckDialog(QDialog):
    """Non-modal microphone test: pick an input, watch the level bar, read the verdict.

    ``devices`` lists the inputs (default: :meth:`QMediaDevices.audioInputs`) and
    ``source_factory`` opens one (default: a :class:`QAudioSource`); both are injectable
    so tests can run without sound hardware.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        devices: Callable[[], Sequence[QAudioDevice]] = QMediaDevices.audioInputs,
        source_factory: AudioSourceFactory = _qt_audio_source,
    ) -> None:
        super().__init__(parent)
        self._devices_of = devices
        self._factory = source_factory
        self._devices: list[QAudioDevice] = []
        self._source: AudioInput | None = None
        self._stream: QIODevice | None = None
        self._pending = bytearray()
        self._recent: deque[Level] = deque(maxlen=_WINDOW_TICKS)
        self._ticks = 0
        self._timer = QTimer(self, interval=_TICK_MS)
        self._timer.timeout.connect(self._tick)

        self.setWindowTitle(self.tr("Microphone test"))
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        intro = QLabel(
            self.tr(
                "Speak as you do on a call: the bar should move and say “Good level”. "
                "The microphone is used only while this window is open."
            )
        )
        intro.setWordWrap(True)
        self.device_box = QComboBox()
        self.device_box.currentIndexChanged.connect(self._on_device_chosen)
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("micVerdict")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("micProblem")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Microphone:"), self.device_box)
        form.addRow(self.tr("Level:"), self.meter)
        form.addRow("", self.verdict_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(460, 240)

        self._media = QMediaDevices(self)
        self._media.audioInputsChanged.connect(self.refresh_devices)
        self.refresh_devices()

    # --- state -----------------------------------------------------------------------

    @property
    def is_listening(self) -> bool:
        """True while the audio source is open."""
        return self._source is not None

    @property
    def verdict(self) -> Verdict | None:
        """The current verdict, or None before there is enough sound to judge."""
        if self._source is None or self._ticks < _FIRST_VERDICT_TICKS:
            return None
        return verdict_of(self._recent)

    # --- devices ---------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """List the inputs again, keeping the chosen one when it is still there."""
        previous = self._current_id()
        self._devices = list(self._devices_of())
        self.device_box.blockSignals(True)
        self.device_box.clear()
        for device in self._devices:
            self.device_box.addItem(device.description() or self.tr("Unnamed microphone"))
        index = next(
            (i for i, d in enumerate(self._devices) if previous and d.id() == previous), -1
        )
        if index < 0:
            index = next((i for i, d in enumerate(self._devices) if d.isDefault()), 0)
        self.device_box.setCurrentIndex(index if self._devices else -1)
        self.device_box.setEnabled(bool(self._devices))
        self.device_box.blockSignals(False)
        if self.isVisible() and (self._current_id() != previous or not self._devices):
            self._restart()
        elif not self._devices:
            self._show_no_device()

    def _current_id(self) -> bytes:
        index = self.device_box.currentIndex()
        if 0 <= index < len(self._devices):
            return bytes(self._devices[index].id().data())
        return b""

    def _on_device_chosen(self, _index: int) -> None:
        if self.isVisible():
            self._restart()

    # --- listening -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Open the microphone when the window appears."""
        super().showEvent(event)
        if not event.spontaneous():
            self._restart()

    def hideEvent(self, event: QHideEvent) -> None:
        """Release the microphone as soon as the window is hidden or closed."""
        if not event.spontaneous():
            self._stop()
        super().hideEvent(event)

    def _restart(self) -> None:
        self._stop()
        index = self.device_box.currentIndex()
        if not 0 <= index < len(self._devices):
            self._show_no_device()
            return
        device = self._devices[index]
        name = self.device_box.currentText()
        source = self._factory(device, input_format(device), self)
        stream = source.start()
        if stream is None or source.error() in _FAILED:
            log.warning("microphone %r did not open: %s", name, source.error())
            source.stop()
            self._show_open_failure(name)
            return
        self._source, self._stream = source, stream
        stream.readyRead.connect(self._drain)
        self.problem.hide()
        self.meter.setEnabled(True)
        self._timer.start()
        self._show_level()

    def _stop(self) -> None:
        self._timer.stop()
        source, stream = self._source, self._stream
        self._source = self._stream = None
        if stream is not None:
            stream.readyRead.disconnect(self._drain)
        if source is not None:
            source.stop()
            if isinstance(source, QObject):
                source.deleteLater()
        self._pending.clear()
        self._recent.clear()
        self._ticks = 0
        self.meter.setValue(0)

    def _drain(self) -> None:
        if self._stream is None:
            return
        self._pending += self._stream.readAll().data()
        if len(self._pending) > _MAX_BUFFER:
            del self._pending[: len(self._pending) - _MAX_BUFFER]

    def _tick(self) -> None:
        source = self._source
        if source is None:
            return
        if source.error() in _FAILED:
            name = self.device_box.currentText()
            log.warning("microphone %r stopped: %s", name, source.error())
            self._stop()
            self._show_open_failure(name)
            return
        self._drain()
        if self._pending:
            level = level_of_int16(self._pending)
            self._pending.clear()
        else:
            level = Level(FLOOR_DBFS, FLOOR_DBFS, clipped=False)
        self._recent.append(level)
        self._ticks += 1
        self.meter.setValue(meter_percent(level.rms_dbfs))
        self._show_level()

    # --- words -----------------------------------------------------------------------

    def _show_level(self) -> None:
        verdict = self.verdict
        if verdict is None:
            text = self.tr("Listening…")
        elif verdict is Verdict.NO_SOUND:
            text = self.tr("No sound — check the microphone or its mute switch")
        elif verdict is Verdict.TOO_LOUD:
            text = self.tr("Too loud")
        else:
            text = self.tr("Good level")
        self.verdict_label.setText(text)
        self.verdict_label.setProperty("verdict", verdict.value if verdict else "")

    def _show_no_device(self) -> None:
        self._show_problem(
            self.tr(
                "No microphone found. Plug in a headset or a microphone: it appears here by "
                "itself. If one is plugged in, check that the operating system's privacy "
                "settings allow apps to use the microphone."
            )
        )

    def _show_open_failure(self, name: str) -> None:
        self._show_problem(
            self.tr(
                "The microphone “%1” could not be opened. Check that the operating system's "
                "privacy settings allow Ramal Desktop to use the microphone, unplug and plug "
                "the headset back in, or choose another microphone."
            ).replace("%1", name)
        )

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.meter.setValue(0)
        self.meter.setEnabled(False)
        self.verdict_label.setText("")


def open_mic_check(parent: QWidget | None) -> MicCheckDialog:
    """Show the microphone test (non-modal); a second call raises the open window."""
    if parent is not None:
        for existing in parent.findChildren(MicCheckDialog):
            if existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
    dialog = MicCheckDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
