"""The ``httpx.AsyncClient`` the API transport makes for itself, cheap to create.

httpx builds its transport, and with it an SSL context loaded with every certificate
authority (0.05–0.15 s of CPU), when the client is created, even when every request
goes to an ``http://`` sandbox. :class:`LazyTlsTransport` builds the verifying transport
only when the first ``https://`` request comes; plain ``http://`` requests go through a
transport whose connections never speak TLS. With a proxy configured in the environment
httpx's own client is kept as it is, since it routes requests by those variables.
"""

from __future__ import annotations

import httpx

from desktop.api.config import environment_has_proxy

__all__ = ["LazyTlsTransport", "new_http_client"]


class LazyTlsTransport(httpx.AsyncBaseTransport):
    """Hands ``http://`` and ``https://`` requests to transports made on first use."""

    def __init__(self) -> None:
        self._plain: httpx.AsyncHTTPTransport | None = None
        self._tls: httpx.AsyncHTTPTransport | None = None

    @property
    def tls_ready(self) -> bool:
        """True once an ``https://`` request made the verifying transport."""
        return self._tls is not None

    def _for(self, request: httpx.Request) -> httpx.AsyncHTTPTransport:
        if request.url.scheme == "https":
            if self._tls is None:
                self._tls = httpx.AsyncHTTPTransport()  # verifies, as httpx's default does
            return self._tls
        if self._plain is None:
            # Only http:// URLs reach it, so its SSL context is never used: it need not
            # load the certificate authorities.
            self._plain = httpx.AsyncHTTPTransport(verify=False)
        return self._plain

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the transport of its scheme."""
        return await self._for(request).handle_async_request(request)

    async def aclose(self) -> None:
        """Close whichever transports were made."""
        for transport in (self._plain, self._tls):
            if transport is not None:
                await transport.aclose()


def new_http_client(timeout: httpx.Timeout) -> httpx.AsyncClient:
    """An ``AsyncClient`` whose TLS set-up waits for the first ``https://`` request."""
    if environment_has_proxy():
        return httpx.AsyncClient(timeout=timeout)
    return httpx.AsyncClient(timeout=timeout, transport=LazyTlsTransport())
