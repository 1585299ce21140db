"""Asks where to transfer the call, blind or attended (non-modal)."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.agent.dialpad import name_clear_button

#: Sends the transfer; returns the problem to show under the field, or None when sent.
SubmitTransfer = Callable[[str, bool], "str | None"]


class TransferDialog(QDialog):
    """Number field plus a choice between transferring now and talking first.

    Non-modal, so the agent can still mute or hang up while it is open. ``submit`` is
    the controller's transfer; the dialog closes when it accepts the command.
    """

    def __init__(self, submit: SubmitTransfer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Transfer call"))
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumWidth(380)
        self.field = QLineEdit()
        self.field.setObjectName("dialField")
        self.field.setPlaceholderText(self.tr("Number or ramal"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Transfer the call to"))
        name_clear_button(self.field, self.tr("Clear the number"))
        self.field.textEdited.connect(lambda _text: self.set_error(""))
        self.blind = QRadioButton(self.tr("&Blind: transfer now and leave the call"))
        self.attended = QRadioButton(self.tr("&Attended: talk to them first, then transfer"))
        self.blind.setChecked(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = QPushButton(self.tr("&Transfer"))
        self.send_button.setDefault(True)
        self.send_button.setProperty("role", "go")
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        prompt = QLabel(self.tr("Transfer the call to:"))
        prompt.setBuddy(self.field)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(self.blind)
        layout.addWidget(self.attended)
        layout.addWidget(buttons)
        self._return_focus: QWidget | None = None
        self.finished.connect(self._give_focus_back)

    def start(self, *, attended: bool) -> None:
        """Show the dialog (without blocking) with the mode chosen, the field empty."""
        (self.attended if attended else self.blind).setChecked(True)
        if not self.isVisible():
            self._return_focus = QApplication.focusWidget()
        self.field.clear()
        self.set_error("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()

    def _give_focus_back(self) -> None:
        # Keyboard users carry on where they were, whatever the window manager does.
        target, self._return_focus = self._return_focus, None
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            return
        target.window().activateWindow()
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def set_error(self, message: str) -> None:
        """Show ``message`` under the field."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def send(self) -> None:
        """Hand the number to ``submit``; close when it was sent."""
        problem = self._submit(self.field.text(), self.attended.isChecked())
        if problem is None:
            self.accept()
        else:
            self.set_error(problem)
