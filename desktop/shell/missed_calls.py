"""Missed calls counted from the agent's snapshots, shown as a badge until History shows them.

A call is missed when it rang here (inbound, ``ringing``) and left ringing without being
answered. The count shows as a badge drawn on the tray icon on every platform and, on
Linux, on the launcher/taskbar entry through the ``com.canonical.Unity.LauncherEntry``
D-Bus signal (GNOME's dash-to-dock, KDE Plasma's task manager, Unity, elementary's
Plank). Windows has no taskbar badge reachable from Qt 6 (``QWinTaskbarButton`` went with
Qt 5), and the macOS dock badge needs ``NSApp.dockTile``, which PySide6 cannot reach
without pyobjc: both get the tray (menu bar) badge only.

The calls count as seen when the History panel is on screen with its "Missed" filter.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from desktop.agent.state import AgentSnapshot, AgentState, Direction
from desktop.app_id import DESKTOP_FILE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from jeepney.io.blocking import DBusConnection

    from desktop.agent.controller import AgentController
    from desktop.history.panel import HistoryPanel

log = logging.getLogger(__name__)

__all__ = [
    "DESKTOP_ID",
    "LauncherEntry",
    "MissedCalls",
    "badge_icon",
    "badge_text",
    "track_missed_calls",
]

#: The desktop entry the packages install (``packaging/linux/<APP_ID>.desktop``).
DESKTOP_ID = DESKTOP_FILE
BADGE_COLOUR = "#d32f2f"
_SIZES = (16, 22, 24, 32, 48, 64, 128)


class MissedCalls(QObject):
    """Counts calls that rang and were not answered; ``seen`` sets the count back to 0."""

    changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._ringing: tuple[str, object] | None = None

    @property
    def count(self) -> int:
        """Missed calls not seen yet."""
        return self._count

    def follow(self, snap: AgentSnapshot) -> None:
        """Count the ring that ended without an answer (each call once)."""
        call = snap.call
        if snap.state is AgentState.RINGING and call is not None:
            if call.direction is Direction.INBOUND:
                self._ringing = (call.number, call.started_at)
            return
        ringing, self._ringing = self._ringing, None
        if ringing is None or snap.state is AgentState.TALKING:
            return
        answered = call is not None and call.answered_at is not None
        if not answered:
            self._set(self._count + 1)

    def declined(self) -> None:
        """The agent refused the ringing call: it ends without counting."""
        self._ringing = None

    def seen(self) -> None:
        """The agent saw them (History with the missed filter): the badge goes."""
        self._set(0)

    def _set(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self.changed.emit(count)


def badge_text(count: int) -> str:
    """What the badge says: the count, ``99+`` beyond."""
    return "99+" if count > 99 else str(count)


def _badged(base: QPixmap, text: str) -> QPixmap:
    pixmap = QPixmap(base)
    side = float(min(pixmap.width(), pixmap.height()))
    diameter = max(9.0, side * 0.5)
    width = min(diameter * (1.0 + 0.3 * (len(text) - 1)), side)
    outline = max(1.0, side * 0.04)
    rect = QRectF(pixmap.width() - width, 0, width, diameter).adjusted(
        outline / 2, outline / 2, -outline / 2, -outline / 2
    )
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), outline))  # apart from a red icon, too
    painter.setBrush(QColor(BADGE_COLOUR))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, int(diameter * (0.7 if len(text) == 1 else 0.55))))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def badge_icon(base: QIcon, count: int) -> QIcon:
    """``base`` with a red count in its top right corner (``base`` itself for 0)."""
    if count <= 0:
        return base
    text = badge_text(count)
    badged = QIcon()
    for size in _SIZES:
        pixmap = base.pixmap(size, size)
        if not pixmap.isNull():
            badged.addPixmap(_badged(pixmap, text))
    return badged


class LauncherEntry:
    """The count on the dock/taskbar entry, via the Unity LauncherEntry signal (Linux).

    ``address`` picks the bus (the session bus by default). Without a session bus the
    badge stays on the tray icon only, and that is logged once.
    """

    INTERFACE = "com.canonical.Unity.LauncherEntry"

    def __init__(self, desktop_id: str = DESKTOP_ID, address: str = "SESSION") -> None:
        self.app_uri = f"application://{desktop_id}"
        digest = hashlib.sha1(desktop_id.encode(), usedforsecurity=False).hexdigest()
        self.path = f"/com/canonical/unity/launcherentry/{digest}"
        self._address = address
        self._connection: DBusConnection | None = None
        self._failed = False

    @staticmethod
    def supported() -> bool:
        """True where the launcher entry badge exists (Linux desktops)."""
        return sys.platform.startswith("linux")

    def update(self, count: int) -> bool:
        """Send the count (hidden at 0); False when there is no bus to send it on."""
        if self._failed:
            return False
        from jeepney import DBusAddress, new_signal

        try:
            if self._connection is None:
                from jeepney.io.blocking import open_dbus_connection

                self._connection = open_dbus_connection(bus=self._address)
            emitter = DBusAddress(self.path, interface=self.INTERFACE)
            props = {"count": ("x", count), "count-visible": ("b", count > 0)}
            self._connection.send(new_signal(emitter, "Update", "sa{sv}", (self.app_uri, props)))
        except (OSError, KeyError, ValueError) as exc:
            self._failed = True
            log.info("no launcher badge (no D-Bus session bus): %s", exc)
            return False
        return True

    def close(self) -> None:
        """Close the bus connection."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def track_missed_calls(
    agent: AgentController,
    history: HistoryPanel | None,
    badges: Iterable[Callable[[int], object]],
) -> MissedCalls:
    """Count ``agent``'s missed calls into ``badges``; History's missed view clears them."""
    missed = MissedCalls(agent)
    agent.changed.connect(missed.follow)
    agent.declined.connect(missed.declined)
    if history is not None:
        history.missedCallsSeen.connect(missed.seen)
    for badge in badges:
        missed.changed.connect(badge)
    return missed
