"""The "Global shortcuts" page of Settings: on/off and one key field per action."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import name_clear_button
from desktop.agent.shortcut_words import action_name, conflict_words
from desktop.hotkeys.bindings import DEFAULT_SHORTCUTS, HotkeyAction, check_bindings

__all__ = ["GlobalShortcutsEditor"]


class GlobalShortcutsEditor(QWidget):
    """Edits the global shortcuts; conflicts are listed in words as the keys change.

    :meth:`set_registration_problems` adds what the running app could not register
    (keys another application holds), which only the system can tell.
    """

    def __init__(
        self, on: bool, bindings: Mapping[HotkeyAction, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.enabled_check = QCheckBox(
            self.tr("Use global shortcuts (they work while another application has the focus)")
        )
        self.enabled_check.setChecked(on)
        self.edits: dict[HotkeyAction, QKeySequenceEdit] = {}
        form = QFormLayout()
        for action in HotkeyAction:
            edit = QKeySequenceEdit(QKeySequence(bindings.get(action, "")))
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            edit.setObjectName(f"global_shortcut_{action.value}")
            edit.setAccessibleName(action_name(action))
            # The key field a screen reader lands on is the inner line edit: name it too.
            inner = edit.findChild(QLineEdit)
            if inner is not None:
                inner.setAccessibleName(action_name(action))
                name_clear_button(
                    inner, self.tr("Clear the keys of %1").replace("%1", action_name(action))
                )
            edit.keySequenceChanged.connect(self._refresh)
            self.edits[action] = edit
            form.addRow(action_name(action) + ":", edit)
        self.defaults_button = QPushButton(self.tr("Restore default keys"))
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.problems_label = QLabel(wordWrap=True)
        self.problems_label.setObjectName("global_shortcut_problems")
        self.problems_label.setAccessibleName(self.tr("Problems with the global shortcuts"))
        self._registration: list[str] = []
        self.enabled_check.toggled.connect(self._refresh)
        row = QHBoxLayout()
        row.addWidget(self.defaults_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled_check)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        self._refresh()

    def bindings(self) -> dict[HotkeyAction, str]:
        """Each action's keys in Qt's portable text ('' for none)."""
        portable = QKeySequence.SequenceFormat.PortableText
        return {a: e.keySequence().toString(portable) for a, e in self.edits.items()}

    def is_on(self) -> bool:
        """True when global shortcuts are enabled."""
        return self.enabled_check.isChecked()

    def problems(self) -> list[str]:
        """Conflicts among the keys typed here, in words (none while disabled)."""
        if not self.is_on():
            return []
        return [conflict_words(c) for c in check_bindings(self.bindings())[1]]

    def set_registration_problems(self, problems: list[str]) -> None:
        """What the running app could not register, shown below the conflicts."""
        self._registration = list(problems)
        self._refresh()

    def restore_defaults(self) -> None:
        """Put back the default keys of every action."""
        for action, keys in DEFAULT_SHORTCUTS:
            self.edits[action].setKeySequence(QKeySequence(keys))

    def _refresh(self) -> None:
        for edit in self.edits.values():
            edit.setEnabled(self.is_on())
        lines = self.problems() + (self._registration if self.is_on() else [])
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(lines))
