"""The offscreen tree check itself: it finds what a screen reader could not name."""

from __future__ import annotations

from accessible_tree import unnamed_controls
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from desktop.accessibility import name_combo_box


def test_a_panel_with_one_unnamed_button_fails(qtbot: QtBot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    form = QFormLayout(panel)
    form.addRow(QPushButton("Named", panel))
    form.addRow(QPushButton(panel))
    missing = unnamed_controls(panel)
    assert len(missing) == 1 and "PushButton" in missing[0]


def test_a_combo_without_a_label_and_an_unnamed_table_fail(qtbot: QtBot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    form = QFormLayout(panel)
    bare = QComboBox(panel)
    bare.addItem("All")
    bare.setAccessibleName("State")  # Orca on Linux would still say only "All"
    labelled = QComboBox(panel)
    labelled.addItem("All")
    hidden = QComboBox(panel)
    hidden.addItem("All")
    name_combo_box(hidden, "Tag", panel)
    form.addRow(bare)
    form.addRow("Tag:", labelled)
    form.addRow(hidden)
    form.addRow(QTableView(panel))
    named = QTableView(panel)
    named.setAccessibleName("Calls")
    form.addRow(named)
    form.addRow(QLabel("text", panel))
    missing = unnamed_controls(panel)
    assert len(missing) == 2, missing
    assert "ComboBox" in missing[0] and "Table" in missing[1]
