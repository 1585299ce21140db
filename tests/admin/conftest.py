"""Fixtures for the admin tests: the qasync loop on Qt, a sandbox, a client."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.sandbox.server import SandboxThread


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    qapp.processEvents()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


def run(qtbot: QtBot, coro: Coroutine[Any, Any, Any], timeout: int = 10_000) -> Any:
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="admin-token") as running:
        yield running


def make_client(sandbox: SandboxThread) -> TotalVoiceClient:
    return TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
