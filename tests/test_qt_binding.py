"""Guards against a Qt binding that corrupts reference counts.

PySide6 6.12.0 on CPython 3.11 dropped one reference to ``None`` on every call of a
method returning nothing (and one to ``True`` per signal emission); an agent's session
aborted within minutes. This fails at once if such a release is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_singleton_refcounts(qapp: QApplication) -> None:
    label = QLabel()
    emitter = _Emitter()
    none_before = sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(2000):
        label.setText("x")
        emitter.fired.emit(1)
    # Other code may take or drop a few references meanwhile; a leak is thousands.
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
