"""Where the history comes from: the call report, plus a ramal's received calls.

Qt-free; the panel and the export command share it. :meth:`HistorySource.stream` hands
over the report page by page, in report order, while the next pages are in flight (as
many as the adaptive bound allows, up to ``concurrency``); nothing holds the whole
report. Cancelling or closing the stream cancels the pending pages.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable, Sequence
from contextlib import aclosing
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Final

from desktop.api.client import TotalVoiceClient
from desktop.api.concurrency import DEFAULT_MAX_CONCURRENCY
from desktop.api.models.calls import Call
from desktop.history.rows import HistoryRow, raw_text, row_from_call, row_from_received

__all__ = ["DEFAULT_CONCURRENCY", "FetchedCall", "HistorySource", "day_bounds"]

DEFAULT_CONCURRENCY: Final = DEFAULT_MAX_CONCURRENCY
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class FetchedCall:
    """A flattened row and the JSON it came from."""

    row: HistoryRow
    raw: str


def day_bounds(start: date, end: date) -> tuple[float, float]:
    """Epoch seconds of local midnight of ``start`` and the last instant of ``end``."""
    first = datetime.combine(start, time.min).astimezone()
    last = datetime.combine(end, time.max).astimezone()
    return first.timestamp(), last.timestamp()


class HistorySource:
    """Fetches a period of history for everyone (supervisor) or for one ramal ("my calls")."""

    def __init__(
        self,
        client: TotalVoiceClient,
        *,
        ramal: str | None = None,
        ramal_id: int | str | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        offload: bool = True,
        speculate: bool = False,
    ) -> None:
        """``ramal`` keeps only that ramal's calls; ``ramal_id`` adds its received-calls report.

        ``offload`` decodes pages and builds rows in a worker thread, keeping a window's
        event loop free; a command without a window does that work in place.
        ``speculate`` sends the first round of page requests before the first answer
        tells the total (see :func:`desktop.api.paging.stream_pages`): quicker for a large
        report, a few empty pages asked for in vain for a small one.
        """
        self.client = client
        self.ramal = ramal
        self.ramal_id = ramal_id
        self.concurrency = concurrency
        self.offload = offload
        self.speculate = speculate

    @property
    def scope(self) -> str:
        """Cache key of what this source fetches."""
        return f"ramal:{self.ramal}" if self.ramal else "all"

    async def stream(
        self, start: date, end: date, progress: Progress | None = None
    ) -> AsyncGenerator[list[FetchedCall], None]:
        """The period's calls (local days, inclusive) page by page, in report order.

        Only this source's ramal's calls when it has one; a page may then be empty.
        """
        report = self.client.chamadas.report(start, end, offload=self.offload)
        pages = report.stream(
            concurrency=self.concurrency, progress=progress, speculate=self.speculate
        )
        async with aclosing(pages):
            async for page in pages:
                if self.offload:
                    yield await asyncio.to_thread(self._rows, page.items)
                else:
                    yield self._rows(page.items)

    async def stream_records(
        self, start: date, end: date, progress: Progress | None = None
    ) -> AsyncGenerator[list[bytes], None]:
        """The period's calls as the JSON bytes received, page by page, in report order.

        Without a ramal to keep, no call is even decoded: a JSON export needs none.
        """
        if self.ramal:
            async with aclosing(self.stream(start, end, progress)) as kept:
                async for fetched in kept:
                    yield [f.raw.encode("utf-8") for f in fetched]
            return
        report = self.client.chamadas.records(start, end, offload=self.offload)
        pages = report.stream(
            concurrency=self.concurrency, progress=progress, speculate=self.speculate
        )
        async with aclosing(pages):
            async for page in pages:
                yield list(page.items)

    def _rows(self, calls: Sequence[Call]) -> list[FetchedCall]:
        fetched = [_fetched(call) for call in calls]
        wanted = self.ramal
        if not wanted:
            return fetched
        return [
            f
            for f in fetched
            if f.row.ramal == wanted or wanted in (f.row.origin, f.row.destination)
        ]

    async def received(
        self, start: date, end: date, known: set[str]
    ) -> AsyncGenerator[list[FetchedCall], None]:
        """The ramal's received calls not in ``known`` (nothing when it has no ``ramal_id``)."""
        if self.ramal_id is None:
            return
        report = self.client.ramais.received_calls(self.ramal_id, start, end)
        pages = report.stream(concurrency=self.concurrency)
        async with aclosing(pages):
            async for page in pages:
                yield [
                    FetchedCall(row_from_received(r), raw_text(r.raw))
                    for r in page.items
                    if str(r.id) not in known
                ]

    async def fetch(
        self, start: date, end: date, progress: Progress | None = None
    ) -> list[FetchedCall]:
        """Every call of the period (local days, inclusive), newest first."""
        fetched: list[FetchedCall] = []
        async for page in self.stream(start, end, progress):
            fetched += page
        known = {f.row.call_id for f in fetched}
        async for page in self.received(start, end, known):
            fetched += page
        fetched.sort(key=lambda f: f.row.created_ts or 0.0, reverse=True)
        return fetched

    async def rate(self, call_id: str, nota: int, comentario: str) -> None:
        """POST /chamada/{id}/avaliar."""
        await self.client.chamadas.avaliar(call_id, nota, comentario)

    async def download(self, call_id: str, target: Path, progress: Progress | None = None) -> Path:
        """Stream the recording into ``target`` (resumes a ``.part`` left by a failure)."""
        return await self.client.chamadas.download_recording(call_id, target, progress=progress)

    async def download_url(self, url: str, target: Path, progress: Progress | None = None) -> Path:
        """Stream a partial recording given by URL."""
        from desktop.api.downloads import download_to  # not needed to read reports

        return await download_to(self.client.transport, url, target, progress=progress)


def _fetched(call: Call) -> FetchedCall:
    return FetchedCall(row_from_call(call), raw_text(call.raw))
