"""How many page requests may be in flight: more while the server keeps up, fewer when not.

:class:`PacingState` starts with a few requests in flight and grows by one for every
answer while answers (smoothed) come back about as fast as the quickest so far (doubling
each round trip until the first sign of trouble, then one more per round trip). An HTTP
429, a 5xx or a network failure halves it, at most once per round trip; a
``Retry-After`` stops new requests until it has passed. It never exceeds its cap.

A 429 also says the server counts requests per second: from then on requests start at
the rate it was seen to accept (the requests sent in the second before the refusal that
were answered), from a token bucket holding one second's worth, so that a whole-second
``Retry-After`` costs nothing the server would have allowed; the rate creeps up while no
refusal comes, and the next one measures it again (never above the rate refused).

The state machine does not wait: :meth:`PacingState.try_start` takes a slot or says how
long to wait. :class:`desktop.api.concurrency.AdaptiveConcurrency` waits on an event loop,
:class:`ThreadedConcurrency` (here) on a condition variable, for worker threads.

Transports tell the limiter about every attempt, retries included, through
:func:`report_attempt`: the observer is a context variable, so each page request (an
asyncio task, or a worker thread) reports to the limiter that started it and nothing
else needs to know. Inside :func:`observing` with ``paces_refusals`` a transport does not
repeat a 429 itself: the page request asks the limiter again, which spaces the new
attempt. Nothing here imports asyncio.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

from desktop.api.errors import ApiError

__all__ = [
    "DEFAULT_MAX_CONCURRENCY",
    "INITIAL_CONCURRENCY",
    "MAX_REFUSALS",
    "AttemptObserver",
    "PacingState",
    "PageAttempts",
    "ThreadedConcurrency",
    "observing",
    "refusals_are_paced",
    "report_attempt",
]

#: The most page requests in flight unless the caller says otherwise.
DEFAULT_MAX_CONCURRENCY: Final = 32
#: 429 answers one page may meet (after the transport's own retries) before failing.
MAX_REFUSALS: Final = 20
#: Requests in flight at first, before any answer says how the server copes.
INITIAL_CONCURRENCY: Final = 8
#: Answers (smoothed) slower than this many times the quickest one: the server is loaded.
_LATENCY_SLACK: Final = 3.0
_LATENCY_FLOOR: Final = 0.05
#: The span over which accepted requests are counted to learn a server's rate.
_RATE_SPAN: Final = 1.0
#: While no 429 comes, the paced rate grows by this share of itself per second.
_RATE_PROBE: Final = 0.05

#: ``(HTTP status or None for a network failure, seconds taken, Retry-After seconds)``.
AttemptObserver = Callable[[int | None, float, float | None], None]
_OBSERVER: ContextVar[AttemptObserver | None] = ContextVar("ramal_attempt_observer", default=None)
_PACES_REFUSALS: ContextVar[bool] = ContextVar("ramal_paces_refusals", default=False)


def report_attempt(status: int | None, elapsed: float, retry_after: float | None) -> None:
    """Tell the current task's observer (if any) how an HTTP attempt went."""
    observer = _OBSERVER.get()
    if observer is not None:
        observer(status, elapsed, retry_after)


def refusals_are_paced() -> bool:
    """True when the current task's observer spaces the attempts after a 429 itself."""
    return _PACES_REFUSALS.get()


@contextmanager
def observing(observer: AttemptObserver, *, paces_refusals: bool = False) -> Iterator[None]:
    """Send the attempts made inside this block (in this task or thread) to ``observer``.

    With ``paces_refusals`` a 429 is not repeated by the transport but raised, for the
    caller to ask its limiter for the next attempt.
    """
    token = _OBSERVER.set(observer)
    paced = _PACES_REFUSALS.set(paces_refusals)
    try:
        yield
    finally:
        _PACES_REFUSALS.reset(paced)
        _OBSERVER.reset(token)


def _pushes_back(status: int | None) -> bool:
    return status is None or status == 429 or status >= 500


class PacingState:
    """A bound on requests in flight that follows how the server copes (AIMD), not waiting."""

    def __init__(
        self,
        cap: int = DEFAULT_MAX_CONCURRENCY,
        *,
        initial: int = INITIAL_CONCURRENCY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cap = max(1, cap)
        self._window = float(min(self.cap, max(1, initial)))
        self._clock = clock
        self._slow_start = True
        self._quickest: float | None = None
        self._round_trip: float | None = None
        self._last_cut = -float("inf")
        self._paused_until = -float("inf")
        # Send times of the accepted requests of the last rate span or so.
        self._accepted: deque[float] = deque()
        self._rate: float | None = None
        self._refused_at = -float("inf")
        self._refused_rate = math.inf
        self._tokens = 0.0
        self._tokens_at = 0.0
        self.in_flight = 0
        #: The most requests ever in flight at once.
        self.peak = 0
        #: How often the window was halved, and how many 429 answers came.
        self.cuts = 0
        self.refusals = 0

    @property
    def limit(self) -> int:
        """Requests allowed in flight now."""
        return max(1, min(self.cap, int(self._window)))

    @property
    def rate(self) -> float | None:
        """Requests per second allowed to start, once a 429 was met (None before)."""
        return None if self._rate is None else max(1.0, self._rate)

    def paused_for(self) -> float:
        """Seconds left of a ``Retry-After`` pause (0 when none)."""
        return max(0.0, self._paused_until - self._clock())

    def _token_wait(self) -> float:
        """Seconds until the rate allows the next start (0 when it does now)."""
        rate = self.rate
        if rate is None:
            return 0.0
        now = self._clock()
        self._tokens = min(rate, self._tokens + (now - self._tokens_at) * rate)
        self._tokens_at = now
        # Within a rounding error of a whole token is a token (the wait would not move
        # a clock that has counted for long).
        return 0.0 if self._tokens > 1.0 - 1e-6 else (1.0 - self._tokens) / rate

    def try_start(self) -> float | None:
        """Take a slot now (0), or say how long to wait first (seconds; None: until a release).

        A positive wait is a ``Retry-After`` pause or the paced rate's next token; None
        means every slot of the window is taken.
        """
        pause = self.paused_for() or self._token_wait()
        if pause > 0:
            return pause
        if self.in_flight < self.limit:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            if self._rate is not None:
                self._tokens -= 1.0
            return 0.0
        return None

    def pause(self, seconds: float) -> None:
        """Start no request for ``seconds`` (a refusal that named no ``Retry-After``)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    def release(self) -> None:
        """Give a slot back."""
        self.in_flight -= 1
        self._wake()

    def _wake(self) -> None:
        """Tell whoever waits for a slot to look again (the waiting kind decides how)."""

    def record(self, status: int | None, elapsed: float, retry_after: float | None) -> None:
        """Learn from one attempt (an :data:`AttemptObserver`)."""
        now = self._clock()
        # A refusal of a request sent before the refusal already acted on says nothing
        # new: it must not push the pause further out (each one arriving later would).
        stale = status == 429 and now - elapsed < self._refused_at
        if retry_after is not None and retry_after > 0 and not stale:
            self._paused_until = max(self._paused_until, now + retry_after)
        if status == 429 and not stale:
            self._learn_rate(now)
        if _pushes_back(status):
            self.refusals += status == 429
            self._cut(now)
            return
        self._count_accepted(now - elapsed, now)
        smoothed = self._round_trip = (
            elapsed if self._round_trip is None else 0.8 * self._round_trip + 0.2 * elapsed
        )
        quickest = self._quickest = min(self._quickest or elapsed, elapsed)
        if smoothed > quickest * _LATENCY_SLACK + _LATENCY_FLOOR:
            self._slow_start = False  # the server slows down: hold
            return
        grown = self._window + (1.0 if self._slow_start else 1.0 / self._window)
        self._window = min(float(self.cap), grown)
        self._wake()

    def _count_accepted(self, sent: float, now: float) -> None:
        accepted = self._accepted
        accepted.append(sent)
        while accepted and accepted[0] < now - 2 * _RATE_SPAN:
            accepted.popleft()
        if self._rate is None:
            return
        if self._refused_at - _RATE_SPAN <= sent <= self._refused_at:
            # Answered late, but accepted in the span measured (never past the refused rate).
            self._rate = min(self._rate + 1.0, self._refused_rate)
        elif now - self._refused_at > _RATE_SPAN:
            self._rate += _RATE_PROBE  # one more answer without refusal: probe upwards

    def _learn_rate(self, now: float) -> None:
        # The refusals of one burst tell the same thing: measure once per round trip.
        if now - self._refused_at < (self._round_trip or _LATENCY_FLOOR):
            return
        self._refused_at = now
        span = [t for t in self._accepted if now - _RATE_SPAN <= t <= now]
        # Counted without a floor: answers still to come add to it (at least 1 is used).
        measured = float(len(span))
        # A refusal at the paced rate says that rate is too high, whatever was counted.
        self._refused_rate = math.inf if self._rate is None else self._rate
        self._rate = min(self._refused_rate, measured)
        self._tokens, self._tokens_at = 0.0, now  # the server's bucket is empty now

    def _cut(self, now: float) -> None:
        # Answers to requests sent before the last cut say nothing new: one cut per round trip.
        if now - self._last_cut < (self._round_trip or _LATENCY_FLOOR):
            return
        self._last_cut = now
        self._slow_start = False
        self._window = max(self._paced_floor(), self._window / 2)
        self.cuts += 1

    def _paced_floor(self) -> float:
        """Fewest requests in flight that still let the paced rate through (at least 1)."""
        rate = self.rate
        if rate is None or self._round_trip is None:
            return 1.0
        return max(1.0, math.ceil(rate * self._round_trip * 1.5))


class PageAttempts:
    """The attempts at one page of a report, told to the limiter that paces them.

    An :data:`AttemptObserver` for :func:`observing` (each attempt the transport makes is
    recorded by ``pacing``), and :meth:`refused` decides what a 429 the page met means.
    """

    def __init__(self, pacing: PacingState) -> None:
        self._pacing = pacing
        self._heard: list[int | None] = []
        self.refusals = 0

    def __call__(self, status: int | None, elapsed: float, retry_after: float | None) -> None:
        """Record one attempt (its status, time taken and ``Retry-After``)."""
        self._heard.append(status)
        self._pacing.record(status, elapsed, retry_after)

    def refused(self, exc: ApiError) -> bool:
        """True when the page is to be asked again after ``exc``: a 429 within the bound.

        A 429 is not the report's failure: the limiter learns of it (a fetcher that
        reported no attempt gets its refusal recorded here; one that named no
        ``Retry-After`` waits a second) and spaces the next attempt. Anything else, or
        more than :data:`MAX_REFUSALS` refusals, is the page's failure.
        """
        if not exc.is_rate_limited or self.refusals >= MAX_REFUSALS:
            return False
        self.refusals += 1
        if 429 not in self._heard:  # a fetcher that does not report its attempts
            self._pacing.record(429, 0.0, exc.retry_after or 1.0)
        elif not exc.retry_after:
            self._pacing.pause(1.0)
        self._heard.clear()
        return True


class ThreadedConcurrency(PacingState):
    """The adaptive bound for worker threads: every step under one condition variable."""

    def __init__(
        self,
        cap: int = DEFAULT_MAX_CONCURRENCY,
        *,
        initial: int = INITIAL_CONCURRENCY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(cap, initial=initial, clock=clock)
        self._changed = threading.Condition()

    def acquire(self, stopped: Callable[[], bool] = lambda: False) -> bool:
        """Wait for a free slot (and any pause), then take it; False once ``stopped()``.

        Whoever makes ``stopped()`` true calls :meth:`wake_all` so that waiters see it.
        """
        with self._changed:
            while not stopped():
                wait = self.try_start()
                if wait == 0:
                    return True
                self._changed.wait(wait)
            return False

    def try_start(self) -> float | None:
        """See :meth:`PacingState.try_start` (under the lock)."""
        with self._changed:
            return super().try_start()

    def pause(self, seconds: float) -> None:
        """See :meth:`PacingState.pause` (under the lock)."""
        with self._changed:
            super().pause(seconds)

    def release(self) -> None:
        """Give a slot back and wake the waiters."""
        with self._changed:
            super().release()

    def record(self, status: int | None, elapsed: float, retry_after: float | None) -> None:
        """Learn from one attempt under the lock, then wake the waiters to look again."""
        with self._changed:
            super().record(status, elapsed, retry_after)
            # A wider window, a faster pace: any waiter may start now.
            self._changed.notify_all()

    def wake_all(self) -> None:
        """Make every waiting :meth:`acquire` look again (e.g. at its ``stopped``)."""
        with self._changed:
            self._changed.notify_all()

    def _wake(self) -> None:
        # Called with the lock held, for one more slot (a release): one waiter takes it;
        # waking them all would only send the others back to sleep.
        self._changed.notify()
