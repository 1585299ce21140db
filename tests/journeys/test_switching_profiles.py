"""Two real accounts on two standalone sandboxes, switched with File → Switch profile.

Each sandbox accepts only its own token, so a profile opened with the other's token
would fail to load its history.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from journey_app import WAIT, DesktopApp, StandaloneSandbox, child_visible, menu_action, visible
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot

from desktop.history.panel import HistoryPanel
from desktop.history.rows import HistoryRow
from desktop.settings.secrets import SERVICE
from desktop.shell.login_dialog import LoginDialog
from desktop.shell.main_window import MainWindow

pytestmark = pytest.mark.webengine


def _switch_to(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """File → Switch profile…, pick ``name`` in the list, OK."""
    menu_action(window, "Switch profile…").trigger()
    qtbot.waitUntil(lambda: len(child_visible(window, QInputDialog)) == 1, timeout=WAIT)
    (dialog,) = child_visible(window, QInputDialog)
    assert name in dialog.comboBoxItems()
    dialog.setTextValue(name)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _history_rows(qtbot: QtBot, window: MainWindow) -> list[HistoryRow]:
    """The calls History shows once it has fetched them with the profile's token."""
    history = window.panel("history")
    assert isinstance(history, HistoryPanel)
    qtbot.waitUntil(lambda: history.status.text().startswith("Updated at"), timeout=WAIT)
    rows = sorted(history.model.rows(), key=lambda r: r.call_id)
    assert rows
    return rows


def _opened(app: DesktopApp, previous: MainWindow | None, base_url: str) -> MainWindow:
    """The next main window, on ``base_url``."""
    qtbot = app.qtbot
    if previous is not None:

        def closed() -> bool:
            return not shiboken6.isValid(previous) or not previous.isVisible()

        qtbot.waitUntil(closed, timeout=WAIT)
    window = app.wait_for(MainWindow)
    assert base_url in window._status.text()
    return window


def test_each_profile_opens_with_its_own_token_and_data(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    home: Path,
    real_keychain: KeyringBackend,
    sandboxes: Callable[[str, int], StandaloneSandbox],
) -> None:
    alpha = sandboxes("token-alpha", 31)
    beta = sandboxes("token-beta", 32)

    app = DesktopApp(qtbot)
    app.log_in(alpha.base_url, alpha.token, name="Alpha", ramal="4001")
    window = _opened(app, None, alpha.base_url)
    alpha_rows = _history_rows(qtbot, window)

    # A second account: Switch profile → New profile… → the login dialog, empty.
    _switch_to(qtbot, window, "New profile…")
    dialog = app.wait_for(LoginDialog)
    assert dialog.token_edit.text() == "" and dialog.name_edit.text() == ""
    app.log_in(beta.base_url, beta.token, name="Beta", ramal="4002")
    window = _opened(app, window, beta.base_url)
    beta_rows = _history_rows(qtbot, window)
    assert beta_rows != alpha_rows

    # Back to the first: its own token from the keychain, no login dialog.
    _switch_to(qtbot, window, "Alpha")
    window = _opened(app, window, alpha.base_url)
    assert not visible(LoginDialog)
    assert _history_rows(qtbot, window) == alpha_rows
    _switch_to(qtbot, window, "Beta")
    window = _opened(app, window, beta.base_url)
    assert not visible(LoginDialog)
    assert _history_rows(qtbot, window) == beta_rows

    saved = json.loads((home / "config" / "settings.json").read_text())
    ids = {p["name"]: p["id"] for p in saved["profiles"]}
    assert set(ids) == {"Alpha", "Beta"} and saved["active_profile"] == ids["Beta"]
    assert real_keychain.get_password(SERVICE, ids["Alpha"]) == alpha.token
    assert real_keychain.get_password(SERVICE, ids["Beta"]) == beta.token
    for profile_id in ids.values():
        assert (home / "cache" / "profiles" / profile_id / "history.sqlite3").exists()
    menu_action(window, "Quit").trigger()
    assert app.exit_code() == 0

    # The next start opens the profile in use when the app quit.
    again = DesktopApp(qtbot)
    window = _opened(again, None, beta.base_url)
    menu_action(window, "Quit").trigger()
    assert again.exit_code() == 0
