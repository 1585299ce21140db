"""API requests on the standard library, for worker threads: ``http.client``, no event loop.

The headless export reads a report with a few dozen requests and exits; asyncio and httpx
cost it more to import (and httpx more CPU per answer) than the whole export takes on
``http.client``. This transport keeps one keep-alive connection per thread and origin and
follows the same rules as :class:`desktop.api.transport.ApiTransport`: the token only for
the configured hosts' origins (a redirect elsewhere loses it), the same headers and
timeouts, the same retries (:class:`desktop.api.retry_policy.RetryPolicy`), the envelope
unwrapped and failures mapped to the typed errors of :mod:`desktop.api.errors`. Attempts
are reported through :func:`desktop.api.pacing.report_attempt` to the calling thread's
limiter. ``https://`` uses certifi's authorities, as httpx does, loaded at the first
such request. It does not read proxy settings: with a proxy in the environment the
export uses the httpx transport, which honours them.
"""

from __future__ import annotations

import errno
import http.client
import random
import socket
import ssl
import sys
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final
from urllib.parse import urlencode, urljoin, urlsplit

from desktop.api.config import ApiConfig, Host, Origin, origin_of
from desktop.api.errors import NetworkError, NetworkErrorKind, ValidationError
from desktop.api.pacing import refusals_are_paced, report_attempt
from desktop.api.retry_policy import (
    TOKEN_HEADER,
    RetryPolicy,
    TokenScope,
    connect_error_kind,
    encode_params,
    parse_retry_after,
    standard_headers,
)

if TYPE_CHECKING:
    import logging

__all__ = ["MAX_REDIRECTS", "BlockingTransport", "Decode"]

#: Reads a final answer: ``(status, body, Content-Type, Retry-After seconds)``.
Decode = Callable[[int, bytes, str | None, float | None], object]
#: Redirects followed before giving up (httpx's default).
MAX_REDIRECTS: Final = 20
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
# A kept-alive connection the server closed meanwhile fails at once like this: the
# request is sent again on a new connection (not a retry: it never reached the server).
_STALE: Final = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)

_tls_lock = threading.Lock()
_tls: ssl.SSLContext | None = None


def _log() -> logging.Logger:
    import logging  # loaded once the first answer is in, not before the first request

    return logging.getLogger(__name__)


def _redacted(url: str) -> str:
    from desktop.api.redaction import redact_url  # for log lines: after the first request

    return redact_url(url)


def _tls_context() -> ssl.SSLContext:
    """The verifying SSL context, made at the first ``https://`` request of the process."""
    global _tls
    with _tls_lock:
        if _tls is None:
            import certifi  # only an https:// export needs the authorities

            _tls = ssl.create_default_context(cafile=certifi.where())
        return _tls


class _PlainConnection(http.client.HTTPConnection):
    """An ``http://`` connection that resolves an ASCII host name as bytes.

    ``getaddrinfo`` of a text name loads the ``idna`` codec first, a few milliseconds
    before the first request that an ASCII name (``127.0.0.1``, ``api.example``) does
    not need.
    """

    def connect(self) -> None:
        """Open the TCP connection, as ``http.client`` does (no proxy tunnel here)."""
        sys.audit("http.client.connect", self, self.host, self.port)
        host: str | bytes = self.host.encode("ascii") if self.host.isascii() else self.host
        # getaddrinfo takes the name as bytes too (the stubs say text only).
        address = (host, self.port)
        self.sock = socket.create_connection(address, self.timeout)  # type: ignore[arg-type]
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as exc:
            if exc.errno != errno.ENOPROTOOPT:
                raise


class _Answer:
    """An HTTP answer, its body read (and un-gzipped); ``location``: where a redirect points."""

    __slots__ = ("body", "content_type", "location", "retry_after", "status", "url")

    def __init__(
        self,
        status: int,
        body: bytes,
        url: str,
        *,
        content_type: str | None = None,
        retry_after: str | None = None,
        location: str | None = None,
    ) -> None:
        self.status = status
        self.body = body
        self.url = url
        self.content_type = content_type
        self.retry_after = retry_after
        self.location = location


class BlockingTransport:
    """Authenticated GETs to the configured hosts, from any number of threads."""

    def __init__(
        self,
        token: str,
        config: ApiConfig,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        token = token.strip() if isinstance(token, str) else ""
        if not token or any(ch in token for ch in "\r\n"):
            raise ValidationError("validation.token", field="token")
        self._token = token
        self._config = config
        self._scope = TokenScope(config.hosts)
        self._policy = RetryPolicy(config, rng)
        self._sleep = sleep
        self._headers = {**standard_headers(config), "Accept-Encoding": "gzip, deflate"}
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"BlockingTransport(hosts={self._config.hosts!r})"

    @property
    def config(self) -> ApiConfig:
        """The configuration in use."""
        return self._config

    def url(self, host: Host, path: str) -> str:
        """Absolute URL of ``path`` on ``host``."""
        return self._config.hosts.base_for(host) + "/" + path.lstrip("/")

    def request(
        self,
        method: str,
        host: Host,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        decode: Decode | None = None,
    ) -> object:
        """Send one request without a body and return ``dados`` (retrying as the policy allows).

        ``decode`` reads the final answer instead of :func:`unwrap_envelope`; its result
        is returned.
        """
        method = method.upper()
        query = urlencode(encode_params(params))
        url = self.url(host, path) + (f"?{query}" if query else "")
        retries = 0
        while True:
            started = time.perf_counter()
            try:
                answer = self._follow(method, url)
            except NetworkError as error:
                report_attempt(None, time.perf_counter() - started, None)
                delay = self._policy.delay(method, retries, error=error)
                log = _log()
                if delay is None:
                    log.debug("%s %s failed: %s", method, _redacted(url), error)
                    raise
                reason = f"{error.kind} error"
            else:
                status = answer.status
                elapsed = time.perf_counter() - started
                log = _log()
                if log.isEnabledFor(10):  # logging.DEBUG
                    log.debug(
                        "%s %s -> %d (%.0f ms, attempt %d)",
                        method,
                        _redacted(answer.url),
                        status,
                        elapsed * 1000,
                        retries + 1,
                    )
                retry_after = parse_retry_after(answer.retry_after)
                report_attempt(status, elapsed, retry_after)
                delay = self._policy.delay(
                    method,
                    retries,
                    status=status,
                    retry_after=retry_after,
                    paced=refusals_are_paced(),
                )
                if delay is None:
                    if decode is not None:
                        return decode(status, answer.body, answer.content_type, retry_after)
                    # Loaded at the first answer: a report's first requests go out sooner.
                    from desktop.api.envelope import unwrap_envelope

                    return unwrap_envelope(
                        status, answer.body, answer.content_type, retry_after=retry_after
                    )
                reason = f"HTTP {status}"
            retries += 1
            log.debug(
                "%s %s: %s, retry %d/%d in %.3fs",
                method,
                _redacted(url),
                reason,
                retries,
                self._config.max_retries,
                delay,
            )
            self._sleep(delay)

    def _follow(self, method: str, url: str) -> _Answer:
        """One attempt, redirects followed; the token goes to our origins only."""
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._exchange(method, url)
            if answer.location is None:
                return answer
            url = answer.location
            if answer.status == 303 or (answer.status in (301, 302) and method != "HEAD"):
                method = "GET"
        raise NetworkError(
            NetworkErrorKind.REDIRECTS,
            urlsplit(url).hostname or "",
            f"Exceeded maximum allowed redirects ({MAX_REDIRECTS})",
        )

    def _exchange(self, method: str, url: str) -> _Answer:
        """Send ``method url`` once on this thread's connection to its origin."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        origin = origin_of(parts.scheme, host, parts.port)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = dict(self._headers)
        if self._scope.carries_token(url):
            headers[TOKEN_HEADER] = self._token
        for fresh_try in (False, True):
            connection, fresh = self._connection(origin, fresh_try)
            try:
                connection.request(method, target, headers=headers)
                response = connection.getresponse()
                body = response.read()
            except _STALE as exc:
                connection.close()
                if fresh:
                    raise NetworkError(NetworkErrorKind.CONNECTION, host, _detail(exc)) from exc
                continue  # a kept-alive connection the server had closed: a new one
            except TimeoutError as exc:
                connection.close()
                raise NetworkError(NetworkErrorKind.TIMEOUT, host, _detail(exc)) from exc
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                raise NetworkError(NetworkErrorKind.CONNECTION, host, _detail(exc)) from exc
            status = response.status
            location = response.getheader("Location") if status in _REDIRECTS else None
            if location:
                return _Answer(status, b"", url, location=urljoin(url, location))
            encoding = (response.getheader("Content-Encoding") or "").strip().lower()
            return _Answer(
                status,
                _decoded(body, encoding, host),
                url,
                content_type=response.getheader("Content-Type"),
                retry_after=response.getheader("Retry-After"),
            )
        raise AssertionError("unreachable: the second try uses a new connection")

    def _connection(self, origin: Origin, new: bool) -> tuple[http.client.HTTPConnection, bool]:
        """The calling thread's connection to ``origin``, connected (a new one when ``new``)."""
        connections: dict[Origin, http.client.HTTPConnection] = self._connections()
        connection = connections.get(origin)
        if connection is not None and connection.sock is not None and not new:
            return connection, False
        if connection is not None:
            connection.close()
        scheme, host, port = origin
        timeout = self._config.connect_timeout
        if scheme == "https":
            connection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=_tls_context()
            )
        else:
            connection = _PlainConnection(host, port, timeout=timeout)
        connections[origin] = connection
        try:
            connection.connect()
        except TimeoutError as exc:
            connection.close()
            raise NetworkError(NetworkErrorKind.CONNECT_TIMEOUT, host, _detail(exc)) from exc
        except OSError as exc:
            connection.close()
            raise NetworkError(connect_error_kind(exc), host, _detail(exc)) from exc
        if connection.sock is not None:
            connection.sock.settimeout(self._config.timeout)
        return connection, True

    def _connections(self) -> dict[Origin, http.client.HTTPConnection]:
        connections: dict[Origin, http.client.HTTPConnection] | None = getattr(
            self._local, "connections", None
        )
        if connections is None:
            connections = self._local.connections = {}
        return connections

    def close(self) -> None:
        """Close the calling thread's connections (each worker closes its own)."""
        for connection in self._connections().values():
            connection.close()
        self._local.connections = {}


def _detail(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _decoded(body: bytes, encoding: str, host: str) -> bytes:
    """``body`` without its ``gzip``/``deflate`` content coding."""
    if encoding in ("", "identity"):
        return body
    try:
        if encoding in ("gzip", "x-gzip"):
            return zlib.decompress(body, 16 + zlib.MAX_WBITS)
        if encoding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)  # raw deflate, as some send
    except zlib.error as exc:
        raise NetworkError(NetworkErrorKind.CONNECTION, host, f"bad {encoding} body") from exc
    return body  # a coding not asked for: handed over as it came
