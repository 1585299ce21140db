"""Test-wide settings: headless Qt and a Chromium that runs as root with a fake microphone."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

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

import keyring  # noqa: E402
import pytest  # noqa: E402
import qasync  # noqa: E402
from keyring.backends import fail  # noqa: E402
from keyring_fakes import MemoryKeyring  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """qasync's loop over pytest-qt's application, marked running as in the app.

    qtbot's waits spin the Qt loop, which runs the loop's tasks. The loop is never
    stopped: that would quit the application.
    """
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = ThreadPoolExecutor(max_workers=2)
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    qapp.processEvents()
    executor.shutdown(wait=True)
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    """The app's own QApplication subclass, so tests run what users run."""
    from desktop.shell.application import RamalApplication

    return RamalApplication
