"""Raised hands and coach status on the supervisor's board, pushed by the relay."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import nats
import pytest
from instants import NOON
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot
from qt_support import run
from relay.relay_helpers import RunningRelay
from relay_stream import CONTA, NatsProcess, relay_on, ringing
from supervisor_helpers import make_client

from desktop.agent.relay_link import AgentLink
from desktop.core.board import RamalLive
from desktop.core.board_stream import BoardStream, RelayTarget
from desktop.core.support import CoachMode, Support
from desktop.relay.server import STATE
from desktop.sandbox.server import SandboxThread
from desktop.supervisor.actions import ActionKind, ActionResult
from desktop.supervisor.board_model import BoardColumn
from desktop.supervisor.feed import FeedMode
from desktop.supervisor.panel import SupervisorPanel
from desktop.supervisor.relay_feed import RelayFeed
from desktop.supervisor.sources import ClientSource


class Clock:
    def __init__(self) -> None:
        self.at = NOON

    def __call__(self) -> datetime:
        return self.at


class Site:
    """A nats-server and the relay; panels made against them are closed at the end."""

    def __init__(self, qtbot: QtBot, sandbox: SandboxThread, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.tmp_path = tmp_path
        self.clock = Clock()
        self.nats = NatsProcess.fresh(tmp_path / "js")
        self.context = relay_on([self.nats.url], clock=self.clock, coach_sweep=0)
        self.relay: RunningRelay = run(qtbot, self.context.__aenter__())
        self.panels: list[SupervisorPanel] = []
        self.clients: list[Any] = []
        self.closed = False

    def panel(self) -> SupervisorPanel:
        client = make_client(self.sandbox)
        self.clients.append(client)
        stream = BoardStream(RelayTarget([self.nats.url], CONTA), retry=0.3)
        feed = RelayFeed(stream, ClientSource(client), clock=self.clock)
        panel = SupervisorPanel(
            client,
            supervisor_number="4009",
            who="Ana",
            audit_dir=self.tmp_path,
            clock=self.clock,
            feed=feed,
        )
        self.qtbot.addWidget(panel)
        self.panels.append(panel)
        panel.start()
        self.qtbot.waitUntil(lambda: feed.mode is FeedMode.PUSH, timeout=10_000)
        return panel

    async def ask(self, subject: str, body: dict[str, Any]) -> dict[str, Any]:
        nc = await nats.connect(self.nats.url)
        try:
            msg = await nc.request(subject, json.dumps(body).encode(), timeout=5)
        finally:
            await nc.close()
        reply: dict[str, Any] = json.loads(msg.data)
        assert reply["ok"] is True, reply
        return reply

    def close(self) -> None:
        # Within the test: pytest-qt deletes the panels' widgets before fixtures end.
        if self.closed:
            return
        self.closed = True
        for panel in self.panels:
            run(self.qtbot, panel.aclose())
        for client in self.clients:
            run(self.qtbot, client.aclose())
        run(self.qtbot, self.context.__aexit__(None, None, None))
        self.nats.stop()


@pytest.fixture
def site(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[Site]:
    made = Site(qtbot, sandbox, tmp_path)
    try:
        yield made
    finally:
        made.close()


def _row(panel: SupervisorPanel, numero: str) -> tuple[int, RamalLive] | None:
    for position, row in enumerate(panel.board.rows()):
        if row.numero == numero:
            return position, row
    return None


def _hand_cell(panel: SupervisorPanel, numero: str) -> str:
    found = _row(panel, numero)
    if found is None:
        return ""
    return str(panel.board.index(found[0], BoardColumn.HAND).data())


def test_a_raised_hand_shows_ticks_is_acknowledged_and_survives_a_restart(
    qtbot: QtBot, site: Site
) -> None:
    try:
        _hand_journey(qtbot, site)
    finally:
        site.close()


def _hand_journey(qtbot: QtBot, site: Site) -> None:
    panel = site.panel()
    qtbot.waitUntil(lambda: panel.board.rowCount() == 10, timeout=10_000)
    assert not panel.board_view.board_table.isColumnHidden(BoardColumn.HAND)
    agent = AgentLink(RelayTarget([site.nats.url], CONTA, board=False), "4003", retry=0.3)
    seen: list[Support] = []
    agent.subscribe(seen.append)
    agent.start()
    try:
        qtbot.waitUntil(lambda: agent.available, timeout=10_000)
        run(qtbot, agent.raise_hand(True))
        raised = NOON.astimezone().strftime("%H:%M:%S")
        qtbot.waitUntil(lambda: _hand_cell(panel, "4003") == f"{raised}, 0:00 ago", timeout=10_000)
        # the time since it was raised ticks
        site.clock.at = NOON + timedelta(seconds=65)
        panel.tick()
        assert _hand_cell(panel, "4003") == f"{raised}, 1:05 ago"
        # noticed: first under "sort by state", on a highlighted row
        view = panel.board_view
        top = view.proxy.index(0, BoardColumn.RAMAL)
        assert top.data() == "4003"
        assert top.data(Qt.ItemDataRole.BackgroundRole) is not None

        # a supervisor acknowledges it from the board
        assert not view.acknowledge.isEnabled()
        view.board_table.selectionModel().select(
            top,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        assert view.acknowledge.isEnabled()
        qtbot.mouseClick(view.acknowledge, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "seen by Ana" in _hand_cell(panel, "4003"), timeout=10_000)
        qtbot.waitUntil(
            lambda: bool(seen) and seen[-1].hand is not None and seen[-1].hand.seen_by == "Ana",
            timeout=10_000,
        )
    finally:
        run(qtbot, agent.aclose())

    # A console started afterwards reads the hand from the board bucket.
    run(qtbot, panel.aclose())
    site.panels.remove(panel)
    again = site.panel()
    qtbot.waitUntil(lambda: "seen by Ana" in _hand_cell(again, "4003"), timeout=10_000)


def test_listen_whisper_barge_tell_the_relay_and_the_end_of_the_call_clears_it(
    qtbot: QtBot, site: Site
) -> None:
    try:
        _coach_journey(qtbot, site)
    finally:
        site.close()


def _coach_journey(qtbot: QtBot, site: Site) -> None:
    panel = site.panel()
    assert run(qtbot, site.relay.post("ramal_tempo_real", ringing("4001", 55))).status == 200
    qtbot.waitUntil(lambda: "55" in {str(c) for c in _calls(panel)}, timeout=10_000)

    async def accepted(call_id: int | str, numero: str, kind: ActionKind) -> ActionResult:
        return ActionResult(True, "")

    panel.service.listen = accepted  # type: ignore[method-assign]
    call_id = next(c for c in _calls(panel) if str(c) == "55")
    result = run(qtbot, panel.run_action(ActionKind.WHISPER, call_id, "4009", ""))
    assert result.ok
    desk = site.relay.app[STATE].support
    assert desk is not None

    def coach() -> Any:
        return run(qtbot, desk.support("4001")).coach

    qtbot.waitUntil(lambda: coach() is not None, timeout=10_000)
    assert (coach().supervisor, coach().mode) == ("Ana", CoachMode.WHISPER)
    # on the supervisor's board too
    qtbot.waitUntil(
        lambda: "Ana whispering" in str(panel.board.index(_pos(panel, "4001"), 4).data()),
        timeout=10_000,
    )
    ended = ringing("4001", 55, live=False, second=30)
    assert run(qtbot, site.relay.post("ramal_tempo_real", ended)).status == 200
    qtbot.waitUntil(lambda: coach() is None, timeout=10_000)
    reporter = panel.coach
    assert reporter is not None
    qtbot.waitUntil(lambda: not reporter.active, timeout=10_000)


def _pos(panel: SupervisorPanel, numero: str) -> int:
    found = _row(panel, numero)
    return found[0] if found is not None else 0


def _calls(panel: SupervisorPanel) -> list[int | str]:
    snapshot = panel.feed.snapshot
    return list(snapshot.calls) if snapshot is not None else []
