"""The printed nats-server configuration, loaded by a real nats-server, enforces who does what."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import nats
import pytest
from nats.aio.client import Client as NatsClient
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription
from relay_helpers import NatsServer, run_relay, settings_for, start_nats
from relay_payloads import NOVO_VOICEMAIL

from desktop.agent.relay_link import AgentLink
from desktop.core.board_stream import RelayEvent, RelayTarget, RelayUnavailable
from desktop.relay.nats_config import NatsConfigOptions, agent_password_env, render_nats_config
from desktop.relay.server import STATE

PASSWORDS = {
    "relay": "relay-pass",
    "supervisor": "supervisor-pass",
    "agent_4001": "agent-pass",
}


@pytest.fixture
def secured_nats(tmp_path: Path) -> Iterator[NatsServer]:
    config = tmp_path / "nats.conf"
    text = render_nats_config(
        NatsConfigOptions(conta="acme", agent_ramais=("4001",), store_dir=str(tmp_path / "js"))
    )
    config.write_text(text.replace("port: 4222\n", ""))
    env = {
        **os.environ,
        "RAMAL_NATS_RELAY_PASSWORD": PASSWORDS["relay"],
        "RAMAL_NATS_SUPERVISOR_PASSWORD": PASSWORDS["supervisor"],
        agent_password_env("4001"): PASSWORDS["agent_4001"],
    }
    server = start_nats(tmp_path / "js", config, env)
    yield server
    server.stop()


class Errors:
    def __init__(self) -> None:
        self.seen: list[str] = []
        self.event = asyncio.Event()


Connect = Callable[..., Awaitable[tuple[NatsClient, Errors]]]


@pytest.fixture
async def connect(secured_nats: NatsServer) -> AsyncIterator[Connect]:
    opened: list[NatsClient] = []

    async def open_as(user: str, **options: Any) -> tuple[NatsClient, Errors]:
        errors = Errors()

        async def on_error(exc: Exception) -> None:
            errors.seen.append(str(exc))
            errors.event.set()

        nc = await nats.connect(
            secured_nats.url,
            user=user,
            password=PASSWORDS[user],
            error_cb=on_error,
            allow_reconnect=False,
            **options,
        )
        opened.append(nc)
        return nc, errors

    yield open_as
    for nc in opened:
        if not nc.is_closed:
            await nc.close()


async def _received(sub: Subscription, timeout: float = 0.5) -> Msg | None:
    try:
        return await sub.next_msg(timeout)
    except nats.errors.TimeoutError:
        return None


async def test_supervisor_cannot_publish(connect: Connect) -> None:
    relay, _ = await connect("relay")
    watcher = await relay.subscribe("ramal.acme.>")
    supervisor, errors = await connect("supervisor")
    await supervisor.publish("ramal.acme.ramal.4001", b"forged")
    await supervisor.flush()
    await asyncio.wait_for(errors.event.wait(), 5)
    assert "permissions violation for publish" in errors.seen[0].lower()
    assert await _received(watcher) is None
    # and it does hear what the relay publishes
    sub = await supervisor.subscribe("ramal.acme.>")
    await supervisor.flush()
    # Sent again until heard: on a loaded machine one delivery may come after a short wait.
    heard = None
    for _ in range(20):
        await relay.publish("ramal.acme.ramal.4002", b"real")
        await relay.flush()
        if (heard := await _received(sub, 0.5)) is not None:
            break
    assert heard is not None and heard.data == b"real", (supervisor.is_connected, errors.seen)


async def test_agent_hears_only_its_own_ramal(connect: Connect) -> None:
    relay, _ = await connect("relay")
    agent, errors = await connect("agent_4001")
    own = await agent.subscribe("ramal.acme.ramal.4001")
    await agent.subscribe("ramal.acme.ramal.4002")
    await agent.flush()
    await asyncio.wait_for(errors.event.wait(), 5)
    assert "permissions violation for subscription" in errors.seen[0].lower()
    assert "ramal.acme.ramal.4002" in errors.seen[0]
    await relay.publish("ramal.acme.ramal.4001", b"mine")
    assert (await _received(own, 5)) is not None


async def test_supervisor_reads_the_board_but_cannot_write_it(connect: Connect) -> None:
    relay, _ = await connect("relay")
    board = await relay.jetstream().create_key_value(bucket="ramal_board_acme")
    await board.put("4001", b'{"estado":"talking"}')
    supervisor, _ = await connect("supervisor")
    seen = await supervisor.jetstream(timeout=1).key_value("ramal_board_acme")
    entry = await seen.get("4001")
    assert entry.value == b'{"estado":"talking"}'
    with pytest.raises(nats.errors.Error):
        await seen.put("4001", b'{"estado":"free"}')
    assert (await board.get("4001")).value == b'{"estado":"talking"}'


async def test_agent_requests_only_for_its_own_ramal(connect: Connect) -> None:
    relay, _ = await connect("relay")
    requests = await relay.subscribe("pedido.acme.>")
    agent, errors = await connect("agent_4001")
    await agent.publish("pedido.acme.ramal.4002.mao", b'{"levantada":true}')
    await agent.flush()
    await asyncio.wait_for(errors.event.wait(), 5)
    assert "permissions violation for publish" in errors.seen[0].lower()
    assert "pedido.acme.ramal.4002.mao" in errors.seen[0]
    assert await _received(requests) is None
    await agent.publish("pedido.acme.ramal.4001.mao", b'{"levantada":true}')
    assert (await _received(requests, 5)) is not None


async def test_agent_cannot_publish_into_the_stream_or_as_a_supervisor(connect: Connect) -> None:
    relay, _ = await connect("relay")
    watcher = await relay.subscribe("ramal.acme.>")
    supervisor_requests = await relay.subscribe("pedido.acme.supervisor.>")
    agent, errors = await connect("agent_4001")
    for subject in (
        "ramal.acme.apoio.4001",
        "ramal.acme.ramal.4001",
        "pedido.acme.supervisor.ciente",
    ):
        await agent.publish(subject, b"forged")
    await agent.flush()
    await asyncio.sleep(0.3)
    assert len(errors.seen) == 3
    assert await _received(watcher) is None
    assert await _received(supervisor_requests) is None


async def test_requests_and_replies_through_the_secured_server(connect: Connect) -> None:
    relay, _ = await connect("relay")

    async def answer(msg: Msg) -> None:
        await msg.respond(b'{"ok":true}')

    await relay.subscribe("pedido.acme.>", queue="ramal-relay", cb=answer)
    await relay.flush()
    agent, _ = await connect("agent_4001", inbox_prefix="_INBOX.agent_4001")
    reply = await agent.request("pedido.acme.ramal.4001.mao", b"{}", timeout=5)
    assert reply.data == b'{"ok":true}'
    supervisor, _ = await connect("supervisor")
    reply = await supervisor.request("pedido.acme.supervisor.ciente", b"{}", timeout=5)
    assert reply.data == b'{"ok":true}'
    # the supervisor cannot send an agent's request
    with pytest.raises(nats.errors.Error):
        await supervisor.request("pedido.acme.ramal.4001.mao", b"{}", timeout=1)


async def test_agent_hears_replies_only_on_its_own_inbox(connect: Connect) -> None:
    agent, errors = await connect("agent_4001")
    await agent.subscribe("_INBOX.supervisor.x")
    await agent.flush()
    await asyncio.wait_for(errors.event.wait(), 5)
    assert "permissions violation for subscription" in errors.seen[0].lower()


async def test_the_relay_answers_an_agent_through_the_secured_server(
    secured_nats: NatsServer,
) -> None:
    relay_url = secured_nats.url.replace("nats://", f"nats://relay:{PASSWORDS['relay']}@")
    runner, running = await run_relay(settings_for(relay_url))
    own = RelayTarget([secured_nats.url], "acme", "agent_4001", PASSWORDS["agent_4001"])
    agent = AgentLink(own, "4001", retry=0.2)
    impostor = AgentLink(own, "4002", retry=0.2)
    try:
        agent.start()
        async with asyncio.timeout(10):
            while not agent.available:
                await asyncio.sleep(0.05)
        support = await agent.raise_hand(True)
        assert support.hand is not None  # the reply came back on the agent's own inbox
        # Credentials of 4001 cannot speak for 4002: the server drops it, the relay never hears.
        impostor._nc = agent._nc  # the same connection, another ramal's subject
        with pytest.raises(RelayUnavailable):
            await impostor.raise_hand(True)
        desk = running.app[STATE].support
        assert desk is not None
        assert (await desk.support("4002")).hand is None
        assert (await desk.support("4001")).hand is not None
        # The agent's voicemails reach it on the same connection.
        heard: list[RelayEvent] = []
        agent.subscribe_events(heard.append)
        voicemail = {**NOVO_VOICEMAIL, "ramal": "4001"}
        assert (await running.post("novo_voicemail", voicemail)).status == 200
        async with asyncio.timeout(10):
            while not heard:
                await asyncio.sleep(0.05)
        assert heard[0].kind == "voicemail" and heard[0].payload["ramal"] == "4001"
    finally:
        await agent.aclose()
        await running.http.close()
        await runner.cleanup()
