"""A damaged settings file, seen by the user at the login dialog, the damaged copy kept."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from journey_app import WAIT, DesktopApp, child_visible
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.shell.login_dialog import LoginDialog


def _notice(qtbot: QtBot, dialog: LoginDialog) -> str:
    qtbot.waitUntil(lambda: len(child_visible(dialog, QMessageBox)) == 1, timeout=WAIT)
    (box,) = child_visible(dialog, QMessageBox)
    return box.text()


def test_a_damaged_settings_file_is_told_at_the_login_dialog(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, home: Path
) -> None:
    config = home / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"version": 2, "profiles": [', encoding="utf-8")

    app = DesktopApp(qtbot)
    dialog = app.wait_for(LoginDialog)
    text = _notice(qtbot, dialog)
    (kept,) = config.glob("settings.json.corrupt-*")
    assert "damaged" in text and str(kept) in text
    assert kept.read_text(encoding="utf-8") == '{"version": 2, "profiles": ['
    dialog.reject()
    assert app.exit_code() == 0


def test_an_unreadable_profile_entry_is_told_and_kept_in_a_copy(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, home: Path
) -> None:
    config = home / "config"
    config.mkdir(parents=True)
    entry = {"id": "pwork", "name": "Work", "environment": "custom", "ramal": "4000"}
    original = json.dumps({"version": 2, "profiles": [entry], "active_profile": "pwork"})
    (config / "settings.json").write_text(original, encoding="utf-8")

    app = DesktopApp(qtbot)
    dialog = app.wait_for(LoginDialog)  # the only profile could not be read
    text = _notice(qtbot, dialog)
    (kept,) = config.glob("settings.json.invalid-*")
    assert "profiles[0]" in text and str(kept) in text
    assert kept.read_text(encoding="utf-8") == original
    dialog.reject()
    assert app.exit_code() == 0
