"""Light and dark themes: follow the OS by default, or force one with a Fusion palette."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.settings.model import Theme

__all__ = ["apply_theme", "dark_palette", "effective_scheme", "follow_system", "light_palette"]

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (_Role.Text, _Role.WindowText, _Role.ButtonText):
        palette.setColor(_Group.Disabled, role, QColor(disabled_text))
    return palette


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style."""
    return _palette(
        {
            _Role.Window: "#1f2328",
            _Role.WindowText: "#e6e8eb",
            _Role.Base: "#16191d",
            _Role.AlternateBase: "#23272e",
            _Role.ToolTipBase: "#2b3038",
            _Role.ToolTipText: "#e6e8eb",
            _Role.PlaceholderText: "#8b949e",
            _Role.Text: "#e6e8eb",
            _Role.Button: "#2b3038",
            _Role.ButtonText: "#e6e8eb",
            _Role.BrightText: "#ff7b72",
            _Role.Link: "#58a6ff",
            _Role.Highlight: "#1f6feb",
            _Role.HighlightedText: "#ffffff",
            _Role.Light: "#3a404a",
            _Role.Midlight: "#30363d",
            _Role.Mid: "#262b31",
            _Role.Dark: "#111315",
            _Role.Shadow: "#000000",
        },
        disabled_text="#6e7681",
    )


def light_palette() -> QPalette:
    """A light palette for the Fusion style."""
    return _palette(
        {
            _Role.Window: "#f5f6f8",
            _Role.WindowText: "#1f2328",
            _Role.Base: "#ffffff",
            _Role.AlternateBase: "#f0f2f5",
            _Role.ToolTipBase: "#ffffe1",
            _Role.ToolTipText: "#1f2328",
            _Role.PlaceholderText: "#6e7781",
            _Role.Text: "#1f2328",
            _Role.Button: "#eef0f3",
            _Role.ButtonText: "#1f2328",
            _Role.BrightText: "#cf222e",
            _Role.Link: "#0969da",
            _Role.Highlight: "#1565c0",
            _Role.HighlightedText: "#ffffff",
            _Role.Light: "#ffffff",
            _Role.Midlight: "#e4e7eb",
            _Role.Mid: "#c9ced6",
            _Role.Dark: "#8c959f",
            _Role.Shadow: "#57606a",
        },
        disabled_text="#8c959f",
    )


def effective_scheme(app: QApplication, theme: Theme) -> Qt.ColorScheme:
    """Light or dark: the forced choice, else what the OS says (unknown counts as light)."""
    if theme is Theme.DARK:
        return Qt.ColorScheme.Dark
    if theme is Theme.LIGHT:
        return Qt.ColorScheme.Light
    scheme = app.styleHints().colorScheme()
    return Qt.ColorScheme.Dark if scheme == Qt.ColorScheme.Dark else Qt.ColorScheme.Light


def _is_dark(palette: QPalette) -> bool:
    return palette.color(_Role.Window).lightness() < 128


def apply_theme(app: QApplication, theme: Theme) -> Qt.ColorScheme:
    """Apply ``theme`` to the whole app and return the scheme now in effect.

    ``system`` removes any override and keeps the platform palette, switching to the dark
    Fusion palette only when the OS is dark and the platform palette did not follow it.
    """
    hints = app.styleHints()
    if theme is Theme.SYSTEM:
        hints.unsetColorScheme()
        palette = app.style().standardPalette()
        if effective_scheme(app, theme) == Qt.ColorScheme.Dark and not _is_dark(palette):
            app.setStyle("Fusion")
            palette = dark_palette()
        app.setPalette(palette)
        return effective_scheme(app, theme)
    scheme = effective_scheme(app, theme)
    hints.setColorScheme(scheme)
    app.setStyle("Fusion")  # the one style that honours a custom palette everywhere
    app.setPalette(dark_palette() if scheme == Qt.ColorScheme.Dark else light_palette())
    return scheme


def follow_system(app: QApplication, current: Callable[[], Theme]) -> None:
    """Re-apply the theme when the OS switches between light and dark (``system`` only)."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if current() is Theme.SYSTEM:
            apply_theme(app, Theme.SYSTEM)

    app.styleHints().colorSchemeChanged.connect(changed)
