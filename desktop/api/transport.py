"""One ``httpx.AsyncClient`` for the three API hosts.

It decides where the token goes (a request hook, so a redirect to another origin loses
it), sets the standard headers and timeouts, unwraps the envelope, maps failures to the
typed errors of :mod:`desktop.api.errors` and retries what is safe to retry:

* GET: network errors, timeouts and HTTP 500/502/503/504, with exponential back-off
  and jitter;
* every method: HTTP 429 (the request was refused, not processed), waiting for
  ``Retry-After`` seconds when given;
* POST, PUT and DELETE are otherwise never repeated: the server may have acted on them.

These rules, the token's scope and the headers are :mod:`desktop.api.retry_policy`'s,
shared with the blocking transport of the headless export. Attempts are bounded by
``ApiConfig.max_retries``; waits are ``asyncio.sleep`` calls, so cancelling the caller
stops everything at once. Before each wait an optional listener
gets a :class:`RetryNotice` (what failed, when the next attempt goes) to show the user.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

from desktop.api.config import ApiConfig, Host
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
from desktop.api.pacing import refusals_are_paced, report_attempt
from desktop.api.redaction import redact_url
from desktop.api.retry_policy import (
    TOKEN_HEADER,
    RetryPolicy,
    TokenScope,
    connect_error_kind,
    encode_params,
    parse_retry_after,
    standard_headers,
)

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
        return NetworkError(connect_error_kind(exc), host, detail)
    return NetworkError(NetworkErrorKind.CONNECTION, host, detail)


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
        self._scope = TokenScope(config.hosts)
        self._sleep = sleep
        self._on_retry = on_retry
        self._policy = RetryPolicy(config, rng)
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
        return self._scope.carries_token(str(url))

    async def _scope_token(self, request: httpx.Request) -> None:
        # Runs for every request, redirects included: the token goes to our hosts only.
        if self.carries_token(request.url):
            request.headers[TOKEN_HEADER] = self._token
        else:
            request.headers.pop(TOKEN_HEADER, None)

    def _headers(self, accept: str) -> dict[str, str]:
        return standard_headers(self._config, accept)

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
        return self._policy.delay(
            method,
            retries,
            status=status,
            error=error,
            retry_after=retry_after,
            paced=refusals_are_paced(),
        )

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
