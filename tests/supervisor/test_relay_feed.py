"""The push feed: the relay's board live, polling while NATS is away, the label says which."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from pytestqt.qtbot import QtBot
from qt_support import run
from relay_stream import NatsProcess, relay_on, ringing
from supervisor_helpers import make_client

from desktop.core.board import Changes, RamalState
from desktop.core.board_stream import BoardStream, RelayTarget
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import Clock
from desktop.session import Session
from desktop.settings.model import Environment, Profile, Role
from desktop.shell.workspace import relay_feed
from desktop.supervisor.feed import FeedMode, FeedStatusKind, PollingFeed, PollTimings
from desktop.supervisor.panel import SupervisorPanel
from desktop.supervisor.relay_feed import RelayFeed
from desktop.supervisor.sources import ClientSource


def _state(panel: SupervisorPanel, numero: str) -> RamalState | None:
    snapshot = panel.feed.snapshot
    if snapshot is None:
        return None
    for row in snapshot.ramais.values():
        if row.numero == numero:
            return row.state
    return None


def test_panel_follows_the_relay_falls_back_to_polling_and_back(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    clock: Clock,
    tmp_path: Path,
) -> None:
    nats_server = NatsProcess.fresh(tmp_path / "js")
    client = make_client(sandbox)
    source = ClientSource(client)
    stream = BoardStream(RelayTarget([nats_server.url], "acme"), retry=0.5)
    fallback = PollingFeed(source, clock=clock, timings=PollTimings(fast=0.2, slow=0.2))
    feed = RelayFeed(stream, source, clock=clock, fallback=fallback)
    delivered: list[Changes] = []
    feed.subscribe(delivered.append)
    panel = SupervisorPanel(
        client, supervisor_number="4009", who="sup", audit_dir=tmp_path, clock=clock, feed=feed
    )
    qtbot.addWidget(panel)
    context = relay_on([nats_server.url])
    try:
        relay = run(qtbot, context.__aenter__())
        response = run(qtbot, relay.post("ramal_tempo_real", ringing("4001", 1)))
        assert response.status == 200
        run(qtbot, relay.flush())
        panel.start()
        qtbot.waitUntil(lambda: feed.mode is FeedMode.PUSH, timeout=10000)
        qtbot.waitUntil(lambda: _state(panel, "4001") is RamalState.RINGING, timeout=10000)
        label = panel.board_view.feed_mode
        assert label.text() == "real time"
        assert not feed.away
        assert "relay" in panel.board_view.source_hint.text()
        # Names come from one read of the ramal list; nothing is polled while pushed.
        qtbot.waitUntil(lambda: panel.board.rowCount() == 10, timeout=10000)
        requests = source.requests
        qtbot.wait(1500)
        assert source.requests == requests
        assert fallback.polls == 0

        nats_server.stop()
        qtbot.waitUntil(lambda: feed.mode is FeedMode.POLLING, timeout=15000)
        qtbot.waitUntil(lambda: fallback.polls >= 1, timeout=15000)
        assert label.text() == "periodic polling"
        assert "derived" in panel.board_view.source_hint.text()
        assert "raised hands" in panel.board_view.source_hint.text()

        nats_server.start()
        # Sent again until it shows: the relay may fail to store a row while NATS comes
        # back, and the same event offered again stores it (the stream keeps it once).
        for _ in range(60):
            run(qtbot, relay.post("ramal_tempo_real", ringing("4002", 2, second=9)))
            if feed.mode is FeedMode.PUSH and _state(panel, "4002") is RamalState.RINGING:
                break
            qtbot.wait(500)
        assert feed.mode is FeedMode.PUSH
        assert _state(panel, "4002") is RamalState.RINGING
        assert label.text() == "real time"
        assert "raised hands" not in panel.board_view.source_hint.text()
        polls = fallback.polls
        qtbot.wait(1000)
        assert fallback.polls == polls
        ringing_4002 = [
            r
            for c in delivered
            for r in c.ramais
            if r.numero == "4002" and r.state is RamalState.RINGING
        ]
        assert len(ringing_4002) == 1
    finally:
        run(qtbot, panel.aclose())
        run(qtbot, context.__aexit__(None, None, None))
        run(qtbot, client.aclose())
        nats_server.stop()


def test_a_profile_with_a_relay_gets_the_push_feed(sandbox: SandboxThread) -> None:
    client = make_client(sandbox)
    session = cast(Session, SimpleNamespace(client=client))
    plain = Profile("pa", "A", Environment.SANDBOX, roles=frozenset({Role.SUPERVISOR}))
    assert relay_feed(session, plain, "") is None
    with_relay = replace(
        plain, relay_url="nats://n1:4222, nats://n2:4222", relay_user="sup", relay_account="acme"
    )
    feed = relay_feed(session, with_relay, "s3nha")
    assert isinstance(feed, RelayFeed)
    target = feed.stream_target
    assert list(target.urls) == ["nats://n1:4222", "nats://n2:4222"]
    assert (target.conta, target.user, target.password) == ("acme", "sup", "s3nha")


def test_stopping_the_push_feed_says_so(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, clock: Clock
) -> None:
    client = make_client(sandbox)
    source = ClientSource(client)
    stream = BoardStream(RelayTarget(["nats://127.0.0.1:9"], "acme"), retry=0.2)
    feed = RelayFeed(stream, source, clock=clock)
    statuses: list[FeedStatusKind] = []
    feed.subscribe(lambda _: None, lambda status: statuses.append(status.kind))
    feed.start()
    # No relay at that address: the console polls, and says so.
    qtbot.waitUntil(lambda: feed.fallback.polls >= 1, timeout=15000)
    assert feed.mode is FeedMode.POLLING
    feed.stop()
    assert statuses[-1] is FeedStatusKind.STOPPED
    run(qtbot, feed.aclose())
    run(qtbot, client.aclose())
