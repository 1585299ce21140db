"""Rate a call: 1 to 5 stars and a comment of up to 1000 characters with a counter."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api.calls import MAX_COMMENT_CHARS

__all__ = ["RatingDialog"]


class RatingDialog(QDialog):
    """Asks for a rating; emits ``rated(nota, comentario)``. Open it with ``open()``."""

    rated = Signal(int, str)

    def __init__(
        self, call_label: str, nota: int | None = None, comentario: str = "",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        """Prefill with a previous rating when there is one."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rate call"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(call_label, self))
        stars = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.stars: list[QToolButton] = []
        for value in range(1, 6):
            button = QToolButton(self)
            button.setText("☆")
            button.setAutoRaise(True)
            button.setStyleSheet("font-size: 22px; color: #d4a017;")
            button.setAccessibleName(self.tr("%n star(s)", "", value))
            self.group.addButton(button, value)
            self.stars.append(button)
            stars.addWidget(button)
        stars.addStretch(1)
        layout.addLayout(stars)
        self.group.idClicked.connect(self.set_nota)
        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText(self.tr("Comment (optional)"))
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.textChanged.connect(self._comment_changed)
        layout.addWidget(self.comment)
        self.counter = QLabel(self)
        layout.addWidget(self.counter)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.nota = 0
        self.comment.setPlainText(comentario)
        self.set_nota(nota or 0)
        self._comment_changed()

    @Slot(int)
    def set_nota(self, value: int) -> None:
        """Select ``value`` stars."""
        self.nota = value
        for index, button in enumerate(self.stars, start=1):
            button.setText("★" if index <= value else "☆")
        self._validate()

    @Slot()
    def _comment_changed(self) -> None:
        length = len(self.comment.toPlainText())
        self.counter.setText(f"{length}/{MAX_COMMENT_CHARS}")
        self.counter.setStyleSheet("color: #c0392b;" if length > MAX_COMMENT_CHARS else "")
        self._validate()

    def _validate(self) -> None:
        ok = 1 <= self.nota <= 5 and len(self.comment.toPlainText()) <= MAX_COMMENT_CHARS
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @Slot()
    def _accept(self) -> None:
        self.rated.emit(self.nota, self.comment.toPlainText())
        self.accept()
