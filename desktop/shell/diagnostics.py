"""Help-menu tools: open the log folder, copy diagnostics, show unexpected errors."""

from __future__ import annotations

import json
import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import keyring
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.settings.codec import settings_to_dict
from desktop.settings.model import Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import backend_name, is_secure_backend
from desktop.shell.logging_setup import redact

log = logging.getLogger(__name__)

__all__ = [
    "collect_diagnostics",
    "copy_diagnostics",
    "install_excepthook",
    "open_log_folder",
    "webengine_chromium_version",
]


def webengine_chromium_version() -> str:
    """The Chromium version of QtWebEngine, or ``not available``."""
    try:
        from PySide6.QtWebEngineCore import qWebEngineChromiumVersion
    except ImportError:
        return "not available"
    return str(qWebEngineChromiumVersion())


def _text(value: object) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def _keychain() -> str:
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # diagnostics must never fail
        return f"error: {exc}"
    secure = "secure" if is_secure_backend(backend) else "NOT usable"
    return f"{backend_name(backend)} ({secure})"


def collect_diagnostics(settings: Settings | None, paths: AppPaths) -> str:
    """Versions, OS, Qt, WebEngine, keychain, folders and the settings (no secrets)."""
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"OS: {platform.platform()} ({platform.machine()})",
        f"Qt {qVersion()} / PySide6 {PySide6.__version__}",
        f"Qt build: {_text(QLibraryInfo.build())}",
        f"QtWebEngine Chromium: {webengine_chromium_version()}",
        f"Platform plugin: {QGuiApplication.platformName() or '-'}",
        f"Keychain: {_keychain()}",
        f"Config: {paths.config_dir}",
        f"Data: {paths.data_dir}",
        f"Logs: {paths.log_dir}",
    ]
    if settings is not None:
        # The token never is in the settings; redact anyway in case a URL carries one.
        dump = json.dumps(settings_to_dict(settings), indent=2, sort_keys=True, default=str)
        lines += ["", "Settings:", redact(dump)]
    return "\n".join(lines) + "\n"


def copy_diagnostics(settings: Settings | None, paths: AppPaths) -> str:
    """Put the diagnostics on the clipboard and return them."""
    text = collect_diagnostics(settings, paths)
    QGuiApplication.clipboard().setText(text)
    return text


def open_log_folder(
    log_dir: Path, opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
) -> bool:
    """Open the log folder in the file manager (created first if missing)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    return bool(opener(QUrl.fromLocalFile(str(log_dir))))


class _ErrorReporter(QObject):
    """Shows unexpected errors in a non-modal box; one box at a time, later ones logged."""

    def __init__(self, parent_window: Callable[[], QWidget | None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._parent_window = parent_window
        self.box: QMessageBox | None = None

    def show(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if self.box is not None and self.box.isVisible():
            return  # already showing one; the log has them all
        text = QCoreApplication.translate("ErrorDialog", "Unexpected error: %1").replace(
            "%1", redact(str(value) or kind.__name__)
        )
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, parent=self._parent_window())
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorDialog", "The app keeps running. Details are in the log file."
            )
        )
        box.setDetailedText(redact("".join(traceback.format_exception(kind, value, tb))))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget)
        self.box = box
        box.show()  # never exec(): a nested loop breaks qasync's running tasks

    def _forget(self) -> None:
        self.box = None


def install_excepthook(
    parent_window: Callable[[], QWidget | None] = lambda: None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """Log unhandled exceptions (``@asyncSlot`` sends them here) and show them non-modally."""
    reporter: _ErrorReporter | None = None

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal reporter
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("unhandled exception", exc_info=(kind, value, tb))
        if isinstance(QApplication.instance(), QApplication):
            try:
                reporter = reporter or _ErrorReporter(parent_window)
                reporter.show(kind, value, tb)
            except Exception:  # the hook itself must never raise
                log.exception("could not show the error dialog")

    sys.excepthook = hook
    return hook
