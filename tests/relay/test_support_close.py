"""The support desk stops on close even when NATS swallows the cancel of a sweep."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from typing import cast

from nats.js.kv import KeyValue

from desktop.relay.board_bucket import BoardBucket
from desktop.relay.jetstream import EventStream
from desktop.relay.metrics import RelayMetrics
from desktop.relay.relay_core import Relay
from desktop.relay.support_desk import SupportDesk

NOON = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


class SwallowingKv:
    """Lists keys the way nats-py can while flushing: a cancel comes back as a return."""

    def __init__(self) -> None:
        self.listing = asyncio.Event()

    async def keys(self) -> list[str]:
        self.listing.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(3600)
        return []


async def test_close_ends_the_sweeper_even_if_a_sweep_swallows_the_cancel() -> None:
    relay = Relay(
        "acme",
        cast(EventStream, None),
        cast(BoardBucket, None),
        RelayMetrics(),
        lambda: NOON,
    )
    kv = SwallowingKv()
    desk = SupportDesk(relay, cast(KeyValue, kv), lambda: NOON, sweep_interval=0.01)
    desk.start()
    await asyncio.wait_for(kv.listing.wait(), 5)
    closing = asyncio.ensure_future(desk.close())
    done, _ = await asyncio.wait({closing}, timeout=5)  # waits without cancelling close
    assert closing in done, "close() still waiting for the sweeper"
