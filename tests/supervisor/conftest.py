"""Fixtures for the supervisor tests: a sandbox and the clock it shares with the feed.

Both read the same fixed instant (running on from there), so no test depends on the hour
or the date it runs at; tests that must hold at any hour parametrize ``instant``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from instants import INSTANTS

from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import Clock, clock_from


@pytest.fixture
def instant() -> datetime:
    """When the test runs, as far as the sandbox and the feed know (overridable)."""
    return INSTANTS["12:00"]


@pytest.fixture
def clock(instant: datetime) -> Clock:
    """Reads ``instant`` at the start of the test and runs at the real pace."""
    return clock_from(instant)


@pytest.fixture
def sandbox(clock: Clock) -> Iterator[SandboxThread]:
    with SandboxThread(token="sup-token", clock=clock) as running:
        yield running
