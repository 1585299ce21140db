"""The troubleshooting window shows the call's microphone and speaker and how to change them."""

from __future__ import annotations

import pytest
from agent_fakes import FakeWebphone
from audio_fakes import NO_DEVICE, FakeDevice, FakeMachine
from pytestqt.qtbot import QtBot

from desktop.agent.audio_devices import CallDevicesInfo
from desktop.agent.troubleshooting import TroubleshootingDialog

SPEAKERS = FakeDevice(b"speakers", "Built-in speakers")
HEADSET = FakeDevice(b"headset", "Headset")


def test_troubleshooting_shows_the_defaults_and_follows_changes(
    qtbot: QtBot, phone: FakeWebphone
) -> None:
    machine = FakeMachine(HEADSET, SPEAKERS)
    dialog = TroubleshootingDialog(phone, devices=machine.devices)
    qtbot.addWidget(dialog)
    info = dialog.call_devices
    assert info.microphone.text() == "Headset microphone"
    assert info.speaker.text() == "Headset"
    machine.default = SPEAKERS
    machine.microphone = NO_DEVICE
    machine.devices.changed.emit()
    assert info.speaker.text() == "Built-in speakers"
    assert info.microphone.text() == "none found"
    assert info.accessibleName() and info.microphone.accessibleName()


@pytest.mark.parametrize(
    ("platform", "words"),
    [
        ("win32", "Windows Settings → System → Sound"),
        ("darwin", "System Settings → Sound"),
        ("linux", "pavucontrol"),
    ],
)
def test_says_where_to_change_them_per_system(qtbot: QtBot, platform: str, words: str) -> None:
    info = CallDevicesInfo(FakeMachine(HEADSET).devices, platform=platform)
    qtbot.addWidget(info)
    assert words in info.hint.text()
    assert "default microphone and speaker" in info.hint.text()
