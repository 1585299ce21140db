"""The strip at the top: ramal, connection state in words, call quality."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QEnterEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop.agent.quality_history import QualityHistory
from desktop.agent.sparkline import QualityCard, Sparkline
from desktop.agent.state import AgentSnapshot, AgentState, Quality
from desktop.agent.theme import PAUSED_COLOUR, QUALITY_COLOURS, RED, STATE_COLOURS, icon
from desktop.agent.words import microphone_notice, quality_words, state_words, unknown_status


class Dot(QWidget):
    """A small filled circle."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = colour
        self.setFixedSize(12, 12)

    @property
    def colour(self) -> QColor:
        """The fill colour."""
        return self._colour

    def set_colour(self, colour: QColor) -> None:
        """Repaint in ``colour``."""
        self._colour = colour
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))
        painter.end()


class QualityIndicator(QWidget):
    """``● Call quality: Good``; hovering shows the last minutes as a graph."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quality = Quality.UNKNOWN
        self.dot = Dot(QUALITY_COLOURS[Quality.UNKNOWN])
        self.label = QLabel()
        self.graph = Sparkline(compact=True)
        self.card = QualityCard()
        self.card.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.graph)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._show(Quality.UNKNOWN)

    def set_history(self, history: QualityHistory, now: datetime) -> None:
        """Show the latest sample's quality and keep the card's graph current."""
        latest = history.latest
        self._show(Quality.UNKNOWN if latest is None else latest.quality)
        self.card.set_samples(history.samples, now, history.window)
        self.graph.set_samples(history.samples, now, history.window)

    def _show(self, quality: Quality) -> None:
        self.quality = quality
        self.dot.set_colour(QUALITY_COLOURS[quality])
        self.label.setText(self.tr("Call quality: %1").replace("%1", quality_words(quality)))
        self.setAccessibleName(self.label.text())

    def show_card(self) -> None:
        """Show the graph under the indicator."""
        self.card.adjustSize()
        below = self.mapToGlobal(QPoint(self.width() - self.card.width(), self.height() + 4))
        self.card.move(below)
        self.card.show()

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: D102
        self.show_card()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: D102
        self.card.hide()
        super().leaveEvent(event)


class AgentHeader(QFrame):
    """Ramal, state pill, extra detail (unknown statuses, webphone health) and quality."""

    def __init__(self, ramal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        logo = QLabel()
        logo.setPixmap(icon("ramal").pixmap(QSize(28, 28)))
        self.ramal = QLabel()
        self.ramal.setObjectName("ramal")
        self.state = QLabel()
        self.state.setObjectName("statePill")
        self.state.setAccessibleDescription(self.tr("Phone state"))
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        self.quality = QualityIndicator()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(12)
        layout.addWidget(logo)
        layout.addWidget(self.ramal)
        layout.addWidget(self.state)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.quality)
        self._health = ("ok", "")
        self._snap = AgentSnapshot()
        self.set_ramal(ramal)
        self.set_snapshot(self._snap)

    def set_ramal(self, ramal: str) -> None:
        """Show which ramal this window is."""
        self.ramal.setText(self.tr("Ramal %1").replace("%1", ramal) if ramal else "")

    def set_snapshot(self, snap: AgentSnapshot) -> None:
        """Show the state in words, coloured."""
        self._snap = snap
        colour = STATE_COLOURS[snap.state]
        if snap.state is AgentState.READY and snap.paused:
            colour = PAUSED_COLOUR
        self.state.setText(state_words(snap))
        self.state.setStyleSheet(f"background: {colour};")
        self._show_detail()

    def set_health(self, health: str, reason: str) -> None:
        """Show that the webphone is down (and why) until it is back."""
        self._health = (health, reason)
        self._show_detail()

    def _show_detail(self) -> None:
        health, reason = self._health
        snap = self._snap
        if health == "down":
            text = self.tr("Webphone not working — reconnecting: %1").replace("%1", reason)
            self.detail.setStyleSheet(f"color: {RED};")
        elif snap.state is AgentState.DISCONNECTED and snap.unexpected_disconnect:
            text = self.tr("The connection dropped — reconnecting…")
            self.detail.setStyleSheet(f"color: {RED};")
        else:
            notes = (microphone_notice(snap), unknown_status(snap))
            text = " · ".join(note for note in notes if note)
            self.detail.setStyleSheet("")
        self.detail.setText(text)
        self.detail.setToolTip(text)

    def set_history(self, history: QualityHistory, now: datetime) -> None:
        """Refresh the quality indicator."""
        self.quality.set_history(history, now)
