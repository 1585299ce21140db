"""The typed settings of the app and its profiles (no Qt, no I/O)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from desktop.agent.preferences import DEFAULT_PAUSE_REASONS, AgentPreferences, PauseReason
from desktop.api.config import DEFAULT_VOICE_URL, ApiHosts
from desktop.api.phone import WebphoneNumberFormat
from desktop.hotkeys.bindings import DEFAULT_SHORTCUTS, HotkeyAction

__all__ = [
    "LANGUAGES",
    "CustomHosts",
    "Environment",
    "PauseReason",
    "Profile",
    "Role",
    "ScreenPopTrigger",
    "Settings",
    "Theme",
    "WebphoneNumberFormat",
]

LANGUAGES: Final = ("pt_BR", "en")
MAX_AUTO_ANSWER_SECONDS: Final = 120
MAX_WRAP_UP_SECONDS: Final = 3600


class Environment(StrEnum):
    """Which API a profile talks to."""

    SANDBOX = "sandbox"
    TOTALVOICE = "totalvoice"
    ZENVIA = "zenvia"
    CUSTOM = "custom"


class Role(StrEnum):
    """What a user does; each role shows its panels."""

    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


class Theme(StrEnum):
    """Light or dark look; ``system`` follows the OS."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class ScreenPopTrigger(StrEnum):
    """When the screen-pop URL opens."""

    INCOMING = "incoming"
    ANSWERED = "answered"


@dataclass(frozen=True, slots=True)
class CustomHosts:
    """The three base URLs of a custom environment (a proxy, a private deployment)."""

    v1: str
    ramal: str
    voice: str

    def api_hosts(self) -> ApiHosts:
        """Validated hosts; raises ``desktop.api.ValidationError`` for a bad URL."""
        return ApiHosts(v1=self.v1, ramal=self.ramal, voice=self.voice)


def new_profile_id() -> str:
    """A fresh random profile id (also the keychain user name of its token)."""
    return "p" + secrets.token_hex(6)


@dataclass(frozen=True, slots=True)
class Profile:
    """One account the app can log in with.

    The token is not here: it lives in the keychain under the profile ``id``.
    ``relay_url`` (``nats://…``), ``relay_user`` and ``relay_account`` (the relay's
    ``--account``) point the consoles at the relay; its password is in the keychain too,
    under :func:`~desktop.settings.secrets.relay_password_key`.
    ``webphone_number_format`` is how Brazilian numbers go to the webphone: ``DDD +
    número`` like the provider's examples, unless the account's dial plan wants another.
    """

    id: str
    name: str
    environment: Environment
    ramal: str = ""
    roles: frozenset[Role] = frozenset({Role.AGENT})
    custom_hosts: CustomHosts | None = None
    webphone_number_format: WebphoneNumberFormat = WebphoneNumberFormat.NATIONAL
    relay_url: str = ""
    relay_user: str = ""
    relay_account: str = ""

    @property
    def uses_relay(self) -> bool:
        """True when a relay URL and its account name are set."""
        return bool(self.relay_url.strip() and self.relay_account.strip())

    @property
    def needs_token(self) -> bool:
        """Every environment but the embedded sandbox needs an Access-Token."""
        return self.environment is not Environment.SANDBOX

    def api_hosts(self) -> ApiHosts | None:
        """Base URLs for this profile; None for the sandbox (its URL exists only at run time)."""
        if self.environment is Environment.SANDBOX:
            return None
        if self.environment is Environment.ZENVIA:
            return ApiHosts.single(DEFAULT_VOICE_URL)
        if self.environment is Environment.CUSTOM:
            if self.custom_hosts is None:
                raise ValueError("a custom environment needs its three base URLs")
            return self.custom_hosts.api_hosts()
        return ApiHosts()

    def has_role(self, role: Role) -> bool:
        """True when the profile holds ``role``."""
        return role in self.roles


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the user configures, as one immutable value.

    ``ring_sound`` is ``"default"``, ``"none"`` or the path of a WAV file; ``ring_volume``
    0–100. ``ring_device`` is the id of the output the ring plays on (base64; empty: the
    system default) and ``ring_device_name`` its name, shown while it is not connected;
    ``ring_also_default`` rings on the default output too. They belong to this machine's
    hardware, so no profile holds them. ``auto_answer_seconds`` None means off.
    ``screen_pop_url`` may hold ``{numero}`` (and ``{chamada_id}``), replaced URL-encoded.
    ``global_shortcuts`` are Qt portable key texts (``Ctrl+Alt+Shift+A``) per action,
    ``""`` for none.
    """

    profiles: tuple[Profile, ...] = ()
    active_profile: str | None = None
    ring_sound: str = "default"
    ring_volume: int = 80
    ring_device: str = ""
    ring_device_name: str = ""
    ring_also_default: bool = False
    queue_ids: tuple[str, ...] = ()
    pause_reasons: tuple[PauseReason, ...] = DEFAULT_PAUSE_REASONS
    auto_answer_seconds: int | None = None
    wrap_up_seconds: int = 0
    screen_pop_url: str = ""
    screen_pop_on: ScreenPopTrigger = ScreenPopTrigger.INCOMING
    language: str = "pt_BR"
    theme: Theme = Theme.SYSTEM
    start_minimised: bool = False
    start_at_login: bool = False
    close_to_tray: bool = True
    confirm_dial_links: bool = True
    supervisor_number: str = ""
    # Keys that work while another application has the focus (per machine).
    global_shortcuts_on: bool = True
    global_shortcuts: tuple[tuple[HotkeyAction, str], ...] = DEFAULT_SHORTCUTS
    headset_enabled: bool = True  # a USB headset's call buttons and lights
    extra: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def profile(self, profile_id: str | None) -> Profile | None:
        """The profile with ``profile_id``, if any."""
        return next((p for p in self.profiles if p.id == profile_id), None)

    @property
    def active(self) -> Profile | None:
        """The profile in use (the first one when the active id is stale)."""
        return self.profile(self.active_profile) or (self.profiles[0] if self.profiles else None)

    def with_profile(self, profile: Profile, *, activate: bool = False) -> Settings:
        """Add ``profile`` or replace the one with its id; optionally make it active."""
        others = tuple(p for p in self.profiles if p.id != profile.id)
        index = next((i for i, p in enumerate(self.profiles) if p.id == profile.id), len(others))
        profiles = (*others[:index], profile, *others[index:])
        active = profile.id if activate or self.active_profile is None else self.active_profile
        return replace(self, profiles=profiles, active_profile=active)

    def without_profile(self, profile_id: str) -> Settings:
        """Drop a profile; the active one moves to the first remaining profile."""
        profiles = tuple(p for p in self.profiles if p.id != profile_id)
        active = self.active_profile
        if active == profile_id or self.profile(active) is None:
            active = profiles[0].id if profiles else None
        return replace(self, profiles=profiles, active_profile=active)

    def shortcut_bindings(self) -> dict[HotkeyAction, str]:
        """Every global action's keys ('' for none), defaults filling any gap."""
        return dict(DEFAULT_SHORTCUTS) | dict(self.global_shortcuts)

    def agent_preferences(self) -> AgentPreferences:
        """The part the agent window needs."""
        return AgentPreferences(
            queue_ids=self.queue_ids,
            pause_reasons=self.pause_reasons or DEFAULT_PAUSE_REASONS,
            auto_answer_seconds=self.auto_answer_seconds,
            wrap_up_seconds=self.wrap_up_seconds,
            confirm_link_dial=self.confirm_dial_links,
        )
