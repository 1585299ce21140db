"""A report's pages in order, fetched by worker threads while the consumer writes.

:class:`ThreadedPages` keeps the contract of :func:`desktop.api.paging.stream_pages`
without an event loop: the first page tells ``total``; later pages are requested
together, as many at once as a :class:`~desktop.api.pacing.ThreadedConcurrency` allows
(``concurrency`` is its cap, or the limiter itself), and handed over in report order as
soon as each one and all before it have arrived. With ``speculate`` the first round does
not wait for ``total``: it asks for as many pages as the limiter allows at first
(``posicao`` 0, 200, 400 …), and those past the end are dropped. At most the cap's worth
of pages is asked ahead of the consumer. Without ``total`` pages are read one after the
other; a page repeating the previous one ends the report. A 429 goes back to the limiter
and the page is asked again (up to :data:`~desktop.api.pacing.MAX_REFUSALS` times); any
other failing page is raised to the consumer.

The requests start when the object is made, so the caller can import what it needs to
read the pages while the first answers are on their way. Workers are daemon threads
started as pages are asked for (at most the cap), each keeping its own connections;
closing the stream (or leaving its ``with`` block) asks for no more pages and lets the
requests in flight end in the background, without holding up the caller or the exit.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar

from desktop.api.errors import ApiError
from desktop.api.pacing import (
    DEFAULT_MAX_CONCURRENCY,
    PageAttempts,
    ThreadedConcurrency,
    observing,
)
from desktop.api.paging_rules import MAX_PAGE_SIZE, Progress, is_last, repeats
from desktop.api.paging_rules import page_size as _limite

if TYPE_CHECKING:
    from desktop.api.models.page import Page

__all__ = ["BlockingFetchPage", "ThreadedPages"]

T = TypeVar("T")
#: ``fetch_page(posicao, limite) -> Page[T]``, called from worker threads.
BlockingFetchPage = Callable[[int, int], "Page[T]"]


class ThreadedPages(Generic[T]):
    """Pages of a report in order, the next ones in flight on worker threads."""

    def __init__(
        self,
        fetch_page: BlockingFetchPage[T],
        *,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int | ThreadedConcurrency = DEFAULT_MAX_CONCURRENCY,
        progress: Progress | None = None,
        speculate: bool = False,
        on_worker_exit: Callable[[], None] | None = None,
    ) -> None:
        """Start the first round of requests at once (see the module docstring).

        ``on_worker_exit`` runs in each worker thread as it ends (to close its connections).
        """
        self._fetch_page = fetch_page
        self._pacing = (
            concurrency
            if isinstance(concurrency, ThreadedConcurrency)
            else ThreadedConcurrency(concurrency)
        )
        self._size = _limite(page_size)
        self._progress = progress
        self._on_worker_exit = on_worker_exit
        lock = threading.RLock()
        self._changed = threading.Condition(lock)
        # Workers wait for jobs on their own condition: an answer wakes the consumer
        # alone, a job one worker, not every thread each time.
        self._has_jobs = threading.Condition(lock)
        self._jobs: list[tuple[int, int]] = []  # (posicao, limite), lowest posicao first
        self._wanted: set[int] = set()
        self._results: dict[int, Page[T] | Exception] = {}
        self._workers = 0
        self._idle = 0
        self._stopped = False
        #: Worker threads started, for tests and benchmarks.
        self.threads: list[threading.Thread] = []
        with self._changed:
            for ahead in range(self._pacing.limit if speculate else 1):
                self._ask(ahead * self._size, self._size)
        self._pages = self._walk()

    @property
    def pacing(self) -> ThreadedConcurrency:
        """The limiter of this stream's requests."""
        return self._pacing

    def __iter__(self) -> Iterator[Page[T]]:
        return self

    def __next__(self) -> Page[T]:
        return next(self._pages)

    def __enter__(self) -> ThreadedPages[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Ask for no more pages; requests in flight end in the background."""
        self._pages.close()
        self._stop()

    # The consumer's side.

    def _walk(self) -> Generator[Page[T], None, None]:
        try:
            yield from self._read()
        finally:
            self._stop()

    def _read(self) -> Iterator[Page[T]]:
        size = self._size
        first = self._take(0, size)
        if self._progress is not None:
            self._progress(len(first.items), first.total)
        if not first.items:
            return
        yield first
        done = len(first.items)
        step = min(size, first.limite)
        total = first.total
        if is_last(first, size, done):
            return
        if step != size or total is None or done < step:
            # Asked at the wrong positions, or without a total to say which pages exist.
            self._keep(())
            previous: Sequence[T] = first.items
            while True:
                page = self._take(done, step)
                if not page.items or repeats(page, previous):
                    return
                done += len(page.items)
                if self._progress is not None:
                    self._progress(done, total)
                yield page
                if is_last(page, step, done):
                    return
                previous = page.items
        positions = range(len(first.items), total, step)
        self._keep(positions)  # pages asked for past the end are dropped
        previous = first.items
        for index, posicao in enumerate(positions):
            # Pages more than the cap ahead of the consumer are not even asked for yet.
            with self._changed:
                for ahead in positions[index : index + self._pacing.cap]:
                    if ahead not in self._wanted:
                        self._ask(ahead, step)
            page = self._take(posicao, step)
            if not page.items or repeats(page, previous):
                return
            done += len(page.items)
            if self._progress is not None:
                self._progress(done, total)
            yield page
            previous = page.items

    def _take(self, posicao: int, limite: int) -> Page[T]:
        """Wait for the page at ``posicao`` (asking for it if need be); raise any failure."""
        with self._changed:
            if posicao not in self._wanted:
                self._ask(posicao, limite)
            while posicao not in self._results:
                failed = next((r for r in self._results.values() if isinstance(r, Exception)), None)
                if failed is not None:
                    raise failed  # the first failure ends the report
                self._changed.wait()
            result = self._results.pop(posicao)
            self._wanted.discard(posicao)
        if isinstance(result, Exception):
            raise result
        return result

    def _keep(self, positions: range | tuple[()]) -> None:
        """Forget the pages asked for that are not at ``positions``."""
        with self._changed:
            dropped = self._wanted.difference(positions)
            self._wanted -= dropped
            self._jobs = [job for job in self._jobs if job[0] not in dropped]
            heapq.heapify(self._jobs)
            for posicao in dropped:
                self._results.pop(posicao, None)

    def _ask(self, posicao: int, limite: int) -> None:
        """Queue a page request, starting a worker when none is free (lock held)."""
        self._wanted.add(posicao)
        heapq.heappush(self._jobs, (posicao, limite))
        if self._idle < len(self._jobs) and self._workers < self._pacing.cap:
            self._workers += 1
            worker = threading.Thread(
                target=self._work, name=f"ramal-page-{self._workers}", daemon=True
            )
            self.threads.append(worker)
            worker.start()
        self._has_jobs.notify()

    def _stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._jobs.clear()
            self._wanted.clear()
            self._results.clear()
            self._changed.notify_all()
            self._has_jobs.notify_all()
        self._pacing.wake_all()

    # The workers' side.

    def _is_stopped(self) -> bool:
        return self._stopped

    def _work(self) -> None:
        try:
            while True:
                with self._changed:
                    while not self._jobs and not self._stopped:
                        self._idle += 1
                        self._has_jobs.wait()
                        self._idle -= 1
                    if self._stopped:
                        return
                    posicao, limite = heapq.heappop(self._jobs)
                result: Page[T] | Exception | None
                try:
                    result = self._fetch_paced(posicao, limite)
                except Exception as exc:  # handed to the consumer, raised there
                    result = exc
                with self._changed:
                    if result is not None and posicao in self._wanted:
                        self._results[posicao] = result
                        self._changed.notify()  # the consumer: the only one waiting there
        finally:
            with self._changed:
                self._workers -= 1
            if self._on_worker_exit is not None:
                self._on_worker_exit()

    def _fetch_paced(self, posicao: int, limite: int) -> Page[T] | None:
        """One page within the limiter's bound (None when the stream stopped first).

        A 429 is not the report's failure: the page waits for the ``Retry-After`` (a
        second when none is given) and for the limiter's pace, and is asked again.
        """
        pacing = self._pacing
        attempts = PageAttempts(pacing)
        while True:
            if not pacing.acquire(self._is_stopped):
                return None
            try:
                # A 429 comes back here at once: the limiter spaces the next attempt.
                with observing(attempts, paces_refusals=True):
                    return self._fetch_page(posicao, limite)
            except ApiError as exc:
                if not attempts.refused(exc):
                    raise
            finally:
                pacing.release()
