"""Test-wide settings: headless Qt and a Chromium that runs as root with a fake microphone."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
# Chromium refuses to run as root without --no-sandbox; the fake devices give getUserMedia a
# microphone on machines without sound hardware.
os.environ.setdefault(
    "QTWEBENGINE_CHROMIUM_FLAGS",
    "--no-sandbox --use-fake-device-for-media-stream --disable-gpu "
    "--disable-background-networking --disable-component-update",
)
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

# QtWebEngine must be imported (and the app's URL schemes registered) before pytest-qt
# creates the QApplication.
from PySide6 import QtWebEngineWidgets  # noqa: F401

from desktop.webphone.scheme import register_scheme

register_scheme()
