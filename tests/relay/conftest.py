"""Fixtures of the relay tests: a real nats-server with JetStream, the relay on a real port."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import nats
import pytest
from nats.aio.client import Client as NatsClient
from nats.js import JetStreamContext
from relay_helpers import NatsServer, RunningRelay, run_relay, settings_for, start_nats


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    server = start_nats(tmp_path / "jetstream")
    yield server
    server.stop()


@pytest.fixture
async def relay(nats_server: NatsServer) -> AsyncIterator[RunningRelay]:
    runner, running = await run_relay(settings_for(nats_server.url))
    yield running
    await running.http.close()
    await runner.cleanup()


@pytest.fixture
async def js(nats_server: NatsServer) -> AsyncIterator[JetStreamContext]:
    nc: NatsClient = await nats.connect(nats_server.url)
    yield nc.jetstream()
    await nc.drain()
