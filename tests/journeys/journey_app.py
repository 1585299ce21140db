"""Drives the real app in this process, as a user would, against standalone sandboxes."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import app_main, read_settings
from desktop.cli import parse_args
from desktop.settings.model import Environment, Role
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import TokenStore
from desktop.shell.login_dialog import LoginDialog
from desktop.shell.main_window import MainWindow

WAIT = 60_000  # an upper bound only: a workspace starts Chromium on a busy machine
W = TypeVar("W", bound=QWidget)


@dataclass
class StandaloneSandbox:
    """``python -m desktop.sandbox`` running as a process of its own."""

    process: subprocess.Popen[str]
    base_url: str
    token: str

    @classmethod
    def start(cls, token: str, seed: int) -> StandaloneSandbox:
        command = [sys.executable, "-m", "desktop.sandbox", "--host", "127.0.0.1"]
        command += ["--port", "0", "--token", token, "--seed", str(seed)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()  # its first line is its base URL
        assert base_url.startswith("http://127.0.0.1:"), base_url
        return cls(process, base_url, token)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def control(self, path: str, body: object | None = None) -> Any:
        """A call to the sandbox's control API (``/_sandbox/…``)."""
        request = urllib.request.Request(
            self.base_url + path,
            data=None if body is None else json.dumps(body).encode(),
            method="GET" if body is None else "POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())


def visible(kind: type[W]) -> list[W]:
    """The top-level windows of ``kind`` the user sees now."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def child_visible(parent: QWidget, kind: type[W]) -> list[W]:
    """The visible windows of ``kind`` that ``parent`` opened."""
    return [w for w in parent.findChildren(kind) if w.isVisible()]


class DesktopApp:
    """One start of Ramal Desktop: ``desktop.app``'s own main coroutine on this event loop.

    ``$RAMAL_DESKTOP_HOME`` (set by the fixture) decides where its files are, as for the
    process a user starts.
    """

    def __init__(self, qtbot: QtBot, *args: str, tokens: TokenStore | None = None) -> None:
        self.qtbot = qtbot
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.paths = AppPaths.default().ensure()
        loaded, lang = read_settings(app, self.paths)  # what run() does before the loop
        options = parse_args(list(args))
        self.task = asyncio.ensure_future(
            app_main(app, options, self.paths, loaded, lang, tokens=tokens)
        )

    def wait_for(self, kind: type[W], timeout: int = WAIT) -> W:
        """The one visible window of ``kind``, once it shows."""

        def shown() -> bool:
            if self.task.done():
                self.task.result()  # an exception in the app fails the test here
                raise AssertionError(f"the app ended before a {kind.__name__} showed")
            return len(visible(kind)) == 1

        self.qtbot.waitUntil(shown, timeout=timeout)
        return visible(kind)[0]

    def exit_code(self, timeout: int = WAIT) -> int:
        self.qtbot.waitUntil(self.task.done, timeout=timeout)
        return self.task.result()

    def log_in(
        self,
        base_url: str,
        token: str,
        *,
        name: str = "Work",
        ramal: str = "4000",
        passphrase: str | None = None,
    ) -> LoginDialog:
        """Fill the login dialog as a user does (custom base URLs) and click Log in."""
        dialog = self.wait_for(LoginDialog)
        dialog.name_edit.setText(name)
        dialog.token_edit.clear()
        self.qtbot.keyClicks(dialog.token_edit, token)
        dialog.ramal_edit.setText(ramal)
        dialog.environment_combo.setCurrentIndex(dialog._ENVIRONMENTS.index(Environment.CUSTOM))
        for edit in (dialog.v1_edit, dialog.ramal_host_edit, dialog.voice_edit):
            edit.setText(base_url)
        dialog.role_checks[Role.AGENT].setChecked(True)
        if passphrase is not None:
            assert dialog.keychain_box.isVisible()  # the user is told there is no keychain
            if not dialog.fallback_check.isChecked():
                self.qtbot.mouseClick(dialog.fallback_check, Qt.MouseButton.LeftButton)
            assert dialog.fallback_check.isChecked()
            dialog.passphrase_edit.setText(passphrase)
            dialog.confirm_edit.setText(passphrase)
        self.qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        return dialog


def menu_action(window: MainWindow, text: str) -> QAction:
    """The main window's menu entry with that text (``&`` marks removed)."""
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu entry {text!r}")
