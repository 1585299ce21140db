"""The API client the app holds: one per account token, one HTTP connection pool."""

from __future__ import annotations

import asyncio
from datetime import date
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

from desktop.api.config import ApiConfig
from desktop.api.transport import ApiTransport, RetryListener, Sleep

if TYPE_CHECKING:
    from desktop.api.calls import CallsApi
    from desktop.api.conferences import ConferencesApi
    from desktop.api.ramais import RamaisApi
    from desktop.api.webhooks import WebhooksApi
    from desktop.api.webphone import WebphoneApi

__all__ = ["TotalVoiceClient"]


class TotalVoiceClient:
    """Async client for the TotalVoice / Zenvia Voice API.

    Use as ``async with TotalVoiceClient(token) as api: await api.chamadas.get(1)``, or
    keep one for the app's lifetime and ``await aclose()`` before the event loop stops.
    An injected ``http`` client is used as is and left open by :meth:`aclose`; ``sleep``
    replaces ``asyncio.sleep`` for the retry waits (tests, or a UI showing a countdown);
    ``on_retry`` hears of each retry before its wait (:class:`RetryNotice`). Each group of
    endpoints is imported when first used, so a headless command loads only its own.
    """

    def __init__(
        self,
        token: str,
        config: ApiConfig | None = None,
        http: httpx.AsyncClient | None = None,
        *,
        sleep: Sleep | None = None,
        on_retry: RetryListener | None = None,
    ) -> None:
        self._config = config or ApiConfig()
        self._transport = ApiTransport(
            token, self._config, http, sleep=sleep or asyncio.sleep, on_retry=on_retry
        )

    @cached_property
    def chamadas(self) -> CallsApi:
        """``/chamada`` endpoints."""
        from desktop.api.calls import CallsApi

        return CallsApi(self._transport)

    @cached_property
    def ramais(self) -> RamaisApi:
        """``/ramal`` endpoints."""
        from desktop.api.ramais import RamaisApi

        return RamaisApi(self._transport)

    @cached_property
    def conferencias(self) -> ConferencesApi:
        """``/conferencia`` endpoints."""
        from desktop.api.conferences import ConferencesApi

        return ConferencesApi(self._transport)

    @cached_property
    def webphone(self) -> WebphoneApi:
        """``/webphone`` endpoints."""
        from desktop.api.webphone import WebphoneApi

        return WebphoneApi(self._transport)

    @cached_property
    def webhooks(self) -> WebhooksApi:
        """``/webhook`` endpoints."""
        from desktop.api.webhooks import WebhooksApi

        return WebhooksApi(self._transport)

    def __repr__(self) -> str:
        return f"TotalVoiceClient(hosts={self._config.hosts!r})"

    @property
    def config(self) -> ApiConfig:
        """The configuration in use."""
        return self._config

    @property
    def transport(self) -> ApiTransport:
        """The request core shared by the endpoint groups."""
        return self._transport

    async def validate_token(self) -> None:
        """Check the token with a cheap request (today's ramal list, one row).

        Returns when the token works; raises :class:`ApiError` (``is_auth_error``) when
        the provider refuses it, or the network/format error that prevented the check.
        """
        today = date.today()
        await self.ramais.report_page(today, today, limite=1)

    async def aclose(self) -> None:
        """Release the HTTP connections."""
        await self._transport.aclose()

    async def __aenter__(self) -> TotalVoiceClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
