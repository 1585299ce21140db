"""What happens to one event: stored in the stream once, then reflected on the board."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from desktop.api.models import Pause, Ramal
from desktop.relay.board import BoardRow, rows_from_call
from desktop.relay.board_bucket import BoardBucket
from desktop.relay.events import WebhookEvent
from desktop.relay.jetstream import EventStream
from desktop.relay.metrics import RelayMetrics

__all__ = ["Relay"]


class Relay:
    """Publishes events of one account and keeps its board.

    ``known_ramais`` (number → ramal) and ``pauses`` (number → today's pauses) come from
    the poller; a call's end shows an open pause once the call is over.
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
        # Told the rows each event gives (the support desk ends a call's coach status).
        self.row_listeners: list[Callable[[Sequence[BoardRow]], None]] = []

    async def publish(self, event: WebhookEvent) -> bool:
        """Store ``event`` (False when it was a duplicate) and update the board from it."""
        stored = await self.stream.publish(event.subject(self.conta), event.body, event.msg_id)
        if event.call is not None:
            # Even a duplicate is offered: a relay that missed the first copy catches up.
            occurred = event.occurred or self._clock()
            rows = rows_from_call(event.call, occurred, self.known_ramais, self.pauses)
            self.board.offer_all(rows)
            for listener in self.row_listeners:
                listener(rows)
        return stored
