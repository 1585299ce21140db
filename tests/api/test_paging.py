from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date

import httpx
import pytest
import respx
from api_samples import CHAMADA_OBJETO, V1, envelope

from desktop.api import ApiError, Page, TotalVoiceClient
from desktop.api.concurrency import AdaptiveConcurrency
from desktop.api.paging import (
    Report,
    fetch_all_concurrent,
    iter_items,
    iter_pages,
    stream_pages,
)


class FakeReport:
    """A server-side report of ``size`` rows; records every page request."""

    def __init__(
        self,
        size: int,
        *,
        with_total: bool = True,
        server_limit: int = 200,
        ignore_posicao: bool = False,
    ) -> None:
        self.rows = list(range(size))
        self.with_total = with_total
        self.server_limit = server_limit
        self.ignore_posicao = ignore_posicao
        self.requests: list[tuple[int, int]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.gate: asyncio.Event | None = None
        self.cancelled = 0
        self.fail_at: int | None = None

    async def fetch(self, posicao: int, limite: int) -> Page[int]:
        self.requests.append((posicao, limite))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                await self.gate.wait()
            for _ in range(3):  # let other page requests start meanwhile
                await asyncio.sleep(0)
            if self.fail_at is not None and posicao == self.fail_at:
                raise ApiError(500, 50, "falhou")
            start = 0 if self.ignore_posicao else posicao
            size = min(limite, self.server_limit)
            items = tuple(self.rows[start : start + size])
            total = len(self.rows) if self.with_total else None
            return Page(items, posicao, size, total)
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        finally:
            self.in_flight -= 1


async def collect(fetch: Callable[[int, int], Awaitable[Page[int]]], **kwargs: int) -> list[int]:
    return [item async for item in iter_items(fetch, **kwargs)]


@pytest.mark.parametrize(
    ("size", "with_total", "expected_requests"),
    [
        (0, True, [(0, 200)]),
        (0, False, [(0, 200)]),
        (200, True, [(0, 200)]),
        (200, False, [(0, 200), (200, 200)]),
        (201, True, [(0, 200), (200, 200)]),
        (201, False, [(0, 200), (200, 200)]),
        (450, False, [(0, 200), (200, 200), (400, 200)]),
    ],
)
async def test_sequential_paging_edges(
    size: int, with_total: bool, expected_requests: list[tuple[int, int]]
) -> None:
    report = FakeReport(size, with_total=with_total)
    assert await collect(report.fetch) == list(range(size))
    assert report.requests == expected_requests


async def test_limite_never_above_200_and_server_clamping_is_followed() -> None:
    report = FakeReport(250, with_total=False, server_limit=100)
    assert await collect(report.fetch, page_size=1000) == list(range(250))
    assert report.requests == [(0, 200), (100, 200), (200, 200)]
    small = FakeReport(5, with_total=False)
    assert await collect(small.fetch, page_size=2) == list(range(5))
    assert small.requests == [(0, 2), (2, 2), (4, 2)]


async def test_server_ignoring_posicao_does_not_loop_forever() -> None:
    report = FakeReport(1000, with_total=False, ignore_posicao=True)
    assert await collect(report.fetch) == list(range(200))
    assert len(report.requests) == 2
    concurrent = FakeReport(1000, ignore_posicao=True)
    assert await fetch_all_concurrent(concurrent.fetch) == list(range(200))
    no_total = FakeReport(1000, with_total=False, ignore_posicao=True)
    assert await fetch_all_concurrent(no_total.fetch) == list(range(200))
    assert len(no_total.requests) == 2


async def test_iter_pages_yields_pages() -> None:
    report = FakeReport(401)
    sizes = [len(page) async for page in iter_pages(report.fetch)]
    assert sizes == [200, 200, 1]


@pytest.mark.parametrize("size", [0, 1, 199, 200, 201, 2000, 2001])
async def test_concurrent_fetch_returns_every_row_in_order(size: int) -> None:
    report = FakeReport(size)
    progress: list[tuple[int, int | None]] = []
    rows = await fetch_all_concurrent(
        report.fetch, concurrency=3, progress=lambda done, total: progress.append((done, total))
    )
    assert rows == list(range(size))
    assert progress[0] == (min(size, 200), size)
    assert progress[-1] == (size, size)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert len(progress) == max(1, -(-size // 200))
    assert sorted(p for p, _ in report.requests) == list(range(0, max(size, 1), 200))


async def test_concurrency_bound_is_respected() -> None:
    report = FakeReport(200 * 20)
    rows = await fetch_all_concurrent(report.fetch, concurrency=4)
    assert rows == list(range(4000))
    assert report.max_in_flight == 4


async def test_concurrency_bound_while_pages_are_blocked() -> None:
    report = FakeReport(200 * 10)
    first_done = asyncio.Event()

    async def fetch(posicao: int, limite: int) -> Page[int]:
        if posicao == 0:
            page = await report.fetch(posicao, limite)
            report.gate = asyncio.Event()
            first_done.set()
            return page
        return await report.fetch(posicao, limite)

    task = asyncio.create_task(fetch_all_concurrent(fetch, concurrency=3))
    await first_done.wait()
    for _ in range(20):
        await asyncio.sleep(0)
    assert report.in_flight == 3  # the others wait for the semaphore
    assert report.gate is not None
    report.gate.set()
    assert len(await task) == 2000
    assert report.max_in_flight == 3


async def test_without_total_falls_back_to_sequential() -> None:
    report = FakeReport(650, with_total=False)
    progress: list[tuple[int, int | None]] = []
    rows = await fetch_all_concurrent(
        report.fetch, concurrency=8, progress=lambda d, t: progress.append((d, t))
    )
    assert rows == list(range(650))
    assert report.max_in_flight == 1
    assert progress == [(200, None), (400, None), (600, None), (650, None)]


async def test_cancellation_cancels_pending_page_requests() -> None:
    report = FakeReport(200 * 10)
    first_done = asyncio.Event()

    async def fetch(posicao: int, limite: int) -> Page[int]:
        if posicao == 0:
            page = await report.fetch(posicao, limite)
            report.gate = asyncio.Event()  # every later page hangs
            first_done.set()
            return page
        return await report.fetch(posicao, limite)

    before = asyncio.all_tasks()
    task = asyncio.create_task(fetch_all_concurrent(fetch, concurrency=4))
    await first_done.wait()
    while report.in_flight < 4:
        await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert report.cancelled == 4
    assert report.in_flight == 0
    assert asyncio.all_tasks() == before  # no page task left behind
    assert len(report.requests) == 5  # the waiting pages never started


async def test_a_failing_page_cancels_the_others_and_raises() -> None:
    report = FakeReport(200 * 10)
    report.fail_at = 400
    before = asyncio.all_tasks()
    with pytest.raises(ApiError):
        await fetch_all_concurrent(report.fetch, concurrency=2)
    assert asyncio.all_tasks() == before
    assert report.in_flight == 0


async def test_report_object_through_http(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        posicao = int(request.url.params["posicao"])
        limite = int(request.url.params["limite"])
        rows = [dict(CHAMADA_OBJETO, id=i) for i in range(posicao, min(posicao + limite, 450))]
        return httpx.Response(
            200,
            json=envelope({"relatorio": rows, "total": 450, "posicao": posicao, "limite": limite}),
        )

    route = router.get(f"{V1}/chamada/relatorio").mock(side_effect=answer)
    report = api.chamadas.report(date(2024, 1, 1), date(2024, 1, 31))
    assert isinstance(report, Report)
    calls = await report.fetch_all(concurrency=2)
    assert [c.id for c in calls] == list(range(450))
    assert route.call_count == 3
    assert max(int(c.request.url.params["limite"]) for c in route.calls) == 200
    route.reset()
    ids = [call.id async for call in api.chamadas.iter_report(date(2024, 1, 1), date(2024, 1, 1))]
    assert ids == list(range(450)) and route.call_count == 3
    first = await report.page(0, 10)
    assert len(first) == 10 and first.total == 450
    assert [len(page) async for page in report.pages(page_size=300)] == [200, 200, 50]
    assert len([c async for c in report]) == 450


async def test_speculative_first_round_asks_for_the_limiters_first_window_at_once() -> None:
    report = FakeReport(200 * 20)
    report.gate = asyncio.Event()  # nothing answers until every first request is out
    pacing = AdaptiveConcurrency(32, initial=8)
    task = asyncio.create_task(
        fetch_all_concurrent(report.fetch, concurrency=pacing, speculate=True)
    )
    for _ in range(20):
        await asyncio.sleep(0)
    assert sorted(report.requests) == [(p, 200) for p in range(0, 8 * 200, 200)]
    report.gate.set()
    assert await task == list(range(4000))
    assert sorted(p for p, _ in report.requests) == list(range(0, 4000, 200))  # none twice


@pytest.mark.parametrize("size", [0, 1, 199, 200, 201, 1400, 1600, 1601, 4001])
async def test_speculative_paging_returns_every_row_once_in_order(size: int) -> None:
    report = FakeReport(size)
    before = asyncio.all_tasks()
    progress: list[tuple[int, int | None]] = []
    pages = [
        page.items
        async for page in stream_pages(
            report.fetch, progress=lambda d, t: progress.append((d, t)), speculate=True
        )
    ]
    assert [row for items in pages for row in items] == list(range(size))
    assert all(pages)  # pages past the end are dropped, not yielded empty
    assert progress[-1] == (size, size)
    assert asyncio.all_tasks() == before
    assert report.in_flight == 0


@pytest.mark.parametrize(
    ("with_total", "server_limit", "ignore_posicao", "expected"),
    [
        (True, 100, False, 1000),  # the server pages by 100: the guesses at 200 … are wrong
        (False, 200, False, 1000),  # no total: read one page after the other
        (False, 100, False, 1000),
        (True, 200, True, 200),  # the server ignores posicao: stop at the repeat
    ],
)
async def test_speculative_paging_with_an_unexpected_server(
    with_total: bool, server_limit: int, ignore_posicao: bool, expected: int
) -> None:
    report = FakeReport(
        1000, with_total=with_total, server_limit=server_limit, ignore_posicao=ignore_posicao
    )
    before = asyncio.all_tasks()
    rows = await fetch_all_concurrent(report.fetch, speculate=True)
    assert rows == list(range(expected))
    assert asyncio.all_tasks() == before


async def test_speculative_paging_failure_cancels_the_first_round() -> None:
    report = FakeReport(200 * 10)
    report.fail_at = 0
    before = asyncio.all_tasks()
    with pytest.raises(ApiError):
        await fetch_all_concurrent(report.fetch, speculate=True)
    assert asyncio.all_tasks() == before
    assert report.in_flight == 0


async def test_a_refusal_from_a_fetcher_that_reports_nothing_still_pauses() -> None:
    report = FakeReport(200 * 3)
    refused: set[int] = set()

    async def fetch(posicao: int, limite: int) -> Page[int]:
        if posicao == 200 and posicao not in refused:
            refused.add(posicao)
            raise ApiError(429, 429, "devagar", retry_after=0.01)
        return await report.fetch(posicao, limite)

    pacing = AdaptiveConcurrency(4)
    assert await fetch_all_concurrent(fetch, concurrency=pacing) == list(range(600))
    assert pacing.refusals == 1 and pacing.rate is not None
