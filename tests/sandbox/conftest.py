"""Fixtures for the sandbox tests: a real server on a real loopback port, plain httpx clients."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import httpx
import pytest

from desktop.sandbox import SandboxThread

WaitUntil = Callable[..., object]


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="test-token") as running:
        yield running


@pytest.fixture
def api(sandbox: SandboxThread) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=sandbox.base_url, headers={"Access-Token": sandbox.token}, timeout=10
    ) as client:
        yield client


@pytest.fixture
def control(sandbox: SandboxThread) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url + "/_sandbox", timeout=10) as client:
        yield client


@pytest.fixture
def fast(control: httpx.Client) -> None:
    """Calls answer and end quickly."""
    reply = control.post("/settings", json={"auto_answer_ms": 50, "talk_ms": 150})
    assert reply.status_code == 200


@pytest.fixture
def whole_history() -> dict[str, str]:
    """A report window that covers all seeded data."""
    today = date.today()
    return {
        "data_inicio": (today - timedelta(days=40)).isoformat(),
        "data_fim": (today + timedelta(days=1)).isoformat(),
    }


@pytest.fixture
def wait_until() -> WaitUntil:
    """Poll ``check`` until it returns something truthy (fails after a generous deadline)."""

    def wait(check: Callable[[], object], timeout: float = 10.0, interval: float = 0.02) -> object:
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            if time.monotonic() > deadline:
                pytest.fail(f"condição não atingida em {timeout} s")
            time.sleep(interval)

    return wait
