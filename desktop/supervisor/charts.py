"""A light custom-painted stacked bar chart (no QtCharts scene: cheap to redraw and grab)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["BarChart", "Series", "nice_step"]


@dataclass(frozen=True, slots=True)
class Series:
    """One stacked layer: its legend label, colour and one value per category."""

    label: str
    color: str
    values: tuple[float, ...]


def nice_step(top: float, ticks: int = 4) -> float:
    """A round axis step (1, 2, 5 × 10ⁿ) so that ``ticks`` steps cover ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


class BarChart(QWidget):
    """Vertical bars, stacked by series, with a value axis and a legend."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.value_text: Callable[[float], str] = lambda v: f"{v:g}"
        self.empty_text = ""
        self.setAccessibleName(title)  # the bars themselves are painted: see spoken()
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """A comfortable size."""
        return QSize(420, 240)

    def set_data(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        """Replace the data and repaint."""
        self.categories = tuple(categories)
        self.series = tuple(s for s in series if len(s.values) == len(self.categories))
        self.setAccessibleDescription(self.spoken())
        self.update()

    def spoken(self) -> str:
        """The bars in words, for screen readers: ``08h: 12 (Answered 10, Missed 2); …``."""
        parts = []
        for index, category in enumerate(self.categories):
            layers = [(s.label, s.values[index]) for s in self.series if s.values[index]]
            if not layers:
                continue
            total = self.value_text(sum(value for _, value in layers))
            detail = ", ".join(f"{label} {self.value_text(value)}" for label, value in layers)
            parts.append(
                f"{category}: {total} ({detail})" if len(layers) > 1 else f"{category}: {total}"
            )
        return "; ".join(parts) or self.empty_text

    def totals(self) -> list[float]:
        """Height of each stacked bar."""
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw title, legend, axis, bars and labels."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = QColor(text)
        faint.setAlpha(40)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = painter.fontMetrics()
        line = metrics.height()
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(QRectF(8, 4, self.width() - 16, line + 2), self.title)
        painter.setFont(self.font())
        legend_bottom = self._legend(painter, 8 + line + 4)
        totals = self.totals()
        top_value = max(totals, default=0.0)
        plot = QRectF(
            metrics.horizontalAdvance(self.value_text(top_value or 1) + "00") + 8,
            legend_bottom + 6,
            0,
            0,
        )
        plot.setRight(self.width() - 12)
        plot.setBottom(self.height() - line - 10)
        if not self.categories or top_value <= 0:
            painter.setPen(text)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        step = nice_step(top_value)
        top = step * math.ceil(top_value / step)
        ticks = round(top / step)
        for i in range(ticks + 1):
            y = plot.bottom() - plot.height() * i / ticks
            painter.setPen(QPen(faint, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(text)
            label = QRectF(0, y - line / 2, plot.left() - 6, line)
            painter.drawText(label, Qt.AlignmentFlag.AlignRight, self.value_text(step * i))
        slot = plot.width() / len(self.categories)
        width = max(2.0, slot * 0.7)
        label_every = max(1, math.ceil(metrics.horizontalAdvance("0000") * 1.2 / slot))
        for index, name in enumerate(self.categories):
            x = plot.left() + slot * index + (slot - width) / 2
            y = plot.bottom()
            for layer in self.series:
                value = layer.values[index]
                if value <= 0:
                    continue
                height = plot.height() * value / top
                painter.fillRect(QRectF(x, y - height, width, height), QColor(layer.color))
                y -= height
            if index % label_every == 0:
                painter.setPen(text)
                box = QRectF(plot.left() + slot * index - 20, plot.bottom() + 3, slot + 40, line)
                painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, name)
        painter.end()

    def _legend(self, painter: QPainter, y: float) -> float:
        if len(self.series) < 2:
            return y
        metrics = painter.fontMetrics()
        x, line = 10.0, metrics.height()
        for layer in self.series:
            width = 14 + metrics.horizontalAdvance(layer.label) + 14
            if x + width > self.width() - 8:
                x, y = 10.0, y + line + 2
            painter.fillRect(QRectF(x, y + 3, 10, line - 6), QColor(layer.color))
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(x + 14, y, width, line), layer.label)
            x += width
        return y + line
