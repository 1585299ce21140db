"""A real account on a computer with no keychain: the encrypted file, chosen at login.

First start → login dialog says there is no keychain → the user opts into the encrypted
file → quit → the next start asks for the passphrase → a wrong one is said in words →
the right one opens the profile → log out → log in again. Another start offers a way back
to the login dialog.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from journey_app import WAIT, DesktopApp, StandaloneSandbox, menu_action, visible
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.history.panel import HistoryPanel
from desktop.shell.login_dialog import LoginDialog
from desktop.shell.main_window import MainWindow
from desktop.shell.passphrase_dialog import PassphraseDialog

pytestmark = pytest.mark.webengine

TOKEN = "journey-token-b"
PASSPHRASE = "correct horse battery"


def test_encrypted_file_chosen_at_login_then_passphrase_at_next_start(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    home: Path,
    no_keyring: None,
    sandboxes: Callable[[str, int], StandaloneSandbox],
) -> None:
    sandbox = sandboxes(TOKEN, 12)
    secrets = home / "data" / "secrets.enc.json"

    first = DesktopApp(qtbot)
    first.log_in(sandbox.base_url, TOKEN, passphrase=PASSPHRASE)
    window = first.wait_for(MainWindow)
    assert secrets.exists() and TOKEN not in secrets.read_text()
    menu_action(window, "Quit").trigger()
    assert first.exit_code() == 0

    # Next start: no keychain, so the passphrase is asked before anything opens.
    second = DesktopApp(qtbot)
    dialog = second.wait_for(PassphraseDialog)
    assert not visible(MainWindow) and not visible(LoginDialog)
    qtbot.keyClicks(dialog.passphrase_edit, "not the passphrase")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_text == "Wrong passphrase. Try again.", timeout=WAIT)
    assert dialog.isVisible() and not second.task.done()
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    window = second.wait_for(MainWindow)
    assert sandbox.base_url in window._status.text()
    history = window.panel("history")
    assert isinstance(history, HistoryPanel)  # the token works: the history loads
    qtbot.waitUntil(lambda: history.status.text().startswith("Updated at"), timeout=WAIT)
    assert history.model.rowCount() > 0

    # Log out and in again: the token goes to the file opened above, no passphrase asked.
    before = secrets.read_text()
    menu_action(window, "Log out").trigger()
    login = second.wait_for(LoginDialog)
    assert secrets.read_text() != before  # the token was wiped from the file
    assert not login.keychain_box.isVisible()
    second.log_in(sandbox.base_url, TOKEN)
    window = second.wait_for(MainWindow)
    assert not visible(PassphraseDialog)
    menu_action(window, "Quit").trigger()
    assert second.exit_code() == 0

    # The way out: log in with a token instead of the passphrase.
    third = DesktopApp(qtbot)
    dialog = third.wait_for(PassphraseDialog)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    login = third.wait_for(LoginDialog)
    assert login.keychain_box.isVisible() and login.fallback_check.isChecked()
    login.reject()
    assert third.exit_code() == 0
