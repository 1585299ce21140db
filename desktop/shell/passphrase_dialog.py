"""Asks, at start, for the passphrase of the encrypted token file (machines with no keychain).

Non-modal: ``open()`` it and listen to :attr:`PassphraseDialog.unlocked` (the opened file)
or :attr:`PassphraseDialog.loginRequested` (the user would rather log in again). A wrong
passphrase is said in words and the user may try again.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.settings.encrypted_file import SecretFileError, WrongPassphraseError
from desktop.settings.secrets import open_encrypted_fallback

__all__ = ["PassphraseDialog"]

log = logging.getLogger(__name__)


class PassphraseDialog(QDialog):
    """Opens the encrypted token file with the user's passphrase, then emits ``unlocked``.

    ``unlocked`` carries the :class:`~desktop.settings.encrypted_file.EncryptedFileKeyring`.
    """

    unlocked = Signal(object)  # EncryptedFileKeyring
    loginRequested = Signal()

    def __init__(self, secrets_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.secrets_file = secrets_file
        self._task: asyncio.Future[None] | None = None
        self.setWindowTitle(self.tr("Passphrase — %1").replace("%1", APP_NAME))
        intro = QLabel(
            self.tr(
                "This computer has no keychain, so your tokens are in a file encrypted with "
                "your passphrase. Enter it to open your profile."
            ),
            wordWrap=True,
        )
        self.passphrase_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("passphrase"))
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.status_label = QLabel(wordWrap=True)
        self.status_label.setAccessibleName(self.tr("Passphrase status"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.unlock_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.unlock_button.setText(self.tr("Open"))
        self.login_button = QPushButton(self.tr("Log in with a token instead"))
        self.login_button.setToolTip(self.tr("Enter the account's access token again"))
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.login_button.clicked.connect(self._log_in_instead)
        layout = QVBoxLayout(self)
        for widget in (intro, self.passphrase_edit, self.status_label, self.buttons):
            layout.addWidget(widget)

    @property
    def status_text(self) -> str:
        """The message shown to the user (a wrong passphrase, progress)."""
        return self.status_label.text()

    @property
    def busy(self) -> bool:
        """True while the file is being opened."""
        return self._task is not None and not self._task.done()

    def submit(self) -> None:
        """Open the file with the passphrase typed, in the background."""
        if self.busy:
            return
        self._task = asyncio.ensure_future(self._unlock(self.passphrase_edit.text()))

    async def _unlock(self, passphrase: str) -> None:
        for widget in (self.unlock_button, self.passphrase_edit):
            widget.setEnabled(False)
        self.status_label.setText(self.tr("Opening…"))
        try:
            backend = await open_encrypted_fallback(self.secrets_file, passphrase)
        except (WrongPassphraseError, ValueError):
            # A passphrase too short to be the right one is just as wrong.
            self.status_label.setText(self.tr("Wrong passphrase. Try again."))
            self.passphrase_edit.selectAll()
            return
        except SecretFileError as exc:
            log.warning("encrypted token file unreadable: %s", exc)
            self.status_label.setText(
                self.tr(
                    "The encrypted file could not be read (%1). Log in with a token instead."
                ).replace("%1", str(exc))
            )
            return
        finally:
            for widget in (self.unlock_button, self.passphrase_edit):
                widget.setEnabled(True)
            self.passphrase_edit.setFocus()
        self.status_label.setText("")
        self.unlocked.emit(backend)
        self.accept()

    def _log_in_instead(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.loginRequested.emit()
        self.accept()

    def reject(self) -> None:
        """Cancel an opening in progress and close."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().reject()
