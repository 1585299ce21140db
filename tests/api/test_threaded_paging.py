"""Pages in report order from worker threads: the contract of ``stream_pages`` without a loop."""

from __future__ import annotations

import random
import threading
import time

import pytest

from desktop.api.errors import ApiError
from desktop.api.models.page import Page
from desktop.api.pacing import ThreadedConcurrency, report_attempt
from desktop.api.threaded_paging import ThreadedPages


class Report:
    """A report of ``size`` rows; notes every request, optionally waiting on ``gate``."""

    def __init__(self, size: int, *, total: bool = True) -> None:
        self.size, self.total = size, total
        self.asked: list[tuple[int, int]] = []
        self.lock = threading.Lock()
        self.gate: threading.Event | None = None
        self.delay: random.Random | None = None

    def __call__(self, posicao: int, limite: int) -> Page[int]:
        with self.lock:
            self.asked.append((posicao, limite))
        if self.gate is not None and posicao > 0:
            assert self.gate.wait(30)
        if self.delay is not None:
            time.sleep(self.delay.uniform(0, 0.02))
        items = tuple(range(posicao, min(self.size, posicao + limite)))
        return Page(items, posicao, limite, self.size if self.total else None)


def rows(pages: ThreadedPages[int]) -> list[int]:
    with pages:
        return [row for page in pages for row in page.items]


def test_pages_arrive_in_order_under_random_delays() -> None:
    report = Report(1234)
    report.delay = random.Random(7)
    progress: list[tuple[int, int | None]] = []
    got = rows(ThreadedPages(report, page_size=10, progress=lambda *a: progress.append(a)))
    assert got == list(range(1234))
    assert progress[-1] == (1234, 1234) and len(progress) == 124


def test_the_first_round_goes_out_before_the_first_answer() -> None:
    report = Report(10_000)
    first_asked = threading.Event()
    window: list[int] = []

    def fetch(posicao: int, limite: int) -> Page[int]:
        page = report(posicao, limite)
        if posicao == 0:
            # The first answer waits until the rest of the first round was asked for.
            deadline = time.monotonic() + 30
            while len(report.asked) < 8 and time.monotonic() < deadline:
                time.sleep(0.001)
            window.append(len(report.asked))
            first_asked.set()
        return page

    with ThreadedPages(fetch, speculate=True) as pages:
        assert next(pages).items[0] == 0
    assert window == [8]
    assert sorted(p for p, _ in report.asked[:8]) == [i * 200 for i in range(8)]


def test_pages_asked_past_the_end_are_dropped() -> None:
    report = Report(450)
    assert rows(ThreadedPages(report, speculate=True)) == list(range(450))


def test_without_a_total_pages_come_one_after_the_other() -> None:
    report = Report(45, total=False)
    assert rows(ThreadedPages(report, page_size=10)) == list(range(45))
    assert [p for p, _ in report.asked] == [0, 10, 20, 30, 40]


def test_a_repeated_page_ends_the_report() -> None:
    def same(posicao: int, limite: int) -> Page[int]:
        return Page(tuple(range(limite)), 0, limite, None)

    assert rows(ThreadedPages(same, page_size=5)) == list(range(5))


def test_a_failing_page_raises_in_the_consumer() -> None:
    report = Report(1000)

    def fetch(posicao: int, limite: int) -> Page[int]:
        if posicao == 400:
            raise ApiError(500, 50, "falhou")
        return report(posicao, limite)

    seen: list[int] = []
    with pytest.raises(ApiError), ThreadedPages(fetch, page_size=100) as pages:
        for page in pages:
            seen.extend(page.items)
    assert seen == list(range(len(seen))) and len(seen) <= 400


def test_a_refused_page_is_asked_again() -> None:
    report = Report(600)
    refused: set[int] = set()

    def fetch(posicao: int, limite: int) -> Page[int]:
        if posicao == 200 and posicao not in refused:
            refused.add(posicao)
            report_attempt(429, 0.001, 0.01)
            raise ApiError(429, None, retry_after=0.01)
        return report(posicao, limite)

    pacing = ThreadedConcurrency(4)
    assert rows(ThreadedPages(fetch, concurrency=pacing)) == list(range(600))
    assert pacing.refusals == 1 and refused == {200}


def test_closing_early_stops_new_requests_without_waiting_for_those_in_flight() -> None:
    report = Report(100_000)
    report.gate = threading.Event()
    pages = ThreadedPages(report, page_size=100, concurrency=4)
    assert next(pages).items[0] == 0
    started = time.monotonic()
    pages.close()
    closed_in = time.monotonic() - started
    asked = len(report.asked)
    report.gate.set()  # the requests in flight end now
    for worker in pages.threads:
        worker.join(30)
    assert not any(worker.is_alive() for worker in pages.threads)
    assert len(report.asked) == asked <= 1 + 4 + 1
    assert all(worker.daemon for worker in pages.threads)
    assert closed_in < 30  # close did not wait for the gated requests


def test_no_more_than_the_cap_is_asked_ahead_of_the_consumer() -> None:
    report = Report(100_000)
    pages = ThreadedPages(report, page_size=10, concurrency=4)
    with pages:
        next(pages)
        for _ in range(50):
            if len(report.asked) >= 5:
                break
            time.sleep(0.01)
        time.sleep(0.05)
        assert len(report.asked) <= 1 + 4
