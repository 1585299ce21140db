"""Conference rooms on the v1 host: create, call numbers in, read, end, report."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from urllib.parse import urlsplit

from desktop.api.config import Host
from desktop.api.errors import ValidationError
from desktop.api.models.conferences import Conference, parse_conference
from desktop.api.models.page import Page, parse_page
from desktop.api.models.parsing import expect_object, parse_id, require_id
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
    """``/conferencia`` endpoints: a conference is a room that several calls join."""

    def __init__(self, transport: ApiTransport) -> None:
        self._transport = transport

    async def create(
        self,
        numero_destino: str | None = None,
        url_conferencia: str | None = None,
        *,
        resposta_usuario: bool | None = None,
        gravar_conferencia: bool | None = None,
        bina: str | None = None,
    ) -> int | str:
        """Create a room and return its id.

        Without arguments the request has no body and the room starts empty (as the
        official SDKs do it). With ``numero_destino`` it is the seed's form: the number
        is called in at once, playing ``url_conferencia`` (then required).
        """
        body: dict[str, object] = {}
        if numero_destino is not None or url_conferencia is not None:
            body["numero_destino"] = national_number(numero_destino or "", "numero_destino")
            body["url_conferencia"] = _public_url(url_conferencia or "", "url_conferencia")
        if resposta_usuario is not None:
            body["resposta_usuario"] = bool(resposta_usuario)
        if gravar_conferencia is not None:
            body["gravar_conferencia"] = bool(gravar_conferencia)
        if bina is not None:
            body["bina"] = bina_number(bina, "bina")
        dados = await self._transport.request("POST", Host.V1, "/conferencia", json=body or None)
        return require_id(expect_object(dados, "dados"), "conferência criada")

    async def add(
        self,
        conference_id: int | str,
        numero: str,
        *,
        bina: str | None = None,
        gravar_audio: bool | None = None,
    ) -> int | str | None:
        """Call ``numero`` into the room; returns the new call's id when the answer has one."""
        body: dict[str, object] = {"numero": national_number(numero, "numero")}
        if bina is not None:
            body["bina"] = bina_number(bina, "bina")
        if gravar_audio is not None:
            body["gravar_audio"] = bool(gravar_audio)
        dados = await self._transport.request(
            "POST", Host.V1, f"/conferencia/{path_id(conference_id)}", json=body
        )
        return parse_id(dados.get("id")) if isinstance(dados, dict) else None

    async def get(self, conference_id: int | str) -> Conference:
        """Read one room with its calls."""
        dados = await self._transport.request(
            "GET", Host.V1, f"/conferencia/{path_id(conference_id)}"
        )
        return parse_conference(dados)

    async def end(self, conference_id: int | str) -> None:
        """End the room and every call in it (``DELETE /conferencia/{id}``)."""
        await self._transport.request("DELETE", Host.V1, f"/conferencia/{path_id(conference_id)}")

    async def report_page(
        self, data_inicio: Period, data_fim: Period, *, posicao: int = 0, limite: int = 100
    ) -> Page[Conference]:
        """One page of ``GET /conferencia/relatorio``."""
        params = report_query(data_inicio, data_fim, posicao, limite)
        dados = await self._transport.request(
            "GET", Host.V1, "/conferencia/relatorio", params=params
        )
        return parse_page(
            dados, parse_conference, posicao=posicao, limite=limite, what="conferências"
        )

    def report(self, data_inicio: Period, data_fim: Period) -> Report[Conference]:
        """The rooms created in a period."""
        report_query(data_inicio, data_fim, 0, 1)

        async def fetch(posicao: int, limite: int) -> Page[Conference]:
            return await self.report_page(data_inicio, data_fim, posicao=posicao, limite=limite)

        return Report(fetch)

    def iter_report(
        self, data_inicio: Period, data_fim: Period, *, page_size: int = MAX_PAGE_SIZE
    ) -> AsyncIterator[Conference]:
        """Every room of the period, one page request at a time."""
        return self.report(data_inicio, data_fim).items(page_size)
