"""A console on the relay's push and one polling show the same rows for the same traffic.

The relay starts mid-day (the sandbox has calls from the morning): its rows take today's
counters from one read of the call report, then follow the webhooks; the other party
("Com") comes from the call events even where a ramal event names no one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import aiohttp
from relay.relay_helpers import SECRET
from relay_stream import NatsProcess, relay_on
from supervisor_helpers import make_client

from desktop.api import ApiConfig, ApiHosts
from desktop.core.board import RamalCounts, RamalState, Snapshot
from desktop.core.board_stream import BoardStream, RelayTarget
from desktop.relay.events import RELAYED_WEBHOOKS
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import Clock
from desktop.supervisor.feed import PollingFeed, PollTimings
from desktop.supervisor.relay_feed import RelayFeed
from desktop.supervisor.sources import ClientSource

Row = tuple[RamalState, str, RamalCounts]


def _rows(snapshot: Snapshot | None) -> dict[str, Row]:
    if snapshot is None:
        return {}
    return {r.numero: (r.state, r.peer, r.counts) for r in snapshot.ramais.values()}


async def _control(session: aiohttp.ClientSession, base: str, path: str, body: object) -> int:
    async with session.post(f"{base}/_sandbox/{path}", json=body) as response:
        assert response.status == 200, await response.text()
        return int((await response.json()).get("chamada_id", 0))


async def _until_same(
    push: RelayFeed, polling: PollingFeed, settled: Callable[[dict[str, Row]], bool]
) -> None:
    try:
        async with asyncio.timeout(60):
            while True:
                pushed, polled = _rows(push.snapshot), _rows(polling.snapshot)
                if pushed == polled and settled(pushed):
                    return
                await asyncio.sleep(0.1)
    except TimeoutError:
        pushed, polled = _rows(push.snapshot), _rows(polling.snapshot)
        assert pushed == polled
        assert settled(pushed), pushed
        raise


async def test_push_and_polling_show_the_same_counters_peers_and_states(
    sandbox: SandboxThread, clock: Clock, tmp_path: Path
) -> None:
    nats_server = NatsProcess.fresh(tmp_path / "js")
    client = make_client(sandbox)
    base = sandbox.base_url
    try:
        async with aiohttp.ClientSession() as session:
            # The morning, before the relay: a call to 4001 nobody answered.
            missed = await _control(
                session, base, "ring", {"ramal": "4001", "numero": "48999990001"}
            )
            await _control(session, base, f"calls/{missed}/hangup", {})
            async with relay_on(
                [nats_server.url],
                api=ApiConfig(hosts=ApiHosts.single(base), max_retries=0),
                token=sandbox.token,
                poll_budget=6000,
                clock=clock,
            ) as relay:
                for name in RELAYED_WEBHOOKS:
                    await client.webhooks.set(name, f"{relay.base_url}/hooks/{SECRET}/{name}")
                source = ClientSource(client)
                fast = PollTimings(fast=0.2, slow=0.2, pause_batch=50)
                polling = PollingFeed(source, clock=clock, timings=fast)
                stream = BoardStream(RelayTarget([nats_server.url], "acme"), retry=0.5)
                fallback = PollingFeed(source, clock=clock, timings=fast)
                push = RelayFeed(stream, source, clock=clock, fallback=fallback)
                polling.start()
                push.start()
                try:
                    async with asyncio.timeout(30):
                        while polling.snapshot is None:
                            await asyncio.sleep(0.05)
                    before = _rows(polling.snapshot)
                    # Now: 4002 calls out and talks on ("Com" shows who), 4003 misses a call.
                    await _control(session, base, "settings", {"talk_ms": 600_000})
                    await client.chamadas.create("4002", "48999990002")
                    again = await _control(
                        session, base, "ring", {"ramal": "4003", "numero": "48999990003"}
                    )
                    await _control(session, base, f"calls/{again}/hangup", {})

                    def settled(rows: dict[str, Row]) -> bool:
                        state, peer, counts = rows.get("4002", (RamalState.UNKNOWN, "", None))
                        return (
                            state in (RamalState.RINGING, RamalState.TALKING)
                            and peer == "48999990002"
                            and counts == _more(before, "4002", made=1)
                            and rows["4003"][2] == _more(before, "4003", received=1, missed=1)
                        )

                    await _until_same(push, polling, settled)
                    rows = _rows(push.snapshot)
                    assert rows["4001"][2].missed >= 1  # counted before the relay started
                    assert rows["4003"][2].missed >= 1
                    assert any(c != RamalCounts() for _, _, c in rows.values())
                finally:
                    await push.aclose()
                    await polling.aclose()
    finally:
        await client.aclose()
        nats_server.stop()


def _more(
    before: dict[str, Row], numero: str, made: int = 0, received: int = 0, missed: int = 0
) -> RamalCounts:
    old = before[numero][2] if numero in before else RamalCounts()
    return RamalCounts(old.made + made, old.received + received, old.answered, old.missed + missed)
