from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob
from PySide6.QtWidgets import QApplication

from desktop.webphone.scheme_handler import HostPageHandler

Error = QWebEngineUrlRequestJob.Error


class FakeJob(QObject):
    """Stands in for QWebEngineUrlRequestJob (which only Qt can create)."""

    def __init__(self, url: str, initiator: str = "", method: bytes = b"GET") -> None:
        super().__init__()
        self._url = QUrl(url)
        self._initiator = QUrl(initiator)
        self._method = method
        self.error: Any = None
        self.headers: dict[bytes, list[bytes]] = {}
        self.mime = b""
        self.body = b""

    def requestUrl(self) -> QUrl:
        return self._url

    def initiator(self) -> QUrl:
        return self._initiator

    def requestMethod(self) -> QByteArray:
        return QByteArray(self._method)

    def fail(self, error: Any) -> None:
        self.error = error

    def setAdditionalResponseHeaders(self, headers: Any) -> None:
        self.headers = {k.data(): [v.data() for v in vs] for k, vs in headers.items()}

    def reply(self, mime: QByteArray, device: QIODevice) -> None:
        self.mime = mime.data()
        self.body = device.readAll().data()


@pytest.fixture
def handler(qapp: QApplication) -> HostPageHandler:
    served = HostPageHandler()
    served.set_webphone("https://voice-api.zenvia.com", hidden=False)
    return served


def serve(handler: HostPageHandler, job: FakeJob) -> FakeJob:
    handler.requestStarted(job)  # type: ignore[arg-type]
    return job


@pytest.mark.parametrize(
    ("path", "mime", "needle"),
    [
        ("/host.html", b"text/html", b'id="widget-evoline-api-container"'),
        ("/host.js", b"text/javascript", b"webChannelTransport"),
        ("/host.css", b"text/css", b"diagnostico"),
        ("/qwebchannel.js", b"text/javascript", b"QWebChannel"),
        ("/jquery.min.js", b"text/javascript", b"/*! jQuery v3."),
    ],
)
def test_serves_the_host_files(
    handler: HostPageHandler, path: str, mime: bytes, needle: bytes
) -> None:
    initiator = "" if path == "/host.html" else "ramal://app"
    job = serve(handler, FakeJob("ramal://app" + path, initiator))
    assert job.error is None
    assert job.mime == mime
    assert needle in job.body
    csp = job.headers[b"Content-Security-Policy"][0].decode()
    assert "frame-src https://voice-api.zenvia.com" in csp
    assert "script-src 'self';" in csp
    assert job.headers[b"X-Content-Type-Options"] == [b"nosniff"]


def test_hidden_style_lets_the_provider_script_in(handler: HostPageHandler) -> None:
    handler.set_webphone("https://voice-api.zenvia.com", hidden=True)
    job = serve(handler, FakeJob("ramal://app/host.html"))
    csp = job.headers[b"Content-Security-Policy"][0].decode()
    assert "script-src 'self' https://voice-api.zenvia.com;" in csp


@pytest.mark.parametrize(
    ("url", "initiator", "method", "error"),
    [
        ("ramal://app/secret.txt", "ramal://app", b"GET", Error.UrlNotFound),
        ("ramal://app/../../etc/passwd", "ramal://app", b"GET", Error.UrlNotFound),
        ("ramal://other/host.html", "", b"GET", Error.UrlNotFound),
        ("ramal://app:8080/host.html", "", b"GET", Error.UrlNotFound),
        ("ramal://app/host.js", "https://evil.example.com", b"GET", Error.RequestDenied),
        ("ramal://app/host.js", "null", b"GET", Error.RequestDenied),
        ("ramal://app/host.html", "", b"POST", Error.RequestDenied),
    ],
)
def test_refuses_everything_else(
    handler: HostPageHandler, url: str, initiator: str, method: bytes, error: Any
) -> None:
    job = serve(handler, FakeJob(url, initiator, method))
    assert job.error == error
    assert job.body == b""
