"""The ring's output is remembered per machine in the settings file."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.settings import Settings, SettingsStore
from desktop.settings.codec import settings_from_dict, settings_to_dict
from desktop.settings.migrations import CURRENT_VERSION

USB_ID = "AP91c2Itc2luaw=="  # base64 of b"\x00\xffusb-sink"


def test_ring_device_round_trips_through_the_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    chosen = Settings(ring_device=USB_ID, ring_device_name="USB speaker", ring_also_default=True)
    store.save(chosen)
    data = json.loads(store.path.read_text())
    assert data["ring_device"] == USB_ID and data["ring_device_name"] == "USB speaker"
    assert data["ring_also_default"] is True and data["version"] == CURRENT_VERSION
    result = SettingsStore(store.path).load()
    assert result.settings.ring_device == USB_ID
    assert result.settings.ring_device_name == "USB speaker"
    assert result.settings.ring_also_default is True
    assert result.notices == ()


def test_missing_keys_mean_the_system_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": CURRENT_VERSION, "ring_volume": 40}))
    result = SettingsStore(path).load()
    s = result.settings
    assert (s.ring_device, s.ring_device_name, s.ring_also_default) == ("", "", False)
    assert s.ring_volume == 40 and result.notices == ()


def test_damaged_ring_device_falls_back_field_by_field() -> None:
    settings, problems = settings_from_dict(
        {
            "ring_device": "not base64!",
            "ring_device_name": 7,
            "ring_also_default": "yes",
            "ring_volume": 55,
            "someone_elses_field": {"kept": True},
        }
    )
    assert (settings.ring_device, settings.ring_device_name) == ("", "")
    assert settings.ring_also_default is False and settings.ring_volume == 55
    assert {"ring_device", "ring_device_name", "ring_also_default"} <= set(problems)
    assert settings_to_dict(settings)["someone_elses_field"] == {"kept": True}
