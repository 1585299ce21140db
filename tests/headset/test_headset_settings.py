"""The Headset settings: the field, its section in the dialog, and the workspace using it."""

from __future__ import annotations

import asyncio

from descriptors import ABSOLUTE_HOOK
from hid_fakes import FakeBackend, FakeHidDevice
from pytestqt.qtbot import QtBot

from desktop.agent.headset_link import HeadsetLink
from desktop.settings import Settings
from desktop.settings.codec import settings_from_dict, settings_to_dict
from desktop.settings.settings_dialog import SettingsDialog


def test_the_field_defaults_on_and_survives_a_round_trip() -> None:
    assert Settings().headset_enabled
    data = settings_to_dict(Settings(headset_enabled=False))
    assert data["headset_enabled"] is False
    assert settings_from_dict(data) == (Settings(headset_enabled=False), [])
    assert settings_from_dict({"headset_enabled": "yes"}) == (Settings(), ["headset_enabled"])


def test_dialog_without_a_phone_edits_the_choice(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    section = dialog.headset_section
    assert section.use_check.isChecked() and not section.test_button.isEnabled()
    assert section.use_check.accessibleName() and section.test_button.accessibleName()
    section.use_check.setChecked(False)
    with qtbot.waitSignal(dialog.settingsApplied) as blocker:
        dialog.apply()
    assert blocker.args[0].headset_enabled is False


def test_dialog_shows_the_headsets_found_and_tests_their_lights(
    qtbot: QtBot, link: HeadsetLink, backend: FakeBackend
) -> None:
    link.set_enabled(True)
    dialog = SettingsDialog(Settings(), headset=link)
    qtbot.addWidget(dialog)
    section = dialog.headset_section
    assert "Acme" not in section.devices_label.text()
    device = FakeHidDevice(ABSOLUTE_HOOK)
    backend.plug(b"/dev/hidraw3", device, product="Evolve 40")
    task = asyncio.ensure_future(link.manager.rescan())
    qtbot.waitUntil(task.done, timeout=10_000)
    assert "Acme Evolve 40" in section.devices_label.text()
    assert section.test_button.isEnabled()
    section.test_button.click()
    qtbot.waitUntil(lambda: b"\x03\x1f" in device.written, timeout=10_000)


def test_disabling_releases_the_headsets(
    qtbot: QtBot, link: HeadsetLink, backend: FakeBackend
) -> None:
    device = FakeHidDevice(ABSOLUTE_HOOK)
    backend.plug(b"/dev/hidraw3", device)
    link.set_enabled(True)
    qtbot.waitUntil(lambda: link.device_names == ["Acme Test Headset"], timeout=10_000)
    link.set_enabled(False)
    qtbot.waitUntil(device.closed.is_set, timeout=10_000)
    assert link.device_names == [] and not link.enabled
