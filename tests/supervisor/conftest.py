"""Fixtures for the supervisor tests: the qasync loop on Qt and a sandbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.sandbox.server import SandboxThread


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="sup-token") as running:
        yield running
