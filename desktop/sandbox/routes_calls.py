"""Chamada endpoints: create, hang up, get, recording, report, escuta, transfer, avaliar."""

from __future__ import annotations

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
from desktop.sandbox.models import Call
from desktop.sandbox.params import (
    bool_field,
    int_field,
    page,
    paging,
    phone_field,
    report_window,
    text_field,
)
from desktop.sandbox.recordings import etag, recording_bytes
from desktop.sandbox.store import same_number
from desktop.sandbox.timeutil import parse_utc

MAX_COMMENT = 1000


def _call(request: web.Request) -> Call:
    call = ctx(request).store.calls.get(path_id(request))
    if call is None:
        raise not_found("chamada")
    return call


def _active(call: Call) -> None:
    if call.finished or not call.ativa:
        raise ApiError(400, CALL_NOT_ACTIVE, "chamada não está ativa")


async def create_call(request: web.Request) -> web.Response:
    """POST /chamada."""
    body = await read_body(request)
    for name in ("numero_origem", "numero_destino"):
        if body.get(name) in (None, ""):
            raise missing(name)
    numero_origem = phone_field(body, "numero_origem", required=True) or ""
    numero_destino = phone_field(body, "numero_destino", required=True) or ""
    when_text = text_field(body, "data_criacao")
    try:
        when = parse_utc(when_text) if when_text else None
    except ValueError:
        raise invalid("data_criacao", "use data e hora ISO 8601 em UTC") from None
    detecta = bool_field(body, "detecta_caixa_origem")
    if detecta is None:
        detecta = bool_field(body, "detecta_caixa")
    call = ctx(request).engine.create_api_call(
        numero_origem,
        numero_destino,
        when=when,
        gravar=bool_field(body, "gravar_audio") or False,
        bina_origem=phone_field(body, "bina_origem"),
        bina_destino=phone_field(body, "bina_destino"),
        tags=text_field(body, "tags"),
        detecta_caixa=detecta or False,
    )
    return ok({"id": call.id}, "chamada criada com sucesso")


async def hangup_call(request: web.Request) -> web.Response:
    """DELETE /chamada/{id} (also POST, as the docs' heading says)."""
    call = _call(request)
    if call.finished:
        raise ApiError(400, CALL_NOT_ACTIVE, "chamada não está ativa")
    ctx(request).engine.hangup(call)
    return ok(None, "encerrando chamada")


async def get_call(request: web.Request) -> web.Response:
    """GET /chamada/{id}."""
    return ok(_call(request).to_json(ctx(request).store.clock(), origin(request)))


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(start, end) inclusive; None to ignore the header; (-1, -1) when unsatisfiable."""
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash or not (first.isdigit() or last.isdigit()):
        return None
    if not first:  # suffix: the last N bytes
        length = int(last)
        return (-1, -1) if length == 0 or size == 0 else (max(0, size - length), size - 1)
    start = int(first)
    if last.isdigit() and int(last) < start:
        return None
    if start >= size:
        return (-1, -1)
    end = int(last) if last.isdigit() else size - 1
    return start, min(end, size - 1)


async def get_recording(request: web.Request) -> web.StreamResponse:
    """GET /chamada/{id}/gravacao: audio/mpeg with an ``ETag``, byte ranges and ``If-Range``."""
    call_id = path_id(request)
    data = recording_bytes(ctx(request).store, call_id)
    size = len(data)
    tag = etag(data)
    headers = {
        "Accept-Ranges": "bytes",
        "Access-Control-Allow-Origin": "*",
        "Content-Disposition": f'inline; filename="gravacao-{call_id}.mp3"',
        "ETag": tag,
    }
    header = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    # A range of another version of the file is no use: send the whole current one.
    span = _byte_range(header, size) if header and if_range in (None, tag) else None
    if span == (-1, -1):
        headers["Content-Range"] = f"bytes */{size}"
        return web.Response(status=416, headers=headers)
    if span is not None:
        start, end = span
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return web.Response(
            status=206, body=data[start : end + 1], content_type="audio/mpeg", headers=headers
        )
    return web.Response(body=data, content_type="audio/mpeg", headers=headers)


async def call_report(request: web.Request) -> web.Response:
    """GET /chamada/relatorio."""
    start, end = report_window(request.query)
    posicao, limite = paging(request.query)
    wanted_origem = request.query.get("origem", "").strip()
    wanted_destino = request.query.get("destino", "").strip()
    rows = ctx(request).store.calls.created_between(start, end)
    if wanted_origem or wanted_destino:
        rows = [
            call
            for call in rows
            if (not wanted_origem or same_number(wanted_origem, call.origem.numero))
            and (not wanted_destino or same_number(wanted_destino, call.destino.numero))
        ]
    chunk, dados = page(rows, posicao, limite)
    at, base = ctx(request).store.clock(), origin(request)
    dados["relatorio"] = [call.to_json(at, base) for call in chunk]
    return ok(dados)


async def listen(request: web.Request) -> web.Response:
    """POST (or GET with query) /chamada/{id}/escuta."""
    body = await read_body(request)
    for name in ("numero", "modo"):
        if body.get(name) in (None, ""):
            raise missing(name)
    numero = phone_field(body, "numero", required=True)
    modo = int_field(body, "modo", required=True)
    if modo not in (1, 2, 3):
        raise invalid("modo", "use 1 (escuta), 2 (sussurro) ou 3 (conferência)")
    call = _call(request)
    _active(call)
    moment = ctx(request).store.clock().isoformat()
    call.escutas.append({"numero": numero, "modo": modo, "data": moment})
    return ok(None, "escuta criada com sucesso")


async def transfer(request: web.Request) -> web.Response:
    """POST /chamada/{id}/transfer."""
    body = await read_body(request)
    for name in ("numero", "perna"):
        if body.get(name) in (None, ""):
            raise missing(name)
    numero = phone_field(body, "numero", required=True) or ""
    perna = text_field(body, "perna", required=True)
    if perna not in ("origem", "destino"):
        raise invalid("perna", "use origem ou destino")
    call = _call(request)
    _active(call)
    ctx(request).engine.transfer(call, numero, perna)
    return ok(None, "a chamada está sendo transferida")


async def rate(request: web.Request) -> web.Response:
    """POST (or GET with query) /chamada/{id}/avaliar; ``numero`` is accepted for ``nota``."""
    body = await read_body(request)
    key = "nota" if body.get("nota") not in (None, "") else "numero"
    if body.get(key) in (None, ""):
        raise missing("nota")
    if "comentario" not in body or body["comentario"] is None:
        raise missing("comentario")
    nota = int_field(body, key, required=True)
    if nota is None or not 1 <= nota <= 5:
        raise invalid("nota", "de 1 a 5")
    comentario = body["comentario"]
    if not isinstance(comentario, str):
        raise invalid("comentario", "deve ser texto")
    if len(comentario) > MAX_COMMENT:
        raise invalid("comentario", f"até {MAX_COMMENT} caracteres")
    call = _call(request)
    call.avaliacao = {"nota": nota, "comentario": comentario}
    return ok(None, "chamada avaliada com sucesso")


def add_routes(app: web.Application) -> None:
    """Register the chamada endpoints."""
    app.router.add_post("/chamada", create_call)
    app.router.add_get("/chamada/relatorio", call_report)
    app.router.add_get(r"/chamada/{id:\d{1,18}}", get_call)
    app.router.add_delete(r"/chamada/{id:\d{1,18}}", hangup_call)
    app.router.add_post(r"/chamada/{id:\d{1,18}}", hangup_call)
    app.router.add_get(r"/chamada/{id:\d{1,18}}/gravacao", get_recording)
    app.router.add_post(r"/chamada/{id:\d{1,18}}/escuta", listen)
    app.router.add_get(r"/chamada/{id:\d{1,18}}/escuta", listen)
    app.router.add_post(r"/chamada/{id:\d{1,18}}/transfer", transfer)
    app.router.add_post(r"/chamada/{id:\d{1,18}}/avaliar", rate)
    app.router.add_get(r"/chamada/{id:\d{1,18}}/avaliar", rate)
