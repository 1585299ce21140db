"""Where the live board gets its data: the ``LiveFeed`` interface and its polling version.

A feed delivers :class:`~desktop.core.board.Changes` to its listeners, only
when something changed. :class:`PollingFeed` reads the report endpoints on an adaptive
interval (fast while calls are live, slow when idle, backing off on errors), with never
more than one request in flight per endpoint. A push feed (webhook events relayed by a
server: "Status Tempo Real" carries the Chamada object, "Eventos em Tempo Real de Ramal"
a ramal leg) can implement the same interface by feeding calls to :class:`LiveTracker`;
the widgets only see ``LiveFeed``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from desktop.api.errors import ApiError, RamalApiError
from desktop.api.models import Call, Pause, Ramal
from desktop.api.models.parsing import PROVIDER_TZ
from desktop.core.board import (
    Changes,
    Snapshot,
    board_record,
    derive,
    diff,
    is_live,
    open_pause,
)
from desktop.tasks import cancel_and_wait

__all__ = [
    "FeedListener",
    "FeedMode",
    "FeedSource",
    "FeedStatus",
    "FeedStatusKind",
    "LiveFeed",
    "LiveTracker",
    "PollTimings",
    "PollingFeed",
    "StatusListener",
]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
FeedListener = Callable[[Changes], None]


class FeedStatusKind(StrEnum):
    """Health of the feed."""

    STARTING = "starting"
    OK = "ok"
    ERROR = "error"
    STOPPED = "stopped"


class FeedMode(StrEnum):
    """How the board is fed: pushed by the relay or polled from the API."""

    PUSH = "push"
    POLLING = "polling"


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """Health of the feed plus what the user needs to know about it."""

    kind: FeedStatusKind
    error: RamalApiError | None = None
    next_in: float = 0.0
    updated_at: datetime | None = None
    mode: FeedMode = FeedMode.POLLING


StatusListener = Callable[[FeedStatus], None]


class LiveFeed(Protocol):
    """A source of board changes; polling today, pushed events tomorrow."""

    def subscribe(self, on_changes: FeedListener, on_status: StatusListener | None = None) -> None:
        """Deliver changes (and health) to these callables."""

    def start(self) -> None:
        """Begin delivering (inside a running asyncio loop)."""

    def stop(self) -> None:
        """Stop delivering; pending requests are cancelled."""

    async def aclose(self) -> None:
        """Stop, and return once the pending requests have ended."""

    def refresh(self) -> None:
        """Fetch now instead of waiting for the next turn."""

    @property
    def snapshot(self) -> Snapshot | None:
        """The last state delivered."""


class FeedSource(Protocol):
    """The report endpoints the polling feed reads."""

    async def ramais(self) -> Sequence[Ramal]:
        """Every ramal of the account."""

    async def calls(self, since: datetime, until: datetime) -> Sequence[Call]:
        """Calls created in the window (every page)."""

    async def pauses(
        self, ramal_id: int | str, since: datetime, until: datetime
    ) -> Sequence[Pause]:
        """Pauses of one ramal started in the window."""


@dataclass(frozen=True, slots=True)
class PollTimings:
    """Seconds between polls and how other endpoints are paced."""

    fast: float = 2.0
    slow: float = 8.0
    max_backoff: float = 60.0
    ramais_every: float = 60.0
    pause_batch: int = 8
    overlap: float = 120.0


class LiveTracker:
    """Holds the inputs of the board and turns them into snapshots and changes."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.day: datetime | None = None
        self.ramais: list[Ramal] = []
        self.calls: dict[int | str, Call] = {}
        self.pauses: dict[int | str, list[Pause]] = {}
        self.snapshot: Snapshot | None = None

    def start_of_day(self, at: datetime) -> datetime:
        """Midnight of ``at``'s day in the provider's time zone."""
        local = at.astimezone(PROVIDER_TZ)
        return datetime.combine(local.date(), time(0), tzinfo=PROVIDER_TZ)

    def roll_day(self, at: datetime) -> bool:
        """Forget yesterday's calls and pauses at midnight; True when the day changed."""
        day = self.start_of_day(at)
        if self.day == day:
            return False
        self.day = day
        self.calls.clear()
        self.pauses.clear()
        return True

    def put_calls(self, calls: Sequence[Call]) -> None:
        """Add or replace calls (a report page, or one pushed "Status Tempo Real" call).

        Finished calls are kept as :func:`board_record`: the day's calls add up.
        """
        for call in calls:
            self.calls[call.id] = call if is_live(call) else board_record(call)

    def live_calls(self) -> list[Call]:
        """Calls still in progress."""
        return [c for c in self.calls.values() if is_live(c)]

    def paused_ids(self, at: datetime) -> list[int | str]:
        """Ramais whose last known pause is still open."""
        return [k for k, v in self.pauses.items() if open_pause(v, at) is not None]

    def update(self) -> Changes:
        """A fresh snapshot and what changed since the last one."""
        at = self._clock()
        new = derive(self.ramais, self.calls.values(), self.pauses, at, self.snapshot)
        changes = diff(self.snapshot, new)
        self.snapshot = new
        return changes


@dataclass
class _Listeners:
    changes: list[FeedListener] = field(default_factory=list)
    status: list[StatusListener] = field(default_factory=list)


class PollingFeed:
    """Polls the call report (and, paced, the ramal list and pauses) and emits changes."""

    def __init__(
        self,
        source: FeedSource,
        *,
        clock: Clock,
        timings: PollTimings | None = None,
    ) -> None:
        self._source = source
        self._clock = clock
        self.timings = timings or PollTimings()
        self._tracker = LiveTracker(clock)
        self._listeners = _Listeners()
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._ramais_at: datetime | None = None
        self._pause_cursor = 0
        self._failures = 0
        self._last_status: FeedStatus = FeedStatus(FeedStatusKind.STOPPED)
        self.polls = 0

    @property
    def snapshot(self) -> Snapshot | None:
        """The last state delivered."""
        return self._tracker.snapshot

    @property
    def status(self) -> FeedStatus:
        """The last health reported."""
        return self._last_status

    def subscribe(self, on_changes: FeedListener, on_status: StatusListener | None = None) -> None:
        """Deliver changes (and health) to these callables."""
        self._listeners.changes.append(on_changes)
        if on_status is not None:
            self._listeners.status.append(on_status)

    def start(self) -> None:
        """Begin polling on the running loop."""
        if self._task is None or self._task.done():
            self._wake = asyncio.Event()
            self._task = asyncio.ensure_future(self._run())

    def stop(self) -> None:
        """Cancel the loop and any request in flight."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._report(FeedStatus(FeedStatusKind.STOPPED, updated_at=self._clock()))

    async def aclose(self) -> None:
        """Stop, and return once the request in flight has ended."""
        task = self._task
        self.stop()
        await cancel_and_wait(task)

    def refresh(self) -> None:
        """Poll now."""
        self._wake.set()

    @property
    def running(self) -> bool:
        """True while the loop runs."""
        return self._task is not None and not self._task.done()

    def next_interval(self) -> float:
        """Seconds until the next poll: back-off after errors, else fast or slow."""
        t = self.timings
        if self._failures:
            return float(min(t.max_backoff, t.fast * 2.0**self._failures))
        if self._tracker.live_calls():
            return t.fast
        return t.slow

    async def poll_once(self) -> Changes:
        """One poll: today's calls (incremental window), ramais and pauses when due."""
        at = self._clock()
        tracker = self._tracker
        new_day = tracker.roll_day(at)
        assert tracker.day is not None
        if new_day or self._ramais_due(at):
            tracker.ramais = list(await self._source.ramais())
            self._ramais_at = at
        since = self._calls_since(at, tracker.day)
        # A little future in the window covers a server clock ahead of ours.
        until = at + timedelta(minutes=5)
        calls_task = asyncio.ensure_future(self._source.calls(since, until))
        pauses_task = asyncio.ensure_future(self._poll_pauses(at, tracker.day))
        try:
            calls, pauses = await asyncio.gather(calls_task, pauses_task)
        except BaseException:
            for task in (calls_task, pauses_task):
                task.cancel()
            raise
        tracker.put_calls(calls)
        tracker.pauses.update(pauses)
        self.polls += 1
        return tracker.update()

    def _ramais_due(self, at: datetime) -> bool:
        if self._ramais_at is None or not self._tracker.ramais:
            return True
        return (at - self._ramais_at).total_seconds() >= self.timings.ramais_every

    def _calls_since(self, at: datetime, day: datetime) -> datetime:
        # Finished calls do not change: re-read only recent ones and those still live.
        tracker = self._tracker
        if not tracker.calls:
            return day
        live = [c.data_criacao for c in tracker.live_calls() if c.data_criacao is not None]
        since = at - timedelta(seconds=self.timings.overlap)
        return max(day, min([since, *live]))

    async def _poll_pauses(self, at: datetime, day: datetime) -> dict[int | str, list[Pause]]:
        """Pauses of the open-pause ramais plus a rotating batch; one request at a time."""
        ids = [r.id for r in self._tracker.ramais]
        if not ids:
            return {}
        wanted = list(dict.fromkeys(self._tracker.paused_ids(at)))
        batch = max(1, self.timings.pause_batch)
        for step in range(min(batch, len(ids))):
            candidate = ids[(self._pause_cursor + step) % len(ids)]
            if candidate not in wanted:
                wanted.append(candidate)
        self._pause_cursor = (self._pause_cursor + batch) % len(ids)
        found: dict[int | str, list[Pause]] = {}
        for ramal_id in wanted:
            found[ramal_id] = list(
                await self._source.pauses(ramal_id, day, at + timedelta(minutes=5))
            )
        return found

    async def _run(self) -> None:
        self._report(FeedStatus(FeedStatusKind.STARTING))
        while True:
            try:
                changes = await self.poll_once()
            except asyncio.CancelledError:
                raise
            except RamalApiError as error:
                self._failures += 1
                delay = self.next_interval()
                if isinstance(error, ApiError) and error.retry_after:
                    delay = max(delay, min(error.retry_after, self.timings.max_backoff))
                log.warning("live feed poll failed (%d in a row): %s", self._failures, error)
                self._report(FeedStatus(FeedStatusKind.ERROR, error, delay, self._clock()))
            else:
                self._failures = 0
                delay = self.next_interval()
                if changes:
                    for listener in list(self._listeners.changes):
                        listener(changes)
                self._report(FeedStatus(FeedStatusKind.OK, None, delay, self._clock()))
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)

    def _report(self, status: FeedStatus) -> None:
        self._last_status = status
        for listener in list(self._listeners.status):
            listener(status)
