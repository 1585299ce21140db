"""The application id: the name desktops, portals and the launcher know the app by.

One reverse-DNS id (the D-Bus well-known name rules of the Desktop Entry spec) names
the installed ``<id>.desktop`` file, the Wayland ``app_id`` Qt sends, the autostart
entry, the Unity launcher entry and the id the XDG desktop portal is told.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["APP_ID", "DESKTOP_FILE", "LEGACY_DESKTOP_FILE", "is_valid_app_id"]

APP_ID: Final = "br.com.ramaldesktop.RamalDesktop"
#: The desktop entry the packages install and the autostart entry's file name.
DESKTOP_FILE: Final = f"{APP_ID}.desktop"
#: The name entries had before the app had a reverse-DNS id (migrated away from).
LEGACY_DESKTOP_FILE: Final = "ramal-desktop.desktop"

# Two or more elements of [A-Za-z0-9_], none starting with a digit. D-Bus names allow
# hyphens too, but the Desktop Entry spec advises against them (object paths refuse them).
_ELEMENT: Final = r"[A-Za-z_][A-Za-z0-9_]*"
_ID: Final = re.compile(rf"{_ELEMENT}(?:\.{_ELEMENT})+")


def is_valid_app_id(app_id: str) -> bool:
    """True when ``app_id`` is a valid reverse-DNS application id (at most 255 chars)."""
    return len(app_id) <= 255 and _ID.fullmatch(app_id) is not None
