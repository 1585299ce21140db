"""Audio devices and sound effects that need no sound hardware."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QObject, QUrl

from desktop.agent.audio_devices import AudioDevices


class FakeDevice:
    """Answers like a QAudioDevice: id, description, null or not."""

    def __init__(self, device_id: bytes, description: str) -> None:
        self._id = device_id
        self._description = description

    def id(self) -> QByteArray:
        return QByteArray(self._id)

    def description(self) -> str:
        return self._description

    def isNull(self) -> bool:
        return not self._id

    def __repr__(self) -> str:
        return f"FakeDevice({self._id!r})"


NO_DEVICE = FakeDevice(b"", "")


class FakeMachine:
    """The plugged-in devices, changed by the test; ``devices`` watches them."""

    def __init__(self, *outputs: FakeDevice, parent: QObject | None = None) -> None:
        self.outputs = list(outputs)
        self.default = outputs[0] if outputs else NO_DEVICE
        self.microphone = FakeDevice(b"mic", "Headset microphone")
        self.devices = AudioDevices(
            parent,
            outputs=lambda: self.outputs,  # type: ignore[arg-type,return-value]
            default_output=lambda: self.default,  # type: ignore[arg-type,return-value]
            default_input=lambda: self.microphone,  # type: ignore[arg-type,return-value]
            watch=False,
        )

    def unplug(self, device: FakeDevice) -> None:
        self.outputs.remove(device)
        self.devices.changed.emit()

    def plug(self, device: FakeDevice) -> None:
        self.outputs.append(device)
        self.devices.changed.emit()


class RecordingEffect:
    """Records what a QSoundEffect would be told."""

    def __init__(self) -> None:
        self.source = QUrl()
        self.loops = 1
        self.volume = 1.0
        self.device: FakeDevice | None = None
        self.playing = False
        self.plays = 0

    def setSource(self, url: QUrl) -> None:
        self.source = url

    def setLoopCount(self, loop_count: int) -> None:
        self.loops = loop_count

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def setAudioDevice(self, device: FakeDevice) -> None:
        self.device = device

    def play(self) -> None:
        self.playing = True
        self.plays += 1

    def stop(self) -> None:
        self.playing = False


def recording_factory(into: list[RecordingEffect]) -> Callable[[], RecordingEffect]:
    """A factory for the player that keeps every effect it makes in ``into``."""

    def make() -> RecordingEffect:
        effect = RecordingEffect()
        into.append(effect)
        return effect

    return make


def playing_on(effects: list[RecordingEffect]) -> list[bytes]:
    """The ids of the devices the effects are playing on."""
    return [bytes(e.device.id().data()) for e in effects if e.playing and e.device is not None]
