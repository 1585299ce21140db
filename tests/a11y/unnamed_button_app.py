"""A window with a named and an unnamed push button and table, for the tree check's own test."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QTableView, QVBoxLayout, QWidget

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
    window.show()
    app.exec()
