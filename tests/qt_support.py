"""Helpers shared by the Qt tests (``tests/`` is on pytest's ``pythonpath``)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from pytestqt.qtbot import QtBot

T = TypeVar("T")


def run(qtbot: QtBot, coro: Awaitable[T], timeout: int = 10_000) -> T:
    """Run ``coro`` on the running qasync loop (the ``qloop`` fixture) and return its result."""
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()
