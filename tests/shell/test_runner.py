from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from keyring_fakes import MemoryKeyring
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.agent.controller import AgentController
from desktop.cli import parse_args
from desktop.session import SANDBOX_PROFILE, Session, open_profile_session
from desktop.settings.model import Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import TokenStore
from desktop.settings.store import SettingsStore
from desktop.shell import runner as runner_module
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


@pytest.mark.parametrize(
    ("args", "running"), [(["--sandbox"], True), (["--sandbox", "--no-traffic"], False)]
)
def test_the_sandbox_starts_with_its_traffic_unless_told_not_to(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    running: bool,
) -> None:
    opened: list[Session] = []

    async def opening(*args: Any, **kwargs: Any) -> Session:
        session = await open_profile_session(*args, **kwargs)
        opened.append(session)
        return session

    monkeypatch.setattr(runner_module, "open_profile_session", opening)
    paths = AppPaths.under(tmp_path).ensure()
    runner = WorkspaceRunner(
        qapp, paths, SettingsStore(paths.settings_file), TokenStore(), parse_args(args), started=0
    )
    quitting = asyncio.Event()
    task = asyncio.ensure_future(
        runner.run(SANDBOX_PROFILE, None, Settings(), quitting, saved=False)
    )
    qtbot.waitUntil(lambda: runner._ws is not None, timeout=20_000)

    async def traffic() -> dict[str, Any]:
        async with httpx.AsyncClient(base_url=opened[0].base_url) as control:
            state: dict[str, Any] = (await control.get("/_sandbox/traffic")).json()
            return state

    state = run(qtbot, traffic())
    assert state["running"] is running
    assert state["ring_agents"] is False  # the agent's own ramal is left alone
    assert state["agentes"] == [SANDBOX_PROFILE.ramal]
    ws = runner._ws
    assert ws is not None and ws.sandbox_traffic is not None
    assert ws.sandbox_traffic.isChecked() is running
    quitting.set()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() == Outcome(exit_code=0)
