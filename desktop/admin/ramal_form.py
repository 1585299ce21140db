"""The create / edit dialog of a ramal, with every documented field."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.password import StrengthLevel, estimate_strength, generate_password
from desktop.admin.ramal_fields import (
    BOOL_FIELDS,
    RECOMMENDED,
    TEXT_FIELDS,
    Problem,
    ProblemKind,
    api_error_field,
    validate,
)
from desktop.admin.words import field_label, problem_text
from desktop.api import Ramal, RamalApiError, RamalInput
from desktop.tasks import cancel_and_wait

__all__ = ["RamalFormDialog"]

log = logging.getLogger(__name__)
Save = Callable[[RamalInput], Awaitable[object]]
_ERROR_STYLE = "color: #c62828;"
# Fields whose value the API cannot remove: RamalInput leaves None out of the body.
_NOT_CLEARABLE = ("bina", "ura_id", "ramal", "login")


class RamalFormDialog(QDialog):
    """Create (no ``ramal``) or edit a ramal; ``saved`` carries what ``save`` returned.

    Open with :meth:`open` (non-modal for the event loop). Values are checked before
    anything is sent; an API error is shown next to the field it names.
    """

    saved = Signal(object)

    def __init__(self, save: Save, ramal: Ramal | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._save, self.original = save, ramal
        self._task: asyncio.Task[Any] | None = None
        editing = ramal is not None
        self.setWindowTitle(
            self.tr("Edit ramal %1").replace("%1", ramal.ramal or str(ramal.id))
            if ramal is not None
            else self.tr("New ramal")
        )
        self.edits: dict[str, QLineEdit] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}

        identity = QGroupBox(self.tr("Identity"), self)
        form = QFormLayout(identity)
        hints = {
            "ramal": self.tr("digits, e.g. 4001"),
            "login": self.tr("e-mail, e.g. ana@empresa.com.br"),
            "bina": self.tr("DDD + number shown to who is called"),
            "ura_id": self.tr("empty: ring the user"),
            "tags": self.tr("free text, e.g. vendas"),
            "senha": self.tr("leave empty to keep the current one")
            if editing
            else self.tr("empty: the service chooses one"),
        }
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{name}")
            edit.setPlaceholderText(hints[name])
            edit.setAccessibleName(field_label(name))
            edit.textChanged.connect(lambda _t, n=name: self._clear_error(n))
            self.edits[name] = edit
            error = QLabel(self)
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.setVisible(False)
            self.errors[name] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self._senha_row(edit) if name == "senha" else edit)
            box.addWidget(error)
            label = field_label(name) + (" *" if name in RECOMMENDED else "")
            form.addRow(label, box)

        perms = QGroupBox(self.tr("Permissions"), self)
        grid = QGridLayout(perms)
        for i, name in enumerate(BOOL_FIELDS):
            check = QCheckBox(field_label(name), self)
            check.setObjectName(f"field_{name}")
            self.checks[name] = check
            grid.addWidget(check, i // 2, i % 2)
        self.checks["webphone"].setChecked(True)
        self.checks["voicemail"].setToolTip(
            self.tr("Calls to this ramal go to a voice mailbox instead of ringing the user.")
        )

        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(identity)
        layout.addWidget(perms)
        note = QLabel(self.tr("* recommended by the API docs and required here."), self)
        note.setEnabled(False)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        if ramal is not None:
            self._fill(ramal)

    def _senha_row(self, edit: QLineEdit) -> QWidget:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QPushButton(self.tr("Show"), self)
        self.show_password.setCheckable(True)
        self.show_password.toggled.connect(self._toggle_password)
        self.show_password.setAccessibleName(self.tr("Show password"))
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.clicked.connect(self.generate_password)
        self.generate_button.setAccessibleName(self.tr("Generate a password"))
        self.strength = QLabel(self)
        self.strength.setMinimumWidth(60)
        edit.setMinimumWidth(220)
        edit.textChanged.connect(self._update_strength)
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        box.addWidget(self.show_password)
        box.addWidget(self.generate_button)
        box.addWidget(self.strength)
        return row

    def _toggle_password(self, shown: bool) -> None:
        self.edits["senha"].setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_password.setText(self.tr("Hide") if shown else self.tr("Show"))

    def generate_password(self) -> None:
        """Fill the password with a random one (shown, so it can be noted down)."""
        self.edits["senha"].setText(generate_password())
        self.show_password.setChecked(True)

    def _update_strength(self, text: str) -> None:
        level = estimate_strength(text).level
        words = {
            StrengthLevel.EMPTY: ("", ""),
            StrengthLevel.WEAK: (self.tr("Weak"), "#c62828"),
            StrengthLevel.FAIR: (self.tr("Fair"), "#ef6c00"),
            StrengthLevel.STRONG: (self.tr("Strong"), "#2e7d32"),
        }
        word, color = words[level]
        self.strength.setText(word)
        self.strength.setStyleSheet(f"color: {color}; font-weight: bold;" if color else "")

    def _fill(self, ramal: Ramal) -> None:
        for name, edit in self.edits.items():
            value = getattr(ramal, name)
            if name != "senha":
                edit.setText("" if value is None else str(value))
        for name, check in self.checks.items():
            check.setChecked(bool(getattr(ramal, name)))

    def values(self) -> dict[str, object]:
        """What the form holds (text and flags), before validation."""
        values: dict[str, object] = {n: e.text() for n, e in self.edits.items()}
        values.update({n: c.isChecked() for n, c in self.checks.items()})
        return values

    def _changes(self) -> tuple[dict[str, object], list[Problem]]:
        """For an edit: only the fields that differ from the record."""
        assert self.original is not None
        changes: dict[str, object] = {}
        problems: list[Problem] = []
        for name, value in self.values().items():
            before = getattr(self.original, name)
            if isinstance(value, bool):
                if value != bool(before):
                    changes[name] = value
                continue
            text = str(value) if name == "senha" else str(value).strip()
            old = "" if before is None else str(before)
            if name == "senha":
                if text:
                    changes[name] = text
            elif text != old:
                if not text and name in _NOT_CLEARABLE:
                    kind = ProblemKind.REQUIRED if name in RECOMMENDED else ProblemKind.CANNOT_CLEAR
                    problems.append(Problem(name, kind))
                elif not text and name == "tags":
                    changes[name] = ""
                else:
                    changes[name] = text
        return changes, problems

    def body(self) -> RamalInput | None:
        """Validate and build the request body; shows the problems and returns None if any."""
        self._clear_errors()
        if self.original is None:
            checked = validate(self.values(), required=RECOMMENDED)
            problems = list(checked.problems)
            result = checked.input
        else:
            changes, problems = self._changes()
            tags = changes.pop("tags", None)
            checked = validate(changes)
            problems += checked.problems
            result = checked.input
            if result is not None and tags is not None:
                result = dataclasses.replace(result, tags=str(tags))
        if problems:
            for problem in problems:
                self.show_problem(problem)
            return None
        return result

    def submit(self) -> None:
        """Check the form and send it."""
        if self._task is not None and not self._task.done():
            return
        body = self.body()
        if body is None:
            return
        if self.original is not None and not body.to_json():
            self.saved.emit(None)
            self.accept()
            return
        self.save_button.setEnabled(False)
        self._task = asyncio.ensure_future(self._send(body))

    async def _send(self, body: RamalInput) -> None:
        try:
            result = await self._save(body)
        except RamalApiError as error:
            self.show_problem(Problem(api_error_field(error), ProblemKind.API, error=error))
            return
        finally:
            self.save_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def show_problem(self, problem: Problem) -> None:
        """Put the words next to the field concerned, or under the form."""
        label = self.errors.get(problem.field or "", self.general_error)
        text = problem_text(problem)
        label.setText((label.text() + "\n" + text).strip() if not label.isHidden() else text)
        label.setVisible(True)
        if problem.field in self.edits:
            self.edits[problem.field].setFocus()

    def error_text(self, name: str | None) -> str:
        """The error shown for a field (or the general one): for tests and accessibility."""
        label = self.errors.get(name or "", self.general_error)
        return label.text() if not label.isHidden() else ""

    def _clear_error(self, name: str) -> None:
        self.errors[name].setVisible(False)
        self.errors[name].clear()

    def _clear_errors(self) -> None:
        for name in self.errors:
            self._clear_error(name)
        self.general_error.setVisible(False)
        self.general_error.clear()

    async def aclose(self) -> None:
        """Cancel a request in flight and wait for it, before the dialog is deleted."""
        await cancel_and_wait(self._task)

    def reject(self) -> None:
        """Close; a request still in flight is cancelled (a POST may still have landed)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().reject()
