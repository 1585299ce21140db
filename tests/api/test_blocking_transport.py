"""The export's standard-library transport: same rules and typed errors as the httpx one."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import certifi
import pytest
from api_samples import envelope
from instants import NOON
from sandbox_control import control
from self_signed import self_signed
from test_report_decoding import QUIRKS

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient, blocking_transport
from desktop.api.blocking_transport import BlockingTransport
from desktop.api.config import Host
from desktop.api.errors import (
    FormatErrorKind,
    NetworkError,
    NetworkErrorKind,
    RamalApiError,
    ResponseFormatError,
)
from desktop.api.models.call_wire import decode_call
from desktop.api.models.calls import Call, parse_call
from desktop.api.models.page import Page
from desktop.api.report_answer import CALL_REPORT_PATH, ReportAnswer
from desktop.api.threaded_paging import ThreadedPages
from desktop.api.wire import report_query
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import clock_from

START, END = NOON.date() - timedelta(days=31), NOON.date()
Answer = tuple[int, dict[str, str], bytes]


class LocalServer:
    """A tiny HTTP server answering with ``answer(path)``; notes each request's headers."""

    def __init__(self, answer: Callable[[str], Answer], tls: ssl.SSLContext | None = None) -> None:
        seen = self.seen = []  # type: list[tuple[str, dict[str, str]]]

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                seen.append((self.path, dict(self.headers)))
                status, headers, body = answer(self.path)
                # "X-Then-Close": the server drops the connection unannounced, as idle
                # kept-alive connections are dropped.
                self.close_connection = headers.pop("X-Then-Close", None) is not None
                self.send_response(status)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{port}"
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
            self.url = f"https://localhost:{port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="blocking-token", clock=clock_from(NOON)) as running:
        yield running


def config_for(base_url: str, **changes: Any) -> ApiConfig:
    values: dict[str, Any] = {"backoff_base": 0.001, "backoff_max": 0.004, **changes}
    return ApiConfig(hosts=ApiHosts.single(base_url), **values)


def calls_page(transport: BlockingTransport, posicao: int, limite: int) -> Page[Call]:
    params = report_query(START, END, posicao, limite)
    answer = transport.request("GET", Host.V1, CALL_REPORT_PATH, params=params, decode=ReportAnswer)
    assert isinstance(answer, ReportAnswer)
    return answer.page(decode_call, parse_call, posicao=posicao, limite=limite)


def json_answer(payload: object) -> Answer:
    return 200, {"Content-Type": "application/json"}, json.dumps(payload).encode()


def test_the_documented_quirks_arrive_as_the_async_client_reads_them() -> None:
    dados = {"relatorio": QUIRKS, "total": len(QUIRKS), "posicao": 0, "limite": 200}
    server = LocalServer(lambda path: json_answer(envelope(dados)))
    try:
        transport = BlockingTransport("tok-123456", config_for(server.url))
        page = calls_page(transport, 0, 200)

        async def read() -> Page[Call]:
            async with TotalVoiceClient("tok-123456", config_for(server.url)) as api:
                return await api.chamadas.report_page(START, END, limite=200)

        expected = asyncio.run(read())
    finally:
        server.close()
    assert page.items == expected.items and page.total == len(QUIRKS)
    assert [c.origem for c in page.items] == [c.origem for c in expected.items]


def test_a_get_answered_503_is_asked_again(sandbox: SandboxThread) -> None:
    fault = {"method": "GET", "path": CALL_REPORT_PATH, "status": 503, "count": 2}
    control(sandbox, "/_sandbox/faults", fault)
    slept: list[float] = []
    transport = BlockingTransport(sandbox.token, config_for(sandbox.base_url), sleep=slept.append)
    page = calls_page(transport, 0, 50)
    assert page.items and len(slept) == 2


def test_a_refused_port_is_a_refused_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    transport = BlockingTransport("tok-123456", config_for(f"http://127.0.0.1:{port}"))
    with pytest.raises(NetworkError) as info:
        transport.request("GET", Host.V1, "/chamada/1")
    assert info.value.kind is NetworkErrorKind.REFUSED and info.value.host == "127.0.0.1"


def test_a_redirect_to_another_origin_loses_the_token() -> None:
    elsewhere = LocalServer(lambda path: json_answer(envelope({"ok": 1})))
    here = LocalServer(
        lambda path: (
            (302, {"Location": elsewhere.url + "/x"}, b"")
            if path.startswith("/away")
            else (307, {"Location": "/away"}, b"")
        )
    )
    try:
        transport = BlockingTransport("tok-123456", config_for(here.url))
        assert transport.request("GET", Host.V1, "/start") == {"ok": 1}
    finally:
        here.close()
        elsewhere.close()
    assert [path for path, _ in here.seen] == ["/start", "/away"]
    assert all(headers.get("Access-Token") == "tok-123456" for _, headers in here.seen)
    assert [path for path, _ in elsewhere.seen] == ["/x"]
    assert "Access-Token" not in elsewhere.seen[0][1]


def test_endless_redirects_are_a_redirects_error() -> None:
    server = LocalServer(lambda path: (302, {"Location": "/again"}, b""))
    try:
        transport = BlockingTransport("tok-123456", config_for(server.url))
        with pytest.raises(NetworkError) as info:
            transport.request("GET", Host.V1, "/start")
    finally:
        server.close()
    assert info.value.kind is NetworkErrorKind.REDIRECTS


@pytest.mark.parametrize(
    "fault",
    [{"body": '{"sucesso": true, "dados": {"relatorio": [{"id"'}, {"cut_after": 40}],
    ids=["malformed", "cut short"],
)
def test_a_broken_answer_is_the_same_typed_error_as_on_the_async_path(
    sandbox: SandboxThread, fault: dict[str, Any]
) -> None:
    def broken() -> None:
        control(sandbox, "/_sandbox/faults", {"method": "GET", "path": CALL_REPORT_PATH, **fault})

    broken()
    transport = BlockingTransport(sandbox.token, config_for(sandbox.base_url))
    with pytest.raises(RamalApiError) as blocking:
        calls_page(transport, 0, 50)

    async def read() -> None:
        async with TotalVoiceClient(sandbox.token, config_for(sandbox.base_url)) as api:
            await api.chamadas.report_page(START, END, limite=50)

    broken()
    with pytest.raises(RamalApiError) as httpx_path:
        asyncio.run(read())
    assert type(blocking.value) is type(httpx_path.value)
    assert isinstance(blocking.value, ResponseFormatError)
    assert isinstance(httpx_path.value, ResponseFormatError)
    assert blocking.value.kind is httpx_path.value.kind is FormatErrorKind.INVALID_JSON


def test_every_row_arrives_under_the_servers_rate_limit(sandbox: SandboxThread) -> None:
    transport = BlockingTransport(sandbox.token, config_for(sandbox.base_url))
    with ThreadedPages(lambda p, n: calls_page(transport, p, n), page_size=200) as pages:
        expected = [c.id for page in pages for c in page.items]
    control(sandbox, "/_sandbox/settings", {"rate_limit_per_s": 4})
    try:
        fetched = ThreadedPages(
            lambda p, n: calls_page(transport, p, n), page_size=20, speculate=True
        )
        with fetched:
            ids = [c.id for page in fetched for c in page.items]
    finally:
        control(sandbox, "/_sandbox/settings", {"rate_limit_per_s": None})
    assert ids == expected and len(expected) > 4 * 20
    assert fetched.pacing.refusals > 0 and fetched.pacing.rate is not None


def test_the_token_is_checked_before_anything_is_sent() -> None:
    with pytest.raises(RamalApiError):
        BlockingTransport(" \n", config_for("http://127.0.0.1:9"))


def test_a_gzipped_answer_is_read() -> None:
    import gzip

    body = gzip.compress(json.dumps(envelope({"ok": 2})).encode())
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    server = LocalServer(lambda path: (200, headers, body))
    try:
        transport = BlockingTransport("tok-123456", config_for(server.url))
        assert transport.request("GET", Host.V1, "/x") == {"ok": 2}
    finally:
        server.close()


def test_connections_are_kept_alive_per_thread(sandbox: SandboxThread) -> None:
    transport = BlockingTransport(sandbox.token, config_for(sandbox.base_url))
    for _ in range(3):
        calls_page(transport, 0, 5)
    assert len(transport._connections()) == 1
    sock = next(iter(transport._connections().values())).sock
    calls_page(transport, 0, 5)
    assert next(iter(transport._connections().values())).sock is sock
    transport.close()
    assert transport._connections() == {}


def short_body() -> Answer:
    """An answer whose connection closes before the length it announced was sent."""
    return 200, {"Content-Length": "500", "Connection": "close"}, b'{"sucesso": true'


def test_a_body_cut_short_is_a_connection_error() -> None:
    server = LocalServer(lambda path: short_body())
    try:
        transport = BlockingTransport("tok-123456", config_for(server.url, max_retries=0))
        with pytest.raises(NetworkError) as info:
            transport.request("GET", Host.V1, "/x")
    finally:
        server.close()
    assert info.value.kind is NetworkErrorKind.CONNECTION


def test_a_get_cut_short_is_asked_again() -> None:
    answers = iter([short_body()])
    server = LocalServer(lambda path: next(answers, json_answer(envelope({"ok": 3}))))
    slept: list[float] = []
    try:
        transport = BlockingTransport("tok-123456", config_for(server.url), sleep=slept.append)
        assert transport.request("GET", Host.V1, "/x") == {"ok": 3}
    finally:
        server.close()
    assert len(slept) == 1 and len(server.seen) == 2


def test_a_kept_alive_connection_the_server_dropped_is_opened_again() -> None:
    server = LocalServer(
        lambda path: (
            200,
            {"Content-Type": "application/json", "X-Then-Close": "1"},
            json.dumps(envelope({"path": path})).encode(),
        )
    )
    try:
        transport = BlockingTransport("tok-123456", config_for(server.url, max_retries=0))
        assert transport.request("GET", Host.V1, "/a") == {"path": "/a"}
        assert transport.request("GET", Host.V1, "/b") == {"path": "/b"}
    finally:
        server.close()
    assert [path for path, _ in server.seen] == ["/a", "/b"]


def localhost_tls(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context for ``localhost`` with a certificate no authority signed."""
    cert_file, key_file = self_signed(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context, cert_file


def test_https_trusts_certifis_authorities_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context, cert_file = localhost_tls(tmp_path)
    server = LocalServer(lambda path: json_answer(envelope({"tls": True})), tls=context)
    try:
        monkeypatch.setattr(blocking_transport, "_tls", None)
        untrusted = BlockingTransport("tok-123456", config_for(server.url, max_retries=0))
        with pytest.raises(NetworkError) as info:
            untrusted.request("GET", Host.V1, "/x")
        assert info.value.kind is NetworkErrorKind.CONNECTION
        assert "CERTIFICATE_VERIFY_FAILED" in info.value.detail
        # The same check with this certificate among the authorities: the answer is read.
        monkeypatch.setattr(blocking_transport, "_tls", None)
        monkeypatch.setattr(certifi, "where", lambda: str(cert_file))
        trusted = BlockingTransport("tok-123456", config_for(server.url, max_retries=0))
        assert trusted.request("GET", Host.V1, "/x") == {"tls": True}
    finally:
        server.close()
    assert [path for path, _ in server.seen] == ["/x"]
