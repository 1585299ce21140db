"""The agent's call panel with a relay: coach status, raise hand, pauses told at once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import nats
import pytest
from agent_fakes import FakeWebphone
from instants import NOON
from nats.aio.client import Client as NatsClient
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from qt_support import run
from relay.relay_helpers import NAMES, RunningRelay
from relay_stream import CONTA, NatsProcess, relay_on

from desktop.agent.preferences import AgentPreferences, PauseReason
from desktop.agent.relay_link import AgentLink
from desktop.agent.support_panel import AgentSupport, SupportPanel
from desktop.agent.window import AgentWindow
from desktop.core.board_stream import RelayTarget
from desktop.relay.embedded import free_port
from desktop.relay.server import STATE

LUNCH = PauseReason("Lunch")


class Clock:
    def __init__(self) -> None:
        self.at = NOON

    def __call__(self) -> datetime:
        return self.at


class Setup:
    def __init__(self, window: AgentWindow, support: AgentSupport, relay: RunningRelay) -> None:
        self.window = window
        self.support = support
        self.panel = support.panel
        self.relay = relay
        self.nc: NatsClient | None = None

    async def ask(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        if self.nc is None:
            self.nc = await nats.connect(self.relay.app[STATE].settings.nats_urls[0])
        msg = await self.nc.request(NAMES.supervisor_request(kind), json.dumps(body).encode())
        reply: dict[str, Any] = json.loads(msg.data)
        assert reply["ok"] is True, reply
        return reply


@pytest.fixture
def nats_process(tmp_path: Path) -> Iterator[NatsProcess]:
    server = NatsProcess.fresh(tmp_path / "js")
    yield server
    server.stop()


def _setup(
    qtbot: QtBot,
    make_window: Callable[..., AgentWindow],
    nats_process: NatsProcess,
    clock: Clock,
    **relay_options: Any,
) -> Iterator[Setup]:
    window = make_window(AgentPreferences(pause_reasons=(LUNCH,)))
    context = relay_on([nats_process.url], clock=clock, coach_sweep=0, **relay_options)
    relay = run(qtbot, context.__aenter__())
    link = AgentLink(RelayTarget([nats_process.url], CONTA, board=False), "4000", retry=0.3)
    panel = SupportPanel()
    window.call_panel.support_slot.addWidget(panel)
    support = AgentSupport(link, panel, window.controller, window.announcer, window)
    setup = Setup(window, support, relay)
    try:
        assert panel.isHidden()
        support.start()
        qtbot.waitUntil(panel.isVisible, timeout=10_000)
        yield setup
    finally:
        run(qtbot, support.aclose())
        if setup.nc is not None:
            run(qtbot, setup.nc.close())
        run(qtbot, context.__aexit__(None, None, None))


@pytest.fixture
def relay_clock() -> Clock:
    return Clock()


@pytest.fixture
def setup(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_window: Callable[..., AgentWindow],
    nats_process: NatsProcess,
    relay_clock: Clock,
) -> Iterator[Setup]:
    yield from _setup(qtbot, make_window, nats_process, relay_clock)


@pytest.fixture
def hidden_setup(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_window: Callable[..., AgentWindow],
    nats_process: NatsProcess,
    relay_clock: Clock,
) -> Iterator[Setup]:
    yield from _setup(qtbot, make_window, nats_process, relay_clock, hide_silent_listening=True)


COACH = {"supervisor": "Ana", "ramal": "4000", "chamada_id": 321}


def test_coach_status_shows_in_the_call_panel_and_clears(qtbot: QtBot, setup: Setup) -> None:
    coach = setup.panel.coach
    assert coach.isHidden()
    run(qtbot, setup.ask("escuta", {**COACH, "modo": 2}))
    qtbot.waitUntil(coach.isVisible, timeout=10_000)
    assert coach.text() == "A supervisor (Ana) is talking only to you"
    assert coach.accessibleName() == coach.text()
    assert coach.text() in setup.window.announcer.history
    run(qtbot, setup.ask("escuta", {**COACH, "modo": 3}))
    qtbot.waitUntil(lambda: coach.text() == "A supervisor (Ana) joined the call", timeout=10_000)
    run(qtbot, setup.ask("escuta", {**COACH, "modo": 0}))
    qtbot.waitUntil(coach.isHidden, timeout=10_000)
    assert setup.window.announcer.history[-1] == "The supervisor left the call"


def test_coach_status_clears_after_the_timeout(
    qtbot: QtBot, setup: Setup, relay_clock: Clock
) -> None:
    run(qtbot, setup.ask("escuta", {**COACH, "modo": 1}))
    qtbot.waitUntil(setup.panel.coach.isVisible, timeout=10_000)
    assert setup.panel.coach.text() == "A supervisor (Ana) is listening to the call"
    desk = setup.relay.app[STATE].support
    assert desk is not None
    relay_clock.at = NOON + timedelta(hours=1)
    assert run(qtbot, desk.sweep()) == 1
    qtbot.waitUntil(setup.panel.coach.isHidden, timeout=10_000)


def test_hidden_silent_listening_is_not_shown_to_the_agent(
    qtbot: QtBot, hidden_setup: Setup
) -> None:
    reply = run(qtbot, hidden_setup.ask("escuta", {**COACH, "modo": 1}))
    assert reply["apoio"]["escuta"]["modo"] == 1  # the supervisors see it
    qtbot.wait(700)
    assert hidden_setup.panel.coach.isHidden()
    run(qtbot, hidden_setup.ask("escuta", {**COACH, "modo": 2}))
    qtbot.waitUntil(hidden_setup.panel.coach.isVisible, timeout=10_000)


def test_raise_hand_then_a_supervisor_acknowledges_it(qtbot: QtBot, setup: Setup) -> None:
    button = setup.panel.hand_button
    assert button.text() == "Raise hand" and button.accessibleName() == "Raise hand"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.text() == "Lower hand", timeout=10_000)
    assert setup.panel.hand_status.text().startswith("Hand raised at ")
    run(qtbot, setup.ask("ciente", {"supervisor": "Ana", "ramal": "4000"}))
    seen = "Supervisor Ana saw your request"
    qtbot.waitUntil(lambda: setup.panel.hand_status.text() == seen, timeout=10_000)
    assert seen in setup.window.announcer.history
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.text() == "Raise hand", timeout=10_000)
    assert setup.panel.hand_status.text() == ""


def test_a_pause_in_the_app_reaches_the_board_at_once(
    qtbot: QtBot, setup: Setup, phone: FakeWebphone
) -> None:
    controller = setup.window.controller
    assert controller.pause(None, LUNCH)
    phone.emit_event("pausou_na_fila")

    async def board_state() -> str:
        relay = setup.relay.app[STATE].relay
        assert relay is not None
        await relay.board.flush()
        row = await relay.board.row("4000")
        return row.state.name if row is not None else ""

    qtbot.waitUntil(lambda: run(qtbot, board_state()) == "PAUSED", timeout=10_000)
    assert controller.unpause(None)
    phone.emit_event("despausou_na_fila")
    qtbot.waitUntil(lambda: run(qtbot, board_state()) == "FREE", timeout=10_000)


def test_without_a_relay_answering_nothing_shows(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, make_window: Callable[..., AgentWindow]
) -> None:
    window = make_window()
    link = AgentLink(RelayTarget([f"nats://127.0.0.1:{free_port()}"], CONTA), "4000", retry=0.2)
    panel = SupportPanel()
    window.call_panel.support_slot.addWidget(panel)
    support = AgentSupport(link, panel, window.controller, window.announcer, window)
    support.start()
    qtbot.wait(800)
    assert panel.isHidden()
    run(qtbot, support.aclose())


def test_a_pause_running_when_the_relay_link_starts_is_told_once_connected(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_window: Callable[..., AgentWindow],
    nats_process: NatsProcess,
    relay_clock: Clock,
    phone: FakeWebphone,
) -> None:
    window = make_window(AgentPreferences(pause_reasons=(LUNCH,)))
    assert window.controller.pause(None, LUNCH)
    phone.emit_event("pausou_na_fila")
    assert window.controller.snapshot.paused
    context = relay_on([nats_process.url], clock=relay_clock, coach_sweep=0)
    relay = run(qtbot, context.__aenter__())
    link = AgentLink(RelayTarget([nats_process.url], CONTA, board=False), "4000", retry=0.3)
    panel = SupportPanel()
    support = AgentSupport(link, panel, window.controller, window.announcer, window)
    try:
        support.start()
        board = relay.app[STATE].relay
        assert board is not None

        async def state() -> str:
            await board.board.flush()
            row = await board.board.row("4000")
            return row.state.name if row is not None else ""

        qtbot.waitUntil(lambda: run(qtbot, state()) == "PAUSED", timeout=10_000)
    finally:
        run(qtbot, support.aclose())
        run(qtbot, context.__aexit__(None, None, None))
