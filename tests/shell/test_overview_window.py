from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.sandbox.server import SandboxServer
from desktop.session import Session, open_session
from desktop.shell.overview_window import OverviewWindow


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """The app's qasync loop, marked running so qtbot's waits drive its tasks."""
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    qapp.processEvents()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


def wait(qtbot: QtBot, coro: object, timeout: int = 15_000) -> object:
    task = asyncio.ensure_future(coro)  # type: ignore[arg-type]
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


def test_lists_the_sandbox_ramais(qtbot: QtBot, loop: asyncio.AbstractEventLoop) -> None:
    session = wait(qtbot, open_session(embedded_sandbox=True, api_url=None, token=None, seed=3))
    assert isinstance(session, Session) and session.is_sandbox
    window = OverviewWindow(session, lang="en")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15_000) as blocker:
        window.refresh()
    assert blocker.args == [10]
    assert window.model.rowCount() == 10
    assert window.model.ramal_at(0).ramal == "4000"
    assert session.base_url in window.state_text
    assert not window.error_text
    wait(qtbot, session.close())


def test_bad_token_is_explained(qtbot: QtBot, loop: asyncio.AbstractEventLoop) -> None:
    server = SandboxServer(seed=3)
    base_url = wait(qtbot, server.start())
    assert isinstance(base_url, str)
    hosts = ApiHosts.single(base_url)
    session = Session(TotalVoiceClient("wrong-token", ApiConfig(hosts=hosts)), hosts)
    window = OverviewWindow(session, lang="en")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15_000) as blocker:
        window.refresh()
    assert blocker.args == [-1]
    assert window.model.rowCount() == 0
    assert "token" in window.error_text.lower()
    wait(qtbot, session.close())
    wait(qtbot, server.stop())


def test_unreachable_host_is_explained(qtbot: QtBot, loop: asyncio.AbstractEventLoop) -> None:
    hosts = ApiHosts.single("http://127.0.0.1:9")  # discard port: nothing listens
    config = ApiConfig(hosts=hosts, max_retries=0)
    session = Session(TotalVoiceClient("t", config), hosts)
    window = OverviewWindow(session, lang="pt_BR")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15_000) as blocker:
        window.refresh()
    assert blocker.args == [-1]
    assert window.error_text
    wait(qtbot, session.close())
