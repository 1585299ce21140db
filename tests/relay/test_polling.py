"""The poller against the sandbox: one poll for the account publishes a pause and a board row."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from nats.js import JetStreamContext
from relay_helpers import NAMES, NatsServer, board_row, run_relay, settings_for

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api.models import Pause, Ramal
from desktop.relay.poller import PauseSource, Poller
from desktop.relay.server import STATE
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import now as sandbox_now


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="relay-token") as running:
        yield running


async def test_a_pause_is_polled_published_and_shown(
    sandbox: SandboxThread, nats_server: NatsServer, js: JetStreamContext
) -> None:
    store = sandbox.server.store if sandbox.server else None
    assert store is not None
    ramal = store.ramal_by_number("4003")
    assert ramal is not None
    runner, running = await run_relay(settings_for(nats_server.url))
    config = ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
    try:
        relay = running.app[STATE].relay
        assert relay is not None
        async with TotalVoiceClient(sandbox.token, config) as client:
            poller = Poller(PauseSource(client), relay, lambda: datetime.now(UTC), concurrency=3)
            await poller.poll_once()
            before = (await js.stream_info(NAMES.stream)).state.messages
            assert before > 0  # the ramal list, once
            assert await poller.poll_once() == 0  # nothing changed: nothing published
            started = sandbox_now()
            store.start_pause(ramal.id, "1", started)
            assert await poller.poll_once() == 1
            message = await js.get_last_msg(NAMES.stream, "ramal.acme.ramal.4003")
            assert b'"evento":"pausa"' in message.data
            await relay.board.flush()
            row = await board_row(js, "4003")
            assert row["estado"] == "paused"
            store.end_pauses(ramal.id, None, sandbox_now())
            assert await poller.poll_once() == 1
            await relay.board.flush()
            assert (await board_row(js, "4003"))["estado"] == "free"
            assert relay.metrics.poll_errors == 0
    finally:
        await running.http.close()
        await runner.cleanup()


class SlowSource:
    """Twelve ramais whose pause requests take a while; records the peak in flight."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.peak = 0

    async def ramais(self, today: datetime) -> list[Ramal]:
        return [Ramal(id=n, ramal=str(4000 + n)) for n in range(12)]

    async def pauses(self, ramal_id: int | str, since: datetime, until: datetime) -> list[Pause]:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        await asyncio.sleep(0.02)
        self.in_flight -= 1
        return []


async def test_pauses_are_polled_with_bounded_concurrency(nats_server: NatsServer) -> None:
    runner, running = await run_relay(settings_for(nats_server.url))
    try:
        relay = running.app[STATE].relay
        assert relay is not None
        source = SlowSource()
        poller = Poller(source, relay, lambda: datetime.now(UTC), concurrency=3)
        assert await poller.poll_once() == 12  # the ramal list, published once each
        assert source.peak == 3
    finally:
        await running.http.close()
        await runner.cleanup()


class FlakySource(SlowSource):
    """Fails the first read of the ramal list with an error that is not the API's."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    async def ramais(self, today: datetime) -> list[Ramal]:
        self.reads += 1
        if self.reads == 1:
            raise RuntimeError("nats: connection closed")
        return await super().ramais(today)


async def test_the_poll_loop_outlives_a_failed_poll(nats_server: NatsServer) -> None:
    runner, running = await run_relay(settings_for(nats_server.url))
    try:
        relay = running.app[STATE].relay
        assert relay is not None
        source = FlakySource()
        poller = Poller(source, relay, lambda: datetime.now(UTC), budget=6000)
        task = asyncio.create_task(poller.run())
        for _ in range(6000):
            if source.reads >= 2 or task.done():
                break
            await asyncio.sleep(0.01)
        assert not task.done()
        task.cancel()
        assert source.reads >= 2
        assert relay.metrics.poll_errors == 1
    finally:
        await running.http.close()
        await runner.cleanup()
