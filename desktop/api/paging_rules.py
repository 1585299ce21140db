"""When a ``posicao``/``limite`` report ends, shared by every way of paging it.

Paging stops on an empty page, on a page shorter than the page size, once ``total`` rows
were read (when the server reports ``total``), and when a page repeats the previous one
(a server that ignores ``posicao`` would otherwise be read forever). ``limite`` never
exceeds 200. Nothing here imports asyncio: the threaded pages of
:mod:`desktop.api.threaded_paging` follow the same rules as :mod:`desktop.api.paging`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from desktop.api.wire import MAX_PAGE_SIZE

if TYPE_CHECKING:
    from desktop.api.models.page import Page

__all__ = ["MAX_PAGE_SIZE", "Progress", "is_last", "page_size", "repeats"]

T = TypeVar("T")
#: Told ``(rows read so far, total or None)`` after each page.
Progress = Callable[[int, int | None], None]


def page_size(requested: int) -> int:
    """The ``limite`` to ask for: ``requested`` within 1…200."""
    return max(1, min(MAX_PAGE_SIZE, requested))


def is_last(page: Page[T], asked: int, next_posicao: int) -> bool:
    """True when no page follows ``page`` (``next_posicao``: the rows read so far)."""
    if page.total is not None:
        return next_posicao >= page.total
    # A server may clamp limite below what was asked; its own limite is the page size then.
    return len(page.items) < min(asked, page.limite)


def repeats(page: Page[T], previous: Sequence[T] | None) -> bool:
    """True (and a warning logged) when ``page`` holds the same rows as the one before."""
    if previous is not None and tuple(page.items) == tuple(previous):
        import logging  # rarely needed: not loaded before a report's first request

        logging.getLogger("desktop.api.paging").warning(
            "report page at posicao %d repeats the previous one; stopping", page.posicao
        )
        return True
    return False
