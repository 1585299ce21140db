"""The machine's audio devices: where the ring plays and what the webphone's call uses.

The ring is the app's own sound, so it can play on any output. The call's audio runs
inside Chromium (QtWebEngine), which always uses the system's default microphone and
speaker: the app can only show them and say where to change them.
"""

from __future__ import annotations

import base64
import binascii
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

__all__ = [
    "AudioDevices",
    "CallDevicesInfo",
    "decode_device_id",
    "device_id_bytes",
    "encode_device_id",
    "ring_outputs",
]


def encode_device_id(raw: bytes) -> str:
    """The device id as settings keep it (base64: ids are bytes, not always text)."""
    return base64.b64encode(raw).decode("ascii")


def decode_device_id(text: str) -> bytes:
    """The device id bytes; ``b""`` (the system default) for empty or damaged text."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return b""


def device_id_bytes(device: QAudioDevice) -> bytes:
    """``device.id()`` as plain bytes."""
    return bytes(device.id().data())


class AudioDevices(QObject):
    """The audio devices Qt sees, with one :attr:`changed` signal for plugging in and out.

    Every source is injectable (defaults: :class:`QMediaDevices`) so tests run without
    sound hardware; with ``watch=False`` nothing is watched and tests emit ``changed``.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        outputs: Callable[[], Sequence[QAudioDevice]] = QMediaDevices.audioOutputs,
        default_output: Callable[[], QAudioDevice] = QMediaDevices.defaultAudioOutput,
        default_input: Callable[[], QAudioDevice] = QMediaDevices.defaultAudioInput,
        watch: bool = True,
    ) -> None:
        super().__init__(parent)
        self._outputs = outputs
        self._default_output = default_output
        self._default_input = default_input
        if watch:
            media = QMediaDevices(self)
            media.audioOutputsChanged.connect(self.changed)
            media.audioInputsChanged.connect(self.changed)

    def outputs(self) -> list[QAudioDevice]:
        """The outputs present now."""
        return list(self._outputs())

    def default_output(self) -> QAudioDevice:
        """The system's default output (a null device when there is none)."""
        return self._default_output()

    def default_input(self) -> QAudioDevice:
        """The system's default input (a null device when there is none)."""
        return self._default_input()

    def find_output(self, device_id: bytes) -> QAudioDevice | None:
        """The output with ``device_id`` if it is connected now."""
        if not device_id:
            return None
        return next((d for d in self.outputs() if device_id_bytes(d) == device_id), None)


def ring_outputs(devices: AudioDevices, device_id: bytes, also_default: bool) -> list[QAudioDevice]:
    """Where the ring plays now: the chosen output, else the default; both when asked.

    A chosen output that is not connected falls back to the default, and is used again
    as soon as it is back (the choice is resolved each time the ring starts).
    """
    default = devices.default_output()
    chosen = devices.find_output(device_id)
    if chosen is None:
        return [default]
    if also_default and device_id_bytes(default) != device_id and not default.isNull():
        return [chosen, default]
    return [chosen]


class CallDevicesInfo(QWidget):
    """Shows the microphone and speaker the webphone's calls use, and where to change them.

    Chromium takes the system defaults and QtWebEngine offers no choice per page, so the
    text points to the system's sound settings for ``platform`` (default: this one).
    """

    def __init__(
        self,
        devices: AudioDevices | None = None,
        parent: QWidget | None = None,
        *,
        platform: str = sys.platform,
    ) -> None:
        super().__init__(parent)
        self._devices = devices or AudioDevices(self)
        self.setAccessibleName(self.tr("Call audio devices"))
        self.microphone = QLabel()
        self.microphone.setAccessibleName(self.tr("Call microphone"))
        self.microphone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.speaker = QLabel()
        self.speaker.setAccessibleName(self.tr("Call speaker"))
        self.speaker.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self._hint(platform))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("muted")
        self.hint.setAccessibleName(self.tr("How to change the call's devices"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Call microphone:"), self.microphone)
        form.addRow(self.tr("Call speaker:"), self.speaker)
        form.addRow(self.hint)
        self._devices.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the current defaults."""
        self.microphone.setText(self._name(self._devices.default_input()))
        self.speaker.setText(self._name(self._devices.default_output()))

    def _name(self, device: QAudioDevice) -> str:
        if device.isNull():
            return self.tr("none found")
        return device.description() or self.tr("unnamed device")

    def _hint(self, platform: str) -> str:
        intro = self.tr(
            "Calls use the system's default microphone and speaker (the webphone runs in "
            "the app's built-in browser, which cannot choose its own). "
        )
        if platform.startswith("win"):
            where = self.tr("To change them: Windows Settings → System → Sound.")
        elif platform == "darwin":
            where = self.tr("To change them: System Settings → Sound.")
        else:
            where = self.tr("To change them: your desktop's sound settings, or pavucontrol.")
        return intro + where
