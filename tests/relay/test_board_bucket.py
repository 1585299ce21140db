"""The board bucket's writer: a write that fails is tried again, a newer row wins."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from nats.errors import TimeoutError as NatsTimeoutError
from nats.js.errors import KeyNotFoundError

from desktop.core.board import RamalState
from desktop.core.board_rows import BoardRow
from desktop.relay import board_bucket
from desktop.relay.board_bucket import BoardBucket
from desktop.relay.metrics import RelayMetrics

T0 = datetime(2026, 6, 15, 15, 0, tzinfo=UTC)


class FlakyKv:
    """A key-value bucket in memory whose first ``failures`` writes time out."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.values: dict[str, tuple[int, bytes]] = {}

    async def get(self, key: str) -> SimpleNamespace:
        if key not in self.values:
            raise KeyNotFoundError
        revision, value = self.values[key]
        return SimpleNamespace(revision=revision, value=value)

    def _write(self, key: str, value: bytes) -> int:
        if self.failures:
            self.failures -= 1
            raise NatsTimeoutError
        revision = self.values.get(key, (0, b""))[0] + 1
        self.values[key] = (revision, value)
        return revision

    async def create(self, key: str, value: bytes) -> int:
        return self._write(key, value)

    async def update(self, key: str, value: bytes, last: int) -> int:
        return self._write(key, value)


def row(state: RamalState, seconds: int) -> BoardRow:
    return BoardRow(ramal="4001", state=state, updated=T0 + timedelta(seconds=seconds))


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(board_bucket, "_RETRY_FIRST_S", 0.01, raising=False)


async def wait_for(check: object, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_a_failed_write_is_tried_again_until_it_lands() -> None:
    kv, metrics = FlakyKv(failures=3), RelayMetrics()
    bucket = BoardBucket(kv, metrics)  # type: ignore[arg-type]
    bucket.start()
    try:
        assert bucket.offer(row(RamalState.RINGING, 1))
        await wait_for(lambda: "4001" in kv.values)
        stored = await bucket.row("4001")
        assert stored is not None and stored.state is RamalState.RINGING
        assert metrics.board_errors == 3
        assert metrics.board_updates == 1
    finally:
        await bucket.close()


async def test_a_newer_row_is_not_overwritten_by_an_older_retry() -> None:
    kv, metrics = FlakyKv(failures=1), RelayMetrics()
    bucket = BoardBucket(kv, metrics)  # type: ignore[arg-type]
    bucket.start()
    try:
        bucket.offer(row(RamalState.RINGING, 1))  # this write times out
        await wait_for(lambda: metrics.board_errors == 1)
        bucket.offer(row(RamalState.TALKING, 2))  # newer, written at once
        await wait_for(lambda: metrics.board_updates == 1)
        await asyncio.sleep(0.2)  # the older row's retry has come and gone
        stored = await bucket.row("4001")
        assert stored is not None and stored.state is RamalState.TALKING
        assert metrics.board_updates == 1
    finally:
        await bucket.close()
