"""Fixtures for the agent window: a fake webphone, a fake clock, a qasync loop."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from agent_fakes import FakeClock, FakePlayer, FakeWebphone
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.agent.controller import AgentController
from desktop.agent.preferences import AgentPreferences
from desktop.agent.window import AgentWindow

MakeController = Callable[..., AgentController]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def phone(qapp: QApplication) -> FakeWebphone:
    return FakeWebphone()


@pytest.fixture
def make_controller(
    phone: FakeWebphone, clock: FakeClock
) -> Iterator[Callable[..., AgentController]]:
    made: list[AgentController] = []

    def make(prefs: AgentPreferences | None = None, **kwargs: object) -> AgentController:
        # An hour between ticks: the tests call tick() themselves with the fake clock.
        controller = AgentController(phone, prefs, clock=clock, tick_ms=3_600_000, **kwargs)  # type: ignore[arg-type]
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


@pytest.fixture
def controller(make_controller: MakeController) -> AgentController:
    return make_controller()


@pytest.fixture
def ready(controller: AgentController, phone: FakeWebphone) -> AgentController:
    """A controller whose webphone is connected."""
    phone.set_health("ok")
    phone.status("conectado")
    return controller


@pytest.fixture
def player() -> FakePlayer:
    return FakePlayer()


@pytest.fixture
def make_window(
    qtbot: QtBot, make_controller: MakeController, phone: FakeWebphone, player: FakePlayer
) -> Callable[..., AgentWindow]:
    def make(prefs: AgentPreferences | None = None, *, connected: bool = True) -> AgentWindow:
        window = AgentWindow(make_controller(prefs), ramal="4000", ring_player=player)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        if connected:
            phone.set_health("ok")
            phone.status("conectado")
        return window

    return make


@pytest.fixture
def window(make_window: Callable[..., AgentWindow]) -> AgentWindow:
    return make_window()
