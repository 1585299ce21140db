from __future__ import annotations

import math
import struct
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QMediaDevices, QtAudio
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.agent.mic_check import MicCheckDialog, input_format, open_mic_check
from desktop.agent.mic_level import (
    FLOOR_DBFS,
    Level,
    Verdict,
    level_of_int16,
    meter_percent,
    verdict_of,
)

RATE = 48_000


def pcm(samples: list[int]) -> bytes:
    return struct.pack(f"<{len(samples)}h", *samples)


def sine(amplitude: float, seconds: float = 0.1, hz: float = 1_000.0) -> list[int]:
    count = int(RATE * seconds)
    return [round(amplitude * math.sin(2 * math.pi * hz * i / RATE)) for i in range(count)]


# --- level arithmetic -----------------------------------------------------------------


def test_silence_is_the_floor() -> None:
    level = level_of_int16(pcm([0] * 4800))
    assert level == Level(FLOOR_DBFS, FLOOR_DBFS, clipped=False)
    assert level_of_int16(b"") == level
    assert verdict_of([level] * 10) is Verdict.NO_SOUND


def test_faint_hiss_is_no_sound() -> None:
    level = level_of_int16(pcm([3, -2, 4, -3] * 1200))
    assert level.rms_dbfs < -70
    assert verdict_of([level]) is Verdict.NO_SOUND


def test_full_scale_sine_is_minus_three_dbfs_without_clipping() -> None:
    level = level_of_int16(pcm(sine(32767)))
    assert level.rms_dbfs == pytest.approx(-3.01, abs=0.05)
    assert level.peak_dbfs == pytest.approx(0.0, abs=0.01)
    assert not level.clipped


def test_speech_level_is_good() -> None:
    level = level_of_int16(pcm(sine(32767 * 10 ** (-20 / 20))))
    assert level.rms_dbfs == pytest.approx(-23.0, abs=0.1)
    assert verdict_of([level_of_int16(pcm([0] * 100)), level]) is Verdict.GOOD


def test_clipping_is_detected_and_too_loud() -> None:
    clipped = [max(-32768, min(32767, s)) for s in sine(65534)]
    level = level_of_int16(pcm(clipped))
    assert level.clipped
    assert verdict_of([level_of_int16(pcm(sine(3000))), level]) is Verdict.TOO_LOUD


def test_odd_byte_is_ignored_and_meter_maps_range() -> None:
    assert level_of_int16(pcm([1000] * 10) + b"\x7f").peak_dbfs == pytest.approx(
        20 * math.log10(1000 / 32768)
    )
    assert meter_percent(-90) == 0
    assert meter_percent(-30) == 50
    assert meter_percent(3) == 100


# --- dialog ---------------------------------------------------------------------------


class FakeSource:
    """Stands in for QAudioSource: a buffer of PCM, and a record of start/stop."""

    def __init__(self, data: bytes, error: QtAudio.Error = QtAudio.Error.NoError) -> None:
        self.data = data
        self.fail_with = error
        self.started = 0
        self.stopped = 0
        self.buffer: QBuffer | None = None
        self.formats: list[QAudioFormat] = []

    def factory(self, device: QAudioDevice, fmt: QAudioFormat, parent: QObject) -> FakeSource:
        self.formats.append(fmt)
        return self

    def start(self) -> QIODevice:
        self.started += 1
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(self.data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        return self.buffer

    def stop(self) -> None:
        self.stopped += 1

    def error(self) -> QtAudio.Error:
        return self.fail_with

    @property
    def listening(self) -> bool:
        return self.started > self.stopped


@pytest.fixture
def parent(qtbot: QtBot) -> Iterator[QWidget]:
    widget = QWidget()
    qtbot.addWidget(widget)
    yield widget


def make_dialog(qtbot: QtBot, source: FakeSource, devices: int = 1) -> MicCheckDialog:
    dialog = MicCheckDialog(
        devices=lambda: [QAudioDevice() for _ in range(devices)],
        source_factory=source.factory,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_no_microphone_on_this_machine_says_what_to_do(qtbot: QtBot) -> None:
    source = FakeSource(b"")
    if QMediaDevices.audioInputs():
        pytest.skip("this machine has a microphone")
    dialog = MicCheckDialog(source_factory=source.factory)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith("No microphone found. Plug in a headset")
    assert "privacy settings" in dialog.problem.text()
    assert not dialog.device_box.isEnabled()
    assert source.started == 0 and not dialog.is_listening


def test_good_level_then_source_stopped_on_close(qtbot: QtBot) -> None:
    source = FakeSource(pcm(sine(32767 * 10 ** (-20 / 20), seconds=0.5)))
    dialog = make_dialog(qtbot, source)
    assert source.started == 0  # nothing is opened before the window shows
    dialog.show()
    assert source.listening and dialog.is_listening
    fmt = source.formats[0]
    assert fmt.sampleFormat() is QAudioFormat.SampleFormat.Int16
    assert fmt.channelCount() == 1
    qtbot.waitUntil(lambda: dialog.verdict is Verdict.GOOD, timeout=5_000)
    assert dialog.verdict_label.text() == "Good level"
    dialog.close()
    assert not source.listening and not dialog.is_listening
    assert dialog.meter.value() == 0


def test_hide_stops_and_show_reopens(qtbot: QtBot) -> None:
    source = FakeSource(pcm([0] * 4800))
    dialog = make_dialog(qtbot, source)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.verdict is Verdict.NO_SOUND, timeout=5_000)
    assert dialog.verdict_label.text() == "No sound — check the microphone or its mute switch"
    dialog.hide()
    assert (source.started, source.stopped) == (1, 1)
    dialog.show()
    assert (source.started, source.stopped) == (2, 1)
    dialog.reject()
    assert not source.listening


def test_too_loud(qtbot: QtBot) -> None:
    source = FakeSource(pcm([max(-32768, min(32767, s)) for s in sine(65534)]))
    dialog = make_dialog(qtbot, source)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.verdict is Verdict.TOO_LOUD, timeout=5_000)
    assert dialog.verdict_label.text() == "Too loud"
    dialog.close()


def test_device_that_fails_to_open_is_explained(qtbot: QtBot) -> None:
    source = FakeSource(b"", error=QtAudio.Error.OpenError)
    dialog = make_dialog(qtbot, source)
    dialog.show()
    assert dialog.problem.isVisible()
    assert "could not be opened" in dialog.problem.text()
    assert "privacy settings" in dialog.problem.text()
    assert not dialog.is_listening and source.stopped == 1


def test_devices_vanishing_stops_listening(qtbot: QtBot) -> None:
    source = FakeSource(b"")
    present = [QAudioDevice()]
    dialog = MicCheckDialog(devices=lambda: present, source_factory=source.factory)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.is_listening
    present.clear()
    dialog.refresh_devices()
    assert not dialog.is_listening and not source.listening
    assert dialog.problem.text().startswith("No microphone found.")
    dialog.close()


def test_format_for_a_null_device_is_int16_mono() -> None:
    fmt = input_format(QAudioDevice())
    assert fmt.sampleFormat() is QAudioFormat.SampleFormat.Int16
    assert (fmt.channelCount(), fmt.sampleRate()) == (1, 48_000)


def test_open_mic_check_is_non_modal_and_single(parent: QWidget) -> None:
    first = open_mic_check(parent)
    try:
        assert first.isVisible() and not first.isModal()
        assert open_mic_check(parent) is first
    finally:
        first.close()
    assert not first.is_listening
