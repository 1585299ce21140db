"""Which backend this machine uses, decided at run time."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from enum import Enum

from desktop.hotkeys.backend import HotkeyBackend
from desktop.hotkeys.bindings import HotkeyAction

__all__ = [
    "BackendKind",
    "Unavailable",
    "choose_kind",
    "is_wayland",
    "open_backend",
    "session_bus_address",
]

log = logging.getLogger(__name__)


class BackendKind(Enum):
    """A way of registering global keys."""

    PORTAL = "portal"
    X11 = "x11"
    WINDOWS = "windows"
    MACOS = "macos"


class Unavailable(Enum):
    """Why no backend could be used."""

    WAYLAND_WITHOUT_PORTAL = "wayland_without_portal"
    NO_DISPLAY = "no_display"
    UNSUPPORTED_PLATFORM = "unsupported_platform"
    FAILED = "failed"


def is_wayland(env: Mapping[str, str]) -> bool:
    """True in a Wayland session (where X11 grabs see only X11 windows' keys)."""
    return env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))


def choose_kind(
    platform: str, env: Mapping[str, str], portal_version: int | None
) -> BackendKind | Unavailable:
    """The backend for ``platform`` (``sys.platform``), given the portal's version.

    Linux prefers the portal whenever it offers GlobalShortcuts; without it, X11 grabs
    when an X display is there and the session is not Wayland.
    """
    if platform == "win32":
        return BackendKind.WINDOWS
    if platform == "darwin":
        return BackendKind.MACOS
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return Unavailable.UNSUPPORTED_PLATFORM
    if portal_version is not None and portal_version >= 1:
        return BackendKind.PORTAL
    if is_wayland(env):
        return Unavailable.WAYLAND_WITHOUT_PORTAL
    if env.get("DISPLAY"):
        return BackendKind.X11
    return Unavailable.NO_DISPLAY


def session_bus_address(env: Mapping[str, str]) -> str | None:
    """The session bus: ``$DBUS_SESSION_BUS_ADDRESS``, else systemd's ``$XDG_RUNTIME_DIR/bus``."""
    address = env.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return "unix:path=" + os.path.join(runtime, "bus")
    return None


async def open_backend(
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    bus: str | None = None,
    descriptions: Mapping[HotkeyAction, str] | None = None,
) -> HotkeyBackend | Unavailable:
    """Open the backend :func:`choose_kind` picks; what is missing when none can be used.

    ``bus`` is the session bus's address (found in ``env`` when not given).
    """
    env = os.environ if env is None else env
    portal = None
    bus = bus or session_bus_address(env)
    if platform.startswith("linux") and bus:
        from desktop.hotkeys.portal import PortalBackend

        portal = await PortalBackend.open(bus, descriptions, environ=env)
    kind = choose_kind(platform, env, portal.version if portal is not None else None)
    if portal is not None:
        return portal
    try:
        if kind is BackendKind.X11:
            from desktop.hotkeys.x11 import X11Backend

            backend: HotkeyBackend = X11Backend(env.get("DISPLAY"))
            return backend
        if kind is BackendKind.WINDOWS:
            from desktop.hotkeys.windows import WindowsBackend

            return WindowsBackend()
        if kind is BackendKind.MACOS:
            from desktop.hotkeys.macos import MacBackend

            return MacBackend()
    except Exception as exc:  # a display that went away, a missing system library
        log.warning("global shortcuts unavailable (%s): %s", kind, exc)
        return Unavailable.FAILED
    assert isinstance(kind, Unavailable)
    return kind
