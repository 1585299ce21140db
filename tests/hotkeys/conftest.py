"""A private X server (Xvfb) and a private D-Bus session bus for the hotkey tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest
from hotkey_support import FakePortal, XClient, need, read_line


@pytest.fixture
def xdisplay() -> Iterator[str]:
    """A fresh Xvfb on a free display number, e.g. ``:5``."""
    need("Xvfb", "xdotool")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = read_line(pipe, 30)
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def x_clients() -> Iterator[list[XClient]]:
    """Started clients, closed after the test."""
    clients: list[XClient] = []
    yield clients
    for client in clients:
        client.close()


@pytest.fixture
def session_bus() -> Iterator[str]:
    """The address of a private D-Bus session bus."""
    need("dbus-daemon")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--print-address", "--nofork"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = read_line(daemon.stdout)
    assert address, "dbus-daemon did not start"
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)


@pytest.fixture
def portals(session_bus: str) -> Iterator[list[FakePortal]]:
    started: list[FakePortal] = []
    yield started
    for portal in started:
        portal.stop()
