"""A tiny graph of call quality over the last minutes, and the hover card that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.agent.quality_history import LEVEL, QualitySample
from desktop.agent.state import Quality
from desktop.agent.theme import QUALITY_COLOURS
from desktop.agent.words import quality_words


def plot_points(
    samples: Sequence[QualitySample], end: datetime, span: timedelta, area: QRectF
) -> list[tuple[QPointF, Quality]]:
    """Where ``samples`` go in ``area``: one point per pixel column, the worst quality in it.

    Reports can come much faster than the graph has columns; drawing every one would
    cost the paint time in proportion, for nothing the eye could tell apart, while the
    worst reading of a column is what an agent must not miss.
    """
    seconds = span.total_seconds() or 1.0
    worst: dict[int, tuple[float, Quality]] = {}
    for sample in samples:
        quality = sample.quality
        if quality is Quality.UNKNOWN:
            continue
        age = (end - sample.at).total_seconds()
        x = area.right() - max(0.0, min(1.0, age / seconds)) * area.width()
        column = round(x)
        kept = worst.get(column)
        if kept is None or LEVEL[quality] <= LEVEL[kept[1]]:  # the latest of the worst
            worst[column] = (x, quality)
    return [
        (QPointF(x, area.bottom() - LEVEL[quality] * area.height()), quality)
        for x, quality in sorted(worst.values(), key=lambda point: point[0])
    ]


class Sparkline(QWidget):
    """Plots sample quality (good high, poor low) against time, newest on the right."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._compact = compact
        self._samples: tuple[QualitySample, ...] = ()
        self._end = datetime.now().astimezone()
        self._span = timedelta(minutes=5)
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: D102
        return QSize(96, 26) if self._compact else QSize(240, 64)

    @property
    def samples(self) -> tuple[QualitySample, ...]:
        """The samples drawn."""
        return self._samples

    def set_samples(
        self, samples: tuple[QualitySample, ...], end: datetime, span: timedelta
    ) -> None:
        """Draw ``samples`` over the ``span`` that ends at ``end``."""
        self._samples, self._end, self._span = samples, end, span
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = 4 if self._compact else 6
        if self._compact:
            painter.setPen(QPen(QColor("#dde3ea"), 1))
            painter.setBrush(QColor("#f7f9fa"))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        if not self._compact:
            painter.setPen(QPen(QColor("#e3e8ec"), 1, Qt.PenStyle.DashLine))
            for level in LEVEL.values():
                y = area.bottom() - level * area.height()
                painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        points = plot_points(self._samples, self._end, self._span, area)
        if self._compact:
            painter.setPen(Qt.PenStyle.NoPen)
            for point, quality in points:
                painter.setBrush(QUALITY_COLOURS[quality])
                painter.drawRect(QRectF(point.x() - 1, point.y(), 2, area.bottom() - point.y()))
            painter.end()
            return
        painter.setPen(QPen(QColor("#90a4ae"), 1.5))
        for (a, _), (b, _) in pairwise(points):
            painter.drawLine(a, b)
        painter.setPen(Qt.PenStyle.NoPen)
        for point, quality in points:
            painter.setBrush(QUALITY_COLOURS[quality])
            painter.drawEllipse(point, 3.0, 3.0)
        painter.end()


class QualityCard(QFrame):
    """The hover card: the graph plus the latest network and computer readings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setObjectName("card")
        self.setStyleSheet(
            "QFrame#card { background: white; border: 1px solid #cfd8dc; border-radius: 6px; }"
        )
        self.title = QLabel(self.tr("Call quality, last 5 minutes"))
        self.title.setStyleSheet("font-weight: 600;")
        self.graph = Sparkline()
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.graph)
        layout.addWidget(self.detail)

    def set_samples(
        self, samples: tuple[QualitySample, ...], end: datetime, span: timedelta
    ) -> None:
        """Show ``samples`` and the latest readings in words."""
        minutes = max(1, round(span.total_seconds() / 60))
        self.title.setText(self.tr("Call quality, last %n minute(s)", "", minutes))
        self.graph.set_samples(samples, end, span)
        if not samples:
            self.detail.setText(self.tr("No reading from the webphone yet."))
            return
        last = samples[-1]
        self.detail.setText(
            self.tr("Internet: %1 · Computer: %2")
            .replace("%1", quality_words(last.internet))
            .replace("%2", quality_words(last.computer))
        )
