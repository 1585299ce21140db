"""The pacing shared by both engines, and its thread-safe form for worker threads."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from desktop.api.pacing import PacingState, ThreadedConcurrency

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_engine_free_modules_import_neither_asyncio_nor_httpx() -> None:
    code = (
        "import sys\n"
        "import desktop.api.pacing, desktop.api.retry_policy, desktop.api.paging_rules\n"
        "import desktop.api.blocking_transport, desktop.api.threaded_paging\n"
        "import desktop.api.report_answer, desktop.history.export_cli\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('asyncio', 'httpx')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_try_start_takes_slots_then_says_the_window_is_full() -> None:
    pacing = PacingState(4, initial=2, clock=Clock())
    assert pacing.try_start() == 0
    assert pacing.try_start() == 0
    assert pacing.try_start() is None
    pacing.release()
    assert pacing.try_start() == 0 and pacing.peak == 2


def test_try_start_says_how_long_a_retry_after_lasts() -> None:
    clock = Clock()
    pacing = PacingState(4, clock=clock)
    pacing.record(429, 0.05, 2.0)
    assert pacing.try_start() == 2.0
    clock.now += 2.0
    assert pacing.try_start() == 0


def test_a_waiting_thread_gets_the_slot_a_release_frees() -> None:
    pacing = ThreadedConcurrency(1, initial=1)
    assert pacing.acquire()
    got = threading.Event()

    def second() -> None:
        if pacing.acquire():
            got.set()

    waiter = threading.Thread(target=second)
    waiter.start()
    assert not got.wait(0.05)  # the window holds one request
    pacing.release()
    assert got.wait(10)
    waiter.join(10)
    assert pacing.in_flight == 1


def test_a_stopped_waiter_gives_up_without_a_slot() -> None:
    pacing = ThreadedConcurrency(1, initial=1)
    assert pacing.acquire()
    stop = threading.Event()
    results: list[bool] = []
    waiter = threading.Thread(target=lambda: results.append(pacing.acquire(stop.is_set)))
    waiter.start()
    stop.set()
    pacing.wake_all()
    waiter.join(10)
    assert results == [False] and pacing.in_flight == 1


def test_threads_never_exceed_the_window() -> None:
    pacing = ThreadedConcurrency(3, initial=3)
    seen: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(50):
            pacing.acquire()
            with lock:
                seen.append(pacing.in_flight)
            pacing.release()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(seen) == 400 and max(seen) <= 3 and pacing.in_flight == 0
