"""The app registers the settings' global shortcuts, lets Settings record keys, applies edits."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from keyring_fakes import MemoryKeyring
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_global_shortcuts import FakeBackend

from desktop.agent import global_shortcuts as global_shortcuts_module
from desktop.cli import parse_args
from desktop.hotkeys.bindings import HotkeyAction
from desktop.hotkeys.combo import parse_combo
from desktop.session import SANDBOX_PROFILE
from desktop.settings.model import Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import TokenStore
from desktop.settings.settings_dialog import SettingsDialog
from desktop.settings.store import SettingsStore
from desktop.shell.runner import Outcome, WorkspaceRunner


def test_keys_registered_at_start_released_while_settings_is_open(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = FakeBackend()

    async def open_fake(**_kwargs: Any) -> FakeBackend:
        return backend

    monkeypatch.setattr(global_shortcuts_module, "open_backend", open_fake)
    paths = AppPaths.under(tmp_path).ensure()
    runner = WorkspaceRunner(
        qapp,
        paths,
        SettingsStore(paths.settings_file),
        TokenStore(),
        parse_args(["--sandbox", "--no-traffic"]),
        started=0,
    )
    quitting = asyncio.Event()
    task = asyncio.ensure_future(
        runner.run(SANDBOX_PROFILE, None, Settings(), quitting, saved=False)
    )
    qtbot.waitUntil(lambda: len(backend.bound) == len(HotkeyAction), timeout=20_000)
    ws = runner._ws
    assert ws is not None and ws.shortcuts is not None and ws.shortcuts.backend is backend

    runner._open_settings()
    qtbot.waitUntil(lambda: backend.bound == {}, timeout=10_000)
    dialog = ws.window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: len(backend.bound) == len(HotkeyAction), timeout=10_000)
    dialog.deleteLater()

    runner._open_settings()
    dialog = next(d for d in ws.window.findChildren(SettingsDialog) if d.isVisible())
    edit = dialog.shortcuts_editor.edits[HotkeyAction.ANSWER]
    edit.setKeySequence(QKeySequence("Ctrl+Alt+Shift+J"))
    dialog.apply()
    moved = parse_combo("Ctrl+Alt+Shift+J")
    qtbot.waitUntil(lambda: backend.bound.get(HotkeyAction.ANSWER) == moved, timeout=10_000)
    assert len(backend.bound) == len(HotkeyAction)

    quitting.set()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() == Outcome(exit_code=0)
    assert backend.closed
