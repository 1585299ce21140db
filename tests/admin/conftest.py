"""Fixtures for the admin tests: the qasync loop on Qt, a sandbox, a client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.sandbox.server import SandboxThread


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="admin-token") as running:
        yield running
