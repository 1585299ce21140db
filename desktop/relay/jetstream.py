"""The account's stream and board bucket: declared at start, written with de-duplication."""

from __future__ import annotations

import asyncio
import itertools
import logging

import msgspec
from nats.aio.client import Client as NatsClient
from nats.aio.msg import Msg
from nats.js.api import Header, KeyValueConfig, StorageType, StreamConfig
from nats.js.errors import APIError, BucketNotFoundError, NoStreamResponseError, NotFoundError

from desktop.core.relay_names import AccountNames
from desktop.relay.board_bucket import BoardBucket
from desktop.relay.metrics import RelayMetrics

__all__ = ["EventStream", "StreamMismatch", "declare"]

_log = logging.getLogger(__name__)

NO_RESPONDERS = "503"

DUPLICATE_WINDOW_S = 24 * 3600.0
"""A redelivery within a day is recognised (the provider may retry for hours)."""


class StreamMismatch(RuntimeError):
    """A stream or bucket of that name exists with a configuration the relay cannot use."""


async def declare(
    nc: NatsClient, names: AccountNames, replicas: int, metrics: RelayMetrics
) -> tuple[EventStream, BoardBucket]:
    """Create the stream and the bucket, or check the existing ones; never delete."""
    js = nc.jetstream()
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
    stream = EventStream(nc, names, metrics)
    await stream.open()
    return stream, BoardBucket(kv, metrics)


class _ApiError(msgspec.Struct):
    code: int = 0
    err_code: int = 0
    description: str = ""


class _PubAck(msgspec.Struct):
    """The stream's answer to a publish: stored (or a duplicate), or an error."""

    stream: str = ""
    seq: int = 0
    duplicate: bool = False
    error: _ApiError | None = None


_decode_ack = msgspec.json.Decoder(_PubAck).decode


class EventStream:
    """Publishes events to the account's stream; ``Nats-Msg-Id`` makes a repeat a no-op.

    Acks come back on one wildcard inbox subscription and find their delivery's future by
    the inbox's last token: concurrent deliveries publish pipelined on the connection and
    each waits for its own ack, with no inbox, subscription or JSON parse through
    dictionaries per event. One timer, running while acks are awaited, fails those
    older than ``timeout`` (within a quarter of it), instead of a timer per event.
    """

    def __init__(self, nc: NatsClient, names: AccountNames, metrics: RelayMetrics) -> None:
        self._nc = nc
        self._names = names
        self.metrics = metrics
        self.timeout = 5.0
        self._inbox = ""
        self._waiting: dict[str, tuple[asyncio.Future[_PubAck], float]] = {}
        self._tokens = itertools.count()
        self._sweep: asyncio.TimerHandle | None = None

    async def open(self) -> None:
        """Subscribe the inbox the acks come back on (before the first publish)."""
        inbox = self._nc.new_inbox()
        await self._nc.subscribe(inbox + ".*", cb=self._on_ack)
        self._inbox = inbox + "."

    async def _on_ack(self, msg: Msg) -> None:
        waiting = self._waiting.get(msg.subject[len(self._inbox) :])
        if waiting is None or waiting[0].done():
            return  # timed out already
        future = waiting[0]
        if msg.headers and msg.headers.get(Header.STATUS) == NO_RESPONDERS:
            future.set_exception(NoStreamResponseError())
            return
        try:
            future.set_result(_decode_ack(msg.data))
        except msgspec.DecodeError as exc:
            future.set_exception(exc)

    async def publish(self, subject: str, body: bytes, msg_id: str) -> bool:
        """Store one event; False when the stream already held that id."""
        token = str(next(self._tokens))
        loop = asyncio.get_running_loop()
        future: asyncio.Future[_PubAck] = loop.create_future()
        self._waiting[token] = (future, loop.time() + self.timeout)
        if self._sweep is None:
            self._sweep = loop.call_later(self.timeout / 4, self._expire)
        try:
            await self._nc.publish(
                subject,
                body,
                reply=self._inbox + token,
                headers={"Nats-Msg-Id": msg_id, "Nats-Expected-Stream": self._names.stream},
            )
            ack = await future
        except Exception:
            self.metrics.publish_errors += 1
            raise
        finally:
            del self._waiting[token]
        if ack.error is not None:
            self.metrics.publish_errors += 1
            raise APIError(
                code=ack.error.code,
                err_code=ack.error.err_code,
                description=ack.error.description,
                stream=self._names.stream,
            )
        if ack.duplicate:
            self.metrics.duplicates += 1
            return False
        self.metrics.published += 1
        return True

    def _expire(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        for future, deadline in self._waiting.values():
            if deadline <= now and not future.done():
                future.set_exception(TimeoutError())
        self._sweep = loop.call_later(self.timeout / 4, self._expire) if self._waiting else None
