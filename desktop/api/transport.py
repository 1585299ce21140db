"""One ``httpx.AsyncClient`` for the three API hosts.

It decides where the token goes (a request hook, so a redirect to another origin loses
it), sets the standard headers and timeouts, unwraps the envelope, maps failures to the
typed errors of :mod:`desktop.api.errors` and retries what is safe to retry:

* GET: network errors, timeouts and HTTP 500/502/503/504, with exponential back-off
  and jitter;
* every method: HTTP 429 (the request was refused, not processed), waiting for
  ``Retry-After`` seconds when given;
* POST, PUT and DELETE are otherwise never repeated: the server may have acted on them.

Attempts are bounded by ``ApiConfig.max_retries``; waits are ``asyncio.sleep`` calls, so
cancelling the caller stops everything at once. Before each wait an optional listener
gets a :class:`RetryNotice` (what failed, when the next attempt goes) to show the user.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Final

import httpx

from desktop.api.concurrency import refusals_are_paced, report_attempt
from desktop.api.config import ApiConfig, Host, origin_of
from desktop.api.envelope import unwrap_envelope
from desktop.api.errors import (
    ApiError,
    NetworkError,
    NetworkErrorKind,
    RamalApiError,
    ValidationError,
)
from desktop.api.http_client import new_http_client
from desktop.api.messages import DEFAULT_LANG, describe
from desktop.api.redaction import redact_url

__all__ = [
    "ApiTransport",
    "RetryListener",
    "RetryNotice",
    "Sleep",
    "encode_params",
    "network_error",
    "parse_retry_after",
]

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
#: Reads a final answer: ``(status, body, Content-Type, Retry-After seconds)``.
Decode = Callable[[int, bytes, str | None, float | None], object]


@dataclass(frozen=True)
class RetryNotice:
    """An attempt that failed and will be repeated after ``delay`` seconds."""

    error: RamalApiError
    delay: float
    retry: int
    """1-based number of the coming retry."""
    max_retries: int

    def user_message(self, lang: str | None = DEFAULT_LANG) -> str:
        """What failed and when the next attempt goes, in ``lang``."""
        seconds = max(1, math.ceil(self.delay))
        if self.error.status == 429:
            return describe("api.rate_limited_retry", lang, seconds=seconds)
        return describe("api.retrying", lang, reason=self.error.user_message(lang), seconds=seconds)


RetryListener = Callable[[RetryNotice], None]

TOKEN_HEADER: Final = "Access-Token"
IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
RETRYABLE_STATUSES: Final = frozenset({500, 502, 503, 504})
_DNS_HINTS: Final = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "temporary failure in name resolution",
    "no address associated",
    "name resolution",
)


def encode_params(params: Mapping[str, object] | None) -> dict[str, str]:
    """Query values as text; None drops the parameter, booleans become ``true``/``false``."""
    encoded: dict[str, str] = {}
    for key, value in (params or {}).items():
        if value is None:
            continue
        encoded[key] = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return encoded


def network_error(exc: httpx.RequestError, host: str) -> NetworkError:
    """Classify an httpx failure (DNS, refused, timeouts, dropped connection)."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return NetworkError(NetworkErrorKind.CONNECT_TIMEOUT, host, detail)
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(NetworkErrorKind.TIMEOUT, host, detail)
    if isinstance(exc, httpx.TooManyRedirects):
        return NetworkError(NetworkErrorKind.REDIRECTS, host, detail)
    if isinstance(exc, httpx.ConnectError):
        chain: list[BaseException] = []
        cause: BaseException | None = exc
        while cause is not None and len(chain) < 8:
            chain.append(cause)
            cause = cause.__cause__ or cause.__context__
        if any(isinstance(e, socket.gaierror) for e in chain):
            return NetworkError(NetworkErrorKind.DNS, host, detail)
        if any(isinstance(e, ConnectionRefusedError) for e in chain):
            return NetworkError(NetworkErrorKind.REFUSED, host, detail)
        lowered = " ".join(str(e) for e in chain).lower()
        if any(hint in lowered for hint in _DNS_HINTS):
            return NetworkError(NetworkErrorKind.DNS, host, detail)
        if "refused" in lowered:
            return NetworkError(NetworkErrorKind.REFUSED, host, detail)
    return NetworkError(NetworkErrorKind.CONNECTION, host, detail)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def _answer_error(response: httpx.Response) -> RamalApiError:
    """The typed error an answer stands for (it is about to be retried, not raised)."""
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    try:
        unwrap_envelope(
            response.status_code,
            response.content,
            response.headers.get("Content-Type"),
            retry_after=retry_after,
        )
    except RamalApiError as error:
        return error
    return ApiError(response.status_code, None, retry_after=retry_after)


class ApiTransport:
    """Authenticated requests to the configured hosts, returning the envelope's ``dados``."""

    def __init__(
        self,
        token: str,
        config: ApiConfig,
        http: httpx.AsyncClient | None = None,
        *,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        on_retry: RetryListener | None = None,
    ) -> None:
        token = token.strip() if isinstance(token, str) else ""
        if not token or any(ch in token for ch in "\r\n"):
            raise ValidationError("validation.token", field="token")
        self._token = token
        self._config = config
        self._origins = config.hosts.origins()
        self._sleep = sleep
        self._on_retry = on_retry
        self._rng = rng or random.Random()
        self._timeout = httpx.Timeout(config.timeout, connect=config.connect_timeout)
        self._owns_client = http is None
        self._client = http if http is not None else new_http_client(self._timeout)
        hooks = dict(self._client.event_hooks)
        hooks["request"] = [*hooks.get("request", []), self._scope_token]
        self._client.event_hooks = hooks

    def __repr__(self) -> str:
        return f"ApiTransport(hosts={self._config.hosts!r})"

    @property
    def config(self) -> ApiConfig:
        """The configuration in use."""
        return self._config

    def url(self, host: Host, path: str) -> str:
        """Absolute URL of ``path`` on ``host``."""
        return self._config.hosts.base_for(host) + "/" + path.lstrip("/")

    def resolve(self, url_or_path: str, host: Host = Host.V1) -> str:
        """An absolute http(s) URL as is; a path on ``host`` otherwise."""
        if url_or_path.lower().startswith(("http://", "https://")):
            return url_or_path
        return self.url(host, url_or_path)

    def carries_token(self, url: str | httpx.URL) -> bool:
        """True when requests to ``url`` get the access token."""
        parsed = httpx.URL(url)
        return origin_of(parsed.scheme, parsed.host, parsed.port) in self._origins

    async def _scope_token(self, request: httpx.Request) -> None:
        # Runs for every request, redirects included: the token goes to our hosts only.
        if self.carries_token(request.url):
            request.headers[TOKEN_HEADER] = self._token
        else:
            request.headers.pop(TOKEN_HEADER, None)

    def _headers(self, accept: str) -> dict[str, str]:
        return {"Accept": accept, "User-Agent": self._config.user_agent}

    def _backoff(self, retry: int) -> float:
        ceiling = min(self._config.backoff_max, self._config.backoff_base * 2.0 ** (retry - 1))
        return ceiling / 2 + self._rng.uniform(0.0, ceiling / 2)

    def _retry_delay(
        self,
        method: str,
        retries: int,
        *,
        status: int | None = None,
        error: NetworkError | None = None,
        retry_after: float | None = None,
    ) -> float | None:
        """Seconds to wait before trying again, or None when this outcome is final."""
        if retries >= self._config.max_retries:
            return None
        if status == 429 and refusals_are_paced():
            return None  # the caller's limiter spaces the next attempt
        if status == 429:  # refused before processing: safe to repeat for any method
            if retry_after is not None:
                return min(retry_after, self._config.retry_after_max)
            return self._backoff(retries + 1)
        if method not in IDEMPOTENT_METHODS:
            return None
        if error is not None and error.kind is not NetworkErrorKind.REDIRECTS:
            return self._backoff(retries + 1)
        if status in RETRYABLE_STATUSES:
            return self._backoff(retries + 1)
        return None

    async def request(
        self,
        method: str,
        host: Host,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        decode: Decode | None = None,
    ) -> object:
        """Send one API request and return ``dados`` (retrying as the policy allows).

        ``decode`` reads the final answer instead of :func:`unwrap_envelope` (a report
        page decoded from its bytes); its result is returned.
        """
        method = method.upper()
        url = self.url(host, path)
        query = encode_params(params)
        retries = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self._client.request(
                    method,
                    url,
                    params=query,
                    json=json,
                    headers=self._headers("application/json"),
                    timeout=self._timeout,
                    follow_redirects=True,
                )
            except httpx.RequestError as exc:
                report_attempt(None, time.perf_counter() - started, None)
                error = network_error(exc, httpx.URL(url).host)
                delay = self._retry_delay(method, retries, error=error)
                if delay is None:
                    log.debug("%s %s failed: %s", method, redact_url(url), error)
                    raise error from exc
                reason = f"{error.kind} error"
                failure: RamalApiError | httpx.Response = error
            else:
                status = response.status_code
                log.debug(
                    "%s %s -> %d (%.0f ms, attempt %d)",
                    method,
                    redact_url(response.request.url),
                    status,
                    (time.perf_counter() - started) * 1000,
                    retries + 1,
                )
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                report_attempt(status, time.perf_counter() - started, retry_after)
                delay = self._retry_delay(method, retries, status=status, retry_after=retry_after)
                if delay is None and decode is not None:
                    content_type = response.headers.get("Content-Type")
                    return decode(status, response.content, content_type, retry_after)
                if delay is None:
                    return unwrap_envelope(
                        status,
                        response.content,
                        response.headers.get("Content-Type"),
                        retry_after=retry_after,
                    )
                reason = f"HTTP {status}"
                failure = response
            retries += 1
            log.debug(
                "%s %s: %s, retry %d/%d in %.3fs",
                method,
                redact_url(url),
                reason,
                retries,
                self._config.max_retries,
                delay,
            )
            if self._on_retry is not None:
                self._notify(failure, delay, retries)
            await self._sleep(delay)

    def _notify(self, failure: RamalApiError | httpx.Response, delay: float, retry: int) -> None:
        error = failure if isinstance(failure, RamalApiError) else _answer_error(failure)
        notice = RetryNotice(error, delay, retry, self._config.max_retries)
        try:
            if self._on_retry is not None:
                self._on_retry(notice)
        except Exception:  # a listener's bug must not fail the request
            log.exception("retry listener failed")

    @asynccontextmanager
    async def stream(
        self, url: str, *, headers: Mapping[str, str] | None = None
    ) -> AsyncIterator[httpx.Response]:
        """Open a streamed GET of an absolute URL (the body is not read here)."""
        request = self._client.build_request(
            "GET",
            url,
            headers={
                **self._headers("audio/mpeg, application/json;q=0.5, */*;q=0.1"),
                **(headers or {}),
            },
            timeout=self._timeout,
        )
        try:
            response = await self._client.send(request, stream=True, follow_redirects=True)
        except httpx.RequestError as exc:
            raise network_error(exc, request.url.host) from exc
        log.debug("GET %s -> %d (streamed)", redact_url(response.request.url), response.status_code)
        try:
            yield response
        finally:
            await response.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client when this transport created it; unhook it otherwise."""
        if self._owns_client:
            await self._client.aclose()
            return
        hooks = dict(self._client.event_hooks)
        hooks["request"] = [h for h in hooks.get("request", []) if h != self._scope_token]
        self._client.event_hooks = hooks
