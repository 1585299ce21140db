"""Settings to and from plain JSON data, forgiving field by field (no Qt, no I/O).

A value of the wrong type or out of range falls back to its default and is reported, so
one bad field never costs the user the rest of the settings.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any, TypeVar

from desktop.agent.preferences import DEFAULT_PAUSE_REASONS, PauseReason
from desktop.hotkeys.bindings import DEFAULT_SHORTCUTS, HotkeyAction
from desktop.settings.model import (
    LANGUAGES,
    MAX_AUTO_ANSWER_SECONDS,
    MAX_WRAP_UP_SECONDS,
    CustomHosts,
    Environment,
    Profile,
    Role,
    ScreenPopTrigger,
    Settings,
    Theme,
    WebphoneNumberFormat,
)
from desktop.settings.paths import check_profile_id

__all__ = ["settings_from_dict", "settings_to_dict"]

_E = TypeVar("_E", Environment, Theme, ScreenPopTrigger)
_KNOWN = {f.name for f in fields(Settings)} - {"extra"}


def _profile_to_dict(profile: Profile) -> dict[str, object]:
    data: dict[str, object] = {
        "id": profile.id,
        "name": profile.name,
        "environment": profile.environment.value,
        "ramal": profile.ramal,
        "roles": sorted(r.value for r in profile.roles),
        "webphone_number_format": profile.webphone_number_format.value,
        "relay_url": profile.relay_url,
        "relay_user": profile.relay_user,
        "relay_account": profile.relay_account,
    }
    if profile.custom_hosts is not None:
        hosts = profile.custom_hosts
        data["custom_hosts"] = {"v1": hosts.v1, "ramal": hosts.ramal, "voice": hosts.voice}
    return data


def settings_to_dict(settings: Settings) -> dict[str, object]:
    """Plain JSON data for ``settings`` (no version key: the store adds it)."""
    data: dict[str, object] = dict(settings.extra)
    data.update(
        {
            "profiles": [_profile_to_dict(p) for p in settings.profiles],
            "active_profile": settings.active_profile,
            "ring_sound": settings.ring_sound,
            "ring_volume": settings.ring_volume,
            "ring_device": settings.ring_device,
            "ring_device_name": settings.ring_device_name,
            "ring_also_default": settings.ring_also_default,
            "queue_ids": list(settings.queue_ids),
            "pause_reasons": [
                {"name": r.label, "max_minutes": r.max_minutes, "auto_unpause": r.auto_unpause}
                for r in settings.pause_reasons
            ],
            "auto_answer_seconds": settings.auto_answer_seconds,
            "wrap_up_seconds": settings.wrap_up_seconds,
            "screen_pop_url": settings.screen_pop_url,
            "screen_pop_on": settings.screen_pop_on.value,
            "language": settings.language,
            "theme": settings.theme.value,
            "start_minimised": settings.start_minimised,
            "start_at_login": settings.start_at_login,
            "close_to_tray": settings.close_to_tray,
            "confirm_dial_links": settings.confirm_dial_links,
            "supervisor_number": settings.supervisor_number,
            "global_shortcuts_on": settings.global_shortcuts_on,
            "global_shortcuts": {a.value: keys for a, keys in settings.global_shortcuts},
            "headset_enabled": settings.headset_enabled,
        }
    )
    return data


class _Reader:
    """Reads fields out of untrusted data, noting each one that had to be replaced."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.problems: list[str] = []

    def _bad(self, key: str) -> None:
        self.problems.append(key)

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if isinstance(value, bool):
            return value
        self._bad(key)
        return default

    def text(self, key: str, default: str, max_len: int = 2000) -> str:
        value = self.data.get(key, default)
        if isinstance(value, str) and len(value) <= max_len:
            return value.strip()
        self._bad(key)
        return default

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        self._bad(key)
        return default

    def device_id(self, key: str) -> str:
        """An audio device id in base64 (they are bytes); ``""`` when missing or damaged."""
        value = self.data.get(key, "")
        if isinstance(value, str) and len(value) <= 1000:
            try:
                base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError):
                pass
            else:
                return value
        self._bad(key)
        return ""

    def optional_int(self, key: str, low: int, high: int) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        self._bad(key)
        return None

    def choice(self, key: str, kind: type[_E], default: _E) -> _E:
        value = self.data.get(key, default.value)
        try:
            return kind(value)
        except ValueError:
            self._bad(key)
            return default

    def items(self, key: str, parse: Callable[[Any], Any]) -> list[Any] | None:
        """Each element parsed; None (and a problem) when the field is not a list."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self._bad(key)
            return None
        result = []
        for index, item in enumerate(value):
            try:
                result.append(parse(item))
            except (TypeError, ValueError, KeyError):
                self._bad(f"{key}[{index}]")
        return result


def _parse_profile(item: Any) -> Profile:
    if not isinstance(item, dict):
        raise TypeError("profile must be an object")
    environment = Environment(item["environment"])
    roles = item.get("roles", [Role.AGENT.value])
    if not isinstance(roles, list):
        raise TypeError("roles must be a list")
    hosts = item.get("custom_hosts")
    custom = None
    if hosts is not None:
        if not isinstance(hosts, dict):
            raise TypeError("custom_hosts must be an object")
        custom = CustomHosts(str(hosts["v1"]), str(hosts["ramal"]), str(hosts["voice"]))
    if environment is Environment.CUSTOM and custom is None:
        raise ValueError("custom environment without hosts")
    name, ramal = item.get("name", ""), item.get("ramal", "")
    if not isinstance(name, str) or not isinstance(ramal, str):
        raise TypeError("name and ramal must be text")
    return Profile(
        id=check_profile_id(str(item["id"])),
        name=name.strip() or environment.value,
        environment=environment,
        ramal=ramal.strip(),
        roles=frozenset(Role(r) for r in roles),
        custom_hosts=custom,
        webphone_number_format=_number_format(item.get("webphone_number_format")),
        relay_url=_text(item.get("relay_url")),
        relay_user=_text(item.get("relay_user")),
        relay_account=_text(item.get("relay_account")),
    )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _number_format(value: object) -> WebphoneNumberFormat:
    # An unknown form falls back to the provider's own rather than costing the profile.
    try:
        return WebphoneNumberFormat(str(value))
    except ValueError:
        return WebphoneNumberFormat.NATIONAL


def _parse_reason(item: Any) -> PauseReason:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise TypeError("pause reason must be an object with a name")
    max_minutes = item.get("max_minutes")
    if max_minutes is not None and (
        isinstance(max_minutes, bool) or not isinstance(max_minutes, int)
    ):
        raise TypeError("max_minutes must be a whole number")
    return PauseReason(item["name"].strip(), max_minutes, bool(item.get("auto_unpause", False)))


def _parse_queue(item: Any) -> str:
    if not isinstance(item, str | int) or isinstance(item, bool) or not str(item).strip():
        raise TypeError("queue id must be text")
    return str(item).strip()


def _shortcuts(read: _Reader) -> tuple[tuple[HotkeyAction, str], ...]:
    """Each action's keys; a missing or bad one reads as its default."""
    value = read.data.get("global_shortcuts", {})
    if not isinstance(value, dict):
        read.problems.append("global_shortcuts")
        value = {}
    out = []
    for action, default in DEFAULT_SHORTCUTS:
        keys = value.get(action.value, default)
        if not isinstance(keys, str) or len(keys) > 100:
            read.problems.append(f"global_shortcuts.{action.value}")
            keys = default
        out.append((action, keys.strip()))
    return tuple(out)


def settings_from_dict(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from current-version data, plus the names of fields that were replaced."""
    read = _Reader(data)
    defaults = Settings()
    profiles = tuple(read.items("profiles", _parse_profile) or ())
    unique = tuple({p.id: p for p in reversed(profiles)}.values())[::-1]
    active = data.get("active_profile")
    if active is not None and not any(p.id == active for p in unique):
        read.problems.append("active_profile")
        active = None
    reasons = read.items("pause_reasons", _parse_reason)
    language = read.text("language", defaults.language)
    if language not in LANGUAGES:
        read.problems.append("language")
        language = defaults.language
    settings = Settings(
        profiles=unique,
        active_profile=active if isinstance(active, str) else (unique[0].id if unique else None),
        ring_sound=read.text("ring_sound", defaults.ring_sound) or defaults.ring_sound,
        ring_volume=read.integer("ring_volume", defaults.ring_volume, 0, 100),
        ring_device=read.device_id("ring_device"),
        ring_device_name=read.text("ring_device_name", "", max_len=200),
        ring_also_default=read.boolean("ring_also_default", defaults.ring_also_default),
        queue_ids=tuple(dict.fromkeys(read.items("queue_ids", _parse_queue) or ())),
        pause_reasons=tuple(reasons) if reasons else DEFAULT_PAUSE_REASONS,
        auto_answer_seconds=read.optional_int("auto_answer_seconds", 0, MAX_AUTO_ANSWER_SECONDS),
        wrap_up_seconds=read.integer("wrap_up_seconds", 0, 0, MAX_WRAP_UP_SECONDS),
        screen_pop_url=read.text("screen_pop_url", ""),
        screen_pop_on=read.choice("screen_pop_on", ScreenPopTrigger, defaults.screen_pop_on),
        language=language,
        theme=read.choice("theme", Theme, defaults.theme),
        start_minimised=read.boolean("start_minimised", defaults.start_minimised),
        start_at_login=read.boolean("start_at_login", defaults.start_at_login),
        close_to_tray=read.boolean("close_to_tray", defaults.close_to_tray),
        confirm_dial_links=read.boolean("confirm_dial_links", defaults.confirm_dial_links),
        supervisor_number=read.text("supervisor_number", "", max_len=40),
        global_shortcuts_on=read.boolean("global_shortcuts_on", defaults.global_shortcuts_on),
        global_shortcuts=_shortcuts(read),
        headset_enabled=read.boolean("headset_enabled", defaults.headset_enabled),
        extra={k: v for k, v in data.items() if k not in _KNOWN and k != "version"},
    )
    return settings, read.problems
