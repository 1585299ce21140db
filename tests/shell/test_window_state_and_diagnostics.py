from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter
from pytestqt.qtbot import QtBot

from desktop.settings import AppPaths, Environment, Profile, Settings
from desktop.shell.diagnostics import (
    collect_diagnostics,
    copy_diagnostics,
    install_excepthook,
    open_log_folder,
)
from desktop.shell.logging_setup import register_secret, unregister_secret
from desktop.shell.window_state import WindowStateStore


def test_geometry_and_splitters_survive_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "window-state.ini"
    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter()
    splitter.addWidget(QLabel("a"))
    splitter.addWidget(QLabel("b"))
    window.setCentralWidget(splitter)
    window.resize(640, 420)
    window.show()
    splitter.setSizes([200, 700])
    store = WindowStateStore(path)
    store.save_window("main", window)
    store.save_splitter("main", splitter)
    store.sync()

    again = QMainWindow()
    qtbot.addWidget(again)
    other = QSplitter()
    other.addWidget(QLabel("a"))
    other.addWidget(QLabel("b"))
    again.setCentralWidget(other)
    reader = WindowStateStore(path)
    assert reader.restore_window("main", again)
    assert reader.restore_splitter("main", other)
    assert again.size() == window.size()
    assert other.sizes()[0] < other.sizes()[1]
    assert not reader.restore_splitter("missing", other)


def test_diagnostics_have_versions_and_no_secrets(qapp: QApplication, tmp_path: Path) -> None:
    register_secret("token-in-a-url-123456")
    try:
        settings = Settings(
            profiles=(Profile("p1", "Prod", Environment.TOTALVOICE, "4000"),),
            screen_pop_url="https://crm.example/?q={numero}&token=token-in-a-url-123456",
        )
        text = copy_diagnostics(settings, AppPaths.under(tmp_path))
    finally:
        unregister_secret("token-in-a-url-123456")
    assert QApplication.clipboard().text() == text
    for needle in ("Ramal Desktop", "Qt 6.", "PySide6", "QtWebEngine Chromium", "Keychain", "Prod"):
        assert needle in text
    assert "token-in-a-url-123456" not in text
    assert collect_diagnostics(None, AppPaths.under(tmp_path)).count("Settings:") == 0


def test_open_log_folder_creates_and_opens_it(tmp_path: Path) -> None:
    seen: list[QUrl] = []
    folder = tmp_path / "logs"
    assert open_log_folder(folder, lambda url: seen.append(url) is None)
    assert folder.is_dir() and seen[0].toLocalFile() == str(folder)


def test_unhandled_exception_is_logged_and_shown_without_blocking(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    previous = sys.excepthook
    try:
        hook = install_excepthook()
        try:
            raise ValueError("boom")
        except ValueError as exc:
            hook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert "unhandled exception" in caplog.text
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and "boom" in getattr(w, "text", lambda: "")()
    ]
    assert boxes, "the error box is shown"
    for box in boxes:
        assert not box.isModal()
        box.close()
