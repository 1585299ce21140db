"""Follows the relay's board and events over NATS JetStream (Qt-free, on the running loop).

Support records (``apoio.<ramal>`` keys: raised hands, coach status) come with the board
as :class:`SupportChanged`; :meth:`BoardStream.request` sends a console's request to the
relay on the same connection.

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

from desktop.core.board_rows import BoardRow
from desktop.core.relay_names import AccountNames
from desktop.core.support import SUPPORT_PREFIX, Support

__all__ = [
    "Away",
    "BoardSnapshot",
    "BoardStream",
    "Live",
    "RelayEvent",
    "RelayItem",
    "RelayTarget",
    "RelayUnavailable",
    "RowChanged",
    "SupportChanged",
    "relay_connect",
    "relay_request",
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
    support: dict[str, Support] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RowChanged:
    """One ramal's row changed (``seq`` is the sequence in the bucket's stream)."""

    seq: int
    row: BoardRow


@dataclass(frozen=True, slots=True)
class SupportChanged:
    """One ramal's support record changed (raised hand, coach status)."""

    seq: int
    support: Support


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


RelayItem = BoardSnapshot | RowChanged | SupportChanged | RelayEvent | Away | Live


class _Lost(Exception):
    pass


class RelayUnavailable(Exception):
    """The relay did not take the request (not connected, no answer, or refused)."""


async def relay_connect(
    target: RelayTarget,
    *,
    connect_timeout: float = 2.0,
    inbox_prefix: str = "",
    **callbacks: Any,
) -> NatsClient:
    """A NATS connection to the relay with ``target``'s credentials; no reconnection of its own."""
    options: dict[str, Any] = dict(callbacks)
    if target.user:
        options.update(user=target.user, password=target.password)
    if inbox_prefix:
        options["inbox_prefix"] = inbox_prefix
    options.setdefault("error_cb", _ignore)
    return await nats.connect(
        list(target.urls),
        allow_reconnect=False,
        # Each server is tried twice, then the caller's loop reports it away and retries.
        max_reconnect_attempts=1,
        reconnect_time_wait=0.2,
        connect_timeout=connect_timeout,
        ping_interval=2,
        max_outstanding_pings=2,
        **options,
    )


async def relay_request(
    nc: NatsClient | None, subject: str, body: dict[str, Any], timeout: float = 3.0
) -> dict[str, Any]:
    """Send one request to the relay; its reply (``ok`` true), else :class:`RelayUnavailable`."""
    if nc is None or not nc.is_connected:
        raise RelayUnavailable("desconectado")
    try:
        msg = await nc.request(subject, json.dumps(body).encode(), timeout=timeout)
        reply = json.loads(msg.data)
    except Exception as exc:  # no responder, a timeout, a garbled reply: not taken
        raise RelayUnavailable(str(exc) or type(exc).__name__) from exc
    if not isinstance(reply, dict) or reply.get("ok") is not True:
        motivo = reply.get("motivo") if isinstance(reply, dict) else ""
        raise RelayUnavailable(str(motivo or "recusado"))
    return reply


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
        self._nc: NatsClient | None = None

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
                self._nc = nc
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
                self._nc = None
                with contextlib.suppress(Exception):
                    await nc.close()
            await asyncio.sleep(self.retry)

    async def request(self, subject: str, body: dict[str, Any]) -> dict[str, Any]:
        """Send a request to the relay on this stream's connection (see :func:`relay_request`)."""
        return await relay_request(self._nc, subject, body)

    async def _connect(self, queue: asyncio.Queue[Msg | None]) -> NatsClient:
        async def lost(*_: object) -> None:
            queue.put_nowait(None)

        return await relay_connect(
            self.target,
            connect_timeout=self.connect_timeout,
            disconnected_cb=lost,
            closed_cb=lost,
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
        support: dict[str, Support] = {}
        try:
            keys = await kv.keys()
        except NoKeysError:
            keys = []
        for key in keys:
            entry = await kv.get(key)
            self._revisions[key] = entry.revision or 0
            if key.startswith(SUPPORT_PREFIX):
                record = Support.decode(entry.value or b"")
                if record is not None:
                    support[record.ramal] = record
                continue
            row = BoardRow.decode(entry.value or b"")
            if row is not None:
                rows[key] = row
        return BoardSnapshot(rows, support)

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

    def _item(self, msg: Msg) -> RowChanged | SupportChanged | RelayEvent | None:
        seq = msg.metadata.sequence.stream
        if msg.subject.startswith("$KV."):
            key = msg.subject.split(".", 2)[2]
            if seq <= self.board_seq or seq <= self._revisions.get(key, 0):
                return None
            self.board_seq = seq
            self._revisions[key] = seq
            if key.startswith(SUPPORT_PREFIX):
                record = Support.decode(msg.data)
                return SupportChanged(seq, record) if record is not None else None
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
