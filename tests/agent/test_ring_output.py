"""The ring plays on the output the agent chose, falling back to the default and back."""

from __future__ import annotations

from audio_fakes import FakeDevice, FakeMachine, RecordingEffect, playing_on, recording_factory
from PySide6.QtWidgets import QApplication

from desktop.agent.audio_devices import decode_device_id, encode_device_id, ring_outputs
from desktop.agent.incoming import SoundEffectPlayer, ring_path

SPEAKERS = FakeDevice(b"alsa_output.pci-0000_00_1f.3.analog-stereo", "Built-in speakers")
HEADSET = FakeDevice(b"bluez_sink.00_1B_66.a2dp", "Headset")
USB = FakeDevice(b"\x00\xffusb-sink", "USB speaker")


def _player(machine: FakeMachine) -> tuple[SoundEffectPlayer, list[RecordingEffect]]:
    effects: list[RecordingEffect] = []
    player = SoundEffectPlayer(devices=machine.devices, effect_factory=recording_factory(effects))
    return player, effects


def test_device_ids_survive_settings_text() -> None:
    for raw in (b"", b"ring_b", USB.id().data(), bytes(range(256))):
        assert decode_device_id(encode_device_id(raw)) == raw
    assert decode_device_id("not base64!") == b""
    assert decode_device_id("çã") == b""


def test_rings_on_the_chosen_output(qapp: QApplication) -> None:
    machine = FakeMachine(HEADSET, SPEAKERS)  # the headset is the system default
    player, effects = _player(machine)
    player.configure(sound="default", volume=35, device_id=SPEAKERS.id().data())
    player.play()
    assert playing_on(effects) == [SPEAKERS.id().data()]
    assert effects[0].volume == 0.35 and effects[0].loops < 0
    assert effects[0].source.toLocalFile() == ring_path()
    player.stop()
    assert playing_on(effects) == [] and player.outputs == []


def test_system_default_when_nothing_was_chosen(qapp: QApplication) -> None:
    machine = FakeMachine(HEADSET, SPEAKERS)
    player, effects = _player(machine)
    player.play()
    assert playing_on(effects) == [HEADSET.id().data()]
    machine.default = SPEAKERS  # the agent changed the system default
    player.stop()
    player.play()
    assert playing_on(effects) == [SPEAKERS.id().data()]


def test_missing_device_rings_on_the_default_and_returns_when_plugged(
    qapp: QApplication,
) -> None:
    machine = FakeMachine(HEADSET)  # the USB speaker is not connected
    player, effects = _player(machine)
    player.configure(device_id=USB.id().data())
    player.play()
    assert playing_on(effects) == [HEADSET.id().data()]
    machine.plug(USB)  # while ringing: the ring moves to it
    assert playing_on(effects) == [USB.id().data()]
    machine.unplug(USB)  # pulled out mid-ring: back on the default, still ringing
    assert playing_on(effects) == [HEADSET.id().data()]
    assert player.is_playing()
    player.stop()
    machine.plug(USB)  # stopped: a device change does not start the ring
    assert playing_on(effects) == []
    player.play()
    assert playing_on(effects) == [USB.id().data()]


def test_also_on_the_default_plays_twice_but_never_twice_on_one_device(
    qapp: QApplication,
) -> None:
    machine = FakeMachine(HEADSET, SPEAKERS)
    player, effects = _player(machine)
    player.configure(device_id=SPEAKERS.id().data(), also_default=True)
    player.play()
    assert playing_on(effects) == [SPEAKERS.id().data(), HEADSET.id().data()]
    player.stop()
    player.configure(device_id=HEADSET.id().data(), also_default=True)
    player.play()
    assert playing_on(effects) == [HEADSET.id().data()]


def test_no_sound_and_a_chosen_file(qapp: QApplication) -> None:
    machine = FakeMachine(HEADSET)
    player, effects = _player(machine)
    player.configure(sound="none")
    player.play()
    assert playing_on(effects) == [] and player.is_playing()
    player.configure(sound="/sounds/bell.wav", volume=100)  # changed mid-ring
    assert playing_on(effects) == [HEADSET.id().data()]
    assert effects[0].source.toLocalFile() == "/sounds/bell.wav" and effects[0].volume == 1.0


def test_no_output_at_all_is_not_set_on_the_effect(qapp: QApplication) -> None:
    machine = FakeMachine()
    player, effects = _player(machine)
    player.play()
    assert effects[0].playing and effects[0].device is None
    assert [d.isNull() for d in ring_outputs(machine.devices, b"x", True)] == [True]
