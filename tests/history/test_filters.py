from __future__ import annotations

import gc
import random
import sys

import pytest
from helpers import make_row

from desktop.core.outcomes import Outcome
from desktop.history import filters
from desktop.history.filters import Column, FilterEngine, FilterSpec, stable_order


def engine(n: int = 200) -> FilterEngine:
    return FilterEngine([make_row(i) for i in range(n)])


def test_text_filter_narrows_as_you_type() -> None:
    e = engine()
    first = e.apply(FilterSpec(text="4899"))
    assert len(first.indexes) == 200
    narrower = e.apply(FilterSpec(text="48990000012"))
    assert [e.rows[i].call_id for i in narrower.indexes] == ["1012"]
    wider = e.apply(FilterSpec(text="4899000001"))
    assert len(wider.indexes) == 10


def test_numbers_are_found_by_their_digits_written_any_way() -> None:
    e = FilterEngine(
        [make_row(1, origin="+55 (48) 9999-0000", destination=""), make_row(2, origin="4002")]
    )
    assert e.rows[0].search_key() == "1001 +55 (48) 9999-0000  4001  554899990000 "
    parts = ["1002", "4002", "48990000002", "4002", "4002", "48990000002"]
    assert e.rows[1].search_key().split() == parts
    assert e.apply(FilterSpec(text="55489999")).indexes == [0]
    assert e.apply(FilterSpec(text="(48) 9999")).indexes == [0]


def test_tags_ramal_duration_recording_and_counts() -> None:
    e = engine()
    result = e.apply(FilterSpec(text="campanha", has_recording=True, min_talk_seconds=50))
    rows = [e.rows[i] for i in result.indexes]
    assert rows and all(r.tags == "campanha" and r.has_recording for r in rows)
    assert all((r.talk_seconds or 0) >= 50 for r in rows)
    assert sum(result.counts.values()) == len(rows)
    only = e.apply(FilterSpec(ramal="4003", outcome=Outcome.ABANDONED))
    assert all(e.rows[i].ramal == "4003" for i in only.indexes)
    assert all(e.rows[i].outcome is Outcome.ABANDONED for i in only.indexes)
    counts = e.apply(FilterSpec(ramal="4003")).counts
    assert only.indexes and counts[Outcome.ABANDONED] == len(only.indexes)


def test_sort_any_column_both_ways() -> None:
    e = engine(50)
    for column in Column:
        up = e.apply(FilterSpec(), column, descending=False).indexes
        down = e.apply(FilterSpec(), column, descending=True).indexes
        assert sorted(up) == list(range(50))
        assert down == list(reversed(up))
    talk = [e.rows[i].talk_seconds for i in e.apply(FilterSpec(), Column.TALK, False).indexes]
    assert talk == sorted(talk)


def test_slice_by_slice_order_is_one_stable_sort(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filters, "SLICE", 16)
    rng = random.Random(7)
    for n in (0, 1, 15, 16, 17, 100, 16 * 5 + 3):
        values = [rng.randrange(6) for _ in range(n)]
        assert stable_order(values) == sorted(range(n), key=values.__getitem__)


def test_sorting_a_large_period_lets_other_threads_run_between_slices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(filters, "SLICE", 16)
    yielded: list[int] = []
    monkeypatch.setattr(filters.time, "sleep", lambda seconds: yielded.append(seconds))
    e = engine(16 * 4)
    yielded.clear()
    e.order(Column.ORIGIN)
    assert yielded.count(0) >= 4 + 2 + 1  # four slices, then two merges and the last one


def test_a_discarded_engine_is_emptied_a_slice_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(filters, "SLICE", 16)
    monkeypatch.setattr(filters, "FREE_SLICE", 16, raising=False)
    e = engine(50)
    rows = e.rows
    left = [len(rows) for _step in e.discard()]
    assert left[0] == 50  # the first step ends the swap's turn of the event loop at once
    shrunk = [a - b for a, b in zip([50, *left], left, strict=False) if a != b]
    assert shrunk == [16, 16, 16, 2] and rows == [] and len(e) == 0


def test_a_discard_frees_at_most_one_column_per_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filters, "SLICE", 16)
    monkeypatch.setattr(filters, "FREE_SLICE", 16, raising=False)
    e = engine(4000)
    e.apply(FilterSpec(text="4899"), Column.ORIGIN)
    e.apply(FilterSpec(text="4899"), Column.DATE)
    gc.collect()
    freed: list[int] = []
    blocks = sys.getallocatedblocks()
    for _step in e.discard():
        now = sys.getallocatedblocks()
        freed.append(blocks - now)
        blocks = now
    assert len(e) == 0 and sum(freed) > 4000 * 8
    # Freeing one column of 4,000 values is about 4,000 blocks; two at once twice that.
    assert max(freed) < 4000 * 1.5, sorted(freed)[-5:]


def test_position_of_a_call() -> None:
    e = engine(30)
    assert e.position("1007") == 7
    assert e.position("nope") == -1


def test_a_loaded_engine_leaves_the_collector_little_to_walk() -> None:
    e = engine(20_000)
    e.apply(FilterSpec(text="4899"))
    gc.collect()
    walked = [
        o for o in gc.get_objects() if isinstance(o, list | tuple | dict) and len(o) >= 20_000
    ]
    assert len(walked) <= 2, [type(o) for o in walked]  # the rows and their outcomes
