"""The per-profile "number format for the webphone": stored, migrated, edited, applied."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

from keyring_fakes import MemoryKeyring
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.cli import parse_args
from desktop.session import SANDBOX_PROFILE
from desktop.settings import Environment, Profile, Settings, SettingsStore
from desktop.settings.codec import settings_from_dict, settings_to_dict
from desktop.settings.model import WebphoneNumberFormat
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import TokenStore
from desktop.settings.settings_dialog import SettingsDialog
from desktop.settings.store import NoticeKind
from desktop.shell.runner import Outcome, WorkspaceRunner


def _profiles() -> Settings:
    return Settings(
        profiles=(
            Profile("pa", "Prod", Environment.TOTALVOICE, "4000"),
            Profile(
                "pb",
                "PBX",
                Environment.ZENVIA,
                "4001",
                webphone_number_format=WebphoneNumberFormat.TRUNK_PREFIX,
            ),
        ),
        active_profile="pa",
    )


def test_default_is_what_the_provider_examples_send() -> None:
    assert Profile("p", "P", Environment.TOTALVOICE).webphone_number_format == (
        WebphoneNumberFormat.NATIONAL
    )


def test_stored_per_profile_and_read_back() -> None:
    data = settings_to_dict(_profiles())
    assert [p["webphone_number_format"] for p in data["profiles"]] == ["ddd", "0ddd"]  # type: ignore[attr-defined,index]
    settings, problems = settings_from_dict(json.loads(json.dumps(data)))
    assert problems == []
    assert settings == _profiles()


def test_an_unknown_form_falls_back_without_losing_the_profile() -> None:
    data = settings_to_dict(_profiles())
    data["profiles"][1]["webphone_number_format"] = "octal"  # type: ignore[index]
    settings, _problems = settings_from_dict(data)
    assert [p.id for p in settings.profiles] == ["pa", "pb"]
    assert settings.profiles[1].webphone_number_format is WebphoneNumberFormat.NATIONAL


def test_version_2_profiles_get_ddd_and_numero(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = {
        "version": 2,
        "profiles": [
            {"id": "pa", "name": "Prod", "environment": "totalvoice", "ramal": "4000"},
            {"id": "pb", "name": "Lab", "environment": "sandbox", "ramal": "4001"},
        ],
        "active_profile": "pb",
        "ring_volume": 30,
    }
    path.write_text(json.dumps(old))
    result = SettingsStore(path).load()
    assert [n.kind for n in result.notices] == [NoticeKind.MIGRATED]
    assert [p.webphone_number_format for p in result.settings.profiles] == [
        WebphoneNumberFormat.NATIONAL,
        WebphoneNumberFormat.NATIONAL,
    ]
    assert result.settings.active_profile == "pb" and result.settings.ring_volume == 30
    saved = json.loads(path.read_text())
    assert saved["version"] >= 3
    assert [p["webphone_number_format"] for p in saved["profiles"]] == ["ddd", "ddd"]
    assert json.loads((tmp_path / "settings.json.v2.bak").read_text()) == old


def test_settings_dialog_edits_it_per_profile(qtbot: QtBot) -> None:
    dialog = SettingsDialog(_profiles())
    qtbot.addWidget(dialog)
    combo = dialog.number_format_combo
    assert combo.currentData() == "ddd"  # the active profile's
    assert combo.currentText() == "Area code + number (4832830151)"
    combo.setCurrentIndex(combo.findData("e164"))
    dialog.profile_combo.setCurrentIndex(1)
    assert combo.currentData() == "0ddd"  # the other profile's own
    combo.setCurrentIndex(combo.findData("ddd"))
    with qtbot.waitSignal(dialog.settingsApplied) as blocker:
        dialog.apply()
    edited = blocker.args[0]
    assert isinstance(edited, Settings)
    assert [p.webphone_number_format for p in edited.profiles] == [
        WebphoneNumberFormat.E164,
        WebphoneNumberFormat.NATIONAL,
    ]


def test_the_profile_setting_reaches_the_webphone_bridge(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    paths = AppPaths.under(tmp_path).ensure()
    runner = WorkspaceRunner(
        qapp,
        paths,
        SettingsStore(paths.settings_file),
        TokenStore(),
        parse_args(["--sandbox"]),
        started=0.0,
    )
    profile = replace(SANDBOX_PROFILE, webphone_number_format=WebphoneNumberFormat.E164)
    settings = Settings(profiles=(profile,), active_profile=profile.id)
    quitting = asyncio.Event()
    task = asyncio.ensure_future(runner.run(profile, None, settings, quitting, saved=False))
    qtbot.waitUntil(lambda: runner._ws is not None, timeout=20_000)
    ws = runner._ws
    assert ws is not None and ws.webphone is not None
    assert ws.webphone.number_format is WebphoneNumberFormat.E164

    changed = replace(profile, webphone_number_format=WebphoneNumberFormat.TRUNK_PREFIX)
    applying = asyncio.ensure_future(runner._apply_settings(settings.with_profile(changed)))
    qtbot.waitUntil(applying.done, timeout=20_000)
    assert ws.webphone.number_format is WebphoneNumberFormat.TRUNK_PREFIX
    quitting.set()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() == Outcome(exit_code=0)
