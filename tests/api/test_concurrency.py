"""Adaptive concurrency of paged reads, and pages streamed in order while others fly."""

from __future__ import annotations

import asyncio
import random
from datetime import date

import httpx
import pytest
import respx
from api_samples import CHAMADA_OBJETO, TOKEN, V1, envelope

from desktop.api import ApiConfig, ApiError, ApiHosts, Page, TotalVoiceClient
from desktop.api.concurrency import AdaptiveConcurrency, observing, report_attempt
from desktop.api.paging import stream_pages


class Clock:
    """A clock the test moves; ``sleep`` moves it too and records the waits."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_grows_while_latency_holds_and_never_passes_the_cap() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(10, initial=2, clock=clock)
    assert pacing.limit == 2
    for _ in range(4):
        pacing.record(200, 0.05, None)
    assert pacing.limit == 6  # one more per answer while nothing pushes back
    for _ in range(50):
        pacing.record(200, 0.05, None)
    assert pacing.limit == 10


def test_a_slower_server_stops_the_growth() -> None:
    pacing = AdaptiveConcurrency(32, initial=4, clock=Clock())
    pacing.record(200, 0.05, None)
    assert pacing.limit == 5
    for _ in range(3):
        pacing.record(200, 0.5, None)  # ten times slower than the quickest answer
    held = pacing.limit
    assert held <= 6
    for _ in range(20):
        pacing.record(200, 0.5, None)
    assert pacing.limit == held


@pytest.mark.parametrize("status", [429, 500, 503, None])
def test_halves_on_push_back_once_per_round_trip(status: int | None) -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, initial=16, clock=clock)
    pacing.record(200, 0.05, None)
    assert pacing.limit == 17
    pacing.record(status, 0.05, None)
    assert pacing.limit == 8
    pacing.record(status, 0.05, None)  # the same burst: not halved again
    assert pacing.limit == 8 and pacing.cuts == 1
    clock.now += 1.0
    pacing.record(status, 0.05, None)
    assert pacing.limit == 4 and pacing.cuts == 2
    for _ in range(8):
        clock.now += 1.0
        pacing.record(status, 0.05, None)
    assert pacing.limit == 1  # never below one
    pacing.record(200, 0.05, None)
    assert pacing.limit == 2  # after trouble: one more per window's worth of answers
    pacing.record(200, 0.05, None)
    assert pacing.limit == 2
    for _ in range(2):
        pacing.record(200, 0.05, None)
    assert pacing.limit == 3


async def test_retry_after_pauses_new_requests() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(4, clock=clock, sleep=clock.sleep)
    await pacing.acquire()
    pacing.record(429, 0.01, 2.5)
    await pacing.acquire()
    assert clock.slept == [2.5]
    assert pacing.in_flight == 2


async def test_slots_are_bounded_by_the_window() -> None:
    pacing = AdaptiveConcurrency(2)
    await pacing.acquire()
    await pacing.acquire()
    third = asyncio.create_task(pacing.acquire())
    await asyncio.sleep(0)
    assert not third.done()
    pacing.release()
    await third
    assert pacing.in_flight == 2 and pacing.peak == 2


async def test_attempts_reach_the_observer_of_their_task_only() -> None:
    heard: list[tuple[int | None, float, float | None]] = []

    async def page() -> None:
        with observing(lambda *a: heard.append(a)):
            report_attempt(200, 0.1, None)

    await asyncio.gather(page(), asyncio.create_task(asyncio.sleep(0)))
    report_attempt(500, 0.1, None)  # no observer here: nobody hears it
    assert heard == [(200, 0.1, None)]


class ShuffledReport:
    """A report whose pages answer in a random order; records what is alive when."""

    def __init__(self, pages: int, seed: int = 3) -> None:
        self.total = pages * 200
        self.rng = random.Random(seed)
        self.started: list[int] = []
        self.finished: list[int] = []
        self.in_flight = 0
        self.max_in_flight = 0

    async def fetch(self, posicao: int, limite: int) -> Page[int]:
        self.started.append(posicao)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            for _ in range(self.rng.randrange(1, 40)):
                await asyncio.sleep(0)
            self.finished.append(posicao)
            rows = tuple(range(posicao, min(self.total, posicao + limite)))
            return Page(rows, posicao, limite, self.total)
        finally:
            self.in_flight -= 1


async def test_pages_arrive_out_of_order_and_are_yielded_in_report_order() -> None:
    report = ShuffledReport(40)
    seen: list[int] = []
    async for page in stream_pages(report.fetch, concurrency=8):
        seen.extend(page.items)
    assert seen == list(range(report.total))
    assert report.finished != sorted(report.finished)  # they really came out of order
    assert report.max_in_flight <= 8


async def test_the_stream_yields_before_the_report_is_read_and_holds_a_bounded_part() -> None:
    report = ShuffledReport(500)  # 100,000 rows
    cap = 8
    first_seen_after: int | None = None
    most_held = 0
    consumed = 0
    async for _page in stream_pages(report.fetch, concurrency=cap):
        if first_seen_after is None:
            first_seen_after = len(report.finished)
        consumed += 1
        # pages received but not yet handed over: never more than the cap's worth
        most_held = max(most_held, len(report.finished) - consumed)
        await asyncio.sleep(0)  # a consumer that writes each page
    assert consumed == 500
    assert first_seen_after == 1  # the first page went out before any other arrived
    assert most_held <= cap


async def test_a_consumer_that_stops_cancels_the_pages_in_flight() -> None:
    report = ShuffledReport(100)
    before = asyncio.all_tasks()
    pages = stream_pages(report.fetch, concurrency=4)
    async for _page in pages:
        if len(report.finished) > 10:
            break
    await pages.aclose()
    assert asyncio.all_tasks() == before
    assert report.in_flight == 0
    assert len(report.started) < 100


@respx.mock
async def test_a_429_with_retry_after_halves_and_pauses_then_every_row_arrives() -> None:
    rows = 200 * 6
    refused = {"count": 0}

    def answer(request: httpx.Request) -> httpx.Response:
        posicao = int(request.url.params["posicao"])
        if posicao == 600 and refused["count"] < 2:
            refused["count"] += 1
            body = envelope(None, status=429, sucesso=False, motivo=429)
            return httpx.Response(429, json=body, headers={"Retry-After": "3"})
        page = [dict(CHAMADA_OBJETO, id=i) for i in range(posicao, min(rows, posicao + 200))]
        dados = {"relatorio": page, "total": rows, "posicao": posicao, "limite": 200}
        return httpx.Response(200, json=envelope(dados))

    respx.get(f"{V1}/chamada/relatorio").mock(side_effect=answer)
    transport_waits: list[float] = []

    async def transport_sleep(seconds: float) -> None:
        transport_waits.append(seconds)

    clock = Clock()
    pacing = AdaptiveConcurrency(4, initial=4, clock=clock, sleep=clock.sleep)
    config = ApiConfig(hosts=ApiHosts.single(V1), max_retries=0)
    async with TotalVoiceClient(TOKEN, config, sleep=transport_sleep) as client:
        report = client.chamadas.report(date(2026, 11, 1), date(2026, 11, 30))
        ids = [c.id async for page in report.stream(concurrency=pacing) for c in page.items]
    assert ids == list(range(rows))
    assert refused["count"] == 2
    assert pacing.cuts >= 1 and pacing.limit < 4
    assert 3.0 in clock.slept  # new pages waited for Retry-After


async def test_after_a_429_requests_start_at_the_rate_the_server_accepted() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, initial=32, clock=clock, sleep=clock.sleep)
    assert pacing.rate is None
    for sent in range(8):  # eight answered in the last second, 50 ms each
        clock.now = 100.0 + sent * 0.1
        pacing.record(200, 0.05, None)
    clock.now = 100.8
    pacing.record(429, 0.01, 1.0)  # a whole-second Retry-After, as HTTP has it
    pacing.record(429, 0.01, 1.0)  # the same burst: measured once
    assert pacing.rate == 8
    clock.now = 100.85
    pacing.record(200, 0.1, None)  # sent before the refusal, answered after it: counts
    assert pacing.rate == 9
    for _ in range(9 + 18):
        await pacing.acquire()
        pacing.release()
    # The pause first; meanwhile a second's worth of starts is saved up, then one per 1/9 s.
    assert clock.slept[0] == pytest.approx(0.95)
    assert len(clock.slept) == 1 + 18
    assert clock.slept[1:] == pytest.approx([1 / 9] * 18)
    assert pacing.refusals == 2


async def test_without_refusals_the_paced_rate_creeps_up() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, clock=clock, sleep=clock.sleep)
    pacing.record(200, 0.05, None)
    pacing.record(429, 0.01, 1.0)
    assert pacing.rate == 1
    clock.now += 5.0
    for _ in range(20):
        pacing.record(200, 0.05, None)
    assert pacing.rate == pytest.approx(2.0)


@respx.mock
async def test_a_paced_page_request_gets_its_429_back_at_once() -> None:
    calls = {"count": 0}

    def answer(request: httpx.Request) -> httpx.Response:
        calls["count"] += 1
        body = envelope(None, status=429, sucesso=False, motivo=429)
        return httpx.Response(429, json=body, headers={"Retry-After": "1"})

    respx.get(f"{V1}/chamada/relatorio").mock(side_effect=answer)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    config = ApiConfig(hosts=ApiHosts.single(V1), max_retries=3)
    async with TotalVoiceClient(TOKEN, config, sleep=sleep) as client:
        report = client.chamadas.report(date(2026, 11, 1), date(2026, 11, 30))
        heard: list[int | None] = []
        paced = observing(lambda status, *_: heard.append(status), paces_refusals=True)
        with paced, pytest.raises(ApiError) as refused:
            await report.page(0, 200)
        assert refused.value.status == 429 and refused.value.retry_after == 1
        assert calls["count"] == 1 and waits == [] and heard == [429]
        with pytest.raises(ApiError):
            await report.page(0, 200)  # outside a limiter the transport repeats it
        assert calls["count"] == 1 + 4 and waits == [1, 1, 1]


def test_refusals_do_not_cut_below_what_the_paced_rate_needs() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, initial=4, clock=clock)
    for _ in range(20):  # 20 accepted in the last second, answers taking 0.3 s
        pacing.record(200, 0.3, None)
    assert pacing.limit == 24
    for _ in range(3):
        pacing.record(429, 0.01, None)
        clock.now += 0.31  # one cut per round trip
    assert pacing.rate == 20 and pacing.cuts == 3
    # 20/s at 0.3 s a request needs 6 in flight (9 with some slack); halving further, to
    # 3, would hold the rate below what the server allows.
    assert pacing.limit == 9


def test_refusals_of_requests_sent_before_the_first_one_do_not_prolong_the_pause() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, clock=clock)
    for _ in range(4):
        pacing.record(200, 0.05, None)
    pacing.record(429, 0.2, 1.0)  # a burst of 12 sent at 99.8: the first refusal
    for _ in range(7):  # the rest of that burst, refused as the server gets to them
        clock.now += 0.1
        pacing.record(429, 0.2 + clock.now - 100.0, 1.0)
    assert pacing.paused_for() == pytest.approx(0.3)  # 1 s from the first refusal
    assert pacing.rate == 4
    clock.now += 0.5
    pacing.record(429, 0.05, 1.0)  # sent after it: a new refusal
    assert pacing.paused_for() == pytest.approx(1.0)


def test_a_refusal_at_the_paced_rate_never_raises_it() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, clock=clock)
    for _ in range(4):
        pacing.record(200, 0.01, None)
    pacing.record(429, 0.01, 1.0)
    assert pacing.rate == 4
    clock.now += 3.0
    for _ in range(30):  # probing upwards: 30 answers in the last second
        clock.now += 1 / 30
        pacing.record(200, 0.01, None)
    probed = pacing.rate
    assert probed is not None and probed > 4
    pacing.record(429, 0.01, 1.0)
    assert pacing.rate == probed  # 30 counted, but the rate in force was refused


def test_refusals_answered_before_the_accepted_requests_still_measure_the_rate() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, clock=clock)
    pacing.record(429, 0.01, 1.0)  # 8 sent at once: the refusals come back first
    assert pacing.rate == 1
    for _ in range(4):  # then the 4 the server took
        pacing.record(200, 0.05, None)
    assert pacing.rate == 4


def test_late_answers_after_a_second_refusal_do_not_lift_the_rate_above_the_refused_one() -> None:
    clock = Clock()
    pacing = AdaptiveConcurrency(32, clock=clock)
    for _ in range(10):
        pacing.record(200, 0.01, None)
    pacing.record(429, 0.01, 1.0)
    assert pacing.rate == 10
    clock.now += 5.0
    for _ in range(6):  # paced, answered before the next refusal
        clock.now += 0.1
        pacing.record(200, 0.01, None)
    clock.now += 0.01
    pacing.record(429, 0.01, 1.0)
    assert pacing.rate == 6
    for _ in range(8):  # sent before it, answered after it
        pacing.record(200, 0.2, None)
    assert pacing.rate == pytest.approx(10.3)  # the rate refused (probed up from 10)
