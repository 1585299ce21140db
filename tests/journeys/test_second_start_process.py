"""``python -m desktop`` started again by a user whose real account is saved."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from journey_app import StandaloneSandbox
from keyring.backend import KeyringBackend

from desktop.settings.encrypted_file import EncryptedFileKeyring
from desktop.settings.model import CustomHosts, Environment, Profile, Role, Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import SERVICE
from desktop.settings.store import SettingsStore

TOKEN = "journey-token-process"


def _save_profile(home: Path, base_url: str) -> Profile:
    profile = Profile(
        id="pwork",
        name="Work",
        environment=Environment.CUSTOM,
        ramal="4000",
        roles=frozenset({Role.AGENT}),
        custom_hosts=CustomHosts(base_url, base_url, base_url),
    )
    settings = Settings(profiles=(profile,), active_profile=profile.id)
    SettingsStore(AppPaths.under(home).settings_file).save(settings)
    return profile


def _start(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "RAMAL_DESKTOP_LOG": "INFO"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def test_second_start_opens_the_saved_profile_with_the_keychain_token(
    home: Path,
    real_keychain: KeyringBackend,
    sandboxes: Callable[[str, int], StandaloneSandbox],
) -> None:
    sandbox = sandboxes(TOKEN, 21)
    profile = _save_profile(home, sandbox.base_url)
    real_keychain.set_password(SERVICE, profile.id, TOKEN)
    env = dict(os.environ)  # DBUS_SESSION_BUS_ADDRESS: the private bus with GNOME Keyring
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"
    proc = _start(env, "--quit-after", "8")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert "window ready" in proc.stderr
    assert TOKEN not in proc.stderr


def test_second_start_without_keychain_asks_the_passphrase_instead_of_crashing(
    home: Path, sandboxes: Callable[[str, int], StandaloneSandbox]
) -> None:
    sandbox = sandboxes(TOKEN, 22)
    profile = _save_profile(home, sandbox.base_url)
    secrets = EncryptedFileKeyring(AppPaths.under(home).encrypted_secrets_file, "a passphrase")
    secrets.set_password(SERVICE, profile.id, TOKEN)
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # no keychain at all
    proc = _start(env, "--quit-after", "4")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert "asking for its passphrase" in proc.stderr
    assert "window ready" not in proc.stderr  # nothing opens before the passphrase
