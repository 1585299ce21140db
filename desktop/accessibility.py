"""What screen readers need from every panel: spoken state changes and named sub-controls.

Qt 6.8+ has ``QAccessibleAnnouncementEvent``: the text is handed to the platform's
accessibility bridge (AT-SPI, UI Automation, NSAccessibility) without moving focus. A
status label carries the same words, and its name change is announced too, so tools that
only follow live regions (and a user glancing at the window) see them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QToolButton, QWidget

try:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # Qt before 6.8: the status label's name change is all there is
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

__all__ = ["Announcer", "name_clear_button", "name_combo_box", "spoken_duration"]


def spoken_duration(seconds: int) -> str:
    """A duration as a screen reader should say it: ``2 min 5 s``, ``1 h 3 min``."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return (
            QCoreApplication.translate("Announcer", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    if minutes:
        return (
            QCoreApplication.translate("Announcer", "%1 min %2 s")
            .replace("%1", str(minutes))
            .replace("%2", str(secs))
        )
    return QCoreApplication.translate("Announcer", "%1 s").replace("%1", str(secs))


class Announcer(QObject):
    """Speaks state changes through the accessibility bridge and a status label.

    ``status`` is a label (shown where the panel puts it, or nowhere) whose text and
    accessible name follow the last announcement; ``announced`` lets the app and tests
    hear them; ``history`` keeps every text said.
    """

    announced = Signal(str)

    def __init__(self, parent: QWidget, description: str = "") -> None:
        super().__init__(parent)
        self._source = parent
        self.status = QLabel()
        self.status.setObjectName("announcement")
        if description:
            self.status.setAccessibleDescription(description)
        self.history: list[str] = []

    def announce(self, text: str, *, assertive: bool = False) -> None:
        """Hand ``text`` to assistive technology now (``assertive``: interrupt speech)."""
        self.history.append(text)
        self.status.setText(text)
        self.status.setAccessibleName(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self.status, QAccessible.Event.NameChanged)
        )
        if QAccessibleAnnouncementEvent is not None:
            event = QAccessibleAnnouncementEvent(self._source, text)
            event.setPoliteness(
                QAccessible.AnnouncementPoliteness.Assertive
                if assertive
                else QAccessible.AnnouncementPoliteness.Polite
            )
            QAccessible.updateAccessibility(event)
        self.announced.emit(text)


def name_combo_box(combo: QComboBox, name: str, parent: QWidget) -> None:
    """Name a combo box that has no visible label, for every platform's screen reader.

    Windows and macOS read the accessible name. On Linux Qt gives a combo box's value as
    its name and Orca reads its label through the labelled-by relation, which Qt builds
    from a buddy label among its siblings: a hidden one carries the name there.
    ``parent`` is the widget the combo box is (or will be) laid out in.
    """
    combo.setAccessibleName(name)
    label = QLabel(name, parent)
    label.setBuddy(combo)
    label.hide()


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Name the clear button Qt puts in ``edit`` (an icon with no text of its own)."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
