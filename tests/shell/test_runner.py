from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from keyring_fakes import MemoryKeyring
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.agent.controller import AgentController
from desktop.cli import parse_args
from desktop.session import SANDBOX_PROFILE
from desktop.settings.model import Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import TokenStore
from desktop.settings.store import SettingsStore
from desktop.shell.runner import Outcome, WorkspaceRunner


class FakeInstance(QObject):
    """Stands in for SingleInstance: another launch forwarding its arguments."""

    messageReceived = Signal(list)


def test_links_are_dialled_once_across_profile_switches(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialled: list[str] = []
    monkeypatch.setattr(AgentController, "dial_link", lambda _self, text: dialled.append(text))
    paths = AppPaths.under(tmp_path).ensure()
    instance = FakeInstance()
    runner = WorkspaceRunner(
        qapp,
        paths,
        SettingsStore(paths.settings_file),
        TokenStore(),
        parse_args(["tel:4001", "--sandbox"]),
        started=0.0,
        instance=instance,  # type: ignore[arg-type]
    )
    quitting = asyncio.Event()

    def open_profile() -> asyncio.Task[Outcome]:
        task = asyncio.ensure_future(
            runner.run(SANDBOX_PROFILE, None, Settings(), quitting, saved=False)
        )
        qtbot.waitUntil(lambda: runner._ws is not None, timeout=20_000)
        return task

    first = open_profile()
    assert dialled == ["4001"]  # the launch's own link
    runner._end(Outcome(next_profile=SANDBOX_PROFILE))  # switch profile
    qtbot.waitUntil(first.done, timeout=20_000)

    second = open_profile()
    assert dialled == ["4001"]  # not dialled again by the next profile
    instance.messageReceived.emit(["--dial", "4002"])
    assert dialled == ["4001", "4002"]  # once, though two profiles have run
    quitting.set()
    qtbot.waitUntil(second.done, timeout=20_000)
    assert second.result() == Outcome(exit_code=0)
