"""The dialog for listen / whisper / barge / transfer / hang-up on a live call.

The dialog is opened with ``open()`` (never ``exec()``), runs its one request as an asyncio
task, shows progress, then the API's answer or the error in words. It never retries on
its own; the button stays available to try again by hand after a failure.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import Announcer, name_clear_button
from desktop.core.board import LiveCall
from desktop.supervisor.actions import ActionKind, ActionResult
from desktop.tasks import cancel_and_wait

__all__ = ["ActionDialog", "ActionRunner"]

#: ``runner(kind, call_id, numero, perna)`` → the API's answer.
ActionRunner = Callable[[ActionKind, int | str, str, str], Awaitable[ActionResult]]


def _titles() -> dict[ActionKind, str]:
    return {
        ActionKind.LISTEN: QCoreApplication.translate("SupervisorActions", "Listen to call"),
        ActionKind.WHISPER: QCoreApplication.translate("SupervisorActions", "Whisper to the ramal"),
        ActionKind.BARGE: QCoreApplication.translate(
            "SupervisorActions", "Join the call (conference)"
        ),
        ActionKind.TRANSFER: QCoreApplication.translate("SupervisorActions", "Transfer call"),
        ActionKind.HANGUP: QCoreApplication.translate("SupervisorActions", "Hang up call"),
    }


def _explanations() -> dict[ActionKind, str]:
    return {
        ActionKind.LISTEN: QCoreApplication.translate(
            "SupervisorActions",
            "Your phone rings; when you answer you hear both sides and nobody hears you.",
        ),
        ActionKind.WHISPER: QCoreApplication.translate(
            "SupervisorActions",
            "Your phone rings; when you answer only the ramal hears you (escuta modo 2).",
        ),
        ActionKind.BARGE: QCoreApplication.translate(
            "SupervisorActions", "Your phone rings; when you answer everybody hears you (modo 3)."
        ),
        ActionKind.TRANSFER: QCoreApplication.translate(
            "SupervisorActions", "The chosen leg goes to the new number; the other leg hangs up."
        ),
        ActionKind.HANGUP: QCoreApplication.translate(
            "SupervisorActions", "The call ends for both sides. This cannot be undone."
        ),
    }


class ActionDialog(QDialog):
    """Confirm one action, run it once, show the result."""

    actionFinished = Signal(object)  # ActionResult

    def __init__(
        self,
        kind: ActionKind,
        call: LiveCall,
        runner: ActionRunner,
        *,
        supervisor_number: str = "",
        completions: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.call = call
        self._runner = runner
        self._task: asyncio.Future[ActionResult] | None = None
        self.result_value: ActionResult | None = None
        self.setWindowTitle(_titles()[kind])
        self.setModal(True)
        layout = QVBoxLayout(self)
        summary = QLabel(
            QCoreApplication.translate(
                "SupervisorActions", "Call {id}: {origem} → {destino}"
            ).format(id=call.id, origem=call.origem or "?", destino=call.destino or "?")
        )
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(summary)
        explanation = QLabel(_explanations()[kind])
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setClearButtonEnabled(True)
        name_clear_button(
            self.number, QCoreApplication.translate("SupervisorActions", "Clear number")
        )
        self.origem_leg = QRadioButton(
            QCoreApplication.translate("SupervisorActions", "Origin leg ({number})").format(
                number=call.origem
            )
        )
        self.destino_leg = QRadioButton(
            QCoreApplication.translate("SupervisorActions", "Destination leg ({number})").format(
                number=call.destino
            )
        )
        self._legs = QButtonGroup(self)
        if kind in (ActionKind.LISTEN, ActionKind.WHISPER, ActionKind.BARGE):
            self.number.setText(supervisor_number)
            self.number.setPlaceholderText(
                QCoreApplication.translate("SupervisorActions", "Your phone or ramal")
            )
            form.addRow(QCoreApplication.translate("SupervisorActions", "Call me at:"), self.number)
        elif kind is ActionKind.TRANSFER:
            self.number.setPlaceholderText(
                QCoreApplication.translate("SupervisorActions", "Ramal or phone number")
            )
            completer = QCompleter(list(completions), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.activated.connect(self._take_completion)
            self.number.setCompleter(completer)
            form.addRow(
                QCoreApplication.translate("SupervisorActions", "Transfer to:"), self.number
            )
            legs = QHBoxLayout()
            for button in (self.origem_leg, self.destino_leg):
                self._legs.addButton(button)
                legs.addWidget(button)
            self.destino_leg.setChecked(True)
            form.addRow(QCoreApplication.translate("SupervisorActions", "Leg to move:"), legs)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.announcer = Announcer(
            self, QCoreApplication.translate("SupervisorActions", "Result of the action")
        )
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = QPushButton(self._verb())
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Only once inside the dialog does the button become its default (Enter runs it).
        self.run_button.setDefault(True)
        self.setMinimumWidth(420)

    def _verb(self) -> str:
        verbs = {
            ActionKind.LISTEN: QCoreApplication.translate("SupervisorActions", "Listen"),
            ActionKind.WHISPER: QCoreApplication.translate("SupervisorActions", "Whisper"),
            ActionKind.BARGE: QCoreApplication.translate("SupervisorActions", "Join"),
            ActionKind.TRANSFER: QCoreApplication.translate("SupervisorActions", "Transfer"),
            ActionKind.HANGUP: QCoreApplication.translate("SupervisorActions", "Hang up"),
        }
        return verbs[self.kind]

    def _take_completion(self, text: str) -> None:
        # Completions read "4001 — login"; the number is the first word.
        self.number.setText(text.split(" ", 1)[0])

    def perna(self) -> str:
        """The chosen leg for a transfer."""
        return "origem" if self.origem_leg.isChecked() else "destino"

    def start(self) -> None:
        """Validate the form and send the request (once)."""
        if self._task is not None and not self._task.done():
            return
        numero = self.number.text().strip().split(" ", 1)[0]
        if self.kind is not ActionKind.HANGUP and not numero:
            self.status.setText(
                QCoreApplication.translate("SupervisorActions", "Enter a number first.")
            )
            self.number.setFocus()
            return
        self.run_button.setEnabled(False)
        self.number.setEnabled(False)
        self.progress.show()
        self.status.setText(QCoreApplication.translate("SupervisorActions", "Sending the request…"))
        self._task = asyncio.ensure_future(self._run(numero))

    async def aclose(self) -> None:
        """Cancel a request in progress and wait for it, before the dialog is deleted."""
        await cancel_and_wait(self._task)

    async def _run(self, numero: str) -> ActionResult:
        try:
            result = await self._runner(self.kind, self.call.id, numero, self.perna())
        finally:
            self.progress.hide()
        self.result_value = result
        if result.ok:
            self.status.setText(self._success_text())
            self.status.setStyleSheet("color: #2e7d32;")
        else:
            self.status.setText(
                QCoreApplication.translate("SupervisorActions", "Failed: {reason}").format(
                    reason=result.message
                )
            )
            self.status.setStyleSheet("color: #c62828;")
            self.run_button.setEnabled(True)
            self.number.setEnabled(True)
        self.announcer.announce(self.status.text(), assertive=not result.ok)
        self.actionFinished.emit(result)
        return result

    def _success_text(self) -> str:
        texts = {
            ActionKind.LISTEN: QCoreApplication.translate(
                "SupervisorActions", "Done: the API accepted the request; your phone will ring."
            ),
            ActionKind.WHISPER: QCoreApplication.translate(
                "SupervisorActions", "Done: the API accepted the request; your phone will ring."
            ),
            ActionKind.BARGE: QCoreApplication.translate(
                "SupervisorActions", "Done: the API accepted the request; your phone will ring."
            ),
            ActionKind.TRANSFER: QCoreApplication.translate(
                "SupervisorActions", "Done: the API says the call is being transferred."
            ),
            ActionKind.HANGUP: QCoreApplication.translate(
                "SupervisorActions", "Done: the API ended the call."
            ),
        }
        return texts[self.kind]
