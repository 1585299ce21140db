"""What both API transports decide alike, without doing any I/O.

Where the token goes (:class:`TokenScope`, by origin), the standard headers, query values
as text, ``Retry-After``, when an attempt is repeated and after how long
(:class:`RetryPolicy`), and what kind of network failure an ``OSError`` chain stands for
(:func:`connect_error_kind`). The ``httpx`` transport of the app
(:mod:`desktop.api.transport`) and the blocking one of the headless export
(:mod:`desktop.api.blocking_transport`) both use it; it imports neither httpx nor asyncio.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Final
from urllib.parse import urlsplit

from desktop.api.config import ApiConfig, ApiHosts, origin_of
from desktop.api.errors import NetworkError, NetworkErrorKind

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRYABLE_STATUSES",
    "TOKEN_HEADER",
    "RetryPolicy",
    "TokenScope",
    "connect_error_kind",
    "encode_params",
    "parse_retry_after",
    "standard_headers",
]

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


def standard_headers(config: ApiConfig, accept: str = "application/json") -> dict[str, str]:
    """``Accept`` and ``User-Agent`` of every API request (the token is added per URL)."""
    return {"Accept": accept, "User-Agent": config.user_agent}


class TokenScope:
    """Which URLs get the access token: those of the configured hosts' origins only."""

    def __init__(self, hosts: ApiHosts) -> None:
        self._origins = hosts.origins()

    def carries_token(self, url: str) -> bool:
        """True when requests to ``url`` get the access token (a redirect elsewhere: not)."""
        try:
            parts = urlsplit(str(url))
            port = parts.port
        except ValueError:
            return False
        return origin_of(parts.scheme, parts.hostname or "", port) in self._origins


def connect_error_kind(exc: BaseException) -> NetworkErrorKind:
    """DNS, refused or another connection failure, read from ``exc``'s chain of causes."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(chain) < 8:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(isinstance(e, socket.gaierror) for e in chain):
        return NetworkErrorKind.DNS
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return NetworkErrorKind.REFUSED
    lowered = " ".join(str(e) for e in chain).lower()
    if any(hint in lowered for hint in _DNS_HINTS):
        return NetworkErrorKind.DNS
    if "refused" in lowered:
        return NetworkErrorKind.REFUSED
    return NetworkErrorKind.CONNECTION


class RetryPolicy:
    """When a failed attempt is repeated, and after how many seconds.

    * GET: network errors, timeouts and HTTP 500/502/503/504, with exponential back-off
      and jitter;
    * every method: HTTP 429 (refused, not processed), after ``Retry-After`` when given,
      unless the caller's limiter spaces the attempts (``paced``);
    * POST, PUT and DELETE are otherwise never repeated: the server may have acted on them.
    """

    def __init__(self, config: ApiConfig, rng: random.Random | None = None) -> None:
        self._config = config
        self._rng = rng or random.Random()

    def backoff(self, retry: int) -> float:
        """Seconds before retry ``retry`` (1-based): exponential, capped, half jittered."""
        ceiling = min(self._config.backoff_max, self._config.backoff_base * 2.0 ** (retry - 1))
        return ceiling / 2 + self._rng.uniform(0.0, ceiling / 2)

    def delay(
        self,
        method: str,
        retries: int,
        *,
        status: int | None = None,
        error: NetworkError | None = None,
        retry_after: float | None = None,
        paced: bool = False,
    ) -> float | None:
        """Seconds to wait before trying again, or None when this outcome is final.

        ``retries`` counts the retries already made; ``paced``: a 429 goes back to the
        caller's limiter instead.
        """
        if retries >= self._config.max_retries:
            return None
        if status == 429 and paced:
            return None  # the caller's limiter spaces the next attempt
        if status == 429:  # refused before processing: safe to repeat for any method
            if retry_after is not None:
                return min(retry_after, self._config.retry_after_max)
            return self.backoff(retries + 1)
        if method not in IDEMPOTENT_METHODS:
            return None
        if error is not None and error.kind is not NetworkErrorKind.REDIRECTS:
            return self.backoff(retries + 1)
        if status in RETRYABLE_STATUSES:
            return self.backoff(retries + 1)
        return None
