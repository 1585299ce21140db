"""Conferências on the v1 host: create, read, end, report."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from urllib.parse import urlsplit

from desktop.api.config import Host
from desktop.api.errors import ValidationError
from desktop.api.models.conferences import (
    Conference,
    ConferenceReportRow,
    parse_conference_any,
    parse_conference_report_row,
)
from desktop.api.models.page import Page, parse_page
from desktop.api.models.parsing import expect_object, require_id
from desktop.api.paging import Report
from desktop.api.transport import ApiTransport
from desktop.api.wire import MAX_PAGE_SIZE, bina_number, national_number, path_id, report_query

__all__ = ["ConferencesApi"]

Period = date | datetime


def _public_url(value: str, field: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValidationError("validation.url", field=field)
    return text


class ConferencesApi:
    """``/conferencia`` endpoints."""

    def __init__(self, transport: ApiTransport) -> None:
        self._transport = transport

    async def create(
        self,
        numero_destino: str,
        url_conferencia: str,
        *,
        resposta_usuario: bool | None = None,
        gravar_conferencia: bool | None = None,
        bina: str | None = None,
    ) -> int | str:
        """Call ``numero_destino`` into a new conference (audio at ``url_conferencia``)."""
        body: dict[str, object] = {
            "numero_destino": national_number(numero_destino, "numero_destino"),
            "url_conferencia": _public_url(url_conferencia, "url_conferencia"),
        }
        if resposta_usuario is not None:
            body["resposta_usuario"] = bool(resposta_usuario)
        if gravar_conferencia is not None:
            body["gravar_conferencia"] = bool(gravar_conferencia)
        if bina is not None:
            body["bina"] = bina_number(bina, "bina")
        dados = await self._transport.request("POST", Host.V1, "/conferencia", json=body)
        return require_id(expect_object(dados, "dados"), "conferência criada")

    async def get(self, conference_id: int | str) -> Conference | ConferenceReportRow:
        """Read one conference, in whichever of the two documented shapes the server uses."""
        dados = await self._transport.request(
            "GET", Host.V1, f"/conferencia/{path_id(conference_id)}"
        )
        return parse_conference_any(dados)

    async def end(self, conference_id: int | str) -> None:
        """End a conference (``DELETE /conferencia/{id}``)."""
        await self._transport.request("DELETE", Host.V1, f"/conferencia/{path_id(conference_id)}")

    async def report_page(
        self, data_inicio: Period, data_fim: Period, *, posicao: int = 0, limite: int = 100
    ) -> Page[ConferenceReportRow]:
        """One page of ``GET /conferencia/relatorio``."""
        params = report_query(data_inicio, data_fim, posicao, limite)
        dados = await self._transport.request(
            "GET", Host.V1, "/conferencia/relatorio", params=params
        )
        return parse_page(
            dados, parse_conference_report_row, posicao=posicao, limite=limite, what="conferências"
        )

    def report(self, data_inicio: Period, data_fim: Period) -> Report[ConferenceReportRow]:
        """The conference report for a period."""
        report_query(data_inicio, data_fim, 0, 1)

        async def fetch(posicao: int, limite: int) -> Page[ConferenceReportRow]:
            return await self.report_page(data_inicio, data_fim, posicao=posicao, limite=limite)

        return Report(fetch)

    def iter_report(
        self, data_inicio: Period, data_fim: Period, *, page_size: int = MAX_PAGE_SIZE
    ) -> AsyncIterator[ConferenceReportRow]:
        """Every conference row of the period, one page request at a time."""
        return self.report(data_inicio, data_fim).items(page_size)
