from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.settings.encrypted_file import EncryptedFileKeyring
from desktop.settings.secrets import SERVICE
from desktop.shell.passphrase_dialog import PassphraseDialog

PASSPHRASE = "a long passphrase"


def _dialog(qtbot: QtBot, tmp_path: Path) -> PassphraseDialog:
    path = tmp_path / "secrets.enc.json"
    EncryptedFileKeyring(path, PASSPHRASE).set_password(SERVICE, "p1", "the-token")
    dialog = PassphraseDialog(path)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _submit(qtbot: QtBot, dialog: PassphraseDialog, passphrase: str) -> None:
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_a_wrong_passphrase_is_said_and_the_right_one_opens_the_file(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    opened: list[object] = []
    dialog.unlocked.connect(opened.append)
    for wrong in ("short", "not the passphrase"):
        _submit(qtbot, dialog, wrong)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
        assert dialog.status_text == "Wrong passphrase. Try again."
        assert dialog.isVisible() and dialog.unlock_button.isEnabled() and not opened
    with qtbot.waitSignal(dialog.unlocked, timeout=15_000):
        _submit(qtbot, dialog, PASSPHRASE)
    (backend,) = opened
    assert isinstance(backend, EncryptedFileKeyring)
    assert backend.get_password(SERVICE, "p1") == "the-token"
    assert not dialog.isVisible()


def test_a_file_that_is_not_ours_is_said_in_words(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    path = tmp_path / "secrets.enc.json"
    path.write_text("{}", encoding="utf-8")
    dialog = PassphraseDialog(path)
    qtbot.addWidget(dialog)
    dialog.open()
    _submit(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    assert "could not be read" in dialog.status_text


def test_log_in_instead_and_cancel_are_answers_too(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    with qtbot.waitSignal(dialog.loginRequested, timeout=5_000):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog.open()
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        dialog.reject()
