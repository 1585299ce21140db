"""Profiles: adding, switching, logging out, and which panels each role shows (no Qt)."""

from __future__ import annotations

import asyncio
import logging
import shutil
from dataclasses import replace
from enum import StrEnum

from desktop.settings.model import Profile, Role, Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import TokenStore
from desktop.settings.store import SettingsStore

log = logging.getLogger(__name__)

__all__ = ["Panel", "ProfileService", "visible_panels"]


class Panel(StrEnum):
    """The main window's panels."""

    PHONE = "phone"
    HISTORY = "history"
    SUPERVISOR = "supervisor"
    ADMINISTRATION = "administration"


_PANELS_BY_ROLE: dict[Role, tuple[Panel, ...]] = {
    Role.AGENT: (Panel.PHONE, Panel.HISTORY),
    Role.SUPERVISOR: (Panel.SUPERVISOR, Panel.HISTORY),
    Role.ADMINISTRATOR: (Panel.ADMINISTRATION,),
}


def visible_panels(roles: frozenset[Role]) -> tuple[Panel, ...]:
    """The panels to show for ``roles``, in navigation order (a user may hold several)."""
    wanted = {panel for role in roles for panel in _PANELS_BY_ROLE[role]}
    return tuple(panel for panel in Panel if panel in wanted)


class ProfileService:
    """Keeps settings, keychain and per-profile folders consistent with each other."""

    def __init__(self, store: SettingsStore, tokens: TokenStore, paths: AppPaths) -> None:
        self.store = store
        self.tokens = tokens
        self.paths = paths

    async def add(
        self, settings: Settings, profile: Profile, token: str | None, *, activate: bool = True
    ) -> Settings:
        """Store the token (if the profile needs one), then save the profile.

        The keychain goes first: when it fails nothing is saved, so no profile is left
        without its token.
        """
        if profile.needs_token:
            if not token:
                raise ValueError("this profile needs a token")
            await self.tokens.set(profile.id, token)
        updated = settings.with_profile(profile, activate=activate)
        await self.store.save_async(updated)
        return updated

    async def remember(
        self, settings: Settings, profile: Profile, *, activate: bool = True
    ) -> Settings:
        """Save a profile whose token is stored already (the login dialog stores it first).

        Raises ``ValueError`` when the profile needs a token and none is stored: a profile
        is never saved without its token.
        """
        if profile.needs_token and not await self.tokens.get(profile.id):
            raise ValueError("this profile's token is not stored")
        updated = settings.with_profile(profile, activate=activate)
        await self.store.save_async(updated)
        return updated

    async def switch(self, settings: Settings, profile_id: str) -> Settings:
        """Make ``profile_id`` the active profile and save."""
        if settings.profile(profile_id) is None:
            raise KeyError(profile_id)
        updated = replace(settings, active_profile=profile_id)
        await self.store.save_async(updated)
        return updated

    async def token_of(self, profile: Profile) -> str | None:
        """The stored token of ``profile`` (None for the sandbox or when none is stored)."""
        if not profile.needs_token:
            return None
        return await self.tokens.get(profile.id)

    async def log_out(
        self, settings: Settings, profile_id: str, *, forget: bool = False
    ) -> Settings:
        """Wipe the profile's token and local data; with ``forget`` also drop the profile.

        The profile's data and cache folders (history database, downloads index) are
        deleted; the settings file is saved when the profile is forgotten.
        """
        profile = settings.profile(profile_id)
        if profile is None:
            raise KeyError(profile_id)
        if profile.needs_token:
            await self.tokens.delete(profile_id)
        await asyncio.get_running_loop().run_in_executor(None, self._wipe_folders, profile_id)
        if not forget:
            return settings
        updated = settings.without_profile(profile_id)
        await self.store.save_async(updated)
        return updated

    def _wipe_folders(self, profile_id: str) -> None:
        for folder in (
            self.paths.profile_data_dir(profile_id),
            self.paths.profile_cache_dir(profile_id),
        ):
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
                log.info("removed %s", folder)
