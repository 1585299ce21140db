"""Renders the tray icon with its missed-calls badge to docs/screenshots/ (run, not collected).

QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tests/shell/make_tray_screenshot.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.shell.icons import named_icon
from desktop.shell.missed_calls import badge_icon

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "tray-missed-calls.png"
#: (icon, missed calls) from left to right: none, one, several while paused, many.
SHOWN = (("tray-ready", 0), ("tray-ready", 1), ("tray-paused", 12), ("tray-in-call", 150))


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    big, small, gap = 96, 22, 28
    width = gap + len(SHOWN) * (big + gap)
    image = QImage(width, big + small + 3 * gap, QImage.Format.Format_ARGB32)
    image.fill(QColor("#eef1f5"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    bar = QColor("#2b2f36")  # a dark panel, where tray icons usually sit
    painter.fillRect(0, big + 2 * gap - 6, width, small + 12, bar)
    for index, (name, count) in enumerate(SHOWN):
        icon = badge_icon(named_icon(name), count)
        left = gap + index * (big + gap)
        painter.drawPixmap(QPoint(left, gap), icon.pixmap(big, big))
        x = left + (big - small) // 2
        painter.drawPixmap(QPoint(x, big + 2 * gap), icon.pixmap(small, small))
    painter.end()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(OUT))
    print(OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
