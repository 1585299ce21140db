"""Conferência endpoints: rooms that several calls join.

``POST /conferencia`` without a body creates an empty room (the newer docs and every
official SDK); with the seed's ``numero_destino`` + ``url_conferencia`` it also calls that
number in. ``POST /conferencia/{id}`` calls one more number in. The calls in a room are
chamadas like any other: they ring, answer and end through the call engine, show in
``/chamada/relatorio`` and their recordings download from ``/chamada/{id}/gravacao``.
"""

from __future__ import annotations

from aiohttp import web

from desktop.sandbox.context import ctx, origin, path_id
from desktop.sandbox.envelope import (
    CALL_NOT_ACTIVE,
    ApiError,
    JsonObject,
    invalid,
    missing,
    not_found,
    ok,
    read_body,
)
from desktop.sandbox.models import Conference
from desktop.sandbox.params import bool_field, page, paging, phone_field, report_window, text_field
from desktop.sandbox.store import CLIENTE_ID

_UNANSWERED = ("cancelada", "31. normal, nao especificado")


def _conference(request: web.Request) -> Conference:
    conference = ctx(request).store.conferences.get(path_id(request))
    if conference is None:
        raise not_found("conferência")
    return conference


def _open(conference: Conference) -> None:
    if conference.data_termino is not None:
        raise ApiError(400, CALL_NOT_ACTIVE, "conferência já encerrada")


def _seed_form(body: JsonObject) -> tuple[str, str] | None:
    """``(numero_destino, url_conferencia)`` of the seed's form, or None for an empty room."""
    if body.get("numero_destino") in (None, "") and body.get("url_conferencia") in (None, ""):
        return None
    for name in ("numero_destino", "url_conferencia"):
        if body.get(name) in (None, ""):
            raise missing(name)
    numero = phone_field(body, "numero_destino", required=True) or ""
    url = text_field(body, "url_conferencia", required=True) or ""
    if not url.startswith(("http://", "https://")):
        raise invalid("url_conferencia", "use uma URL http(s) pública")
    return numero, url


async def create_conference(request: web.Request) -> web.Response:
    """POST /conferencia: a new room; with ``numero_destino`` that number is called in."""
    body = await read_body(request)
    form = _seed_form(body)
    gravar = bool_field(body, "gravar_conferencia")
    if gravar is None:
        gravar = bool_field(body, "gravar_audio")
    context = ctx(request)
    store = context.store
    conference = Conference(
        id=store.new_conference_id(),
        data_criacao=store.clock(),
        cliente_id=CLIENTE_ID,
        numero_destino=form[0] if form else None,
        url_conferencia=form[1] if form else None,
        resposta_usuario=bool_field(body, "resposta_usuario") or False,
        gravar=gravar or False,
        bina=phone_field(body, "bina"),
    )
    store.conferences[conference.id] = conference
    if form is not None:
        call = context.engine.dial_into_conference(
            conference.id, form[0], gravar=conference.gravar, bina=conference.bina
        )
        conference.chamadas.append(call)
    return ok({"id": conference.id}, "conferencia criado com sucesso")


async def add_number(request: web.Request) -> web.Response:
    """POST /conferencia/{id} {numero, bina, gravar_audio}: one more call into the room."""
    body = await read_body(request)
    if body.get("numero") in (None, ""):
        raise missing("numero")
    numero = phone_field(body, "numero", required=True) or ""
    bina = phone_field(body, "bina")
    gravar = bool_field(body, "gravar_audio")
    conference = _conference(request)
    _open(conference)
    call = ctx(request).engine.dial_into_conference(
        conference.id,
        numero,
        gravar=conference.gravar if gravar is None else gravar,
        bina=bina or conference.bina,
    )
    conference.chamadas.append(call)
    return ok({"id": call.id, "conferencia_id": conference.id}, "chamada criada com sucesso")


async def get_conference(request: web.Request) -> web.Response:
    """GET /conferencia/{id}: the room with every call in ``chamadas``."""
    return ok(_conference(request).to_json(ctx(request).store.clock(), origin(request)))


async def end_conference(request: web.Request) -> web.Response:
    """DELETE /conferencia/{id}: closes the room and hangs up every call in it."""
    conference = _conference(request)
    _open(conference)
    engine = ctx(request).engine
    conference.data_termino = engine.store.clock()
    for call in conference.chamadas:
        engine.hangup(call, unanswered=_UNANSWERED)
    return ok(None, "conferencia encerrada")


async def conference_report(request: web.Request) -> web.Response:
    """GET /conferencia/relatorio: the rooms created in the period."""
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
    app.router.add_post(r"/conferencia/{id:\d{1,18}}", add_number)
    app.router.add_delete(r"/conferencia/{id:\d{1,18}}", end_conference)
