"""Upgrades of older settings files, one function per version step (no Qt, no I/O).

``MIGRATIONS[i]`` turns version ``i + 1`` data into version ``i + 2``. Each function takes
and returns plain JSON data and never touches the disk; the store backs the old file up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

JsonObject = dict[str, Any]

LEGACY_PROFILE_ID: Final = "default"


def _v1_to_v2(data: JsonObject) -> JsonObject:
    """Version 1 had one account at the top level; version 2 has a list of profiles.

    The v1 token was stored in the keychain under ``default``, which becomes the id of
    the migrated profile so the token is found again.
    """
    out = {k: v for k, v in data.items() if k not in _V1_ONLY}
    environment = data.get("environment", "sandbox")
    profile: JsonObject = {
        "id": LEGACY_PROFILE_ID,
        "name": data.get("account_name") or str(environment).capitalize(),
        "environment": environment,
        "ramal": str(data.get("ramal", "")),
        "roles": data.get("roles", ["agent"]),
    }
    if environment == "custom":
        url = data.get("api_url", "")
        profile["custom_hosts"] = {"v1": url, "ramal": url, "voice": url}
    out["profiles"] = [profile]
    out["active_profile"] = LEGACY_PROFILE_ID
    if data.get("auto_answer"):
        out["auto_answer_seconds"] = data.get("auto_answer_delay", 0)
    else:
        out["auto_answer_seconds"] = None
    dark = data.get("dark_mode")
    out["theme"] = "system" if dark is None else ("dark" if dark else "light")
    if "lang" in data:
        out["language"] = data["lang"]
    reasons = data.get("pause_reasons")
    if isinstance(reasons, list):
        out["pause_reasons"] = [
            {"name": r, "max_minutes": None, "auto_unpause": False} if isinstance(r, str) else r
            for r in reasons
        ]
    return out


_V1_ONLY: Final = frozenset(
    {
        "environment",
        "api_url",
        "ramal",
        "roles",
        "account_name",
        "auto_answer",
        "auto_answer_delay",
        "dark_mode",
        "lang",
    }
)


def _v2_to_v3(data: JsonObject) -> JsonObject:
    """Version 3 says per profile how numbers go to the webphone.

    Version 2 sent E.164; the provider's examples send ``DDD + número``, which every
    profile gets (Settings offers the other forms).
    """
    out = dict(data)
    profiles = data.get("profiles")
    if isinstance(profiles, list):
        out["profiles"] = [
            {"webphone_number_format": "ddd", **p} if isinstance(p, dict) else p for p in profiles
        ]
    return out


def _v3_to_v4(data: JsonObject) -> JsonObject:
    """Version 4 may point a profile at a relay (URL, user, account); none at first."""
    out = dict(data)
    profiles = data.get("profiles")
    if isinstance(profiles, list):
        out["profiles"] = [
            {"relay_url": "", "relay_user": "", "relay_account": "", **p}
            if isinstance(p, dict)
            else p
            for p in profiles
        ]
    return out


MIGRATIONS: Final[tuple[Callable[[JsonObject], JsonObject], ...]] = (
    _v1_to_v2,
    _v2_to_v3,
    _v3_to_v4,
)
CURRENT_VERSION: Final = len(MIGRATIONS) + 1


def migrate(data: JsonObject, version: int) -> JsonObject:
    """Bring ``data`` written at ``version`` up to :data:`CURRENT_VERSION`."""
    if version < 1:
        raise ValueError(f"unknown settings version {version}")
    for step in MIGRATIONS[version - 1 :]:
        data = step(data)
    return data
