"""Fixtures for the history tests: the qasync loop on Qt, a sandbox, a client.

The sandbox starts at a fixed São Paulo noon (``NOON``), so no test depends on the hour
or the date it runs at.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from instants import NOON

from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import clock_from


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="hist-token", clock=clock_from(NOON)) as running:
        yield running
