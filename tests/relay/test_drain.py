"""Shutting down: stop accepting, let the delivery in flight finish its publish, drain NATS."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from nats.js import JetStreamContext
from relay_helpers import NatsServer, run_relay, settings_for, stream_count
from relay_payloads import RINGING

from desktop.relay.server import STATE


async def test_cleanup_finishes_the_publish_in_flight(
    nats_server: NatsServer, js: JetStreamContext
) -> None:
    runner, running = await run_relay(settings_for(nats_server.url))
    state = running.app[STATE]
    relay = state.relay
    assert relay is not None and state.nc is not None
    entered, release = asyncio.Event(), asyncio.Event()
    publish = relay.stream.publish

    async def held_publish(subject: str, body: bytes, msg_id: str) -> bool:
        entered.set()
        await release.wait()
        return await publish(subject, body, msg_id)

    relay.stream.publish = held_publish  # type: ignore[method-assign]
    try:
        delivery = asyncio.create_task(running.post("status_tempo_real", RINGING))
        await asyncio.wait_for(entered.wait(), 60)
        closing = asyncio.create_task(runner.cleanup())
        for _ in range(600):  # the listening socket goes first
            try:
                async with aiohttp.ClientSession() as other:
                    await other.get(running.base_url + "/healthz")
            except aiohttp.ClientConnectionError:
                break
            await asyncio.sleep(0.05)
        else:
            pytest.fail("still accepting connections while shutting down")
        assert not closing.done() and state.nc.is_connected  # waiting for the delivery
        release.set()
        response = await asyncio.wait_for(delivery, 60)
        assert response.status == 200
        await asyncio.wait_for(closing, 60)
        assert state.nc.is_closed
        assert await stream_count(js) == 1
    finally:
        release.set()
        await running.http.close()
