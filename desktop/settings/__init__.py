"""User settings, profiles and secrets: typed, versioned, stored per platform."""

from desktop.settings.model import (
    CustomHosts,
    Environment,
    PauseReason,
    Profile,
    Role,
    ScreenPopTrigger,
    Settings,
    Theme,
)
from desktop.settings.paths import AppPaths
from desktop.settings.profiles import Panel, ProfileService, visible_panels
from desktop.settings.secrets import (
    KeychainUnavailableError,
    SecretStoreError,
    TokenStore,
    open_encrypted_fallback,
)
from desktop.settings.store import LoadResult, NoticeKind, SettingsNotice, SettingsStore

__all__ = [
    "AppPaths",
    "CustomHosts",
    "Environment",
    "KeychainUnavailableError",
    "LoadResult",
    "NoticeKind",
    "Panel",
    "PauseReason",
    "Profile",
    "ProfileService",
    "Role",
    "ScreenPopTrigger",
    "SecretStoreError",
    "Settings",
    "SettingsNotice",
    "SettingsStore",
    "Theme",
    "TokenStore",
    "open_encrypted_fallback",
    "visible_panels",
]
