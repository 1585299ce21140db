"""Start the app when the user logs in: XDG autostart, the Windows Run key, a LaunchAgent.

Each platform's entry starts the current launcher with ``--minimised`` so the app
waits in the tray. Everything is plain files except on Windows, where the Run key is
written through :class:`QSettings` (the registry).
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop.app_id import APP_ID, DESKTOP_FILE, LEGACY_DESKTOP_FILE

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

__all__ = [
    "LAUNCH_AGENT_LABEL",
    "LEGACY_LAUNCH_AGENT_LABEL",
    "RUN_KEY",
    "RUN_VALUE",
    "desktop_entry",
    "is_start_at_login",
    "launch_agent",
    "launch_command",
    "migrate_autostart",
    "set_start_at_login",
]

LAUNCH_AGENT_LABEL: Final = APP_ID
#: The label (and file name) of LaunchAgents written before the application id.
LEGACY_LAUNCH_AGENT_LABEL: Final = "br.ramaldesktop.app"
RUN_KEY: Final = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE: Final = "RamalDesktop"
MINIMISED: Final = "--minimised"

_TEMPLATE: Final = (
    Path(__file__).resolve().parents[2] / "packaging" / "linux" / "ramal-desktop-autostart.desktop"
)
# Used when the packaging folder is not shipped next to the code (frozen or wheel installs).
_FALLBACK_TEMPLATE: Final = """\
[Desktop Entry]
Type=Application
Name=Ramal Desktop
Comment=Start Ramal Desktop minimised to the tray
Exec=ramal-desktop --minimised
Icon=ramal-desktop
Terminal=false
X-GNOME-Autostart-enabled=true
"""


def launch_command(executable: Sequence[str] | None = None) -> list[str]:
    """The command that starts this app minimised.

    ``executable`` overrides the launcher; by default the frozen executable, or the
    current Python running ``-m desktop``. ``--minimised`` is always added once.
    """
    if executable is not None:
        command = list(executable)
    elif getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "desktop"]
    if not command:
        raise ValueError("the launcher command is empty")
    if MINIMISED not in command:
        command.append(MINIMISED)
    return command


def _platform(platform: str | None) -> str:
    name = platform or sys.platform
    if name.startswith("win"):
        return "windows"
    if name == "darwin":
        return "macos"
    return "linux"


def set_start_at_login(
    enabled: bool,
    *,
    executable: list[str] | None = None,
    platform: str | None = None,
    config_home: Path | None = None,
    home: Path | None = None,
) -> None:
    """Register (or remove) the app's start at login for the current user.

    ``platform`` is a :data:`sys.platform` value (default: this machine's);
    ``config_home`` replaces ``$XDG_CONFIG_HOME`` on Linux and ``home`` the home folder on
    macOS. Calling it twice with the same arguments changes nothing more. Raises
    :class:`OSError` when the entry cannot be written or removed.
    """
    kind = _platform(platform)
    if kind == "windows":
        _set_windows(enabled, launch_command(executable))
    elif kind == "macos":
        _set_macos(enabled, launch_command(executable), _launch_agent_path(home))
    else:
        _set_linux(enabled, launch_command(executable), _autostart_path(config_home))


def is_start_at_login(
    *,
    platform: str | None = None,
    config_home: Path | None = None,
    home: Path | None = None,
) -> bool:
    """True when the app is registered to start at login (by this module or by hand)."""
    kind = _platform(platform)
    if kind == "windows":
        return _windows_settings().contains(RUN_VALUE)
    if kind == "macos":
        current = _launch_agent_path(home)
        return (
            current.is_file() or current.with_name(f"{LEGACY_LAUNCH_AGENT_LABEL}.plist").is_file()
        )
    return _linux_enabled(_autostart_path(config_home)) or _linux_enabled(
        _legacy_autostart_path(config_home)
    )


def migrate_autostart(
    *, platform: str | None = None, config_home: Path | None = None, home: Path | None = None
) -> bool:
    """Rename an autostart entry saved under the app's old name.

    Linux: the entry keeps its content (command, enabled or not) under the application
    id's desktop file name. macOS: the LaunchAgent keeps its command under the
    application id's label. When both exist the old one is removed. True when something
    changed. Raises :class:`OSError` when the entry cannot be moved.
    """
    kind = _platform(platform)
    if kind == "macos":
        return _migrate_launch_agent(home)
    if kind != "linux":
        return False
    legacy = _legacy_autostart_path(config_home)
    if not legacy.is_file():
        return False
    current = _autostart_path(config_home)
    if current.exists():
        legacy.unlink()
    else:
        legacy.replace(current)
    return True


# --- Linux (XDG autostart) -------------------------------------------------------------


def _autostart_dir(config_home: Path | None) -> Path:
    if config_home is None:
        env = os.environ.get("XDG_CONFIG_HOME", "")
        # The spec says to ignore a relative value.
        config_home = Path(env) if os.path.isabs(env) else Path.home() / ".config"
    return config_home / "autostart"


def _autostart_path(config_home: Path | None) -> Path:
    return _autostart_dir(config_home) / DESKTOP_FILE


def _legacy_autostart_path(config_home: Path | None) -> Path:
    return _autostart_dir(config_home) / LEGACY_DESKTOP_FILE


def _exec_quote(argument: str) -> str:
    # Desktop Entry spec: quote arguments with reserved characters; inside quotes
    # escape ", `, $ and \ with a backslash; a literal % is written %%.
    argument = argument.replace("%", "%%")
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`="):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def _escape_value(value: str) -> str:
    # Value escapes of the spec: backslash first, then control characters.
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def desktop_entry(command: Sequence[str], template: str | None = None) -> str:
    """The autostart entry: the packaged template with ``Exec`` set to ``command``."""
    text = template if template is not None else _read_template()
    exec_line = "Exec=" + _escape_value(" ".join(_exec_quote(arg) for arg in command))
    lines = text.splitlines()
    out: list[str] = []
    in_main = False
    replaced = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            if in_main and not replaced:
                out.append(exec_line)
                replaced = True
            in_main = stripped == "[Desktop Entry]"
        elif in_main and stripped.split("=", 1)[0].strip() in {"Exec", "TryExec"}:
            if not replaced and stripped.startswith("Exec"):
                out.append(exec_line)
                replaced = True
            continue  # TryExec would name the packaged command, not this launcher
        out.append(line)
    if in_main and not replaced:
        out.append(exec_line)
    return "\n".join(out) + "\n"


def _read_template() -> str:
    try:
        return _TEMPLATE.read_text(encoding="utf-8")
    except OSError:
        return _FALLBACK_TEMPLATE


def _set_linux(enabled: bool, command: Sequence[str], path: Path) -> None:
    # An entry under the old name would start the app too (or a second time).
    path.with_name(LEGACY_DESKTOP_FILE).unlink(missing_ok=True)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    text = desktop_entry(command)
    if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _linux_enabled(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in {"Hidden", "X-GNOME-Autostart-enabled"}:
            hidden = key.strip() == "Hidden"
            if (value.strip().lower() == "true") == hidden:
                return False
    return True


# --- macOS (LaunchAgent) ---------------------------------------------------------------


def _launch_agent_path(home: Path | None) -> Path:
    base = home if home is not None else Path.home()
    return base / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def _migrate_launch_agent(home: Path | None) -> bool:
    current = _launch_agent_path(home)
    legacy = current.with_name(f"{LEGACY_LAUNCH_AGENT_LABEL}.plist")
    if not legacy.is_file():
        return False
    if not current.exists():
        try:
            command = plistlib.loads(legacy.read_bytes())["ProgramArguments"]
        except (plistlib.InvalidFileException, ValueError, KeyError, TypeError) as exc:
            raise OSError(f"unreadable LaunchAgent {legacy}: {exc}") from exc
        _set_macos(True, [str(arg) for arg in command], current)
    legacy.unlink(missing_ok=True)
    return True


def launch_agent(command: Sequence[str]) -> bytes:
    """The LaunchAgent plist that runs ``command`` once at login."""
    agent = {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "KeepAlive": False,
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=True)


def _set_macos(enabled: bool, command: Sequence[str], path: Path) -> None:
    # An agent under the old label would start the app too (or a second time).
    path.with_name(f"{LEGACY_LAUNCH_AGENT_LABEL}.plist").unlink(missing_ok=True)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    data = launch_agent(command)
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


# --- Windows (Run key) -----------------------------------------------------------------


def _windows_settings() -> QSettings:
    from PySide6.QtCore import QSettings  # only this branch needs Qt

    return QSettings(RUN_KEY, QSettings.Format.NativeFormat)


def _set_windows(enabled: bool, command: Sequence[str]) -> None:
    settings = _windows_settings()
    if enabled:
        settings.setValue(RUN_VALUE, subprocess.list2cmdline(command))
    else:
        settings.remove(RUN_VALUE)
    settings.sync()
    if settings.status() is not settings.Status.NoError:
        raise OSError(f"could not write the {RUN_VALUE} value under {RUN_KEY}")
