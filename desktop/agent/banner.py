"""A message strip inside the window (never a modal box): what happened and what to do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

LEVELS = ("error", "warning", "info")
_ICONS = {"error": "⚠", "warning": "⏱", "info": "ℹ"}


class Banner(QFrame):
    """Shows one message at a time until the agent dismisses it or it is cleared."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._level = "error"
        self._action: Callable[[], None] | None = None
        self.icon = QLabel()
        self.icon.setStyleSheet("font-size: 14pt;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.action_button.setAccessibleName(self.tr("What to do"))
        self.action_button.clicked.connect(self._run_action)
        self.action_button.hide()
        self.close_button = QToolButton()
        self.close_button.setObjectName("bannerClose")
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def message(self) -> str:
        """The text shown (empty when hidden)."""
        return self.text.text() if not self.isHidden() else ""

    @property
    def level(self) -> str:
        """``error``, ``warning`` or ``info``."""
        return self._level

    def show_message(
        self,
        text: str,
        level: str = "error",
        *,
        action_text: str = "",
        action: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text``; with ``action`` a button offers the fix (e.g. Reconnect)."""
        if level not in LEVELS:
            raise ValueError(f"unknown banner level {level!r}")
        self._level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.icon.setText(_ICONS[level])
        self.text.setText(text)
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setAccessibleName(action_text or self.tr("What to do"))
        self.action_button.setVisible(action is not None and bool(action_text))
        self.setAccessibleDescription(text)
        self.show()

    def dismiss(self) -> None:
        """Hide the message (the agent read it, or it no longer applies)."""
        if self.isHidden():
            return
        self.hide()
        self.text.clear()
        self._action = None
        self.dismissed.emit()

    def _run_action(self) -> None:
        action = self._action
        self.dismiss()
        if action is not None:
            action()
