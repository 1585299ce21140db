"""Filtering and sorting a large list of rows fast enough to run on every keystroke.

Columns are laid out once as plain lists (lowercase search keys, outcomes, ramais,
durations); a filter is a single pass over them. Sorting uses one cached permutation per
column, so a new filter keeps its order with an O(n) walk instead of a new sort.

The engine is built and sorted in a worker thread while the window keeps running: a long
C call such as one ``sorted`` over 100,000 keys would keep the GIL from the GUI thread
for its whole length, so sorting goes a slice at a time (:func:`stable_order`); a
replaced engine frees its rows a slice at a time too (:meth:`FilterEngine.discard`).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import IntEnum
from typing import Any

from desktop.core.outcomes import Outcome
from desktop.history.rows import HistoryRow

__all__ = ["Column", "FilterEngine", "FilterResult", "FilterSpec", "stable_order"]

#: Rows sorted per C call (the GIL is released between them).
SLICE = 8192
#: Objects freed per event-loop step when a replaced engine is emptied (about a millisecond).
FREE_SLICE = 1024


class Column(IntEnum):
    """Columns of the history table, in display order."""

    DATE = 0
    DIRECTION = 1
    ORIGIN = 2
    DESTINATION = 3
    RAMAL = 4
    OUTCOME = 5
    ORIGIN_STATUS = 6
    DESTINATION_STATUS = 7
    TALK = 8
    TOTAL = 9
    REASON = 10
    PRICE = 11
    TAGS = 12
    RECORDING = 13
    RATING = 14


@dataclass(frozen=True, slots=True)
class FilterSpec:
    """What the filter bar asks for; empty fields match everything."""

    text: str = ""
    outcome: Outcome | None = None
    ramal: str = ""
    min_talk_seconds: int = 0
    has_recording: bool = False

    def without_outcome(self) -> FilterSpec:
        """The same filter with any outcome (for the counts per outcome)."""
        return replace(self, outcome=None)


@dataclass(frozen=True, slots=True)
class FilterResult:
    """Visible row indexes in display order, with counts per outcome."""

    indexes: list[int]
    counts: dict[Outcome, int]
    total: int


_SORT_KEYS: dict[Column, Callable[[HistoryRow], Any]] = {
    Column.DATE: lambda r: r.created_ts if r.created_ts is not None else float("-inf"),
    Column.DIRECTION: lambda r: r.direction.value,
    Column.ORIGIN: lambda r: r.origin,
    Column.DESTINATION: lambda r: r.destination,
    Column.RAMAL: lambda r: r.ramal,
    Column.OUTCOME: lambda r: r.outcome.value,
    Column.ORIGIN_STATUS: lambda r: r.origin_status,
    Column.DESTINATION_STATUS: lambda r: r.destination_status,
    Column.TALK: lambda r: r.talk_seconds if r.talk_seconds is not None else -1,
    Column.TOTAL: lambda r: r.total_seconds if r.total_seconds is not None else -1,
    Column.REASON: lambda r: r.reason.lower(),
    Column.PRICE: lambda r: r.price if r.price is not None else Decimal(-1),
    Column.TAGS: lambda r: r.tags.lower(),
    Column.RECORDING: lambda r: r.has_recording,
    Column.RATING: lambda r: r.rating if r.rating is not None else 0,
}


def _yield_gil() -> None:
    time.sleep(0)  # releases the GIL: a thread waiting for it gets it now


def stable_order(values: Sequence[Any]) -> list[int]:
    """Indexes of ``values`` in ascending, stable order, sorted a slice at a time.

    Each slice of :data:`SLICE` indexes is sorted on its own, then neighbouring runs are
    merged by sorting their concatenation (timsort merges two sorted runs in linear
    time); the earlier run goes first, so equal keys keep their index order, as one
    stable sort would. The GIL is released between the steps.
    """
    key = values.__getitem__
    runs: list[list[int]] = []
    for start in range(0, len(values), SLICE):
        runs.append(sorted(range(start, min(start + SLICE, len(values))), key=key))
        _yield_gil()
    while len(runs) > 1:
        merged = []
        for i in range(0, len(runs) - 1, 2):
            merged.append(sorted(runs[i] + runs[i + 1], key=key))
            _yield_gil()
        if len(runs) % 2:
            merged.append(runs[-1])
        runs = merged
    return runs[0] if runs else []


class FilterEngine:
    """Precomputed columns of a row list, answering filter + sort requests."""

    def __init__(self, rows: Sequence[HistoryRow]) -> None:
        self.rows = list(rows)
        # Tuples of plain values and bytes: the garbage collector stops walking them after
        # its first look (a full pass over 100,000-item lists costs milliseconds each).
        self._keys = tuple([r.search_key() for r in self.rows])
        self._outcomes = [r.outcome for r in self.rows]
        self._ramais = tuple([r.ramal for r in self.rows])
        self._talk = tuple([r.talk_seconds or 0 for r in self.rows])
        self._recorded = bytes([r.has_recording for r in self.rows])
        self._positions: dict[str, int] = {}
        for i, r in enumerate(self.rows):
            self._positions.setdefault(r.call_id, i)
        self._orders: dict[Column, tuple[int, ...]] = {}
        self._last: tuple[FilterSpec, tuple[int, ...]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def replace_row(self, index: int, row: HistoryRow) -> None:
        """Swap one row in place (a new rating); cached orders of its column are dropped."""
        self.rows[index] = row
        self._orders.pop(Column.RATING, None)

    def position(self, call_id: str) -> int:
        """Index of the first row of ``call_id`` (-1 when absent)."""
        return self._positions.get(call_id, -1)

    def discard(self) -> Iterator[None]:
        """Empty the engine once it is replaced, a slice at a time: one step per ``next``.

        Freeing 100,000 rows with their search keys, orders and index in one go is one
        long C call; stepped through from the event loop, the window runs between the
        steps (and no worker thread fights the GUI thread for the GIL while the new rows
        are painted). The first step frees nothing: the swap's turn of the loop ends at
        once. The columns go one per step while the rows still hold the values they
        share (ramais, talk times, call ids), then the rows a slice at a time.
        """
        yield
        self._last = None
        yield
        self._positions = {}
        while self._orders:
            yield
            self._orders.popitem()
        yield
        self._keys = ()
        yield
        self._ramais, self._talk, self._recorded = (), (), b""
        for column in (self.rows, self._outcomes):
            while column:
                yield
                del column[-FREE_SLICE:]

    def order(self, column: Column) -> tuple[int, ...]:
        """Row indexes sorted ascending by ``column`` (stable; cached)."""
        cached = self._orders.get(column)
        if cached is None:
            key = _SORT_KEYS[column]
            cached = tuple(stable_order([key(r) for r in self.rows]))
            self._orders[column] = cached
        return cached

    def _base(self, spec: FilterSpec) -> list[int]:
        """Indexes matching every criterion but the outcome, in row order."""
        candidates: Sequence[int] = range(len(self.rows))
        if self._last is not None:
            last_spec, last_hits = self._last
            # Typing more characters can only narrow the previous result.
            if spec.text.startswith(last_spec.text) and spec.without_outcome() == replace(
                last_spec.without_outcome(), text=spec.text
            ):
                candidates = last_hits
        text = spec.text.strip().lower()
        keys, ramais, talk, recorded = self._keys, self._ramais, self._talk, self._recorded
        hits = list(candidates)
        for word in text.split():
            hits = [i for i in hits if word in keys[i]]
        if spec.ramal:
            hits = [i for i in hits if ramais[i] == spec.ramal]
        if spec.min_talk_seconds > 0:
            minimum = spec.min_talk_seconds
            hits = [i for i in hits if talk[i] >= minimum]
        if spec.has_recording:
            hits = [i for i in hits if recorded[i]]
        self._last = (spec.without_outcome(), tuple(hits))
        return hits

    def apply(
        self, spec: FilterSpec, sort_column: Column = Column.DATE, descending: bool = True
    ) -> FilterResult:
        """Filter, count per outcome, and order by ``sort_column``."""
        base = self._base(spec)
        outcomes = self._outcomes
        counts = Counter(outcomes[i] for i in base)
        if spec.outcome is not None:
            wanted = spec.outcome
            base = [i for i in base if outcomes[i] is wanted]
        if len(base) == len(self.rows):
            ordered = list(self.order(sort_column))
        else:
            mask = bytearray(len(self.rows))
            for i in base:
                mask[i] = 1
            ordered = [i for i in self.order(sort_column) if mask[i]]
        if descending:
            ordered.reverse()
        return FilterResult(ordered, dict(counts), len(self.rows))

    def ramais(self) -> list[str]:
        """Distinct ramais present, sorted."""
        return sorted({r for r in self._ramais if r})
