"""Webhooks posted to the relay over a real port land in a real JetStream stream, once."""

from __future__ import annotations

import asyncio
import json

import pytest
from nats.js import JetStreamContext
from relay_helpers import (
    NAMES,
    NatsServer,
    RunningRelay,
    board_row,
    run_relay,
    settings_for,
    stream_count,
)
from relay_payloads import ENDED, EXAMPLES, RINGING, SUBJECTS, TALKING

from desktop.relay.jetstream import StreamMismatch


async def test_every_example_is_stored_once_on_its_subject(
    relay: RunningRelay, js: JetStreamContext
) -> None:
    for name, payload in EXAMPLES.items():
        first = await relay.post(name, payload)
        assert first.status == 200, name
        again = await relay.post(name, dict(reversed(payload.items())))  # same content, redelivered
        assert again.status == 200, name
    assert await stream_count(js) == len(EXAMPLES)
    stored = {}
    for seq in range(1, len(EXAMPLES) + 1):
        message = await js.get_msg(NAMES.stream, seq)
        assert message.headers is not None
        stored[message.headers["Nats-Msg-Id"].split(":")[0]] = message.subject
    assert stored == SUBJECTS
    last = await js.get_last_msg(NAMES.stream, SUBJECTS["aviso_saldo"])
    assert json.loads(last.data) == EXAMPLES["aviso_saldo"]
    assert relay.metrics.published == len(EXAMPLES)
    assert relay.metrics.duplicates == len(EXAMPLES)
    _, metrics = await relay.get("/metrics")
    assert f"ramal_relay_published_total {len(EXAMPLES)}" in metrics
    assert f"ramal_relay_duplicates_total {len(EXAMPLES)}" in metrics
    assert f"ramal_relay_webhooks_received_total {2 * len(EXAMPLES)}" in metrics


async def test_board_follows_a_ramal_ringing_talking_free(
    relay: RunningRelay, js: JetStreamContext
) -> None:
    assert (await relay.post("status_tempo_real", RINGING)).status == 200
    await relay.flush()
    row = await board_row(js, "4000")
    assert row["estado"] == "ringing"
    assert row["com"] == "48988888888" and row["chamada_id"] == 37785949
    assert (await relay.post("status_tempo_real", TALKING)).status == 200
    await relay.flush()
    row = await board_row(js, "4000")
    assert row["estado"] == "talking"
    assert row["desde"] == "2019-09-06T13:48:31-03:00"  # 20 s after creation, 8 s of talk
    assert (await relay.post("status_tempo_real", ENDED)).status == 200
    await relay.flush()
    row = await board_row(js, "4000")
    assert row["estado"] == "free"
    assert row["desde"] == "2019-09-06T13:48:59-03:00"


async def test_late_events_do_not_step_the_board_back(
    relay: RunningRelay, js: JetStreamContext
) -> None:
    await relay.post("status_tempo_real", ENDED)
    await relay.post("status_tempo_real", TALKING)  # delivered after the end
    await relay.post("status_tempo_real", RINGING)
    await relay.flush()
    assert (await board_row(js, "4000"))["estado"] == "free"
    assert await stream_count(js) == 3  # every event is still in the stream


async def test_two_relays_side_by_side_store_each_event_once(
    relay: RunningRelay, js: JetStreamContext, nats_server: NatsServer
) -> None:
    runner, other = await run_relay(settings_for(nats_server.url))
    try:
        for payload in (RINGING, TALKING, ENDED):
            assert (await relay.post("status_tempo_real", payload)).status == 200
            assert (await other.post("status_tempo_real", payload)).status == 200
        assert await stream_count(js) == 3
        assert relay.metrics.published + other.metrics.published == 3
        assert relay.metrics.duplicates + other.metrics.duplicates == 3
        await relay.flush()
        await other.flush()
        assert (await board_row(js, "4000"))["estado"] == "free"
    finally:
        await other.http.close()
        await runner.cleanup()


async def test_a_foreign_stream_of_that_name_is_never_replaced(
    nats_server: NatsServer, js: JetStreamContext
) -> None:
    await js.add_stream(name=NAMES.stream, subjects=["something.else.>"])
    with pytest.raises(StreamMismatch):
        await run_relay(settings_for(nats_server.url))
    info = await js.stream_info(NAMES.stream)
    assert info.config.subjects == ["something.else.>"]


async def test_a_stream_gone_under_the_relay_is_a_503_not_a_2xx(
    relay: RunningRelay, js: JetStreamContext
) -> None:
    assert (await relay.post("aviso_saldo", EXAMPLES["aviso_saldo"])).status == 200
    await js.delete_stream(NAMES.stream)
    answer = await relay.post("status_tempo_real", RINGING)
    assert answer.status == 503
    assert relay.metrics.publish_errors == 1
    assert relay.metrics.published == 1


async def test_concurrent_deliveries_each_get_their_own_ack(
    relay: RunningRelay, js: JetStreamContext
) -> None:
    payloads = [{**RINGING, "id": 1000 + n} for n in range(40)]
    answers = await asyncio.gather(*(relay.post("status_tempo_real", p) for p in payloads))
    assert [a.status for a in answers] == [200] * 40
    again = await asyncio.gather(*(relay.post("status_tempo_real", p) for p in payloads[:10]))
    assert [await a.json() for a in again] == [{"ok": True, "duplicado": True}] * 10
    assert await stream_count(js) == 40
    assert relay.metrics.published == 40 and relay.metrics.duplicates == 10
