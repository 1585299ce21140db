"""The login and passphrase dialogs and the main window for screen readers."""

from __future__ import annotations

from pathlib import Path

from accessible_tree import unnamed_controls
from pytestqt.qtbot import QtBot

from desktop.settings.secrets import TokenStore
from desktop.shell.login_dialog import LoginDialog
from desktop.shell.main_window import MainWindow
from desktop.shell.passphrase_dialog import PassphraseDialog


def test_the_login_dialog_is_named(qtbot: QtBot, tmp_path: Path, memory_keyring: object) -> None:
    dialog = LoginDialog(TokenStore(), tmp_path / "secrets.enc.json", lang="en")
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []


def test_the_passphrase_dialog_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PassphraseDialog(tmp_path / "secrets.enc.json")
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []


def test_the_main_window_is_named(qtbot: QtBot) -> None:
    window = MainWindow("Work")
    qtbot.addWidget(window)
    assert unnamed_controls(window) == []
