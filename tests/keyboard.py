"""Keyboard-only steps for journey tests: Tab until a widget has focus, press keys there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def tab_to(target: QWidget, limit: int = 80) -> int:
    """Press Tab until ``target`` has the focus; returns how many presses it took."""
    for presses in range(limit):
        focused = QApplication.focusWidget()
        if focused is target:
            return presses
        assert focused is not None, "nothing has the keyboard focus"
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r} in {limit} presses")


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` where the focus is."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    QTest.keyClick(focused, key, modifier)


def type_text(text: str) -> None:
    """Type ``text`` where the focus is."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    QTest.keyClicks(focused, text)
