"""Serves the host page's files on ``ramal://app/`` with a strict Content-Security-Policy."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from PySide6 import QtWebChannel  # noqa: F401  (loading it registers qwebchannel.js)
from PySide6.QtCore import QBuffer, QByteArray, QFile, QIODevice, QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from desktop.resources import resources_dir
from desktop.webphone.policy import content_security_policy, origin_of
from desktop.webphone.scheme import HOST, HOST_ORIGIN, SCHEME

__all__ = ["HostPageHandler", "host_page_dir"]

log = logging.getLogger(__name__)

_QWEBCHANNEL_JS: Final = ":/qtwebchannel/qwebchannel.js"
# path on ramal://app → (file under resources/webphone, MIME type)
_FILES: Final = {
    "/host.html": ("host.html", b"text/html"),
    "/host.js": ("host.js", b"text/javascript"),
    "/host.css": ("host.css", b"text/css"),
    # jQuery 3 (MIT, jquery.LICENSE.txt): the provider's hidden-style example loads it
    # before the provider's script, so the hidden style loads it first too.
    "/jquery.min.js": ("jquery.min.js", b"text/javascript"),
}


def host_page_dir() -> Path:
    """Folder that holds the host page's files."""
    return resources_dir() / "webphone"


def _read_qwebchannel_js() -> bytes:
    file = QFile(_QWEBCHANNEL_JS)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(_QWEBCHANNEL_JS)
    try:
        return bytes(file.readAll().data())
    finally:
        file.close()


class HostPageHandler(QWebEngineUrlSchemeHandler):
    """Answers ``GET ramal://app/<file>`` from an in-memory copy of the host page's files.

    Requests from any other origin (a web page trying to read the host's files) and any
    path not in the list are refused.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = host_page_dir()
        self._files: dict[str, tuple[bytes, bytes]] = {
            path: ((folder / name).read_bytes(), mime) for path, (name, mime) in _FILES.items()
        }
        self._files["/qwebchannel.js"] = (_read_qwebchannel_js(), b"text/javascript")
        self._webphone_origin: str | None = None
        self._hidden = False

    def set_webphone(self, origin: str | None, *, hidden: bool) -> None:
        """Set the origin the next host page may frame (and, when ``hidden``, run scripts of)."""
        self._webphone_origin = origin
        self._hidden = hidden

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        """Reply with the file, or fail the request."""
        url = job.requestUrl()
        initiator = job.initiator()
        if job.requestMethod().data() != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        if url.scheme() != SCHEME or url.host() != HOST or url.port(-1) != -1:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        # A navigation made by the app has no initiator; the host's own files are asked
        # for by the host itself. Anything a web page asks for is refused.
        if not initiator.isEmpty() and origin_of(initiator) != HOST_ORIGIN:
            log.warning("host page request from %s refused", origin_of(initiator) or "?")
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        entry = self._files.get(url.path())
        if entry is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        body, mime = entry
        csp = content_security_policy(self._webphone_origin, hidden=self._hidden)
        headers = {
            b"Content-Security-Policy": csp.encode(),
            b"X-Content-Type-Options": b"nosniff",
            b"Cache-Control": b"no-store",
            b"Referrer-Policy": b"no-referrer",
        }
        # The binding maps Qt's QMultiMap to a dict of value lists.
        job.setAdditionalResponseHeaders(
            {QByteArray(k): [QByteArray(v)] for k, v in headers.items()}  # type: ignore[misc]
        )
        buffer = QBuffer(job)
        buffer.setData(QByteArray(body))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(mime), buffer)
