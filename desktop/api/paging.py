"""Walking ``posicao``/``limite`` reports: sequentially, or streamed with pages in flight.

A page fetcher is ``fetch_page(posicao, limite) -> Page[T]``; when a report ends is
decided by :mod:`desktop.api.paging_rules` (empty, short, ``total`` reached, or a page
repeating the previous one). ``limite`` never exceeds 200.
"""

from __future__ import annotations

import asyncio
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Sequence,
)
from contextlib import aclosing
from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.api.concurrency import DEFAULT_MAX_CONCURRENCY, AdaptiveConcurrency, observing
from desktop.api.errors import ApiError
from desktop.api.models.page import Page
from desktop.api.pacing import PageAttempts
from desktop.api.paging_rules import MAX_PAGE_SIZE, Progress
from desktop.api.paging_rules import is_last as _is_last
from desktop.api.paging_rules import page_size as _page_size
from desktop.api.paging_rules import repeats as _repeats

__all__ = [
    "FetchPage",
    "Progress",
    "Report",
    "fetch_all_concurrent",
    "iter_items",
    "iter_pages",
    "stream_pages",
]

T = TypeVar("T")
FetchPage = Callable[[int, int], Awaitable[Page[T]]]


async def iter_pages(
    fetch_page: FetchPage[T],
    *,
    page_size: int = MAX_PAGE_SIZE,
    start: int = 0,
    previous: Sequence[T] | None = None,
) -> AsyncIterator[Page[T]]:
    """Yield non-empty pages in order, one request at a time."""
    size = _page_size(page_size)
    posicao = start
    while True:
        page = await fetch_page(posicao, size)
        if not page.items or _repeats(page, previous):
            return
        yield page
        posicao += len(page.items)
        if _is_last(page, size, posicao):
            return
        previous = page.items


async def iter_items(
    fetch_page: FetchPage[T], *, page_size: int = MAX_PAGE_SIZE
) -> AsyncIterator[T]:
    """Yield every row of a report, one page request at a time."""
    async for page in iter_pages(fetch_page, page_size=page_size):
        for item in page.items:
            yield item


async def _fetch_paced(
    fetch_page: FetchPage[T], posicao: int, limite: int, pacing: AdaptiveConcurrency
) -> Page[T]:
    """One page within the pacing's bound, telling it how every attempt went.

    A 429 is not the report's failure: the page waits for the ``Retry-After`` (a second
    when none is given) and for the limiter's pace, and is asked again.
    """
    attempts = PageAttempts(pacing)
    while True:
        await pacing.acquire()
        try:
            # A 429 comes back here at once: the limiter spaces the next attempt.
            with observing(attempts, paces_refusals=True):
                return await fetch_page(posicao, limite)
        except ApiError as exc:
            if not attempts.refused(exc):
                raise
        finally:
            pacing.release()


async def stream_pages(
    fetch_page: FetchPage[T],
    *,
    page_size: int = MAX_PAGE_SIZE,
    concurrency: int | AdaptiveConcurrency = DEFAULT_MAX_CONCURRENCY,
    progress: Progress | None = None,
    speculate: bool = False,
) -> AsyncGenerator[Page[T], None]:
    """Yield a report's pages in order while the next ones are in flight.

    The first page tells ``total``; later pages are then requested together, as many at
    once as an :class:`AdaptiveConcurrency` allows (``concurrency`` is its cap, or the
    limiter itself), and yielded in report order as soon as each one and all before it
    have arrived. With ``speculate`` the first round does not wait for ``total``: it asks
    for as many pages as the limiter allows at first (``posicao`` 0, 200, 400 …), and
    those past the end come back empty and are dropped. At most the cap's worth of pages
    waits here for the consumer, so a report of any size takes bounded memory. Without
    ``total`` pages are read one after the other. ``progress`` gets ``(rows read so far,
    total or None)`` after each page. Closing the generator, cancelling the consumer or a
    failing page cancels every page request still pending; the failure is raised.
    """
    pacing = (
        concurrency
        if isinstance(concurrency, AdaptiveConcurrency)
        else AdaptiveConcurrency(concurrency)
    )
    size = _page_size(page_size)
    # Pages asked for before the first answer, by posicao; whatever is not used is cancelled.
    started: dict[int, asyncio.Task[Page[T]]] = {}
    if speculate:
        for ahead in range(pacing.limit):
            coro = _fetch_paced(fetch_page, ahead * size, size, pacing)
            started[ahead * size] = asyncio.create_task(coro)
    try:
        async for page in _stream(fetch_page, size, pacing, progress, started):
            yield page
    finally:
        await _cancel(started.values())


async def _cancel(tasks: Iterable[asyncio.Task[Page[T]]]) -> None:
    pending = list(tasks)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)


async def _stream(
    fetch_page: FetchPage[T],
    size: int,
    pacing: AdaptiveConcurrency,
    progress: Progress | None,
    started: dict[int, asyncio.Task[Page[T]]],
) -> AsyncGenerator[Page[T], None]:
    if 0 in started:
        first = await started.pop(0)
    else:
        first = await _fetch_paced(fetch_page, 0, size, pacing)
    if progress is not None:
        progress(len(first.items), first.total)
    if not first.items:
        return
    yield first
    done = len(first.items)
    step = min(size, first.limite)
    if _is_last(first, size, done):
        return
    if step != size or first.total is None:
        # Asked at the wrong positions, or without a total to say which pages exist.
        await _cancel(started.values())
        started.clear()
    if first.total is None or done < step:
        previous: Sequence[T] = first.items
        while True:
            page = await _fetch_paced(fetch_page, done, step, pacing)
            if not page.items or _repeats(page, previous):
                return
            done += len(page.items)
            if progress is not None:
                progress(done, first.total)
            yield page
            if _is_last(page, step, done):
                return
            previous = page.items
    else:
        async for page in _ordered(fetch_page, first, step, pacing, progress, started):
            yield page


async def _ordered(
    fetch_page: FetchPage[T],
    first: Page[T],
    step: int,
    pacing: AdaptiveConcurrency,
    progress: Progress | None,
    started: dict[int, asyncio.Task[Page[T]]],
) -> AsyncGenerator[Page[T], None]:
    total = first.total or 0
    positions = range(len(first.items), total, step)
    # Pages already asked for are taken over; those past the end are left to be cancelled.
    tasks = {positions.index(p): started.pop(p) for p in list(started) if p in positions}
    done = len(first.items)
    previous: Sequence[T] = first.items
    try:
        for index in range(len(positions)):
            # Pages more than the cap ahead of the consumer are not even asked for yet.
            for ahead in range(index, min(len(positions), index + pacing.cap)):
                if ahead not in tasks:
                    coro = _fetch_paced(fetch_page, positions[ahead], step, pacing)
                    tasks[ahead] = asyncio.create_task(coro)
            waiting = tasks[index]
            while not waiting.done():
                finished, _ = await asyncio.wait(
                    tasks.values(), return_when=asyncio.FIRST_COMPLETED
                )
                for task in finished:
                    if task.exception() is not None:
                        await task  # the first failure ends the report
            page = tasks.pop(index).result()
            if not page.items or _repeats(page, previous):
                return
            done += len(page.items)
            if progress is not None:
                progress(done, total)
            yield page
            previous = page.items
    finally:
        await _cancel(tasks.values())


async def fetch_all_concurrent(
    fetch_page: FetchPage[T],
    *,
    page_size: int = MAX_PAGE_SIZE,
    concurrency: int | AdaptiveConcurrency = DEFAULT_MAX_CONCURRENCY,
    progress: Progress | None = None,
    speculate: bool = False,
) -> list[T]:
    """Read a whole report into a list (see :func:`stream_pages`)."""
    items: list[T] = []
    pages = stream_pages(
        fetch_page,
        page_size=page_size,
        concurrency=concurrency,
        progress=progress,
        speculate=speculate,
    )
    async with aclosing(pages):
        async for page in pages:
            items.extend(page.items)
    return items


@dataclass(frozen=True, slots=True)
class Report(Generic[T]):
    """A report query with its filters bound: page it, iterate it or read it all."""

    fetch_page: FetchPage[T]

    async def page(self, posicao: int = 0, limite: int = 100) -> Page[T]:
        """One page."""
        return await self.fetch_page(posicao, limite)

    def pages(self, page_size: int = MAX_PAGE_SIZE) -> AsyncIterator[Page[T]]:
        """Pages in order, one request at a time."""
        return iter_pages(self.fetch_page, page_size=page_size)

    def items(self, page_size: int = MAX_PAGE_SIZE) -> AsyncIterator[T]:
        """Rows in order, one page request at a time."""
        return iter_items(self.fetch_page, page_size=page_size)

    def __aiter__(self) -> AsyncIterator[T]:
        return self.items()

    def stream(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int | AdaptiveConcurrency = DEFAULT_MAX_CONCURRENCY,
        progress: Progress | None = None,
        speculate: bool = False,
    ) -> AsyncGenerator[Page[T], None]:
        """Pages in order, the next ones in flight meanwhile (see :func:`stream_pages`)."""
        return stream_pages(
            self.fetch_page,
            page_size=page_size,
            concurrency=concurrency,
            progress=progress,
            speculate=speculate,
        )

    async def fetch_all(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int | AdaptiveConcurrency = DEFAULT_MAX_CONCURRENCY,
        progress: Progress | None = None,
    ) -> list[T]:
        """Every row, fetching pages concurrently when the server reports ``total``."""
        return await fetch_all_concurrent(
            self.fetch_page, page_size=page_size, concurrency=concurrency, progress=progress
        )
