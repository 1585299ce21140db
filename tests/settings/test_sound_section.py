"""Settings → Sound: the ring's output, kept while unplugged, and the test ring."""

from __future__ import annotations

from audio_fakes import FakeDevice, FakeMachine, RecordingEffect, playing_on, recording_factory
from pytestqt.qtbot import QtBot

from desktop.agent.audio_devices import AudioDevices, encode_device_id
from desktop.agent.incoming import SoundEffectPlayer, ring_path
from desktop.settings import Settings
from desktop.settings.settings_dialog import SettingsDialog
from desktop.settings.sound_section import SoundSection, apply_ring_settings

SPEAKERS = FakeDevice(b"speakers", "Built-in speakers")
HEADSET = FakeDevice(b"headset", "Headset")
USB = FakeDevice(b"usb", "USB speaker")


def _section(
    qtbot: QtBot, machine: FakeMachine, settings: Settings | None = None, **kwargs: object
) -> tuple[SoundSection, list[RecordingEffect]]:
    effects: list[RecordingEffect] = []

    def make_player(devices: AudioDevices) -> SoundEffectPlayer:
        return SoundEffectPlayer(devices=devices, effect_factory=recording_factory(effects))

    section = SoundSection(
        settings or Settings(),
        sound=lambda: "default",
        volume=lambda: 60,
        devices=machine.devices,
        make_player=make_player,
        platform="linux",
        **kwargs,  # type: ignore[arg-type]
    )
    qtbot.addWidget(section)
    return section, effects


def _items(section: SoundSection) -> list[str]:
    combo = section.device_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_lists_system_default_first_then_the_outputs(qtbot: QtBot) -> None:
    section, _ = _section(qtbot, FakeMachine(HEADSET, SPEAKERS))
    assert _items(section) == ["System default", "Headset", "Built-in speakers"]
    assert section.ring_device() == ("", "")
    section.device_combo.setCurrentIndex(2)
    assert section.ring_device() == (encode_device_id(b"speakers"), "Built-in speakers")
    for widget in (section.device_combo, section.also_default_check, section.test_button):
        assert widget.accessibleName()


def test_a_remembered_device_that_is_unplugged_is_kept_not_connected(qtbot: QtBot) -> None:
    machine = FakeMachine(HEADSET)
    remembered = Settings(ring_device=encode_device_id(b"usb"), ring_device_name="USB speaker")
    section, _ = _section(qtbot, machine, remembered)
    assert _items(section) == ["System default", "Headset", "USB speaker (not connected)"]
    assert section.device_combo.currentIndex() == 2
    assert section.ring_device() == (encode_device_id(b"usb"), "USB speaker")
    machine.plug(USB)  # it comes back: listed by its own name, still chosen
    assert _items(section) == ["System default", "Headset", "USB speaker"]
    assert section.device_combo.currentText() == "USB speaker"
    machine.unplug(USB)  # and goes away again while the dialog is open
    assert section.device_combo.currentText() == "USB speaker (not connected)"
    assert section.ring_device() == (encode_device_id(b"usb"), "USB speaker")


def test_test_ringer_plays_on_the_chosen_output_then_stops(qtbot: QtBot) -> None:
    section, effects = _section(qtbot, FakeMachine(HEADSET, SPEAKERS), test_ms=50)
    section.device_combo.setCurrentIndex(2)
    section.test_button.click()
    assert section.testing and playing_on(effects) == [b"speakers"]
    assert effects[0].volume == 0.6 and effects[0].source.toLocalFile() == ring_path()
    assert section.test_button.text() == "Stop"
    qtbot.waitUntil(lambda: not section.testing, timeout=5000)  # stops by itself
    assert playing_on(effects) == [] and section.test_button.text() == "Test ringer"


def test_stop_button_and_hiding_stop_the_test_ring(qtbot: QtBot) -> None:
    section, effects = _section(qtbot, FakeMachine(HEADSET, SPEAKERS))
    section.show()
    section.test_button.click()
    assert playing_on(effects) == [b"headset"]
    section.test_button.click()
    assert not section.testing and playing_on(effects) == []
    section.test_button.click()
    section.hide()
    assert not section.testing and playing_on(effects) == []


def test_dialog_saves_the_choice(qtbot: QtBot) -> None:
    machine = FakeMachine(HEADSET, SPEAKERS)
    dialog = SettingsDialog(Settings(), audio_devices=machine.devices)
    qtbot.addWidget(dialog)
    section = dialog.sound_section
    assert dialog.tabs.indexOf(section.parentWidget()) >= 0
    section.device_combo.setCurrentIndex(2)
    section.also_default_check.setChecked(True)
    with qtbot.waitSignal(dialog.settingsApplied) as blocker:
        dialog.apply()
    s = blocker.args[0]
    assert s.ring_device == encode_device_id(b"speakers")
    assert s.ring_device_name == "Built-in speakers" and s.ring_also_default


def test_the_dialog_has_a_sound_section(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(ring_also_default=True))
    qtbot.addWidget(dialog)
    assert dialog.sound_section.also_default()
    assert dialog.sound_section.device_combo.itemText(0) == "System default"


def test_settings_reach_the_ring_player(qtbot: QtBot) -> None:
    machine = FakeMachine(HEADSET, SPEAKERS)
    effects: list[RecordingEffect] = []
    player = SoundEffectPlayer(devices=machine.devices, effect_factory=recording_factory(effects))
    apply_ring_settings(
        player,
        Settings(ring_volume=25, ring_device=encode_device_id(b"speakers"), ring_also_default=True),
    )
    player.play()
    assert playing_on(effects) == [b"speakers", b"headset"]
    assert effects[0].volume == 0.25


def test_call_devices_are_shown_with_how_to_change_them(qtbot: QtBot) -> None:
    machine = FakeMachine(HEADSET, SPEAKERS)
    section, _ = _section(qtbot, machine)
    info = section.call_devices
    assert info.microphone.text() == "Headset microphone"
    assert info.speaker.text() == "Headset"
    assert "pavucontrol" in info.hint.text()
    machine.default = SPEAKERS
    machine.devices.changed.emit()
    assert info.speaker.text() == "Built-in speakers"
