"""A real account, start to finish, with the OS keychain (GNOME Keyring on Linux).

First start → login dialog → token kept in the keychain → quit → the next start opens the
profile without asking → a call through the phone → the call in History → log out → the
login dialog → log in again.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from journey_app import WAIT, DesktopApp, StandaloneSandbox, menu_action, visible
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.agent.state import AgentState
from desktop.agent.window import AgentWindow
from desktop.history.panel import HistoryPanel
from desktop.settings.secrets import SERVICE
from desktop.shell.login_dialog import LoginDialog
from desktop.shell.main_window import MainWindow

pytestmark = pytest.mark.webengine

TOKEN = "journey-token-a"


def _saved(home: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((home / "config" / "settings.json").read_text())
    return data


def _call_through_the_phone(
    qtbot: QtBot, window: MainWindow, sandbox: StandaloneSandbox, number: str
) -> str:
    """Dial from the phone tab, let the far side answer, hang up; the call's id."""
    window.show_panel("phone")
    phone = window.panel("phone")
    assert isinstance(phone, AgentWindow)
    agent = phone.controller
    qtbot.waitUntil(lambda: agent.snapshot.state is AgentState.READY, timeout=WAIT)
    qtbot.keyClicks(phone.dialpad.field, number)
    qtbot.mouseClick(phone.call_panel.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: agent.snapshot.call is not None and agent.snapshot.call.chamada_id is not None,
        timeout=WAIT,
    )
    assert agent.snapshot.call is not None
    call_id = agent.snapshot.call.chamada_id
    assert call_id is not None
    sandbox.control(f"/_sandbox/calls/{call_id}/answer", {})
    qtbot.waitUntil(lambda: agent.snapshot.state is AgentState.TALKING, timeout=WAIT)
    qtbot.mouseClick(phone.call_panel.hang_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not agent.snapshot.in_call, timeout=WAIT)
    assert not sandbox.control(f"/_sandbox/calls/{call_id}")["ativa"]
    return str(call_id)


def test_log_in_call_see_it_in_history_log_out_and_back(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    home: Path,
    real_keychain: KeyringBackend,
    sandboxes: Callable[[str, int], StandaloneSandbox],
) -> None:
    sandbox = sandboxes(TOKEN, 11)
    sandbox.control("/_sandbox/settings", {"auto_answer_ms": None})  # answered by the test

    # First start: nothing saved, so the login dialog.
    first = DesktopApp(qtbot)
    first.log_in(sandbox.base_url, TOKEN)
    window = first.wait_for(MainWindow)
    assert sandbox.base_url in window._status.text()
    (profile,) = _saved(home)["profiles"]  # type: ignore[misc]
    profile_id = profile["id"]
    assert profile["custom_hosts"]["v1"] == sandbox.base_url
    assert real_keychain.get_password(SERVICE, profile_id) == TOKEN
    assert TOKEN not in (home / "config" / "settings.json").read_text()
    menu_action(window, "Quit").trigger()
    assert first.exit_code() == 0

    # Second start: the profile opens at once, token from the keychain.
    second = DesktopApp(qtbot)
    window = second.wait_for(MainWindow)
    assert not visible(LoginDialog)
    call_id = _call_through_the_phone(qtbot, window, sandbox, "(48) 99999-0101")

    window.show_panel("history")
    history = window.panel("history")
    assert isinstance(history, HistoryPanel)
    qtbot.waitUntil(history.refresh_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(history.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.model.visible_position(call_id) >= 0, timeout=WAIT)
    assert history.select_call(call_id)

    # Log out: the token leaves the keychain and the login dialog comes back, filled in.
    menu_action(window, "Log out").trigger()
    dialog = second.wait_for(LoginDialog)
    assert real_keychain.get_password(SERVICE, profile_id) is None
    assert dialog.v1_edit.text() == sandbox.base_url and dialog.token_edit.text() == ""
    second.log_in(sandbox.base_url, TOKEN)
    window = second.wait_for(MainWindow)
    assert real_keychain.get_password(SERVICE, profile_id) == TOKEN
    assert [p["id"] for p in _saved(home)["profiles"]] == [profile_id]  # type: ignore[attr-defined]
    menu_action(window, "Quit").trigger()
    assert second.exit_code() == 0
