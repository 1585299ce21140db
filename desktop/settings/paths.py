"""Where the app keeps its files: one place decides, for every platform (no Qt)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from platformdirs import PlatformDirs

APP_SLUG: Final = "ramal-desktop"
APP_AUTHOR: Final = "Ramal Desktop"
HOME_ENV: Final = "RAMAL_DESKTOP_HOME"
SETTINGS_FILE: Final = "settings.json"

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def check_profile_id(profile_id: str) -> str:
    """Return ``profile_id`` when it is safe as a folder name, else raise ``ValueError``."""
    if not _SAFE_ID.match(profile_id):
        raise ValueError(f"invalid profile id: {profile_id!r}")
    return profile_id


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The config, data, cache and log folders of the app.

    Built by :meth:`default` from ``platformdirs``, or from ``$RAMAL_DESKTOP_HOME`` when set
    (tests and portable runs keep everything under that one folder). Nothing is created
    until :meth:`ensure` is called.
    """

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        """The folders for this user: ``$RAMAL_DESKTOP_HOME`` or the platform's own."""
        home = os.environ.get(HOME_ENV)
        if home:
            return cls.under(Path(home))
        dirs = PlatformDirs(APP_SLUG, APP_AUTHOR)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            cache_dir=Path(dirs.user_cache_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Every folder below ``root`` (portable layout)."""
        root = root.expanduser().resolve()
        return cls(root / "config", root / "data", root / "cache", root / "logs")

    @property
    def settings_file(self) -> Path:
        """The settings file."""
        return self.config_dir / SETTINGS_FILE

    @property
    def window_state_file(self) -> Path:
        """Window geometry and splitter positions (not settings: nothing to migrate)."""
        return self.config_dir / "window-state.ini"

    @property
    def encrypted_secrets_file(self) -> Path:
        """The passphrase-protected token file used when no keychain exists (opt-in)."""
        return self.data_dir / "secrets.enc.json"

    def profile_data_dir(self, profile_id: str) -> Path:
        """Data of one profile (history database, downloads index)."""
        return self.data_dir / "profiles" / check_profile_id(profile_id)

    def profile_cache_dir(self, profile_id: str) -> Path:
        """Cache of one profile (safe to delete at any time)."""
        return self.cache_dir / "profiles" / check_profile_id(profile_id)

    def ensure(self) -> AppPaths:
        """Create the folders (owner-only where the OS supports it) and return ``self``."""
        for folder in (self.config_dir, self.data_dir, self.cache_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self
