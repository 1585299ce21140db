"""The quality graph draws one point per pixel column, keeping the worst reading."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QRectF

from desktop.agent.quality_history import QualitySample
from desktop.agent.sparkline import plot_points
from desktop.agent.state import Quality as Q

END = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SPAN = timedelta(minutes=5)
AREA = QRectF(4, 4, 88, 18)


def every(step: timedelta, quality: Q = Q.GOOD) -> list[QualitySample]:
    count = int(SPAN / step)
    return [QualitySample(END - SPAN + i * step, quality, quality) for i in range(count + 1)]


def test_fast_reports_are_drawn_once_per_column() -> None:
    samples = every(timedelta(milliseconds=125))  # 8 a second: 2,401 samples
    points = plot_points(samples, END, SPAN, AREA)
    assert len(samples) == 2401
    assert len(points) <= AREA.width() + 1
    xs = [p.x() for p, _ in points]
    assert xs == sorted(xs)
    assert abs(xs[0] - AREA.left()) <= 0.5
    assert xs[-1] == AREA.right()  # the newest reading ends the line


def test_the_worst_reading_of_a_column_is_kept() -> None:
    samples = every(timedelta(milliseconds=125))
    blip = samples[1200]
    samples[1200] = QualitySample(blip.at, Q.GOOD, Q.POOR)
    points = plot_points(samples, END, SPAN, AREA)
    assert [q for _, q in points].count(Q.POOR) == 1
    poor = next(p for p, q in points if q is Q.POOR)
    assert poor.y() > next(p for p, q in points if q is Q.GOOD).y()


def test_sparse_reports_keep_every_point_and_skip_unknown() -> None:
    samples = every(timedelta(seconds=5))  # the provider's pace: 61 samples
    samples[3] = QualitySample(samples[3].at, Q.UNKNOWN, Q.UNKNOWN)
    points = plot_points(samples, END, SPAN, AREA)
    assert len(points) == 60
