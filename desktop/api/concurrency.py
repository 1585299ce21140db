"""How many page requests may be in flight, for requests on an asyncio event loop.

:class:`AdaptiveConcurrency` is the adaptive bound of :mod:`desktop.api.pacing` (see its
docstring for how the window grows, halves and paces refusals) with an ``async``
:meth:`~AdaptiveConcurrency.acquire`: a Retry-After pause or the paced rate is waited for
with ``sleep``, a full window with a future resolved when a slot frees.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from desktop.api.pacing import (
    DEFAULT_MAX_CONCURRENCY,
    INITIAL_CONCURRENCY,
    AttemptObserver,
    PacingState,
    observing,
    refusals_are_paced,
    report_attempt,
)

__all__ = [
    "DEFAULT_MAX_CONCURRENCY",
    "AdaptiveConcurrency",
    "AttemptObserver",
    "observing",
    "refusals_are_paced",
    "report_attempt",
]


class AdaptiveConcurrency(PacingState):
    """A bound on requests in flight that follows how the server copes (AIMD)."""

    def __init__(
        self,
        cap: int = DEFAULT_MAX_CONCURRENCY,
        *,
        initial: int = INITIAL_CONCURRENCY,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        super().__init__(cap, initial=initial, clock=clock)
        self._sleep = sleep
        self._waiters: list[asyncio.Future[None]] = []

    async def acquire(self) -> None:
        """Wait for a free slot (and for any ``Retry-After`` pause to end), then take it."""
        while True:
            wait = self.try_start()
            if wait == 0:
                return
            if wait is not None:
                await self._sleep(wait)
                continue
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def _wake(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
