"""Ramais (extensions) on the ramal host: CRUD, list, pauses, received calls."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

from desktop.api.config import Host
from desktop.api.models.page import Page, parse_page
from desktop.api.models.ramais import (
    RAMAL_REPORT_PATH,
    Pause,
    PauseReport,
    Ramal,
    RamalInput,
    RamalReceivedCall,
    parse_pause_report,
    parse_ramal,
    parse_ramal_page,
    parse_ramal_received_call,
)
from desktop.api.paging import Report
from desktop.api.transport import ApiTransport
from desktop.api.wire import MAX_PAGE_SIZE, path_id, report_query

__all__ = ["RamaisApi"]

Period = date | datetime


class RamaisApi:
    """``/ramal`` endpoints."""

    def __init__(self, transport: ApiTransport) -> None:
        self._transport = transport

    async def create(self, ramal: RamalInput) -> Ramal:
        """Create a ramal; returns it as stored (with id, webphone key …)."""
        dados = await self._transport.request("POST", Host.RAMAL, "/ramal", json=ramal.to_json())
        return parse_ramal(dados)

    async def get(self, ramal_id: int | str) -> Ramal:
        """Read one ramal by id."""
        dados = await self._transport.request("GET", Host.RAMAL, f"/ramal/{path_id(ramal_id)}")
        return parse_ramal(dados)

    async def edit(self, ramal_id: int | str, changes: RamalInput) -> None:
        """Change the set fields of a ramal (``PUT``; the answer has no data)."""
        await self._transport.request(
            "PUT", Host.RAMAL, f"/ramal/{path_id(ramal_id)}", json=changes.to_json()
        )

    async def delete(self, ramal_id: int | str) -> None:
        """Remove a ramal."""
        await self._transport.request("DELETE", Host.RAMAL, f"/ramal/{path_id(ramal_id)}")

    async def report_page(
        self, data_inicio: Period, data_fim: Period, *, posicao: int = 0, limite: int = 100
    ) -> Page[Ramal]:
        """One page of ``GET /ramal/relatorio`` (ramais created in the period)."""
        params = report_query(data_inicio, data_fim, posicao, limite)
        dados = await self._transport.request("GET", Host.RAMAL, RAMAL_REPORT_PATH, params=params)
        return parse_ramal_page(dados, posicao=posicao, limite=limite)

    def report(self, data_inicio: Period, data_fim: Period) -> Report[Ramal]:
        """The ramal list for a period."""
        report_query(data_inicio, data_fim, 0, 1)

        async def fetch(posicao: int, limite: int) -> Page[Ramal]:
            return await self.report_page(data_inicio, data_fim, posicao=posicao, limite=limite)

        return Report(fetch)

    def iter_report(
        self, data_inicio: Period, data_fim: Period, *, page_size: int = MAX_PAGE_SIZE
    ) -> AsyncIterator[Ramal]:
        """Every ramal of the list, one page request at a time."""
        return self.report(data_inicio, data_fim).items(page_size)

    async def pausas_page(
        self,
        ramal_id: int | str,
        data_inicio: Period,
        data_fim: Period,
        *,
        posicao: int = 0,
        limite: int = 100,
    ) -> PauseReport:
        """One page of ``GET /ramal/{id}/pausas`` with the period's total pause time."""
        params = report_query(data_inicio, data_fim, posicao, limite)
        dados = await self._transport.request(
            "GET", Host.RAMAL, f"/ramal/{path_id(ramal_id)}/pausas", params=params
        )
        return parse_pause_report(dados, posicao=posicao, limite=limite)

    def pausas(self, ramal_id: int | str, data_inicio: Period, data_fim: Period) -> Report[Pause]:
        """The pauses of a ramal in a period."""
        report_query(data_inicio, data_fim, 0, 1)
        path_id(ramal_id)

        async def fetch(posicao: int, limite: int) -> Page[Pause]:
            report = await self.pausas_page(
                ramal_id, data_inicio, data_fim, posicao=posicao, limite=limite
            )
            return report.page

        return Report(fetch)

    def iter_pausas(
        self,
        ramal_id: int | str,
        data_inicio: Period,
        data_fim: Period,
        *,
        page_size: int = MAX_PAGE_SIZE,
    ) -> AsyncIterator[Pause]:
        """Every pause of the period, one page request at a time."""
        return self.pausas(ramal_id, data_inicio, data_fim).items(page_size)

    async def received_calls_page(
        self,
        ramal_id: int | str,
        data_inicio: Period,
        data_fim: Period,
        *,
        posicao: int = 0,
        limite: int = 100,
    ) -> Page[RamalReceivedCall]:
        """One page of ``GET /ramal/{id}/relatorio`` (calls the ramal received)."""
        params = report_query(data_inicio, data_fim, posicao, limite)
        dados = await self._transport.request(
            "GET", Host.RAMAL, f"/ramal/{path_id(ramal_id)}/relatorio", params=params
        )
        return parse_page(
            dados, parse_ramal_received_call, posicao=posicao, limite=limite, what="ligações"
        )

    def received_calls(
        self, ramal_id: int | str, data_inicio: Period, data_fim: Period
    ) -> Report[RamalReceivedCall]:
        """Calls received by a ramal in a period."""
        report_query(data_inicio, data_fim, 0, 1)
        path_id(ramal_id)

        async def fetch(posicao: int, limite: int) -> Page[RamalReceivedCall]:
            return await self.received_calls_page(
                ramal_id, data_inicio, data_fim, posicao=posicao, limite=limite
            )

        return Report(fetch)

    def iter_received_calls(
        self,
        ramal_id: int | str,
        data_inicio: Period,
        data_fim: Period,
        *,
        page_size: int = MAX_PAGE_SIZE,
    ) -> AsyncIterator[RamalReceivedCall]:
        """Every received call of the period, one page request at a time."""
        return self.received_calls(ramal_id, data_inicio, data_fim).items(page_size)
