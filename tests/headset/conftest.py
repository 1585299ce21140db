"""Fixtures: an agent controller over the fake webphone, and fake headsets."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from agent.agent_fakes import FakeClock, FakeWebphone
from hid_fakes import FakeBackend
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.agent.controller import AgentController
from desktop.agent.headset_link import HeadsetLink


@pytest.fixture
def phone(qapp: QApplication) -> FakeWebphone:
    return FakeWebphone()


@pytest.fixture
def controller(phone: FakeWebphone) -> Iterator[AgentController]:
    controller = AgentController(phone, clock=FakeClock(), tick_ms=3_600_000)
    phone.set_health("ok")
    phone.status("conectado")
    yield controller
    controller.shutdown()


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def link(
    qloop: asyncio.AbstractEventLoop,
    qtbot: QtBot,
    controller: AgentController,
    backend: FakeBackend,
) -> Iterator[HeadsetLink]:
    # Enumerations run when the test says (rescan), not on a timer.
    link = HeadsetLink(controller, backend=backend, loop=qloop, poll_seconds=3600)
    yield link
    closing = asyncio.ensure_future(link.aclose())
    qtbot.waitUntil(closing.done, timeout=10_000)
