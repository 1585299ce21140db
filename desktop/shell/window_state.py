"""Window geometry and splitter positions, saved on close and restored on open.

Kept in an INI file beside the settings (``window-state.ini``): Qt's own byte blobs, not
user settings, so they need no migration; a blob Qt rejects is simply ignored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

__all__ = ["WindowStateStore"]


class WindowStateStore:
    """Saves and restores widget geometry, main-window dock state and splitter sizes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def _blob(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, key: str, window: QWidget) -> None:
        """Remember the geometry of ``window`` (and its toolbars/docks for a main window)."""
        self._settings.setValue(f"{key}/geometry", window.saveGeometry())
        if isinstance(window, QMainWindow):
            self._settings.setValue(f"{key}/state", window.saveState())

    def restore_window(self, key: str, window: QWidget) -> bool:
        """Restore what :meth:`save_window` stored; False when nothing usable was there."""
        geometry = self._blob(f"{key}/geometry")
        restored = geometry is not None and window.restoreGeometry(geometry)
        state = self._blob(f"{key}/state")
        if isinstance(window, QMainWindow) and state is not None:
            window.restoreState(state)
        return restored

    def save_splitter(self, key: str, splitter: QSplitter) -> None:
        """Remember the sizes of ``splitter``."""
        self._settings.setValue(f"splitters/{key}", splitter.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> bool:
        """Restore the sizes of ``splitter``; False when nothing usable was stored."""
        state = self._blob(f"splitters/{key}")
        return state is not None and splitter.restoreState(state)

    def sync(self) -> None:
        """Write to disk now (Qt also writes on its own when the app quits)."""
        self._settings.sync()
