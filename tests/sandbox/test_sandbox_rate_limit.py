"""``rate_limit_per_s``: a provider-like 429 with Retry-After, per token, off by default."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import httpx

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api.concurrency import AdaptiveConcurrency
from desktop.sandbox import SandboxThread
from desktop.sandbox.rate_limit import RateLimiter
from desktop.sandbox.store import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_second_of_burst_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(Settings(rate_limit_per_s=4), clock)
    assert [limiter.wait_for("a") for _ in range(4)] == [None] * 4
    assert limiter.wait_for("a") == 0.25
    assert limiter.wait_for("b") is None  # another token has its own bucket
    clock.now += 0.5
    assert [limiter.wait_for("a") for _ in range(3)] == [None, None, 0.25]
    assert (limiter.allowed, limiter.refused) == (7, 2)


def test_off_by_default_and_with_null_or_zero() -> None:
    assert all(RateLimiter(Settings()).wait_for("a") is None for _ in range(100))
    assert all(RateLimiter(Settings(rate_limit_per_s=None)).wait_for("a") is None for _ in range(9))


def test_over_the_rate_is_429_with_retry_after_and_control_is_never_limited(
    api: httpx.Client, control: httpx.Client, whole_history: dict[str, str]
) -> None:
    assert control.post("/settings", json={"rate_limit_per_s": 2}).json()["rate_limit_per_s"] == 2
    answers = [api.get("/chamada/relatorio", params=whole_history) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    refused = answers[-1]
    assert refused.headers["Retry-After"] == "1"
    assert refused.json()["sucesso"] is False and refused.json()["status"] == 429
    assert all(control.get("/settings").status_code == 200 for _ in range(5))
    assert control.post("/settings", json={"rate_limit_per_s": "x"}).status_code == 400
    assert control.post("/settings", json={"rate_limit_per_s": None}).status_code == 200
    assert api.get("/chamada/relatorio", params=whole_history).status_code == 200


def test_a_paged_read_under_the_limit_gets_every_row_and_backs_off(
    sandbox: SandboxThread, control: httpx.Client, today: date
) -> None:
    start, end = today - timedelta(days=40), today + timedelta(days=1)  # the sandbox's day

    async def read(pacing: AdaptiveConcurrency | int) -> list[int | str]:
        config = ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=1)
        async with TotalVoiceClient(sandbox.token, config) as client:
            report = client.chamadas.report(start, end)
            return [c.id for c in await report.fetch_all(page_size=20, concurrency=pacing)]

    expected = asyncio.run(read(1))
    control.post("/settings", json={"rate_limit_per_s": 5})
    pacing = AdaptiveConcurrency(16)
    assert asyncio.run(read(pacing)) == expected
    limiter = sandbox.server.rate_limiter  # type: ignore[union-attr]
    assert limiter.refused > 0  # the limit was met ...
    assert pacing.cuts > 0  # ... and the reader halved its requests in flight
    assert pacing.peak <= 16
