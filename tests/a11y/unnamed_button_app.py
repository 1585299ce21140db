"""Named and unnamed buttons, tables and combo boxes, for the tree check's own test."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

if __name__ == "__main__":
    app = QApplication([])
    app.setApplicationName("Unnamed button check")
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QPushButton("Named"))
    layout.addWidget(QPushButton())
    named = QTableView()
    named.setAccessibleName("Calls")
    layout.addWidget(named)
    layout.addWidget(QTableView())
    labelled = QComboBox()
    labelled.addItem("All")
    label = QLabel("Tag")
    label.setBuddy(labelled)
    layout.addWidget(label)
    layout.addWidget(labelled)
    bare = QComboBox()
    bare.addItem("All")
    bare.setAccessibleName("State")  # not read on Linux: Qt gives the value
    layout.addWidget(bare)
    window.show()
    app.exec()
