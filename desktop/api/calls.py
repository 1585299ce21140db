"""Chamadas: create, hang up, read, report, listen in, transfer, rate, recordings.

Hosts follow the shared contract: the v1 host for everything but ``transfer`` and
``avaliar``, which only the newer host documents. Numbers in v1 bodies are
``DDD + número``; the newer host gets E.164. Short numbers (ramais) pass unchanged.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from desktop.api.config import Host
from desktop.api.errors import ValidationError
from desktop.api.models.call_wire import decode_call
from desktop.api.models.calls import Call, parse_call
from desktop.api.models.page import Page
from desktop.api.models.parsing import expect_object, require_id
from desktop.api.paging import Report
from desktop.api.report_answer import CALL_REPORT_PATH, ReportAnswer, record_bytes, record_of
from desktop.api.transport import ApiTransport
from desktop.api.wire import (
    MAX_PAGE_SIZE,
    bina_number,
    e164_number,
    national_number,
    path_id,
    report_query,
    utc_timestamp,
)

if TYPE_CHECKING:
    from desktop.api.downloads import Progress as DownloadProgress

T = TypeVar("T")

__all__ = ["MAX_COMMENT_CHARS", "CallsApi", "ListenMode", "TransferLeg"]

MAX_COMMENT_CHARS: Final = 1000


class ListenMode(IntEnum):
    """``modo`` of ``escuta``."""

    ESCUTA = 1
    SUSSURRO = 2
    CONFERENCIA = 3


class TransferLeg(StrEnum):
    """Which leg of the call is moved to the new number."""

    ORIGEM = "origem"
    DESTINO = "destino"


@dataclass(frozen=True, slots=True)
class _ReportQuery:
    """The filters of one call report."""

    data_inicio: date | datetime
    data_fim: date | datetime
    origem: str | None
    destino: str | None


def _created_id(dados: object, what: str) -> int | str:
    return require_id(expect_object(dados, "dados"), what)


class CallsApi:
    """``/chamada`` endpoints."""

    def __init__(self, transport: ApiTransport) -> None:
        self._transport = transport

    async def create(
        self,
        numero_origem: str,
        numero_destino: str,
        *,
        data_criacao: datetime | None = None,
        gravar_audio: bool | None = None,
        bina_origem: str | None = None,
        bina_destino: str | None = None,
        tags: str | None = None,
        detecta_caixa_origem: bool | None = None,
    ) -> int | str:
        """Create (or schedule, with ``data_criacao``) an A-leg/B-leg call; returns its id."""
        body: dict[str, object] = {
            "numero_origem": national_number(numero_origem, "numero_origem"),
            "numero_destino": national_number(numero_destino, "numero_destino"),
        }
        if data_criacao is not None:
            body["data_criacao"] = utc_timestamp(data_criacao)
        if gravar_audio is not None:
            body["gravar_audio"] = bool(gravar_audio)
        if bina_origem is not None:
            body["bina_origem"] = bina_number(bina_origem, "bina_origem")
        if bina_destino is not None:
            body["bina_destino"] = bina_number(bina_destino, "bina_destino")
        if tags is not None:
            body["tags"] = tags
        if detecta_caixa_origem is not None:
            body["detecta_caixa_origem"] = bool(detecta_caixa_origem)
        dados = await self._transport.request("POST", Host.V1, "/chamada", json=body)
        return _created_id(dados, "chamada criada")

    async def hangup(self, call_id: int | str) -> None:
        """End an active call (``DELETE /chamada/{id}``, as the curl examples do)."""
        await self._transport.request("DELETE", Host.V1, f"/chamada/{path_id(call_id)}")

    async def get(self, call_id: int | str) -> Call:
        """Read one call."""
        dados = await self._transport.request("GET", Host.V1, f"/chamada/{path_id(call_id)}")
        return parse_call(dados)

    async def report_page(
        self,
        data_inicio: date | datetime,
        data_fim: date | datetime,
        *,
        origem: str | None = None,
        destino: str | None = None,
        posicao: int = 0,
        limite: int = 100,
        offload: bool = True,
    ) -> Page[Call]:
        """One page of ``GET /chamada/relatorio``.

        With ``offload`` the page is decoded in a worker thread, so that the event loop
        (the window's, in the app) stays free; a command without a window decodes it
        in place, sparing the thread hops.
        """
        query = _ReportQuery(data_inicio, data_fim, origem, destino)
        return await self._page(query, posicao, limite, offload, decode_call, parse_call)

    def _report(
        self,
        query: _ReportQuery,
        offload: bool,
        decode_item: Callable[[bytes], T],
        parse_item: Callable[[object], T],
    ) -> Report[T]:
        """The report of ``query``, its items made by ``decode_item``/``parse_item``."""
        report_query(query.data_inicio, query.data_fim, 0, 1)  # fail now, not at the first page

        async def fetch(posicao: int, limite: int) -> Page[T]:
            return await self._page(query, posicao, limite, offload, decode_item, parse_item)

        return Report(fetch)

    async def _page(
        self,
        query: _ReportQuery,
        posicao: int,
        limite: int,
        offload: bool,
        decode_item: Callable[[bytes], T],
        parse_item: Callable[[object], T],
    ) -> Page[T]:
        params = report_query(query.data_inicio, query.data_fim, posicao, limite)
        if query.origem:
            params["origem"] = national_number(query.origem, "origem")
        if query.destino:
            params["destino"] = national_number(query.destino, "destino")
        answer = await self._transport.request(
            "GET", Host.V1, CALL_REPORT_PATH, params=params, decode=ReportAnswer
        )
        assert isinstance(answer, ReportAnswer)  # what ``decode`` returns
        decode = partial(answer.page, decode_item, parse_item, posicao=posicao, limite=limite)
        return await asyncio.to_thread(decode) if offload else decode()

    def report(
        self,
        data_inicio: date | datetime,
        data_fim: date | datetime,
        *,
        origem: str | None = None,
        destino: str | None = None,
        offload: bool = True,
    ) -> Report[Call]:
        """The call report for a period, ready to page, iterate or read concurrently.

        ``offload``: pages are decoded in a worker thread (see :meth:`report_page`).
        """
        query = _ReportQuery(data_inicio, data_fim, origem, destino)
        return self._report(query, offload, decode_call, parse_call)

    def records(
        self,
        data_inicio: date | datetime,
        data_fim: date | datetime,
        *,
        origem: str | None = None,
        destino: str | None = None,
        offload: bool = True,
    ) -> Report[bytes]:
        """The call report as each record's JSON bytes as received, to be written out as is.

        No call is decoded: the envelope is checked and split into its records only.
        """
        query = _ReportQuery(data_inicio, data_fim, origem, destino)
        return self._report(query, offload, record_bytes, record_of)

    def iter_report(
        self,
        data_inicio: date | datetime,
        data_fim: date | datetime,
        *,
        origem: str | None = None,
        destino: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
    ) -> AsyncIterator[Call]:
        """Every call of the period, one page request at a time."""
        return self.report(data_inicio, data_fim, origem=origem, destino=destino).items(page_size)

    async def escuta(self, call_id: int | str, numero: str, modo: int = ListenMode.ESCUTA) -> None:
        """Listen (1), whisper (2) or join (3) an active call from phone ``numero``."""
        if isinstance(modo, bool) or modo not in set(ListenMode):
            raise ValidationError("validation.modo", field="modo")
        body = {"numero": national_number(numero, "numero"), "modo": int(modo)}
        await self._transport.request(
            "POST", Host.V1, f"/chamada/{path_id(call_id)}/escuta", json=body
        )

    async def transfer(self, call_id: int | str, numero: str, perna: str) -> None:
        """Move one leg (``origem`` or ``destino``) to ``numero``; the other leg hangs up."""
        try:
            leg = TransferLeg(perna.strip().lower() if isinstance(perna, str) else perna)
        except ValueError:
            raise ValidationError("validation.perna", field="perna") from None
        body = {"numero": e164_number(numero, "numero"), "perna": leg.value}
        await self._transport.request(
            "POST", Host.VOICE, f"/chamada/{path_id(call_id)}/transfer", json=body
        )

    async def avaliar(self, call_id: int | str, nota: int, comentario: str = "") -> None:
        """Rate a call from 1 to 5 with a comment of up to 1000 characters."""
        if isinstance(nota, bool) or not isinstance(nota, int) or not 1 <= nota <= 5:
            raise ValidationError("validation.nota", field="nota")
        if not isinstance(comentario, str) or len(comentario) > MAX_COMMENT_CHARS:
            raise ValidationError(
                "validation.comentario", field="comentario", max=MAX_COMMENT_CHARS
            )
        body = {"nota": nota, "comentario": comentario}
        await self._transport.request(
            "POST", Host.VOICE, f"/chamada/{path_id(call_id)}/avaliar", json=body
        )

    async def download_recording(
        self,
        call_id: int | str,
        target: Path,
        *,
        progress: DownloadProgress | None = None,
    ) -> Path:
        """Stream ``GET /chamada/{id}/gravacao`` (``audio/mpeg``) into ``target``."""
        from desktop.api.downloads import download_to  # not needed to read reports

        url = self._transport.url(Host.V1, f"/chamada/{path_id(call_id)}/gravacao")
        return await download_to(self._transport, url, target, progress=progress)
