"""Fixtures of the user journeys: a real Secret Service, standalone sandboxes, a home each.

On Linux the keychain is GNOME Keyring on a private D-Bus session bus, unlocked with a
password given on standard input; when it cannot start, the journeys that need it fail
(they never skip on Linux).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from journey_app import StandaloneSandbox
from keyring.backend import KeyringBackend

KEYRING_PASSWORD = b"journeys-login-keyring"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each journey's own ``$RAMAL_DESKTOP_HOME``, in English."""
    folder = tmp_path / "home"
    monkeypatch.setenv("RAMAL_DESKTOP_HOME", str(folder))
    monkeypatch.setenv("RAMAL_DESKTOP_LANG", "en")
    monkeypatch.delenv("RAMAL_DESKTOP_TOKEN", raising=False)
    return folder


def _wait_for_owner(address: str, daemon: subprocess.Popen[bytes], timeout: float) -> None:
    """Until ``daemon`` itself owns the Secret Service name (not one D-Bus activated)."""
    from jeepney import DBusErrorResponse, MessageType
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    deadline = time.monotonic() + timeout
    with open_dbus_connection(bus=address) as connection:
        while time.monotonic() < deadline:
            if daemon.poll() is not None:
                break
            try:
                reply = connection.send_and_get_reply(
                    message_bus.GetConnectionUnixProcessID("org.freedesktop.secrets")
                )
            except DBusErrorResponse:  # nobody owns the name yet
                reply = None
            answered = reply is not None and reply.header.message_type is MessageType.method_return
            if answered and reply.body[0] == daemon.pid:
                return
            time.sleep(0.1)
    raise RuntimeError(f"gnome-keyring-daemon did not start (exit code {daemon.poll()})")


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private session bus with an unlocked GNOME Keyring on it; yields the bus address."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Secret Service is the keychain of Linux")
    missing = [t for t in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(t) is None]
    if missing:
        pytest.fail(f"not installed: {', '.join(missing)} (scripts/bootstrap.sh installs them)")
    root = tmp_path_factory.mktemp("keychain")
    runtime = root / "run"
    runtime.mkdir(mode=0o700)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    env = dict(os.environ)
    env.update(
        DBUS_SESSION_BUS_ADDRESS=address,
        XDG_RUNTIME_DIR=str(runtime),
        XDG_DATA_HOME=str(root / "data"),  # the keyring files, never the user's own
    )
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(KEYRING_PASSWORD)  # --unlock reads the password from stdin
    daemon.stdin.close()
    try:
        _wait_for_owner(address, daemon, timeout=30)
        yield address
    finally:
        for process in (daemon, bus):
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def real_keychain(secret_service: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[KeyringBackend]:
    """keyring's ``SecretService`` backend on the private bus, for this process and its children."""
    from keyring.backends import SecretService

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service)
    previous = keyring.get_keyring()
    backend = SecretService.Keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sandboxes() -> Iterator[Callable[[str, int], StandaloneSandbox]]:
    """Starts standalone sandboxes (token, seed); all are stopped after the test."""
    started: list[StandaloneSandbox] = []

    def start(token: str, seed: int) -> StandaloneSandbox:
        sandbox = StandaloneSandbox.start(token, seed)
        started.append(sandbox)
        return sandbox

    yield start
    for sandbox in started:
        sandbox.stop()
