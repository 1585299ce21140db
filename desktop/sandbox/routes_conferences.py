"""Conferência endpoints: create, get, end, report."""

from __future__ import annotations

import asyncio

from aiohttp import web

from desktop.sandbox.context import ctx, origin, path_id
from desktop.sandbox.envelope import (
    CALL_NOT_ACTIVE,
    ApiError,
    invalid,
    missing,
    not_found,
    ok,
    read_body,
)
from desktop.sandbox.models import STATUS_ATENDIDA, Conference, ConferenceCall
from desktop.sandbox.params import bool_field, page, paging, phone_field, report_window, text_field
from desktop.sandbox.store import CLIENTE_ID, Store, classify
from desktop.sandbox.timeutil import Clock


def _conference(request: web.Request) -> Conference:
    conference = ctx(request).store.conferences.get(path_id(request))
    if conference is None:
        raise not_found("conferência")
    return conference


def _answer(conference: Conference, call: ConferenceCall, clock: Clock) -> None:
    if call.ended_at is None and conference.data_termino is None:
        call.answered_at, call.status = clock(), STATUS_ATENDIDA
        if conference.resposta_usuario:
            conference.resposta = "1"


def _dial(store: Store, conference: Conference, numero: str) -> None:
    moment = store.clock()
    call = ConferenceCall(
        id=store.new_call_id(),
        numero=numero,
        tipo=classify(numero, store.ramal_numbers()),
        data_criacao=moment,
        started_at=moment,
        gravar=conference.gravar,
    )
    conference.chamadas.append(call)
    auto = store.settings.auto_answer_ms
    if auto is not None:
        asyncio.get_running_loop().call_later(auto / 1000, _answer, conference, call, store.clock)


async def create_conference(request: web.Request) -> web.Response:
    """POST /conferencia: calls numero_destino into a new room."""
    body = await read_body(request)
    for name in ("numero_destino", "url_conferencia"):
        if body.get(name) in (None, ""):
            raise missing(name)
    numero = phone_field(body, "numero_destino", required=True) or ""
    url = text_field(body, "url_conferencia", required=True) or ""
    if not url.startswith(("http://", "https://")):
        raise invalid("url_conferencia", "use uma URL http(s) pública")
    store = ctx(request).store
    conference = Conference(
        id=store.new_conference_id(),
        numero_destino=numero,
        url_conferencia=url,
        data_criacao=ctx(request).store.clock(),
        cliente_id=CLIENTE_ID,
        resposta_usuario=bool_field(body, "resposta_usuario") or False,
        gravar=bool_field(body, "gravar_conferencia") or False,
        bina=phone_field(body, "bina"),
    )
    store.conferences[conference.id] = conference
    _dial(store, conference, numero)
    return ok({"id": conference.id}, "conferencia criado com sucesso")


async def get_conference(request: web.Request) -> web.Response:
    """GET /conferencia/{id}."""
    return ok(_conference(request).to_json(ctx(request).store.clock(), origin(request)))


async def end_conference(request: web.Request) -> web.Response:
    """DELETE /conferencia/{id}: closes the room and every call in it."""
    conference = _conference(request)
    if conference.data_termino is not None:
        raise ApiError(400, CALL_NOT_ACTIVE, "conferência já encerrada")
    moment = ctx(request).store.clock()
    conference.data_termino = moment
    for call in conference.chamadas:
        if call.ended_at is None:
            call.ended_at = moment
            if call.answered_at is None:
                call.status = "cancelada"
    return ok(None, "conferencia encerrada")


async def conference_report(request: web.Request) -> web.Response:
    """GET /conferencia/relatorio."""
    start, end = report_window(request.query)
    posicao, limite = paging(request.query)
    rows = sorted(
        (c for c in ctx(request).store.conferences.values() if start <= c.data_criacao <= end),
        key=lambda c: (c.data_criacao, c.id),
    )
    chunk, dados = page(rows, posicao, limite)
    at, base = ctx(request).store.clock(), origin(request)
    dados["relatorio"] = [c.to_json(at, base) for c in chunk]
    return ok(dados)


def add_routes(app: web.Application) -> None:
    """Register the conferência endpoints."""
    app.router.add_post("/conferencia", create_conference)
    app.router.add_get("/conferencia/relatorio", conference_report)
    app.router.add_get(r"/conferencia/{id:\d{1,18}}", get_conference)
    app.router.add_delete(r"/conferencia/{id:\d{1,18}}", end_conference)
