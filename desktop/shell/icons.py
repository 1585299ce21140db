"""The app icon and the tray state icons (SVG in ``resources/icons/app``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop.resources import resources_dir

__all__ = ["APP_ICON", "app_icon", "icon_path", "named_icon", "render_png"]

APP_ICON: Final = "ramal-desktop"


def icon_path(name: str) -> Path:
    """The SVG file of icon ``name``."""
    return resources_dir() / "icons" / "app" / f"{name}.svg"


@cache
def named_icon(name: str) -> QIcon:
    """The icon ``name`` (cached; the SVG engine renders it sharp at every size)."""
    return QIcon(str(icon_path(name)))


def app_icon() -> QIcon:
    """The application icon (window, taskbar, notifications)."""
    return named_icon(APP_ICON)


def render_png(svg: Path, size: int, target: Path) -> None:
    """Render ``svg`` to a square PNG of ``size`` pixels (packaging needs bitmaps)."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), b"PNG"):
        raise OSError(f"could not write {target}")
