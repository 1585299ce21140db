"""The host page's ``QWebEnginePage``: navigation, pop-up, permission and dialog policy."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEngineFileSystemAccessRequest,
    QWebEngineNewWindowRequest,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineRegisterProtocolHandlerRequest,
)

from desktop.api.redaction import redact
from desktop.webphone.policy import (
    Navigation,
    navigation_decision,
    new_window_decision,
    origin_of,
    permission_allowed,
)

__all__ = ["WebphonePage"]

log = logging.getLogger(__name__)


def _loggable(text: str, limit: int) -> str:
    """``text`` for the log: masked first, then cut (a secret cut in two is not recognised)."""
    return redact(text)[:limit]


def _open_in_browser(url: QUrl) -> None:
    QDesktopServices.openUrl(url)


class WebphonePage(QWebEnginePage):
    """Shows only the host page; grants the microphone to the webphone's origin only.

    ``blocked(kind, url)`` reports every refused navigation, pop-up or permission
    (``kind`` is ``"navigation"``, ``"window"`` or ``"permission"``).
    """

    blocked = Signal(str, QUrl)
    permission_granted = Signal(str)  # the origin that got the microphone

    def __init__(
        self,
        profile: QWebEngineProfile,
        parent: QObject | None = None,
        *,
        open_external: Callable[[QUrl], None] = _open_in_browser,
    ) -> None:
        super().__init__(profile, parent)
        self._webphone_origin: str | None = None
        self._open_external = open_external
        self.permissionRequested.connect(self._on_permission)
        self.newWindowRequested.connect(self._on_new_window)
        self.fileSystemAccessRequested.connect(self._on_file_system_access)
        self.registerProtocolHandlerRequested.connect(self._on_protocol_handler)

    @property
    def webphone_origin(self) -> str | None:
        """Origin currently trusted as the webphone's."""
        return self._webphone_origin

    def set_webphone_origin(self, origin: str | None) -> None:
        """Trust ``origin`` as the webphone's (for frames and the microphone)."""
        self._webphone_origin = origin

    def acceptNavigationRequest(
        self,
        url: QUrl | str,
        type: QWebEnginePage.NavigationType,
        isMainFrame: bool,
    ) -> bool:
        """Allow the host page and the webphone's frames, nothing else."""
        qurl = QUrl(url) if isinstance(url, str) else url
        if navigation_decision(qurl, type, isMainFrame, self._webphone_origin) is Navigation.ALLOW:
            return True
        log.warning(
            "navigation blocked (%s frame): %s",
            "main" if isMainFrame else "sub",
            origin_of(qurl) or qurl.scheme(),
        )
        self.blocked.emit("navigation", qurl)
        return False

    def createWindow(
        self,
        type: QWebEnginePage.WebWindowType,
    ) -> QWebEnginePage:
        """No page of this profile ever gets a new window."""
        del type
        return None  # type: ignore[return-value]  # Qt reads None as "refused"

    def javaScriptAlert(self, securityOrigin: QUrl | str, msg: str) -> None:
        """Log instead of showing a modal box (a nested loop would stall the app's tasks)."""
        log.info("webphone alert from %s: %s", origin_of(securityOrigin), _loggable(msg, 200))

    def javaScriptConfirm(self, securityOrigin: QUrl | str, msg: str) -> bool:
        """Answer "cancel" without a modal box."""
        log.info(
            "webphone confirm from %s refused: %s", origin_of(securityOrigin), _loggable(msg, 200)
        )
        return False

    def javaScriptPrompt(
        self,
        securityOrigin: QUrl | str,
        msg: str,
        defaultValue: str,
    ) -> tuple[bool, str]:
        """Answer "cancel" without a modal box."""
        del defaultValue
        log.info(
            "webphone prompt from %s refused: %s", origin_of(securityOrigin), _loggable(msg, 200)
        )
        return False, ""

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        lineNumber: int,
        sourceID: str,
    ) -> None:
        """Send the page's console to the log (debug level)."""
        log.debug(
            "console[%s] %s:%d %s",
            level.name,
            origin_of(sourceID),
            lineNumber,
            _loggable(message, 300),
        )

    def chooseFiles(
        self,
        mode: QWebEnginePage.FileSelectionMode,
        oldFiles: Sequence[str],
        acceptedMimeTypes: Sequence[str],
    ) -> list[str]:
        """The webphone never gets a file picker."""
        del mode, oldFiles, acceptedMimeTypes
        return []

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        kind = permission.permissionType()
        origin = permission.origin()
        if permission_allowed(kind, origin, self._webphone_origin):
            log.info("microphone granted to %s", origin_of(origin))
            permission.grant()
            self.permission_granted.emit(origin_of(origin))
            return
        log.warning("permission %s denied to %s", kind.name, origin_of(origin) or "?")
        permission.deny()
        self.blocked.emit("permission", origin)

    def _on_new_window(self, request: QWebEngineNewWindowRequest) -> None:
        url = request.requestedUrl()
        if new_window_decision(url, request.isUserInitiated()) is Navigation.EXTERNAL:
            log.info("opening link in the system browser: %s", origin_of(url))
            self._open_external(url)
        else:
            log.warning("pop-up blocked: %s", origin_of(url) or url.scheme())
        self.blocked.emit("window", url)

    def _on_file_system_access(self, request: QWebEngineFileSystemAccessRequest) -> None:
        request.reject()
        self.blocked.emit("permission", request.origin())

    def _on_protocol_handler(self, request: QWebEngineRegisterProtocolHandlerRequest) -> None:
        request.reject()
        self.blocked.emit("permission", request.origin())
