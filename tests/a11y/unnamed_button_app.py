"""A window with one named and one unnamed push button, for the tree check's own test."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

if __name__ == "__main__":
    app = QApplication([])
    app.setApplicationName("Unnamed button check")
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QPushButton("Named"))
    layout.addWidget(QPushButton())
    window.show()
    app.exec()
