"""The call table keeps report order as calls come and go (no sort per request)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.sandbox.models import Call, Leg
from desktop.sandbox.store import CallTable
from desktop.sandbox.timeutil import BRT

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=BRT)


def _call(call_id: int, minutes: int) -> Call:
    legs = Leg("4000", "ramal"), Leg("48999990000", "movel")
    return Call(call_id, T0 + timedelta(minutes=minutes), *legs, 1, 1, "webphone")


def _ids(calls: object) -> list[int]:
    assert isinstance(calls, list)
    return [c.id for c in calls]


def test_order_is_kept_on_insert_replace_and_delete() -> None:
    table = CallTable()
    for call_id, minutes in ((5, 30), (1, 10), (3, 10), (2, 50), (4, 0)):
        table[call_id] = _call(call_id, minutes)
    assert _ids(list(table.ordered())) == [4, 1, 3, 5, 2]
    table[3] = _call(3, 60)  # replaced: moves to its new place
    assert _ids(list(table.ordered())) == [4, 1, 5, 2, 3]
    del table[5]
    assert table.pop(1) is not None and table.pop(99, None) is None
    assert _ids(list(table.ordered())) == [4, 2, 3]
    assert len(table) == 3 and sorted(table) == [2, 3, 4]
    with pytest.raises(TypeError):
        table.update({})
    table.clear()
    assert list(table.ordered()) == []


def test_created_between_is_inclusive() -> None:
    table = CallTable((i, _call(i, minutes)) for i, minutes in enumerate((0, 10, 20, 30, 40)))
    window = table.created_between(T0 + timedelta(minutes=10), T0 + timedelta(minutes=30))
    assert _ids(list(window)) == [1, 2, 3]
    assert list(table.created_between(T0 + timedelta(hours=1), T0 + timedelta(hours=2))) == []
    everything = table.created_between(T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert _ids(list(everything)) == [0, 1, 2, 3, 4]
