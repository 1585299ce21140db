"""Wires the Qt application: event loop (qasync), translations, session and windows."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import traceback
from types import TracebackType

os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6, not another binding

import qasync
from PySide6 import QtWebEngineWidgets  # noqa: F401  (must load before QApplication exists)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__
from desktop.cli import LaunchOptions
from desktop.i18n import install_translator
from desktop.session import Session, open_session
from desktop.shell.overview_window import OverviewWindow
from desktop.webphone.startup import prepare_web_engine

log = logging.getLogger(__name__)


def _install_excepthook() -> None:
    """Log unhandled exceptions (``@asyncSlot`` sends them here) and keep the app running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, value, tb))
        if QApplication.instance() is not None:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                APP_NAME,
                QApplication.translate("App", "Unexpected error: %1").replace("%1", str(value)),
            )
            box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # never exec(): a nested loop breaks qasync's running tasks

    sys.excepthook = hook


async def _main(app: QApplication, options: LaunchOptions) -> int:
    # The app ends by leaving this coroutine, never by app.quit(): qasync stops its loop on
    # quit, and the cleanup below must still run on a live loop.
    quitting = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(quitting.set)
    app.aboutToQuit.connect(quitting.set)
    session: Session = await open_session(
        embedded_sandbox=options.embedded_sandbox,
        api_url=options.api_url,
        token=options.token,
        seed=options.seed,
    )
    window = OverviewWindow(session)
    window.show()
    window.refresh()
    if options.quit_after is not None:
        QTimer.singleShot(int(options.quit_after * 1000), quitting.set)
    try:
        await quitting.wait()
    finally:
        window.shutdown()
        await session.close()
    return 0


def run(options: LaunchOptions) -> int:
    """Start the Qt application and block until it quits; returns the exit code."""
    logging.basicConfig(level=os.environ.get("RAMAL_DESKTOP_LOG", "INFO"))
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its request lines carry URLs
    prepare_web_engine()  # Chromium reads its schemes and flags once, before the app exists
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Ramal Desktop")
    app.setDesktopFileName("ramal-desktop")
    install_translator(app)
    _install_excepthook()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        code: int = loop.run_until_complete(_main(app, options))
    return code
