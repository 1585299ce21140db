from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from desktop.shell.single_instance import server_name

PEER = Path(__file__).with_name("single_instance_peer.py")
LINK = "tel:+55-48-99999-9999;phone-context=example.com"


def _spawn(name: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, str(PEER), name, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


@pytest.fixture
def name() -> Iterator[str]:
    value = f"ramal-desktop-test-{uuid.uuid4().hex[:12]}"
    yield value
    QLocalServer.removeServer(value)  # a killed peer leaves its socket file behind


def test_second_launch_forwards_its_link_to_the_first(name: str) -> None:
    first = _spawn(name)
    try:
        assert _first_line(first) == "PRIMARY"
        second = _spawn(name, LINK)
        out, err = second.communicate(timeout=20)
        assert second.returncode == 0, err
        assert out.strip() == "FORWARDED"
        line = _first_line(first)
        assert line.startswith("RECEIVED ")
        assert json.loads(line.removeprefix("RECEIVED ")) == [LINK]
        assert first.wait(timeout=20) == 0
    finally:
        first.kill()
        first.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no stale file")
def test_socket_left_by_a_crash_is_replaced(name: str) -> None:
    crashed = _spawn(name)
    assert _first_line(crashed) == "PRIMARY"
    crashed.send_signal(signal.SIGKILL)
    crashed.wait()
    survivor = _spawn(name)
    try:
        assert _first_line(survivor) == "PRIMARY"
        sender = _spawn(name, "--dial", "4001")
        out, _ = sender.communicate(timeout=20)
        assert out.strip() == "FORWARDED"
        assert json.loads(_first_line(survivor).removeprefix("RECEIVED ")) == ["--dial", "4001"]
    finally:
        survivor.kill()
        survivor.wait()


def test_server_name_is_per_user_and_per_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAMAL_DESKTOP_HOME", raising=False)
    plain = server_name()
    monkeypatch.setenv("RAMAL_DESKTOP_HOME", "/tmp/portable")
    assert server_name() != plain
    assert server_name().startswith("ramal-desktop-")
