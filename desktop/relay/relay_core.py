"""What happens to one event: stored in the stream once, then reflected on the board."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from desktop.api.models import Call, LegType, Pause, Ramal
from desktop.core.board import derive
from desktop.core.board_counts import DayCounts, start_of_day
from desktop.core.board_rows import BoardRow, rows_from_call
from desktop.relay.board_bucket import BoardBucket
from desktop.relay.events import EventKind, WebhookEvent
from desktop.relay.jetstream import EventStream
from desktop.relay.metrics import RelayMetrics

__all__ = ["Relay"]


class Relay:
    """Publishes events of one account and keeps its board.

    ``known_ramais`` (number → ramal) and ``pauses`` (number → today's pauses) come from
    the poller; a call's end shows an open pause once the call is over. ``day`` counts
    today's calls per ramal from the call events (a ramal event tells one leg, not who
    called whom); the poller seeds it from the call report at start and each new day.
    ``active`` (number → when) notes each ramal's latest call event.
    """

    def __init__(
        self,
        conta: str,
        stream: EventStream,
        board: BoardBucket,
        metrics: RelayMetrics,
        clock: Callable[[], datetime],
    ) -> None:
        self.conta = conta
        self.stream = stream
        self.board = board
        self.metrics = metrics
        self._clock = clock
        self.known_ramais: dict[str, Ramal] = {}
        self.pauses: dict[str, Sequence[Pause]] = {}
        self.day = DayCounts()
        self.active: dict[str, datetime] = {}
        self._today_until: tuple[datetime, datetime] | None = None
        self._numbers_of: tuple[dict[str, Ramal], dict[str, int | str]] = ({}, {})
        # Told the rows each event gives (the support desk ends a call's coach status).
        self.row_listeners: list[Callable[[Sequence[BoardRow]], None]] = []

    async def publish(self, event: WebhookEvent) -> bool:
        """Store ``event`` (False when it was a duplicate) and update the board from it."""
        stored = await self.stream.publish(event.subject(self.conta), event.body, event.msg_id)
        if event.call is not None:
            self.show(event.call, event.occurred, counted=event.kind is EventKind.CHAMADA)
        return stored

    def show(self, call: Call, occurred: datetime | None, *, counted: bool) -> None:
        """Reflect ``call`` on the board; ``counted`` adds it to today's counters.

        Even a duplicate is offered: a relay that missed the first copy catches up.
        """
        now = self._clock()
        if not self._today_until or not self._today_until[0] <= now < self._today_until[1]:
            today = start_of_day(now)
            self._today_until = (today, start_of_day(today + timedelta(hours=25)))
            if self.day.day != today:
                self.day.reset(today)
        if counted:
            self.day.put(call, self._numbers(call))
        rows = rows_from_call(call, occurred or now, self.known_ramais, self.pauses, self.day)
        for row in rows:
            self.active[row.ramal] = now
        self.board.offer_all(rows)
        for listener in self.row_listeners:
            listener(rows)

    def seed(self, calls: Iterable[Call], at: datetime) -> int:
        """Count today's calls so far (the call report) and offer every ramal's counters.

        A new day starts from zero. Rows are stamped with their own time (or midnight),
        so a newer row on the board keeps its state and takes only the counters.
        """
        today = start_of_day(at)
        if self.day.day != today:
            self.day.reset(today)
        calls = list(calls)
        for call in calls:
            self.day.put(call, self._numbers(call))
        ramais = list(self.known_ramais.values())
        known = {r.ramal for r in ramais}
        ramais += [Ramal(id=n, ramal=n) for n in self.day.numbers() if n not in known]
        pauses = {r.id: self.pauses.get(r.ramal or "", ()) for r in ramais}
        snapshot = derive(ramais, calls, pauses, at)
        rows = [
            BoardRow(
                ramal=live.numero,
                state=live.state,
                updated=live.since or today,
                since=live.since,
                peer=live.peer,
                chamada_id=live.call_id,
                counts=self.day.counts(live.numero),
            )
            for live in snapshot.ramais.values()
            if live.numero
        ]
        return self.board.offer_all(rows)

    def _numbers(self, call: Call) -> dict[str, int | str]:
        if self._numbers_of[0] is not self.known_ramais:  # the poller put a new list
            self._numbers_of = (self.known_ramais, {n: r.id for n, r in self.known_ramais.items()})
        numbers = self._numbers_of[1]
        extra = [
            leg.numero
            for leg in (call.origem, call.destino)
            if leg.numero and leg.tipo == LegType.RAMAL and leg.numero not in numbers
        ]
        return {**numbers, **{n: n for n in extra}} if extra else numbers
