"""Qt side of a live feed: its changes and health as signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.board import Changes
from desktop.supervisor.feed import FeedStatus, LiveFeed

__all__ = ["FeedSignals"]


class FeedSignals(QObject):
    """Re-emits a :class:`LiveFeed`'s callbacks as ``changed`` and ``statusChanged``."""

    changed = Signal(object)  # Changes
    statusChanged = Signal(object)  # FeedStatus

    def __init__(self, feed: LiveFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        feed.subscribe(self._on_changes, self._on_status)

    def _on_changes(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def _on_status(self, status: FeedStatus) -> None:
        self.statusChanged.emit(status)
