"""Requests from the consoles to the relay: raised hands, coach status, pushed pauses."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import nats
import pytest
from instants import NOON
from nats.aio.client import Client as NatsClient
from nats.js import JetStreamContext
from nats.js.errors import KeyNotFoundError
from relay_helpers import NAMES, NatsServer, RunningRelay, board_row, run_relay, settings_for

from desktop.api.models import Pause, Ramal
from desktop.core.support import CoachMode, Support, support_key
from desktop.relay.poller import Poller
from desktop.relay.server import STATE


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock(NOON)


@pytest.fixture
async def desk_relay(nats_server: NatsServer, clock: Clock) -> AsyncIterator[RunningRelay]:
    settings = settings_for(nats_server.url, clock=clock, coach_sweep=0, coach_timeout=120)
    runner, running = await run_relay(settings)
    yield running
    await running.http.close()
    await runner.cleanup()


@pytest.fixture
async def hidden_relay(nats_server: NatsServer, clock: Clock) -> AsyncIterator[RunningRelay]:
    settings = settings_for(nats_server.url, clock=clock, coach_sweep=0, hide_silent_listening=True)
    runner, running = await run_relay(settings)
    yield running
    await running.http.close()
    await runner.cleanup()


@pytest.fixture
async def nc(nats_server: NatsServer) -> AsyncIterator[NatsClient]:
    client = await nats.connect(nats_server.url)
    yield client
    await client.drain()


async def ask(nc: NatsClient, subject: str, body: object) -> dict[str, Any]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    msg = await nc.request(subject, data, timeout=5)
    reply: dict[str, Any] = json.loads(msg.data)
    return reply


async def stored_support(js: JetStreamContext, ramal: str) -> Support | None:
    kv = await js.key_value(NAMES.bucket)
    try:
        entry = await kv.get(support_key(ramal))
    except KeyNotFoundError:
        return None
    return Support.decode(entry.value or b"")


async def messages(js: JetStreamContext, subject: str) -> int:
    info = await js.stream_info(NAMES.stream, subjects_filter=subject)
    return (info.state.subjects or {}).get(subject, 0)


def agent(kind: str, ramal: str = "4001") -> str:
    return NAMES.agent_request(ramal, kind)


HOSTILE: list[tuple[str, bytes, str]] = [
    (NAMES.agent_request("4001", "mao"), b"not json", "json"),
    (NAMES.agent_request("4001", "mao"), b'{"levantada": "yes"}', "campos"),
    (NAMES.agent_request("4001", "mao"), b'{"levantada": true, "extra": 1}', "campos"),
    (NAMES.agent_request("4001", "mao"), b'{"levantada": true, "ramal": "4002"}', "ramal"),
    (NAMES.agent_request("4001", "mao"), b'{"levantada": true, "id": "a b"}', "id"),
    (
        NAMES.agent_request("4001", "mao"),
        b'{"levantada": true, "x": "' + b"a" * 5000 + b'"}',
        "tamanho",
    ),
    (NAMES.agent_request("4001", "voar"), b"{}", "subject"),
    (NAMES.agent_request("40.01", "mao"), b'{"levantada": true}', "subject"),
    (
        NAMES.agent_request("4001", "pausa"),
        b'{"pausado": true, "motivo": "' + b"x" * 81 + b'"}',
        "motivo",
    ),
    (
        NAMES.supervisor_request("escuta"),
        b'{"supervisor": "Ana", "ramal": "4001", "chamada_id": 5, "modo": 7}',
        "modo",
    ),
    (
        NAMES.supervisor_request("escuta"),
        b'{"supervisor": "", "ramal": "4001", "chamada_id": 5, "modo": 1}',
        "supervisor",
    ),
    (NAMES.supervisor_request("ciente"), b'{"supervisor": "Ana", "ramal": "4001"}', "sem_mao"),
    ("pedido.outra.ramal.4001.mao", b'{"levantada": true}', "subject"),
]


async def test_hostile_or_malformed_requests_are_refused_and_publish_nothing(
    desk_relay: RunningRelay, nc: NatsClient, js: JetStreamContext
) -> None:
    before = (await js.stream_info(NAMES.stream)).state.messages
    for subject, body, reason in HOSTILE:
        if subject.startswith("pedido.outra"):
            continue  # no relay answers another account
        assert await ask(nc, subject, body) == {"ok": False, "motivo": reason}, subject
    assert (await js.stream_info(NAMES.stream)).state.messages == before
    assert await stored_support(js, "4001") is None
    assert desk_relay.metrics.requests_refused["campos"] == 2
    assert 'ramal_relay_requests_refused_total{reason="json"} 1' in desk_relay.metrics.render()


async def test_requests_are_not_stored_in_the_stream(
    desk_relay: RunningRelay, nc: NatsClient, js: JetStreamContext
) -> None:
    reply = await ask(nc, agent("mao"), {"levantada": True, "id": "r1"})
    assert reply["ok"] is True
    info = await js.stream_info(NAMES.stream, subjects_filter=">")
    assert not any(s.startswith("pedido.") for s in info.state.subjects or {})


async def test_raise_hand_acknowledge_and_lower(
    desk_relay: RunningRelay, nc: NatsClient, js: JetStreamContext, clock: Clock
) -> None:
    heard = await nc.subscribe(NAMES.support("4001"))
    reply = await ask(nc, agent("mao"), {"levantada": True, "id": "h1"})
    assert reply["ok"] is True and reply["apoio"]["mao"]["desde"] == NOON.isoformat()
    stored = await stored_support(js, "4001")
    assert stored is not None and stored.hand is not None and stored.hand.since == NOON
    event = Support.decode((await heard.next_msg(5)).data)
    assert event is not None and event.hand is not None and not event.hand.seen_by
    # a second raise changes nothing (the hand keeps its time)
    clock.at = NOON + timedelta(seconds=30)
    await ask(nc, agent("mao"), {"levantada": True, "id": "h2"})
    again = await stored_support(js, "4001")
    assert again is not None and again.hand is not None and again.hand.since == NOON

    clock.at = NOON + timedelta(minutes=2)
    seen = await ask(nc, NAMES.supervisor_request("ciente"), {"supervisor": "Ana", "ramal": "4001"})
    assert seen["apoio"]["mao"]["ciente"] == "Ana"
    event = Support.decode((await heard.next_msg(5)).data)
    assert event is not None and event.hand is not None
    assert event.hand.seen_by == "Ana" and event.hand.seen_at == clock.at

    await ask(nc, agent("mao"), {"levantada": False, "id": "h3"})
    lowered = await stored_support(js, "4001")
    assert lowered is not None and lowered.hand is None


async def test_coach_status_starts_and_clears_when_the_supervisor_leaves(
    desk_relay: RunningRelay, nc: NatsClient, js: JetStreamContext
) -> None:
    heard = await nc.subscribe(NAMES.support("4001"))
    start = {"supervisor": "Ana", "ramal": "4001", "chamada_id": 77, "modo": 2, "id": "c1"}
    reply = await ask(nc, NAMES.supervisor_request("escuta"), start)
    assert reply["apoio"]["escuta"]["modo"] == 2
    event = Support.decode((await heard.next_msg(5)).data)
    assert event is not None and event.coach is not None
    assert (event.coach.supervisor, event.coach.mode) == ("Ana", CoachMode.WHISPER)
    await ask(nc, NAMES.supervisor_request("escuta"), {**start, "modo": 0, "id": "c2"})
    event = Support.decode((await heard.next_msg(5)).data)
    assert event is not None and event.coach is None


def _ramal_leg(call_id: int, start: datetime, *, live: bool) -> dict[str, Any]:
    """A ``ramal_tempo_real`` payload of ramal 9000 on call ``call_id`` started at ``start``."""
    return {
        "id": str(call_id),
        "ramal": "9000",
        "tipo": "ramal",
        "status": "atendida",
        "ativo": live,
        "data_criacao": start.isoformat(),
        "data_atendimento": start.isoformat(),
        "duracao_segundos": 5 if live else 90,
        "duracao_falada_segundos": 3 if live else 80,
    }


async def test_coach_status_clears_when_the_call_ends_by_webhook(
    desk_relay: RunningRelay, nc: NatsClient, js: JetStreamContext, clock: Clock
) -> None:
    started = NOON - timedelta(seconds=10)
    assert (await desk_relay.post("ramal_tempo_real", _ramal_leg(501, started, live=True))).ok
    await desk_relay.flush()
    assert (await board_row(js, "9000"))["estado"] == "talking"
    start = {"supervisor": "Ana", "ramal": "9000", "chamada_id": "501", "modo": 3}
    await ask(nc, NAMES.supervisor_request("escuta"), start)
    # A late delivery of the ramal's previous call (ended an hour ago) changes nothing.
    earlier = _ramal_leg(500, NOON - timedelta(hours=1), live=False)
    assert (await desk_relay.post("ramal_tempo_real", earlier)).ok
    await asyncio.sleep(0.3)
    coached = await stored_support(js, "9000")
    assert coached is not None and coached.coach is not None
    # The coached call's end clears it.
    clock.at = NOON + timedelta(seconds=80)
    assert (await desk_relay.post("ramal_tempo_real", _ramal_leg(501, started, live=False))).ok
    for _ in range(50):
        cleared = await stored_support(js, "9000")
        if cleared is not None and cleared.coach is None:
            break
        await asyncio.sleep(0.05)
    assert cleared is not None and cleared.coach is None


async def test_coach_status_expires_when_not_renewed(
    desk_relay: RunningRelay, nc: NatsClient, js: JetStreamContext, clock: Clock
) -> None:
    desk = desk_relay.app[STATE].support
    assert desk is not None
    start = {"supervisor": "Ana", "ramal": "4001", "chamada_id": 77, "modo": 1}
    await ask(nc, NAMES.supervisor_request("escuta"), start)
    clock.at = NOON + timedelta(seconds=100)
    await ask(nc, NAMES.supervisor_request("escuta"), start)  # renewed: same start
    renewed = await stored_support(js, "4001")
    assert renewed is not None and renewed.coach is not None and renewed.coach.since == NOON
    clock.at = NOON + timedelta(seconds=200)
    assert await desk.sweep() == 0  # renewed at 100 s: good until 220 s
    clock.at = NOON + timedelta(seconds=221)
    assert await desk.sweep() == 1
    gone = await stored_support(js, "4001")
    assert gone is not None and gone.coach is None


async def test_hidden_silent_listening_reaches_supervisors_not_the_agent(
    hidden_relay: RunningRelay, nc: NatsClient, js: JetStreamContext
) -> None:
    heard = await nc.subscribe(NAMES.support("4001"))
    start = {"supervisor": "Ana", "ramal": "4001", "chamada_id": 77, "modo": 1}
    reply = await ask(nc, NAMES.supervisor_request("escuta"), start)
    assert reply["apoio"]["escuta"]["modo"] == 1  # the supervisor sees it
    stored = await stored_support(js, "4001")
    assert stored is not None and stored.coach is not None  # so does the board
    state = await ask(nc, agent("estado"), {})
    assert state["apoio"]["escuta"] is None  # the agent does not
    with pytest.raises(nats.errors.TimeoutError):
        await heard.next_msg(0.5)
    assert await messages(js, NAMES.support("4001")) == 0
    # whisper is always told
    await ask(nc, NAMES.supervisor_request("escuta"), {**start, "modo": 2})
    event = Support.decode((await heard.next_msg(5)).data)
    assert event is not None and event.coach is not None and event.coach.mode == 2


class OnePause:
    """The provider's pause report: the agent's pause, stamped by the provider's clock."""

    def __init__(self) -> None:
        self.ramal = Ramal(id=11, ramal="4001", login="ana")
        self.reported: list[Pause] = []

    async def ramais(self, today: datetime) -> list[Ramal]:
        return [self.ramal]

    async def pauses(self, ramal_id: int | str, since: datetime, until: datetime) -> list[Pause]:
        return list(self.reported)


async def test_a_pause_pushed_by_the_agent_shows_at_once_and_the_poll_changes_nothing(
    desk_relay: RunningRelay, nc: NatsClient, js: JetStreamContext, clock: Clock
) -> None:
    relay = desk_relay.app[STATE].relay
    assert relay is not None
    source = OnePause()
    poller = Poller(source, relay, clock)
    await poller.poll_once()  # the ramal list, no pause yet
    await desk_relay.flush()

    reply = await ask(nc, agent("pausa"), {"pausado": True, "motivo": "Lanche", "id": "p1"})
    assert reply["ok"] is True
    await desk_relay.flush()
    row = await board_row(js, "4001")
    assert (row["estado"], row["desde"]) == ("paused", NOON.isoformat())
    kv = await js.key_value(NAMES.bucket)
    revision = (await kv.get("4001")).revision
    assert await messages(js, NAMES.ramal("4001")) == 2  # the ramal, then the pushed pause

    # The provider's clock is 40 s ahead: the poll brings the same pause.
    clock.at = NOON + timedelta(seconds=50)
    source.reported = [Pause(NOON + timedelta(seconds=40), None, None)]
    await poller.poll_once()
    await desk_relay.flush()
    assert (await kv.get("4001")).revision == revision
    assert (await board_row(js, "4001"))["desde"] == NOON.isoformat()

    # Back to work in the app; the provider's end is a little later, the poll agrees.
    clock.at = NOON + timedelta(minutes=10)
    await ask(nc, agent("pausa"), {"pausado": False, "id": "p2"})
    await desk_relay.flush()
    row = await board_row(js, "4001")
    assert (row["estado"], row["desde"]) == ("free", clock.at.isoformat())
    revision = (await kv.get("4001")).revision
    clock.at = NOON + timedelta(minutes=10, seconds=20)
    source.reported = [
        Pause(NOON + timedelta(seconds=40), NOON + timedelta(minutes=10, seconds=5), 565)
    ]
    await poller.poll_once()
    await desk_relay.flush()
    assert (await kv.get("4001")).revision == revision
