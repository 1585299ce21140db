"""The board in the KV bucket: the latest row per ramal, written behind the stream.

An event is durable once the stream holds it; the board is derived from events, so rows
are written by a background task that keeps only the latest row per ramal while a write
is pending. Under a burst a ramal's key is written once per round trip, not once per
event. Writes are compare-and-set: when another relay wrote first, the stored row is read
again and ours goes in only if it is newer. A write that fails (NATS away, a timeout) is
tried again later, with a growing pause, unless a newer row of the ramal came meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable

from nats.js.errors import KeyNotFoundError, KeyWrongLastSequenceError
from nats.js.kv import KeyValue

from desktop.core.board_rows import BoardRow
from desktop.relay.metrics import RelayMetrics

__all__ = ["BoardBucket"]

_log = logging.getLogger(__name__)
_ATTEMPTS = 8
_RETRY_FIRST_S = 0.5
_RETRY_MAX_S = 10.0


class BoardBucket:
    """Keeps the board bucket at the latest row of every ramal."""

    def __init__(self, kv: KeyValue, metrics: RelayMetrics, concurrency: int = 32) -> None:
        self._kv = kv
        self._metrics = metrics
        self._known: dict[str, tuple[int, BoardRow | None]] = {}
        self._pending: dict[str, tuple[BoardRow, bool]] = {}
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._limit = asyncio.Semaphore(concurrency)
        self._task: asyncio.Task[None] | None = None
        self._retries: dict[str, asyncio.TimerHandle] = {}
        self._failures: dict[str, int] = {}

    def start(self) -> None:
        """Start the writer task."""
        if self._task is None:
            self._task = asyncio.create_task(self._write_loop(), name="ramal-relay-board")

    async def close(self) -> None:
        """Write what is pending, then stop the writer (writes waiting to retry are dropped)."""
        await self.flush()
        for handle in self._retries.values():
            handle.cancel()
        self._retries.clear()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def flush(self) -> None:
        """Wait until every row offered so far is written (or found older)."""
        while self._pending or not self._idle.is_set():
            await self._idle.wait()
            if self._pending:
                self._wake.set()
                await asyncio.sleep(0)

    def offer(self, row: BoardRow, *, yield_to_call: bool = False) -> bool:
        """Queue ``row`` unless what this relay knows of the ramal is newer.

        ``yield_to_call`` (a polled pause) leaves a ramal that is in a call as it is: the
        call's own end shows the pause. An older row still brings its counters.
        """
        queued = self._pending.get(row.ramal)
        current = queued[0] if queued else self._known.get(row.ramal, (0, None))[1]
        write = row.onto(current, yield_to_call=yield_to_call)
        if write is None:
            return False
        self._pending[row.ramal] = (write, yield_to_call)
        self._idle.clear()
        self._wake.set()
        return True

    def offer_all(self, rows: Iterable[BoardRow]) -> int:
        """Offer several rows; the number queued."""
        return sum(self.offer(row) for row in rows)

    async def row(self, ramal: str) -> BoardRow | None:
        """The stored row of ``ramal`` (read from the bucket)."""
        return (await self._load(ramal))[1]

    async def _load(self, ramal: str) -> tuple[int, BoardRow | None]:
        try:
            entry = await self._kv.get(ramal)
        except KeyNotFoundError:
            state: tuple[int, BoardRow | None] = (0, None)
        else:
            state = (entry.revision or 0, BoardRow.decode(entry.value or b""))
        self._known[ramal] = state
        return state

    async def _write_loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, {}
            if batch:
                await asyncio.gather(*(self._write(row, y) for row, y in batch.values()))
            if not self._pending:
                self._idle.set()

    async def _write(self, row: BoardRow, yield_to_call: bool) -> None:
        async with self._limit:
            try:
                await self._compare_and_set(row, yield_to_call)
            except Exception as exc:
                self._metrics.board_errors += 1
                self._known.pop(row.ramal, None)
                failures = self._failures.get(row.ramal, 0) + 1
                self._failures[row.ramal] = failures
                delay = min(_RETRY_MAX_S, _RETRY_FIRST_S * 2 ** (failures - 1))
                _log.warning(
                    "quadro: ramal %s não gravado (%s); nova tentativa em %.1f s",
                    row.ramal,
                    exc,
                    delay,
                )
                self._retry_later(row, yield_to_call, delay)
            else:
                self._failures.pop(row.ramal, None)

    def _retry_later(self, row: BoardRow, yield_to_call: bool, delay: float) -> None:
        old = self._retries.pop(row.ramal, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self._retries[row.ramal] = loop.call_later(delay, self._retry, row, yield_to_call)

    def _retry(self, row: BoardRow, yield_to_call: bool) -> None:
        self._retries.pop(row.ramal, None)
        queued = self._pending.get(row.ramal)
        if queued is not None and not row.supersedes(queued[0]):
            return  # a newer row of the ramal is on its way already
        self._pending[row.ramal] = (row, yield_to_call)
        self._idle.clear()
        self._wake.set()

    async def _compare_and_set(self, row: BoardRow, yield_to_call: bool) -> None:
        revision, stored = self._known.get(row.ramal) or await self._load(row.ramal)
        for _ in range(_ATTEMPTS):
            write = row.onto(stored, yield_to_call=yield_to_call)
            if write is None:
                return
            try:
                if revision:
                    new_revision = await self._kv.update(row.ramal, write.encode(), last=revision)
                else:
                    new_revision = await self._kv.create(row.ramal, write.encode())
            except KeyWrongLastSequenceError:  # another relay wrote first: look again
                revision, stored = await self._load(row.ramal)
                continue
            self._known[row.ramal] = (new_revision, write)
            self._metrics.board_updates += 1
            return
