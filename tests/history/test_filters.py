from __future__ import annotations

from helpers import make_row

from desktop.core.outcomes import Outcome
from desktop.history.filters import Column, FilterEngine, FilterSpec


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
