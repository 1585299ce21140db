"""The stream publisher: each delivery gets its own ack, by token, or a timeout."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, cast

import pytest
from nats.aio.client import Client as NatsClient
from nats.aio.msg import Msg
from nats.js.errors import APIError, NoStreamResponseError

from desktop.core.relay_names import AccountNames
from desktop.relay.jetstream import EventStream
from desktop.relay.metrics import RelayMetrics


class FakeNats:
    """Records publishes; the test answers them through the inbox callback."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes, str, dict[str, str]]] = []
        self.on_ack: Callable[[Msg], Awaitable[None]] | None = None

    def new_inbox(self) -> str:
        return "_INBOX.test"

    async def subscribe(self, subject: str, cb: Callable[[Msg], Awaitable[None]]) -> None:
        assert subject == "_INBOX.test.*"
        self.on_ack = cb

    async def publish(self, subject: str, body: bytes, reply: str, headers: Any) -> None:
        self.sent.append((subject, body, reply, headers))

    async def answer(self, n: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        assert self.on_ack is not None
        await self.on_ack(Msg(cast(Any, self), subject=self.sent[n][2], data=data, headers=headers))


async def _stream(timeout: float = 5.0) -> tuple[EventStream, FakeNats, RelayMetrics]:
    nc = FakeNats()
    metrics = RelayMetrics()
    stream = EventStream(cast(NatsClient, nc), AccountNames("acme"), metrics)
    stream.timeout = timeout
    await stream.open()
    return stream, nc, metrics


async def test_acks_find_their_delivery_in_any_order() -> None:
    stream, nc, metrics = await _stream()
    first = asyncio.create_task(stream.publish("ramal.acme.saldo", b"{}", "a"))
    second = asyncio.create_task(stream.publish("ramal.acme.saldo", b"{}", "b"))
    while len(nc.sent) < 2:
        await asyncio.sleep(0)
    assert nc.sent[0][3] == {"Nats-Msg-Id": "a", "Nats-Expected-Stream": "RAMAL_acme"}
    assert nc.sent[0][2] != nc.sent[1][2]
    await nc.answer(1, b'{"stream":"RAMAL_acme","seq":7,"duplicate":true}')
    await nc.answer(0, b'{"stream":"RAMAL_acme","seq":8}')
    assert await first is True
    assert await second is False
    assert (metrics.published, metrics.duplicates, metrics.publish_errors) == (1, 1, 0)


async def test_an_error_ack_or_no_responder_is_an_error_not_a_store() -> None:
    stream, nc, metrics = await _stream()
    refused = asyncio.create_task(stream.publish("ramal.acme.saldo", b"{}", "a"))
    nobody = asyncio.create_task(stream.publish("ramal.acme.saldo", b"{}", "b"))
    while len(nc.sent) < 2:
        await asyncio.sleep(0)
    await nc.answer(0, b'{"error":{"code":400,"err_code":10060,"description":"expected stream"}}')
    await nc.answer(1, b"", {"Status": "503"})
    with pytest.raises(APIError) as raised:
        await refused
    assert raised.value.err_code == 10060
    with pytest.raises(NoStreamResponseError):
        await nobody
    assert (metrics.published, metrics.publish_errors) == (0, 2)


async def test_an_ack_that_never_comes_times_out_and_a_late_one_is_ignored() -> None:
    stream, nc, metrics = await _stream(timeout=0.2)
    started = asyncio.get_running_loop().time()
    with pytest.raises(TimeoutError):
        await stream.publish("ramal.acme.saldo", b"{}", "a")
    assert 0.2 <= asyncio.get_running_loop().time() - started < 2.0
    await nc.answer(0, b'{"stream":"RAMAL_acme","seq":1}')  # too late: nobody waits
    assert (metrics.published, metrics.publish_errors) == (0, 1)
