"""Walking ``posicao``/``limite`` reports: sequentially, or several pages at once.

A page fetcher is ``fetch_page(posicao, limite) -> Page[T]``. Paging stops on an empty
page, on a page shorter than the page size, once ``total`` rows were read (when the
server reports ``total``), and when a page repeats the previous one (a server that
ignores ``posicao`` would otherwise be read forever). ``limite`` never exceeds 200.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.api.models.page import Page
from desktop.api.wire import MAX_PAGE_SIZE

__all__ = [
    "FetchPage",
    "Progress",
    "Report",
    "fetch_all_concurrent",
    "iter_items",
    "iter_pages",
]

log = logging.getLogger(__name__)

T = TypeVar("T")
FetchPage = Callable[[int, int], Awaitable[Page[T]]]
Progress = Callable[[int, int | None], None]


def _page_size(requested: int) -> int:
    return max(1, min(MAX_PAGE_SIZE, requested))


def _is_last(page: Page[T], asked: int, next_posicao: int) -> bool:
    if page.total is not None:
        return next_posicao >= page.total
    # A server may clamp limite below what was asked; its own limite is the page size then.
    return len(page.items) < min(asked, page.limite)


def _repeats(page: Page[T], previous: Sequence[T] | None) -> bool:
    if previous is not None and tuple(page.items) == tuple(previous):
        log.warning("report page at posicao %d repeats the previous one; stopping", page.posicao)
        return True
    return False


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


async def fetch_all_concurrent(
    fetch_page: FetchPage[T],
    *,
    page_size: int = MAX_PAGE_SIZE,
    concurrency: int = 4,
    progress: Progress | None = None,
) -> list[T]:
    """Read a whole report, up to ``concurrency`` page requests in flight.

    The first page tells ``total``; the other pages are then requested together and
    returned in order. Without ``total`` the report is read sequentially. ``progress``
    gets ``(rows read so far, total or None)`` after each page. Cancelling the caller
    cancels every page request still pending; the first failing page cancels the rest
    and its error is raised.
    """
    size = _page_size(page_size)
    first = await fetch_page(0, size)
    items = list(first.items)
    if progress is not None:
        progress(len(items), first.total)
    step = min(size, first.limite)
    if not items or _is_last(first, size, len(items)):
        return items
    if first.total is None or len(items) < step:
        async for page in iter_pages(fetch_page, page_size=step, start=len(items), previous=items):
            items.extend(page.items)
            if progress is not None:
                progress(len(items), first.total)
        return items

    total = first.total
    gate = asyncio.Semaphore(max(1, concurrency))

    async def fetch(posicao: int) -> Page[T]:
        async with gate:
            return await fetch_page(posicao, step)

    tasks = [asyncio.create_task(fetch(posicao)) for posicao in range(len(items), total, step)]
    done = len(items)
    try:
        for finished in asyncio.as_completed(tasks):
            page = await finished
            done += len(page.items)
            if progress is not None:
                progress(done, total)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise

    previous: Sequence[T] = first.items
    for task in tasks:
        page = task.result()
        if not page.items or _repeats(page, previous):
            break
        items.extend(page.items)
        previous = page.items
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

    async def fetch_all(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int = 4,
        progress: Progress | None = None,
    ) -> list[T]:
        """Every row, fetching pages concurrently when the server reports ``total``."""
        return await fetch_all_concurrent(
            self.fetch_page, page_size=page_size, concurrency=concurrency, progress=progress
        )
