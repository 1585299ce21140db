"""The polling feed against the sandbox: transitions, no duplicates, back-off, recovery."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

import pytest
from instants import INSTANTS
from supervisor_helpers import control, make_client

from desktop.api.models import Call, Pause, Ramal
from desktop.core.board import Changes, RamalState
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import Clock
from desktop.supervisor.feed import FeedStatus, FeedStatusKind, PollingFeed, PollTimings
from desktop.supervisor.sources import ClientSource


def row_of(feed: PollingFeed, numero: str) -> RamalState:
    assert feed.snapshot is not None
    return next(r for r in feed.snapshot.ramais.values() if r.numero == numero).state


async def test_state_transitions_appear_within_one_poll(
    sandbox: SandboxThread, clock: Clock
) -> None:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    async with make_client(sandbox) as client:
        feed = PollingFeed(ClientSource(client), clock=clock)
        first = await feed.poll_once()
        assert len(first.ramais) == 10
        assert row_of(feed, "4001") is not RamalState.RINGING
        call_id = await client.chamadas.create("4001", "48999990000")
        changes = await feed.poll_once()
        assert row_of(feed, "4001") is RamalState.RINGING
        assert [c.id for c in changes.calls] == [call_id]
        assert feed.next_interval() == feed.timings.fast
        control(sandbox, f"/_sandbox/calls/{call_id}/answer")
        await feed.poll_once()
        assert row_of(feed, "4001") is RamalState.TALKING
        control(sandbox, f"/_sandbox/calls/{call_id}/hangup")
        changes = await feed.poll_once()
        assert row_of(feed, "4001") is RamalState.FREE
        assert changes.calls_removed == (call_id,)
        assert feed.next_interval() == feed.timings.slow
        quiet = await feed.poll_once()
        assert not quiet  # nothing changed: nothing to emit


async def test_open_pause_shows_paused_since_its_start(
    sandbox: SandboxThread, clock: Clock
) -> None:
    store = sandbox.server.store if sandbox.server else None
    assert store is not None
    ramal = store.ramal_by_number("4003")
    assert ramal is not None
    started = clock()
    store.start_pause(ramal.id, "1", started)
    async with make_client(sandbox) as client:
        feed = PollingFeed(ClientSource(client), clock=clock, timings=PollTimings(pause_batch=10))
        await feed.poll_once()
        assert feed.snapshot is not None
        row = feed.snapshot.ramais[ramal.id]
        assert row.state is RamalState.PAUSED
        assert row.since is not None and abs((row.since - started).total_seconds()) < 1.5
        store.end_pauses(ramal.id, None, clock())
        await feed.poll_once()  # open pauses are re-read on every poll
        assert feed.snapshot.ramais[ramal.id].state is RamalState.FREE


async def test_traffic_moves_the_board_without_duplicate_rows(
    sandbox: SandboxThread, clock: Clock
) -> None:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": 300})
    control(sandbox, "/_sandbox/traffic", {"running": True, "interval_ms": 250})
    seen_states: set[RamalState] = set()
    updates: list[Changes] = []
    try:
        async with make_client(sandbox) as client:
            feed = PollingFeed(
                ClientSource(client), clock=clock, timings=PollTimings(fast=0.2, slow=0.2)
            )
            feed.subscribe(updates.append)
            feed.start()
            for _ in range(40):
                await asyncio.sleep(0.1)
                if feed.snapshot is not None:
                    seen_states |= {r.state for r in feed.snapshot.ramais.values()}
                if {RamalState.TALKING, RamalState.RINGING} <= seen_states:
                    break
            feed.stop()
    finally:
        control(sandbox, "/_sandbox/traffic", {"running": False})
    assert RamalState.TALKING in seen_states or RamalState.RINGING in seen_states
    assert updates and all(updates)  # only non-empty changes are emitted
    for update in updates:
        ids = [r.id for r in update.ramais]
        assert len(ids) == len(set(ids))
        assert len(update.snapshot.ramais) == 10
        live_ramais = [r.numero for r in update.snapshot.ramais.values() if r.call_id]
        assert len(live_ramais) == len(set(live_ramais))


async def test_backs_off_on_5xx_and_recovers(sandbox: SandboxThread, clock: Clock) -> None:
    statuses: list[FeedStatus] = []
    async with make_client(sandbox) as client:
        feed = PollingFeed(
            ClientSource(client),
            clock=clock,
            timings=PollTimings(fast=0.05, slow=0.05, max_backoff=0.3),
        )
        await feed.poll_once()
        control(
            sandbox,
            "/_sandbox/faults",
            {"method": "GET", "path": "/chamada/relatorio", "status": 500, "count": 4},
        )
        feed.subscribe(lambda _c: None, statuses.append)
        feed.start()
        for _ in range(60):
            await asyncio.sleep(0.05)
            if statuses and statuses[-1].kind is FeedStatusKind.OK:
                break
        feed.stop()
    control(sandbox, "/_sandbox/faults", method="DELETE")
    errors = [s for s in statuses if s.kind is FeedStatusKind.ERROR]
    assert len(errors) == 4
    assert [s.next_in for s in errors] == [0.1, 0.2, 0.3, 0.3]  # doubled, capped
    assert errors[0].error is not None and errors[0].error.status == 500
    assert errors[0].error.user_message().strip()
    ok = [s for s in statuses if s.kind is FeedStatusKind.OK]
    assert ok and ok[-1].next_in == 0.05  # back to the normal pace after recovery


class CountingSource:
    """Wraps a source and records the most requests in flight per endpoint."""

    def __init__(self, inner: ClientSource) -> None:
        self.inner = inner
        self.in_flight: dict[str, int] = {}
        self.peak: dict[str, int] = {}

    async def _count(self, name: str, start: Callable[[], Awaitable[object]]) -> object:
        self.in_flight[name] = self.in_flight.get(name, 0) + 1
        self.peak[name] = max(self.peak.get(name, 0), self.in_flight[name])
        try:
            await asyncio.sleep(0.01)
            return await start()
        finally:
            self.in_flight[name] -= 1

    async def ramais(self) -> Sequence[Ramal]:
        result = await self._count("ramais", self.inner.ramais)
        assert isinstance(result, list)
        return result

    async def calls(self, since: datetime, until: datetime) -> Sequence[Call]:
        result = await self._count("calls", lambda: self.inner.calls(since, until))
        assert isinstance(result, list)
        return result

    async def pauses(
        self, ramal_id: int | str, since: datetime, until: datetime
    ) -> Sequence[Pause]:
        result = await self._count("pauses", lambda: self.inner.pauses(ramal_id, since, until))
        assert isinstance(result, list)
        return result


async def test_never_more_than_one_request_per_endpoint(
    sandbox: SandboxThread, clock: Clock
) -> None:
    async with make_client(sandbox) as client:
        source = CountingSource(ClientSource(client))
        feed = PollingFeed(source, clock=clock, timings=PollTimings(fast=0.01, slow=0.01))
        feed.start()
        for _ in range(100):
            feed.refresh()
            await asyncio.sleep(0.05)
            if feed.polls >= 3:
                break
        feed.stop()
    assert feed.polls >= 2
    assert source.peak == {"ramais": 1, "calls": 1, "pauses": 1}


@pytest.mark.parametrize("instant", INSTANTS.values(), ids=INSTANTS.keys())
async def test_incremental_window_reads_only_recent_calls(
    sandbox: SandboxThread, clock: Clock, instant: datetime
) -> None:
    windows: list[tuple[datetime, datetime]] = []
    async with make_client(sandbox) as client:
        inner = ClientSource(client)

        class Recording(ClientSource):
            async def calls(self, since: datetime, until: datetime) -> Sequence[Call]:
                windows.append((since, until))
                return await inner.calls(since, until)

        feed = PollingFeed(Recording(client), clock=clock)
        await feed.poll_once()
        await feed.poll_once()
        assert feed.snapshot is not None
        rows = feed.snapshot.ramais.values()
        assert sum(r.counts.made + r.counts.received for r in rows) > 0  # today has calls
        assert any(r.state is not RamalState.UNKNOWN for r in rows)  # not "No activity today"
    first, second = windows
    assert first[0] == instant.replace(hour=0, minute=0)  # the whole day first
    at = second[1] - timedelta(minutes=5)  # the window reaches 5 minutes ahead
    overlap = timedelta(seconds=feed.timings.overlap)
    assert second[0] == max(first[0], at - overlap)  # then only the recent window
