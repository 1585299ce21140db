"""The user's default handler of ``tel:``/``callto:`` links, kept under the application id.

Versions before the application id installed ``ramal-desktop.desktop``; a user who chose
it with ``xdg-mime default`` has it named in ``mimeapps.list``, which then points at a
desktop entry that no longer exists, and links stop opening the app. The entries naming
the old file for the app's schemes are rewritten to the new name; nothing else in the
file changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final

from desktop.app_id import DESKTOP_FILE, LEGACY_DESKTOP_FILE
from desktop.shell.links import SCHEMES

__all__ = ["migrate_link_defaults", "mimeapps_files", "rewrite"]

_KEYS: Final = frozenset(f"x-scheme-handler/{scheme}" for scheme in SCHEMES)
#: Groups of mimeapps.list that name handlers (``[Removed Associations]`` is left alone).
_GROUPS: Final = frozenset({"[Default Applications]", "[Added Associations]"})
_ENDINGS: Final = "\r\n"


def _base(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # The base directory spec says to ignore a relative value.
    return Path(value) if os.path.isabs(value) else Path.home() / fallback


def mimeapps_files(config_home: Path | None = None, data_home: Path | None = None) -> list[Path]:
    """The user's ``mimeapps.list`` files: the current place and the older one."""
    config = config_home if config_home is not None else _base("XDG_CONFIG_HOME", ".config")
    data = data_home if data_home is not None else _base("XDG_DATA_HOME", ".local/share")
    return [config / "mimeapps.list", data / "applications" / "mimeapps.list"]


def _renamed(value: str) -> str:
    handlers: list[str] = []
    for handler in value.split(";"):
        name = DESKTOP_FILE if handler.strip() == LEGACY_DESKTOP_FILE else handler.strip()
        if name and name not in handlers:
            handlers.append(name)
    return ";".join(handlers) + (";" if value.rstrip().endswith(";") else "")


def rewrite(text: str) -> str:
    """``text`` of a mimeapps.list with the app's schemes pointing at the new entry."""
    out: list[str] = []
    group = ""
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("["):
            group = stripped
        key, sep, value = line.partition("=")
        if group in _GROUPS and sep and key.strip() in _KEYS and LEGACY_DESKTOP_FILE in value:
            ending = line[len(line.rstrip(_ENDINGS)) :]
            line = f"{key}={_renamed(value.rstrip(_ENDINGS))}{ending}"
        out.append(line)
    return "".join(out)


def migrate_link_defaults(
    *,
    platform: str | None = None,
    config_home: Path | None = None,
    data_home: Path | None = None,
) -> bool:
    """Point the user's ``tel:``/``callto:`` defaults at the new desktop entry (Linux).

    True when a file changed. Raises :class:`OSError` when one cannot be rewritten.
    """
    if not (platform or sys.platform).startswith("linux"):
        return False
    changed = False
    for path in mimeapps_files(config_home, data_home):
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except UnicodeDecodeError:
            continue  # not a file this app can rewrite without losing something
        new = rewrite(text)
        if new == text:
            continue
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(new, encoding="utf-8")
        tmp.replace(path)
        changed = True
    return changed
