"""The account's stream and board bucket: declared at start, written with de-duplication."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from nats.js import JetStreamContext
from nats.js.api import KeyValueConfig, StorageType, StreamConfig
from nats.js.errors import (
    BucketNotFoundError,
    KeyNotFoundError,
    KeyWrongLastSequenceError,
    NotFoundError,
)
from nats.js.kv import KeyValue

from desktop.relay.board import BoardRow
from desktop.relay.metrics import RelayMetrics

__all__ = ["AccountNames", "BoardBucket", "EventStream", "StreamMismatch", "declare"]

_log = logging.getLogger(__name__)

DUPLICATE_WINDOW_S = 24 * 3600.0
"""A redelivery within a day is recognised (the provider may retry for hours)."""


class StreamMismatch(RuntimeError):
    """A stream or bucket of that name exists with a configuration the relay cannot use."""


@dataclass(frozen=True, slots=True)
class AccountNames:
    """Names of one account's subjects, stream and bucket."""

    conta: str

    @property
    def subjects(self) -> str:
        """Every subject of the account."""
        return f"ramal.{self.conta}.>"

    @property
    def stream(self) -> str:
        """The JetStream stream holding the account's events."""
        return f"RAMAL_{self.conta}"

    @property
    def bucket(self) -> str:
        """The key-value bucket holding the account's board (one key per ramal)."""
        return f"ramal_board_{self.conta}"


async def declare(
    js: JetStreamContext, names: AccountNames, replicas: int, metrics: RelayMetrics
) -> tuple[EventStream, BoardBucket]:
    """Create the stream and the bucket, or check the existing ones; never delete."""
    try:
        info = await js.stream_info(names.stream)
    except NotFoundError:
        await js.add_stream(
            StreamConfig(
                name=names.stream,
                subjects=[names.subjects],
                storage=StorageType.FILE,
                num_replicas=replicas,
                duplicate_window=DUPLICATE_WINDOW_S,
            )
        )
        _log.info("stream %s criado (réplicas %d)", names.stream, replicas)
    else:
        if names.subjects not in (info.config.subjects or []):
            raise StreamMismatch(f"o stream {names.stream} não cobre {names.subjects}")
    try:
        kv = await js.key_value(names.bucket)
    except BucketNotFoundError:
        kv = await js.create_key_value(
            KeyValueConfig(bucket=names.bucket, history=1, replicas=replicas)
        )
        _log.info("bucket %s criado (réplicas %d)", names.bucket, replicas)
    return EventStream(js, names, metrics), BoardBucket(kv, metrics)


class EventStream:
    """Publishes events to the account's stream; ``Nats-Msg-Id`` makes a repeat a no-op."""

    def __init__(self, js: JetStreamContext, names: AccountNames, metrics: RelayMetrics) -> None:
        self._js = js
        self._names = names
        self.metrics = metrics
        self.timeout = 5.0

    async def publish(self, subject: str, body: bytes, msg_id: str) -> bool:
        """Store one event; False when the stream already held that id."""
        try:
            ack = await self._js.publish(
                subject,
                body,
                timeout=self.timeout,
                stream=self._names.stream,
                headers={"Nats-Msg-Id": msg_id},
            )
        except Exception:
            self.metrics.publish_errors += 1
            raise
        if ack.duplicate:
            self.metrics.duplicates += 1
            return False
        self.metrics.published += 1
        return True


class BoardBucket:
    """The board in the bucket, written with compare-and-set so relays never step back."""

    def __init__(self, kv: KeyValue, metrics: RelayMetrics) -> None:
        self._kv = kv
        self._metrics = metrics
        self._known: dict[str, tuple[int, BoardRow | None]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def row(self, ramal: str) -> BoardRow | None:
        """The stored row of ``ramal`` (read from the bucket)."""
        return (await self._load(ramal))[1]

    async def _load(self, ramal: str) -> tuple[int, BoardRow | None]:
        try:
            entry = await self._kv.get(ramal)
        except KeyNotFoundError:
            state: tuple[int, BoardRow | None] = (0, None)
        else:
            state = (entry.revision or 0, BoardRow.decode(entry.value or b""))
        self._known[ramal] = state
        return state

    async def offer(self, row: BoardRow, *, yield_to_call: bool = False) -> bool:
        """Store ``row`` unless the stored one is newer; True when it was written.

        ``yield_to_call`` (a polled pause) keeps a ramal that is in a call as it is: the
        call's own end will show the pause.
        """
        lock = self._locks.setdefault(row.ramal, asyncio.Lock())
        async with lock:
            revision, stored = self._known.get(row.ramal) or await self._load(row.ramal)
            for _ in range(8):
                if not row.supersedes(stored) or (
                    yield_to_call and stored is not None and stored.in_call
                ):
                    return False
                try:
                    if revision:
                        new_revision = await self._kv.update(row.ramal, row.encode(), last=revision)
                    else:
                        new_revision = await self._kv.create(row.ramal, row.encode())
                except KeyWrongLastSequenceError:  # another relay wrote first: look again
                    revision, stored = await self._load(row.ramal)
                    continue
                self._known[row.ramal] = (new_revision, row)
                self._metrics.board_updates += 1
                return True
            return False

    async def offer_all(self, rows: Iterable[BoardRow], **options: bool) -> int:
        """Offer several rows; the number written."""
        written = 0
        for row in rows:
            written += await self.offer(row, **options)
        return written
