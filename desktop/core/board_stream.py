"""Follows the relay's board and events over NATS JetStream (Qt-free, on the running loop).

The board is read once from the key-value bucket (``ramal_board_<conta>``), then followed
from that point on the bucket's own stream, and the account's event stream
(``RAMAL_<conta>``) is followed from its end for voicemail, balance and ramal-list events.
Both are read with ordered consumers starting at a sequence. When the connection is lost
the subscriber reports :class:`Away`; once a server answers again it resumes after the
last sequence it delivered, so nothing is missed and nothing is delivered twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import nats
from nats.aio.client import Client as NatsClient
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import ConsumerConfig, DeliverPolicy
from nats.js.errors import NoKeysError

from desktop.relay.board import BoardRow
from desktop.relay.names import AccountNames

__all__ = [
    "Away",
    "BoardSnapshot",
    "BoardStream",
    "Live",
    "RelayEvent",
    "RelayItem",
    "RelayTarget",
    "RowChanged",
]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RelayTarget:
    """Where the relay's NATS is and which account to follow.

    ``board`` False follows events only (an agent's credentials may read nothing else);
    ``events`` narrows them to one subject (``ramal.<conta>.voicemail.4001``, say).
    """

    urls: Sequence[str]
    conta: str
    user: str = ""
    password: str = ""
    board: bool = True
    events: str = ""

    @property
    def stream(self) -> str:
        """The account's event stream."""
        return AccountNames(self.conta).stream

    @property
    def bucket(self) -> str:
        """The account's board bucket."""
        return AccountNames(self.conta).bucket


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    """The board as read from the bucket (ramal number → row); delivered once."""

    rows: dict[str, BoardRow]


@dataclass(frozen=True, slots=True)
class RowChanged:
    """One ramal's row changed (``seq`` is the sequence in the bucket's stream)."""

    seq: int
    row: BoardRow


@dataclass(frozen=True, slots=True)
class RelayEvent:
    """One event of the account's stream: ``kind`` is the subject family, ``key`` its last token."""

    seq: int
    kind: str
    key: str
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Away:
    """The relay's NATS cannot be reached; delivery resumes where it stopped."""

    reason: str = ""


@dataclass(frozen=True, slots=True)
class Live:
    """Connected and following (after the snapshot, and again after each :class:`Away`)."""


RelayItem = BoardSnapshot | RowChanged | RelayEvent | Away | Live


class _Lost(Exception):
    pass


class BoardStream:
    """Yields the board's snapshot, then its changes and events, with :class:`Away` gaps."""

    def __init__(
        self, target: RelayTarget, *, retry: float = 1.0, connect_timeout: float = 2.0
    ) -> None:
        self.target = target
        self.retry = retry
        self.connect_timeout = connect_timeout
        self.board_seq = 0
        self.event_seq = 0
        self._revisions: dict[str, int] = {}
        self._started = False
        self.connected = False

    async def items(self) -> AsyncIterator[RelayItem]:
        """Snapshot first, then changes; :class:`Away` when lost; runs until cancelled."""
        away_sent = False
        while True:
            queue: asyncio.Queue[Msg | None] = asyncio.Queue()
            try:
                nc = await self._connect(queue)
            except Exception as exc:
                if not away_sent:
                    away_sent = True
                    yield Away(str(exc) or type(exc).__name__)
                await asyncio.sleep(self.retry)
                continue
            try:
                js = nc.jetstream()
                first = not self._started
                if first:
                    snapshot = await self._snapshot(js)
                await self._follow(js, queue)
                self.connected = True
                away_sent = False
                if first:
                    self._started = True
                    yield snapshot
                yield Live()
                while True:
                    msg = await queue.get()
                    if msg is None:
                        raise _Lost("connection lost")
                    item = self._item(msg)
                    if item is not None:
                        yield item
            except Exception as exc:  # the server went away mid-read: resume after it
                _log.info("relay: conexão perdida: %s", exc)
                self.connected = False
                if not away_sent:
                    away_sent = True
                    yield Away(str(exc) or type(exc).__name__)
            finally:
                self.connected = False
                with contextlib.suppress(Exception):
                    await nc.close()
            await asyncio.sleep(self.retry)

    async def _connect(self, queue: asyncio.Queue[Msg | None]) -> NatsClient:
        async def lost(*_: object) -> None:
            queue.put_nowait(None)

        options: dict[str, Any] = {}
        if self.target.user:
            options = {"user": self.target.user, "password": self.target.password}
        return await nats.connect(
            list(self.target.urls),
            allow_reconnect=False,
            # Each server is tried twice, then the loop here reports Away and retries.
            max_reconnect_attempts=1,
            reconnect_time_wait=0.2,
            connect_timeout=self.connect_timeout,
            ping_interval=2,
            max_outstanding_pings=2,
            disconnected_cb=lost,
            closed_cb=lost,
            error_cb=_ignore,
            **options,
        )

    async def _snapshot(self, js: JetStreamContext) -> BoardSnapshot:
        t = self.target
        events = await js.stream_info(t.stream)
        self.event_seq = events.state.last_seq
        if not t.board:
            return BoardSnapshot({})
        info = await js.stream_info(f"KV_{t.bucket}")
        self.board_seq = info.state.last_seq
        kv = await js.key_value(t.bucket)
        rows: dict[str, BoardRow] = {}
        try:
            keys = await kv.keys()
        except NoKeysError:
            keys = []
        for key in keys:
            entry = await kv.get(key)
            row = BoardRow.decode(entry.value or b"")
            if row is not None:
                rows[key] = row
                self._revisions[key] = entry.revision or 0
        return BoardSnapshot(rows)

    async def _follow(self, js: JetStreamContext, queue: asyncio.Queue[Msg | None]) -> None:
        async def put(msg: Msg) -> None:
            queue.put_nowait(msg)

        t = self.target
        follow = [(t.stream, t.events or AccountNames(t.conta).subjects, self.event_seq)]
        if t.board:
            follow.append((f"KV_{t.bucket}", f"$KV.{t.bucket}.>", self.board_seq))
        for stream, subject, after in follow:
            await js.subscribe(
                subject,
                stream=stream,
                cb=put,
                ordered_consumer=True,
                config=ConsumerConfig(
                    deliver_policy=DeliverPolicy.BY_START_SEQUENCE, opt_start_seq=after + 1
                ),
            )

    def _item(self, msg: Msg) -> RowChanged | RelayEvent | None:
        seq = msg.metadata.sequence.stream
        if msg.subject.startswith("$KV."):
            key = msg.subject.split(".", 2)[2]
            if seq <= self.board_seq or seq <= self._revisions.get(key, 0):
                return None
            self.board_seq = seq
            self._revisions[key] = seq
            row = BoardRow.decode(msg.data)
            return RowChanged(seq, row) if row is not None else None
        if seq <= self.event_seq:
            return None
        self.event_seq = seq
        parts = msg.subject.split(".")
        kind = parts[2] if len(parts) > 2 else ""
        key = parts[3] if len(parts) > 3 else ""
        try:
            payload = json.loads(msg.data)
        except ValueError:
            payload = {}
        return RelayEvent(seq, kind, key, payload if isinstance(payload, dict) else {})


async def _ignore(_: Exception) -> None:
    return None
