"""The QApplication subclass: receives links the OS hands to a running app."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication


class RamalApplication(QApplication):
    """Emits :attr:`linkOpened` for ``tel:``/``callto:`` links opened while running.

    macOS delivers them as ``FileOpen`` events to the application object (other systems
    start a second process, which forwards its arguments to this one).
    """

    linkOpened = Signal(str)

    def event(self, event: QEvent) -> bool:
        """Turn phone-link FileOpen events into :attr:`linkOpened` (Qt API)."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            if url.scheme().lower() in ("tel", "callto"):
                self.linkOpened.emit(url.toString())
                return True
        return super().event(event)
