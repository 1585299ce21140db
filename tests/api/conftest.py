"""Fixtures for the API client tests: distinct fake hosts, respx, no real waiting."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import respx
from api_samples import RAMAL, TOKEN, V1, VOICE

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient


@pytest.fixture
def config() -> ApiConfig:
    return ApiConfig(
        hosts=ApiHosts(v1=V1, ramal=RAMAL, voice=VOICE),
        timeout=5,
        connect_timeout=2,
        max_retries=3,
        backoff_base=0.001,
        backoff_max=0.004,
        retry_after_max=30,
    )


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as mock:
        yield mock


@pytest.fixture
async def api(
    config: ApiConfig, sleeps: list[float], router: respx.MockRouter
) -> AsyncIterator[TotalVoiceClient]:
    async def record_sleep(delay: float) -> None:
        sleeps.append(delay)

    async with httpx.AsyncClient() as http:
        client = TotalVoiceClient(TOKEN, config, http, sleep=record_sleep)
        yield client
        await client.aclose()
