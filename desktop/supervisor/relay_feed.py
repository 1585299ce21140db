"""The push ``LiveFeed``: the relay's board over NATS, polling only while the relay is away.

Board rows come from :class:`~desktop.core.board_stream.BoardStream`; pauses reach the
board through the relay (it polls them once for the account). When the relay cannot be
reached the feed starts its :class:`PollingFeed` and says so in its status
(:attr:`FeedMode.POLLING`); when the relay answers again the stream resumes after the
last sequence it delivered and polling stops, so the board neither misses nor repeats a
change.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from desktop.api.errors import RamalApiError
from desktop.api.models import Ramal
from desktop.api.models.parsing import parse_id, parse_str
from desktop.core.board import (
    CallPhase,
    Changes,
    LiveCall,
    RamalCounts,
    RamalLive,
    RamalState,
    Snapshot,
    diff,
)
from desktop.core.board_rows import BoardRow
from desktop.core.board_stream import (
    Away,
    BoardSnapshot,
    BoardStream,
    Live,
    RelayEvent,
    RelayItem,
    RelayTarget,
    RowChanged,
    SupportChanged,
)
from desktop.core.support import Support
from desktop.supervisor.feed import (
    FeedListener,
    FeedMode,
    FeedSource,
    FeedStatus,
    FeedStatusKind,
    PollingFeed,
    StatusListener,
)
from desktop.tasks import cancel_and_wait

__all__ = ["EventListener", "RelayFeed", "snapshot_from_rows"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
EventListener = Callable[[RelayEvent], None]


def _tags(text: str | None) -> tuple[str, ...]:
    return tuple(t.strip() for t in (text or "").replace(";", ",").split(",") if t.strip())


def snapshot_from_rows(
    rows: dict[str, BoardRow],
    roster: dict[str, Ramal],
    counts: dict[str, RamalCounts],
    at: datetime,
    support: dict[str, Support] | None = None,
) -> Snapshot:
    """The board from the relay's rows (by ramal number), support records and the ramal list.

    A row carries its ramal's counters of the day; ``counts`` (from polling while the
    relay was away) serves ramais the relay has no row for.
    """
    support = support or {}
    ramais: dict[int | str, RamalLive] = {}
    calls: dict[int | str, LiveCall] = {}
    for numero in dict.fromkeys([*roster, *rows, *support]):
        ramal = roster.get(numero)
        row = rows.get(numero)
        record = support.get(numero)
        key: int | str = ramal.id if ramal is not None else numero
        live = RamalLive(
            id=key,
            numero=numero,
            login=(ramal.login or "") if ramal is not None else "",
            tags=_tags(ramal.tags) if ramal is not None else (),
            state=row.state if row is not None else RamalState.UNKNOWN,
            since=row.since if row is not None else None,
            peer=row.peer if row is not None else "",
            call_id=row.chamada_id if row is not None else None,
            counts=row.counts if row is not None else counts.get(numero, RamalCounts()),
            hand=record.hand if record is not None else None,
            coach=record.coach if record is not None else None,
        )
        ramais[key] = live
        if row is not None and row.in_call and row.chamada_id is not None:
            calls.setdefault(
                row.chamada_id,
                LiveCall(
                    id=row.chamada_id,
                    origem=row.peer,
                    destino=numero,
                    ramal=numero,
                    origem_status="",
                    destino_status="",
                    phase=CallPhase.TALKING
                    if row.state is RamalState.TALKING
                    else CallPhase.RINGING,
                    since=row.since or at,
                ),
            )
    return Snapshot(at=at, ramais=ramais, calls=calls)


class RelayFeed:
    """A :class:`~desktop.supervisor.feed.LiveFeed` pushed by the relay, polling as fallback."""

    def __init__(
        self,
        stream: BoardStream,
        source: FeedSource,
        *,
        clock: Clock,
        fallback: PollingFeed | None = None,
        settle: float = 0.05,
    ) -> None:
        self._stream = stream
        self._source = source
        self._clock = clock
        self.fallback = fallback or PollingFeed(source, clock=clock)
        self.fallback.subscribe(self._on_polled, self._on_polled_status)
        self._settle = settle
        self._changes: list[FeedListener] = []
        self._status: list[StatusListener] = []
        self._events: list[EventListener] = []
        self._rows: dict[str, BoardRow] = {}
        self._support: dict[str, Support] = {}
        self._roster: dict[str, Ramal] = {}
        self._counts: dict[str, RamalCounts] = {}
        self._snapshot: Snapshot | None = None
        self._task: asyncio.Task[None] | None = None
        self._flush: asyncio.TimerHandle | None = None
        self.mode = FeedMode.POLLING
        #: The relay was reached and then lost, or could not be reached (polling meanwhile).
        self.away = False
        self._pushing = False
        self.last_status = FeedStatus(FeedStatusKind.STOPPED)

    @property
    def snapshot(self) -> Snapshot | None:
        """The last state delivered."""
        return self._snapshot

    @property
    def stream_target(self) -> RelayTarget:
        """Where the feed connects."""
        return self._stream.target

    def subscribe(self, on_changes: FeedListener, on_status: StatusListener | None = None) -> None:
        """Deliver changes (and health) to these callables."""
        self._changes.append(on_changes)
        if on_status is not None:
            self._status.append(on_status)

    async def request(self, subject: str, body: dict[str, Any]) -> dict[str, Any]:
        """Send a request to the relay (coach status, acknowledging a hand)."""
        return await self._stream.request(subject, body)

    def subscribe_events(self, on_event: EventListener) -> None:
        """Deliver the relay's events (voicemail, balance, ramal list) to ``on_event``."""
        self._events.append(on_event)

    def start(self) -> None:
        """Connect to the relay on the running loop (polling until it answers)."""
        if self._task is None or self._task.done():
            self._report(FeedStatus(FeedStatusKind.STARTING, mode=self.mode))
            self._task = asyncio.ensure_future(self._run())

    def stop(self) -> None:
        """Stop following the relay and stop polling."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        self._pushing = False
        self.fallback.stop()
        self._report(FeedStatus(FeedStatusKind.STOPPED, mode=self.mode))

    async def aclose(self) -> None:
        """Stop, and return once the connection and any request have ended."""
        task = self._task
        self.stop()
        await cancel_and_wait(task)
        await self.fallback.aclose()

    def refresh(self) -> None:
        """Poll now while polling; pushed changes need no refresh."""
        if not self._pushing:
            self.fallback.refresh()

    async def _run(self) -> None:
        async for item in self._stream.items():
            self._take(item)
            if isinstance(item, BoardSnapshot) and not self._roster:
                await self._load_roster()

    async def _load_roster(self) -> None:
        # One read of the ramal list for names and tags; the relay publishes its changes.
        with contextlib.suppress(RamalApiError):
            for ramal in await self._source.ramais():
                if ramal.ramal:
                    self._roster[ramal.ramal] = ramal
            self._schedule()

    def _take(self, item: RelayItem) -> None:
        if isinstance(item, BoardSnapshot):
            self._rows = dict(item.rows)
            self._support = dict(item.support)
        elif isinstance(item, SupportChanged):
            self._support[item.support.ramal] = item.support
            self._schedule()
        elif isinstance(item, RowChanged):
            self._rows[item.row.ramal] = item.row
            self._schedule()
        elif isinstance(item, Live):
            self._pushing = True
            self.away = False
            self.mode = FeedMode.PUSH
            self.fallback.stop()
            self._schedule()
            self._report(FeedStatus(FeedStatusKind.OK, updated_at=self._clock(), mode=self.mode))
        elif isinstance(item, Away):
            log.info("relay away (%s): polling", item.reason)
            self._pushing = False
            self.away = True
            self.mode = FeedMode.POLLING
            if self._flush is not None:
                self._flush.cancel()
                self._flush = None
            self.fallback.start()
        elif isinstance(item, RelayEvent):
            self._event(item)

    def _event(self, event: RelayEvent) -> None:
        payload = event.payload
        if event.kind == "ramal" and payload.get("evento") == "ramal":
            numero = parse_str(payload.get("ramal")) or event.key
            ramal_id = parse_id(payload.get("id")) or numero
            self._roster[numero] = Ramal(
                id=ramal_id,
                ramal=numero,
                login=parse_str(payload.get("login")),
                tags=parse_str(payload.get("tags")),
            )
            self._schedule()
        for listener in list(self._events):
            listener(event)

    def _schedule(self) -> None:
        # A burst (the replay after a resume, say) becomes one delivery.
        if self._pushing and self._flush is None:
            self._flush = asyncio.get_running_loop().call_later(self._settle, self._deliver)

    def _deliver(self) -> None:
        self._flush = None
        if not self._pushing:
            return
        at = self._clock()
        new = snapshot_from_rows(self._rows, self._roster, self._counts, at, self._support)
        changes = diff(self._snapshot, new)
        self._snapshot = new
        if changes:
            for listener in list(self._changes):
                listener(changes)
        self._report(FeedStatus(FeedStatusKind.OK, updated_at=at, mode=self.mode))

    def _on_polled(self, changes: Changes) -> None:
        if self._pushing:
            return
        snapshot = changes.snapshot
        for live in snapshot.ramais.values():
            self._counts[live.numero] = live.counts
        # Deliver against what the console shows, whichever feed produced it.
        delivered = diff(self._snapshot, snapshot)
        self._snapshot = snapshot
        if delivered:
            for listener in list(self._changes):
                listener(delivered)

    def _on_polled_status(self, status: FeedStatus) -> None:
        if self._pushing or status.kind is FeedStatusKind.STOPPED:
            return
        self._report(
            FeedStatus(status.kind, status.error, status.next_in, status.updated_at, self.mode)
        )

    def _report(self, status: FeedStatus) -> None:
        self.last_status = status
        for listener in list(self._status):
            listener(status)
