"""Fixtures for the sandbox tests: a real server on a real loopback port, plain httpx clients."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import httpx
import pytest
from instants import INSTANTS

from desktop.sandbox import SandboxThread
from desktop.sandbox.timeutil import Clock, clock_from

WaitUntil = Callable[..., object]


@pytest.fixture
def clock() -> Clock:
    """The sandbox's clock: a fixed São Paulo noon, running on, whatever the real hour."""
    return clock_from(INSTANTS["12:00"])


@pytest.fixture
def today(clock: Clock) -> date:
    """The sandbox's day."""
    return clock().date()


@pytest.fixture
def sandbox(clock: Clock) -> Iterator[SandboxThread]:
    with SandboxThread(token="test-token", clock=clock) as running:
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
def whole_history(today: date) -> dict[str, str]:
    """A report window that covers all seeded data."""
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
