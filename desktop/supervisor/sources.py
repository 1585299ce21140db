"""The polling feed's data source backed by the API client."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop.api import TotalVoiceClient
from desktop.api.models import Call, Pause, Ramal

__all__ = ["ClientSource"]


class ClientSource:
    """Reads the report endpoints sequentially: one request in flight per endpoint."""

    def __init__(self, client: TotalVoiceClient, page_size: int = 200) -> None:
        self._client = client
        self._page_size = page_size
        self.requests = 0

    async def ramais(self) -> Sequence[Ramal]:
        """``GET /ramal/relatorio``, every page (the dates are required but ignored)."""
        today = datetime.now().date()
        rows: list[Ramal] = []
        async for page in self._client.ramais.report(today, today).pages(self._page_size):
            self.requests += 1
            rows.extend(page.items)
        return rows

    async def calls(self, since: datetime, until: datetime) -> Sequence[Call]:
        """``GET /chamada/relatorio`` for the window, every page."""
        rows: list[Call] = []
        async for page in self._client.chamadas.report(since, until).pages(self._page_size):
            self.requests += 1
            rows.extend(page.items)
        return rows

    async def pauses(
        self, ramal_id: int | str, since: datetime, until: datetime
    ) -> Sequence[Pause]:
        """``GET /ramal/{id}/pausas`` for the window, every page."""
        rows: list[Pause] = []
        async for page in self._client.ramais.pausas(ramal_id, since, until).pages(self._page_size):
            self.requests += 1
            rows.extend(page.items)
        return rows
