"""The relay of a profile: saved and migrated, edited in Settings, password in the keychain."""

from __future__ import annotations

import json
from pathlib import Path

from keyring_fakes import MemoryKeyring
from pytestqt.qtbot import QtBot

from desktop.settings.model import Environment, Profile, Settings
from desktop.settings.secrets import TokenStore, relay_password_key
from desktop.settings.settings_dialog import SettingsDialog
from desktop.settings.store import SettingsStore


def test_a_version_3_file_gains_empty_relay_fields(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = {
        "version": 3,
        "profiles": [
            {"id": "pa", "name": "A", "environment": "sandbox", "webphone_number_format": "ddd"}
        ],
        "active_profile": "pa",
    }
    path.write_text(json.dumps(old))
    settings = SettingsStore(path).load().settings
    assert settings.profiles[0].relay_url == "" and not settings.profiles[0].uses_relay
    saved = json.loads(path.read_text())
    assert saved["profiles"][0]["relay_account"] == ""


def test_relay_fields_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    profile = Profile(
        "pa",
        "A",
        Environment.SANDBOX,
        relay_url="nats://relay:4222",
        relay_user="supervisor",
        relay_account="acme",
    )
    store.save(Settings().with_profile(profile))
    loaded = store.load().settings.profiles[0]
    assert (loaded.relay_url, loaded.relay_user, loaded.relay_account) == (
        "nats://relay:4222",
        "supervisor",
        "acme",
    )
    assert loaded.uses_relay


def test_settings_edits_the_relay_per_profile_and_hands_the_password_over(
    qtbot: QtBot,
) -> None:
    settings = Settings().with_profile(Profile("pa", "A", Environment.SANDBOX))
    settings = settings.with_profile(Profile("pb", "B", Environment.SANDBOX))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("pb"))
    dialog.relay_url_edit.setText("nats://relay.example.com:4222")
    dialog.relay_user_edit.setText("supervisor")
    dialog.relay_password_edit.setText("s3nha")
    dialog.relay_account_edit.setText("acme")
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("pa"))
    assert dialog.relay_url_edit.text() == ""
    passwords: list[tuple[str, str]] = []
    applied: list[Settings] = []
    dialog.relayPasswordEntered.connect(lambda pid, pw: passwords.append((pid, pw)))
    dialog.settingsApplied.connect(applied.append)
    dialog.apply()
    assert passwords == [("pb", "s3nha")]
    b = applied[0].profile("pb")
    assert b is not None and b.uses_relay and b.relay_user == "supervisor"
    assert "s3nha" not in json.dumps([p.relay_url + p.relay_user for p in applied[0].profiles])


def test_a_relay_url_that_is_not_nats_is_refused(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings().with_profile(Profile("pa", "A", Environment.SANDBOX)))
    qtbot.addWidget(dialog)
    dialog.relay_url_edit.setText("http://relay")
    dialog.relay_account_edit.setText("acme")
    dialog.apply()
    assert "nats://" in dialog.error_text


async def test_the_relay_password_sits_next_to_the_token(memory_keyring: MemoryKeyring) -> None:
    tokens = TokenStore()
    await tokens.set("pa", "token")
    await tokens.set(relay_password_key("pa"), "s3nha")
    assert await tokens.get("pa") == "token"
    assert await tokens.get(relay_password_key("pa")) == "s3nha"
