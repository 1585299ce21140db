"""The account's stream and board bucket: declared at start, written with de-duplication."""

from __future__ import annotations

import asyncio
import logging

from nats.js import JetStreamContext
from nats.js.api import KeyValueConfig, StorageType, StreamConfig
from nats.js.errors import BucketNotFoundError, NotFoundError

from desktop.relay.board_bucket import BoardBucket
from desktop.relay.metrics import RelayMetrics
from desktop.relay.names import AccountNames

__all__ = ["EventStream", "StreamMismatch", "declare"]

_log = logging.getLogger(__name__)

DUPLICATE_WINDOW_S = 24 * 3600.0
"""A redelivery within a day is recognised (the provider may retry for hours)."""


class StreamMismatch(RuntimeError):
    """A stream or bucket of that name exists with a configuration the relay cannot use."""


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
            # Pipelined: many deliveries share the connection, each waits for its own ack.
            pending = await self._js.publish_async(
                subject, body, stream=self._names.stream, headers={"Nats-Msg-Id": msg_id}
            )
            async with asyncio.timeout(self.timeout):
                ack = await pending
        except Exception:
            self.metrics.publish_errors += 1
            raise
        if ack.duplicate:
            self.metrics.duplicates += 1
            return False
        self.metrics.published += 1
        return True
