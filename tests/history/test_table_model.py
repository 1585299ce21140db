"""The history table model: what a paint asks of Python, and what each cell answers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from helpers import make_row
from PySide6.QtCore import QModelIndex, QModelRoleData, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop.core.outcomes import Outcome
from desktop.history import table_model
from desktop.history.filters import Column
from desktop.history.table_model import CallTableModel, RowRole


class CountedModel(CallTableModel):
    """Notes every call Qt makes into the model's Python methods."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()

    def index(self, row: int, column: int, parent: Any = QModelIndex()) -> QModelIndex:  # noqa: B008
        self.calls["index"] += 1
        return super().index(row, column, parent)

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        self.calls["rowCount"] += 1
        return super().rowCount(parent)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        self.calls["columnCount"] += 1
        return super().columnCount(parent)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        self.calls["data"] += 1
        return super().data(index, role)

    def multiData(self, index: Any, roleDataSpan: Any) -> None:
        self.calls["multiData"] += 1
        super().multiData(index, roleDataSpan)


def test_a_paint_calls_into_python_about_twice_per_cell(qtbot: QtBot) -> None:
    # Every call into Python from the paint waits for the GIL when a worker holds it:
    # seven roles asked one by one, plus the row and column counts of every index,
    # made a screenful's paint take hundreds of milliseconds during a refresh.
    model = CountedModel()
    model.set_rows([make_row(i) for i in range(1000)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    model.calls.clear()
    view.viewport().grab()
    cells = model.calls["index"]
    assert cells > 50, model.calls
    assert sum(model.calls.values()) <= 2 * cells + 20, model.calls


def test_each_role_of_a_cell() -> None:
    model = CallTableModel()
    rows = [make_row(i) for i in range(3)]
    model.set_rows(rows)
    first = model.index(0, Column.DATE)
    assert model.data(first, RowRole) is rows[2]  # newest first
    assert model.data(model.index(0, Column.ORIGIN)) == rows[2].origin
    assert model.data(model.index(0, Column.TALK)) == "0:02"
    talk_alignment = model.data(model.index(0, Column.TALK), Qt.ItemDataRole.TextAlignmentRole)
    assert talk_alignment == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.data(first, Qt.ItemDataRole.TextAlignmentRole) is None
    outcome = model.index(0, Column.OUTCOME)
    assert rows[2].outcome is Outcome(list(Outcome)[2])
    assert model.data(outcome, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(first, Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(first, Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(3, 0)) is None and not model.index(3, 0).isValid()
    assert not model.index(0, len(Column)).isValid()
    single = QModelRoleData(Qt.ItemDataRole.DisplayRole)
    model.multiData(model.index(0, Column.ORIGIN), single)
    assert single.data() == rows[2].origin


def test_a_new_rating_or_new_rows_show_new_text() -> None:
    model = CallTableModel()
    model.set_rows([make_row(i) for i in range(3)])
    cell = model.index(0, Column.RATING)
    assert model.data(cell) == ""
    model.update_row(model.row_at(0).with_rating(3))  # type: ignore[union-attr]
    assert model.data(cell) == "★★★"
    model.set_rows([make_row(i, origin="4999") for i in range(3)])
    assert model.data(model.index(0, Column.ORIGIN)) == "4999"


def test_the_first_rows_are_formatted_before_the_swap(monkeypatch: pytest.MonkeyPatch) -> None:
    model = CallTableModel()
    prepared = model.prepare([make_row(i) for i in range(200)])  # in a worker, in the panel

    def on_the_gui_thread(row: object, column: object) -> str:
        raise AssertionError("formatted during the paint")

    monkeypatch.setattr(table_model, "_text", on_the_gui_thread)
    model.set_engine(prepared)
    assert model.data(model.index(0, Column.ORIGIN)) == make_row(199).origin
    assert model.data(model.index(40, Column.DATE)) != ""
