"""The board's model and filters with pytest-qt: in-place updates, filters, sorting, alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.board import (
    CallPhase,
    Changes,
    LiveCall,
    RamalLive,
    RamalState,
    Snapshot,
)
from desktop.core.thresholds import Thresholds
from desktop.supervisor.board_model import BoardColumn, BoardFilter, BoardModel
from desktop.supervisor.calls_model import CallsModel

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def row(i: int, state: RamalState, minutes: float = 0, tags: tuple[str, ...] = ()) -> RamalLive:
    return RamalLive(
        i, str(4000 + i), f"user{i}@x.com", tags, state, T0 - timedelta(minutes=minutes)
    )


def changes(
    rows: list[RamalLive], calls: tuple[LiveCall, ...] = (), removed: tuple[int | str, ...] = ()
) -> Changes:
    snap = Snapshot(T0, {r.id: r for r in rows}, {c.id: c for c in calls})
    return Changes(snap, tuple(rows), (), calls, removed)


def test_updates_in_place_without_duplicates(qtbot: QtBot) -> None:
    model = BoardModel(lambda: T0)
    model.apply(changes([row(1, RamalState.FREE), row(2, RamalState.FREE)]))
    inserted: list[int] = []
    model.rowsInserted.connect(lambda *_: inserted.append(1))
    with qtbot.waitSignal(model.dataChanged):
        model.apply(changes([row(2, RamalState.TALKING, 3)]))
    assert model.rowCount() == 2 and not inserted
    assert model.data(model.index(1, BoardColumn.STATE)) == "In call"
    assert model.data(model.index(1, BoardColumn.TIME)) == "3:00"
    model.tick(T0 + timedelta(seconds=5))
    assert model.data(model.index(1, BoardColumn.TIME)) == "3:05"


def test_filters_by_tag_state_and_text_and_sorts(qtbot: QtBot) -> None:
    model = BoardModel(lambda: T0)
    model.apply(
        changes(
            [
                row(1, RamalState.FREE, 50, ("vendas",)),
                row(2, RamalState.PAUSED, 2, ("suporte",)),
                row(3, RamalState.TALKING, 9, ("vendas",)),
                row(4, RamalState.TALKING, 1, ("vendas", "vip")),
                row(5, RamalState.UNKNOWN),
            ]
        )
    )
    proxy = BoardFilter()
    proxy.setSourceModel(model)
    proxy.sort(BoardColumn.STATE, Qt.SortOrder.AscendingOrder)
    numbers = lambda: [proxy.index(r, 0).data() for r in range(proxy.rowCount())]  # noqa: E731
    assert numbers() == ["4003", "4004", "4002", "4001", "4005"]  # state, longest first
    proxy.sort(BoardColumn.TIME, Qt.SortOrder.DescendingOrder)
    assert numbers()[:2] == ["4001", "4003"]
    proxy.set_tag("VENDAS")
    assert sorted(numbers()) == ["4001", "4003", "4004"]
    proxy.set_states([RamalState.TALKING])
    assert sorted(numbers()) == ["4003", "4004"]
    proxy.set_text("4004")
    assert numbers() == ["4004"]
    proxy.set_tag("")
    proxy.set_states([])
    proxy.set_text("user2")
    assert numbers() == ["4002"]
    assert model.tags() == ["suporte", "vendas", "vip"]


def test_threshold_highlight_and_alert_once(qtbot: QtBot) -> None:
    model = BoardModel(lambda: T0, Thresholds(call_minutes=5, pause_minutes=10))
    alerts: list[object] = []
    model.thresholdCrossed.connect(alerts.append)
    model.apply(changes([row(1, RamalState.TALKING, 4), row(2, RamalState.PAUSED, 11)]))
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert len(alerts) == 1
    model.tick(T0 + timedelta(minutes=2))
    model.tick(T0 + timedelta(minutes=3))
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert len(alerts) == 2  # each row alerts once per crossing


def test_calls_model_adds_updates_and_removes(qtbot: QtBot) -> None:
    model = CallsModel(lambda: T0)
    call = LiveCall(7, "4001", "48999990000", "4001", "atendida", "", CallPhase.RINGING, T0)
    model.apply(changes([], (call,)))
    talking = LiveCall(
        7, "4001", "48999990000", "4001", "atendida", "atendida", CallPhase.TALKING, T0
    )
    model.apply(changes([], (talking,)))
    assert model.rowCount() == 1 and model.index(0, 4).data() == "Talking"
    model.tick(T0 + timedelta(seconds=65))
    assert model.index(0, 7).data() == "1:05"
    model.apply(changes([], (), (7,)))
    assert model.rowCount() == 0
