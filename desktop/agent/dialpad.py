"""The number field and the 12-key pad (tones while talking)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.agent.state import AgentSnapshot, AgentState

DTMF_KEYS = "123456789*0#"
_LETTERS = {
    "2": "ABC",
    "3": "DEF",
    "4": "GHI",
    "5": "JKL",
    "6": "MNO",
    "7": "PQRS",
    "8": "TUV",
    "9": "WXYZ",
    "0": "+",
}


def name_clear_button(field: QLineEdit, name: str) -> None:
    """Give the field's clear button (a bare icon) a name screen readers can say."""
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(name)


class KeyButton(QPushButton):
    """A pad key: the digit large, its letters small beneath."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("key")
        self.setAccessibleName(key)
        if key in _LETTERS:
            self.setAccessibleDescription(_LETTERS[key])
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the number field
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMaximumHeight(72)
        digit = QLabel(key)
        digit.setObjectName("keyDigit")
        letters = QLabel(_LETTERS.get(key, " "))
        letters.setObjectName("keyLetters")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 4)
        box.setSpacing(0)
        box.addStretch(1)
        for label in (digit, letters):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            box.addWidget(label)
        box.addStretch(1)


class DialPad(QFrame):
    """Typing or pasting a number (any format people write), or sending tones in a call.

    Out of a call the keys type into the field and Enter emits ``submitted``. In a call
    the field shows the tones sent and every key, clicked or typed, emits ``dtmf``.
    """

    submitted = Signal()
    dtmf = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._talking = False
        self._saved_number = ""
        self.title = QLabel(self.tr("DIAL"))
        self.title.setObjectName("cardTitle")
        self.field = QLineEdit()
        self.field.setObjectName("dialField")
        self.field.setPlaceholderText(self.tr("Number or ramal"))
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(64)
        self.field.setAccessibleName(self.tr("Number to call"))
        name_clear_button(self.field, self.tr("Clear the number"))
        self.field.returnPressed.connect(self._on_return)
        self.field.textEdited.connect(lambda _text: self.clear_error())
        self.field.installEventFilter(self)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.keys: dict[str, KeyButton] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, key in enumerate(DTMF_KEYS):
            button = KeyButton(key)
            button.clicked.connect(lambda _checked=False, k=key: self.press(k))
            self.keys[key] = button
            grid.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addLayout(grid, 10)
        layout.addStretch(1)

    @property
    def talking(self) -> bool:
        """True while keys send tones."""
        return self._talking

    def text(self) -> str:
        """What the agent typed or pasted."""
        return self.field.text()

    def set_text(self, text: str) -> None:
        """Put a number in the field (from a link or the history)."""
        self.field.setText(text)
        self.clear_error()

    def set_error(self, message: str) -> None:
        """Show ``message`` under the field and mark the field invalid."""
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.field.setProperty("invalid", bool(message))
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)

    def clear_error(self) -> None:
        """Hide the error."""
        if self.error.isVisible() or self.field.property("invalid"):
            self.set_error("")

    def focus_field(self) -> None:
        """Put the cursor in the field, text selected (for Ctrl+L)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_snapshot(self, snap: AgentSnapshot) -> None:
        """Switch between dialing and sending tones."""
        talking = snap.state is AgentState.TALKING
        if talking == self._talking:
            return
        self._talking = talking
        if talking:
            self._saved_number = self.field.text()
            self.field.clear()
            self.field.setReadOnly(True)
            self.field.setPlaceholderText(self.tr("Keys send tones"))
            self.title.setText(self.tr("KEYPAD — TONES"))
        else:
            self.field.setReadOnly(False)
            self.field.setText(self._saved_number)
            self.field.setPlaceholderText(self.tr("Number or ramal"))
            self.title.setText(self.tr("DIAL"))
        self.clear_error()

    def press(self, key: str) -> None:
        """A key of the pad: a tone in a call, a digit in the field otherwise."""
        if self._talking:
            self.dtmf.emit(key)
            return
        self.field.insert(key)
        self.clear_error()

    def show_tone(self, key: str) -> None:
        """Append a tone that was sent to the field, as a record for the agent."""
        self.field.setText(self.field.text() + key)

    def handle_key(self, text: str) -> bool:
        """A key typed anywhere in the window: True when it was sent as a tone."""
        if self._talking and len(text) == 1 and text in DTMF_KEYS:
            self.dtmf.emit(text)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102
        if watched is self.field and event.type() is QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self.handle_key(event.text()):
                return True
        return super().eventFilter(watched, event)

    def _on_return(self) -> None:
        if not self._talking:
            self.submitted.emit()
