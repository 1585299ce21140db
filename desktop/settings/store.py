"""Reads and writes the settings file: versioned JSON, atomic writes, never a crash.

A file that cannot be read as settings is moved aside as
``settings.json.corrupt-<timestamp>`` and the defaults are used, with a notice for the
user. A file with invalid fields (a profile entry that cannot be read, a value out of
range) is copied to ``settings.json.invalid-<timestamp>`` before anything is saved over
it. Older versions are migrated (the old file kept as ``settings.json.v<N>.bak``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from desktop.settings.codec import settings_from_dict, settings_to_dict
from desktop.settings.migrations import CURRENT_VERSION, migrate
from desktop.settings.model import Settings

log = logging.getLogger(__name__)

__all__ = ["LoadResult", "NoticeKind", "SettingsNotice", "SettingsStore", "atomic_write_text"]


class NoticeKind(StrEnum):
    """Something the user should know about the settings file."""

    CORRUPT = "corrupt"
    INVALID_FIELDS = "invalid_fields"
    MIGRATED = "migrated"
    NEWER_VERSION = "newer_version"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class SettingsNotice:
    """A notice about loading the settings; ``path`` is where a bad file was kept."""

    kind: NoticeKind
    path: Path | None = None
    fields: tuple[str, ...] = ()
    version: int | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The settings to use and what happened while reading them."""

    settings: Settings
    notices: tuple[SettingsNotice, ...] = field(default_factory=tuple)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and ``os.replace`` (owner-only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


class SettingsStore:
    """Loads and saves :class:`Settings` at one path; the async methods use an executor."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> LoadResult:
        """Read the file; any problem becomes a notice and defaults, never an exception."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return LoadResult(Settings())
        except (OSError, UnicodeDecodeError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                return self._set_aside(f"not UTF-8: {exc}")
            log.warning("settings file unreadable: %s", exc)
            return LoadResult(
                Settings(), (SettingsNotice(NoticeKind.UNREADABLE, self.path, detail=str(exc)),)
            )
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            return self._set_aside(f"invalid JSON: {exc}")
        if not isinstance(data, dict):
            return self._set_aside("not a JSON object")
        version = data.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            return self._set_aside(f"bad version {version!r}")
        notices: list[SettingsNotice] = []
        if version < CURRENT_VERSION:
            try:
                data = migrate(data, version)
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                return self._set_aside(f"migration from version {version} failed: {exc}")
            backup = self._backup(f"v{version}.bak")
            notices.append(SettingsNotice(NoticeKind.MIGRATED, backup, version=version))
        elif version > CURRENT_VERSION:
            backup = self._backup(f"v{version}.bak")
            notices.append(SettingsNotice(NoticeKind.NEWER_VERSION, backup, version=version))
        settings, problems = settings_from_dict(data)
        if problems:
            # The next save drops what could not be read: the user keeps the original.
            kept = self._keep_copy(raw)
            log.warning(
                "settings fields replaced by defaults: %s (original kept as %s)",
                ", ".join(problems),
                kept,
            )
            notices.append(SettingsNotice(NoticeKind.INVALID_FIELDS, kept, fields=tuple(problems)))
        if version < CURRENT_VERSION:
            try:
                self.save(settings)
            except OSError as exc:
                log.warning("could not save migrated settings: %s", exc)
        return LoadResult(settings, tuple(notices))

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically as pretty, sorted JSON."""
        data = {"version": CURRENT_VERSION, **settings_to_dict(settings)}
        text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        atomic_write_text(self.path, text)

    async def load_async(self) -> LoadResult:
        """:meth:`load` in the default executor (file I/O off the GUI thread)."""
        return await asyncio.get_running_loop().run_in_executor(None, self.load)

    async def save_async(self, settings: Settings) -> None:
        """:meth:`save` in the default executor."""
        await asyncio.get_running_loop().run_in_executor(None, self.save, settings)

    def _backup(self, suffix: str) -> Path | None:
        target = self.path.with_name(f"{self.path.name}.{suffix}")
        try:
            if not target.exists():
                shutil.copy2(self.path, target)
        except OSError as exc:
            log.warning("could not back up %s: %s", self.path, exc)
            return None
        return target

    def _keep_copy(self, raw: str) -> Path | None:
        """A copy of ``raw`` beside the file; one already kept with that text is reused."""
        for existing in sorted(self.path.parent.glob(f"{self.path.name}.invalid-*")):
            try:
                if existing.read_text(encoding="utf-8") == raw:
                    return existing
            except (OSError, UnicodeDecodeError):
                continue
        target = self.path.with_name(f"{self.path.name}.invalid-{_stamp()}")
        try:
            atomic_write_text(target, raw)
        except OSError as exc:
            log.warning("could not keep a copy of %s: %s", self.path, exc)
            return None
        return target

    def _set_aside(self, reason: str) -> LoadResult:
        stamp = _stamp()
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        log.warning("settings file unusable (%s); kept as %s, defaults used", reason, target)
        try:
            os.replace(self.path, target)
        except OSError as exc:
            log.warning("could not move the bad settings file aside: %s", exc)
            return LoadResult(
                Settings(), (SettingsNotice(NoticeKind.CORRUPT, self.path, detail=reason),)
            )
        return LoadResult(Settings(), (SettingsNotice(NoticeKind.CORRUPT, target, detail=reason),))
