"""A per-token request rate limit, answered the way a provider does: 429 and Retry-After.

Off by default; ``POST /_sandbox/settings {"rate_limit_per_s": N}`` turns it on (``null``
or 0 turns it off). Each Access-Token has a bucket of ``N`` requests that refills at
``N`` per second, so a client may burst one second's worth and then keep to the rate.
A refused request gets HTTP 429 with the provider's envelope and ``Retry-After`` in
whole seconds (at least 1), as the header is defined.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web
from aiohttp.typedefs import Middleware

from desktop.sandbox.envelope import (
    DEFAULT_MESSAGE,
    MOTIVO_FOR_STATUS,
    TOKEN_HEADER,
    Handler,
    envelope,
    is_public,
)
from desktop.sandbox.store import Settings

__all__ = ["RateLimiter", "make_rate_limit_middleware"]


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets per Access-Token, refilled at the settings' ``rate_limit_per_s``."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self._settings = settings
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        #: Requests let through and refused since start (for tests and benchmarks).
        self.allowed = 0
        self.refused = 0

    def wait_for(self, token: str) -> float | None:
        """None when a request with ``token`` may go now (it is counted); else seconds to wait."""
        rate = self._settings.rate_limit_per_s
        if not rate or rate <= 0:
            return None
        now = self._clock()
        bucket = self._buckets.get(token)
        if bucket is None:
            bucket = self._buckets[token] = _Bucket(float(rate), now)
        bucket.tokens = min(float(rate), bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            self.allowed += 1
            return None
        self.refused += 1
        return (1.0 - bucket.tokens) / rate


def make_rate_limit_middleware(limiter: RateLimiter) -> Middleware:
    """Middleware refusing provider requests above the rate (control paths are never limited)."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if is_public(request.path):
            return await handler(request)
        wait = limiter.wait_for(request.headers.get(TOKEN_HEADER, ""))
        if wait is None:
            return await handler(request)
        response = envelope(429, MOTIVO_FOR_STATUS[429], DEFAULT_MESSAGE[429], None)
        response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
        return response

    return middleware
