"""Webphone: the signed URL endpoint, the page, hidden.js and the page's server plumbing."""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
from functools import lru_cache
from importlib import resources

from aiohttp import web

from desktop.sandbox.context import ctx, origin
from desktop.sandbox.envelope import ApiError, invalid, missing, not_found, ok, read_body
from desktop.sandbox.models import Ramal
from desktop.sandbox.params import bool_field
from desktop.sandbox.signing import SignatureError
from desktop.sandbox.webphone_hub import ActionError

HEARTBEAT_S = 15.0
_TIPOS = ("floating", "embedded", "hidden")
_NO_STORE = {"Cache-Control": "no-store"}
_ASSETS = {
    "webphone.js": "text/javascript",
    "webphone-protocol.js": "text/javascript",
    "webphone-view.js": "text/javascript",
    "webphone.css": "text/css",
}


@lru_cache(maxsize=8)
def static_text(name: str) -> str:
    """A file of ``desktop/sandbox/static``."""
    return resources.files("desktop.sandbox").joinpath("static", name).read_text("utf-8")


def _refused(reason: str) -> web.Response:
    page = (
        "<!doctype html><html lang=pt-BR><meta charset=utf-8><title>Webphone indisponível</title>"
        '<body style="font:14px system-ui,sans-serif;margin:1em">'
        f"<h1 style=font-size:16px>Webphone indisponível</h1><p>{html.escape(reason)}</p>"
    )
    return web.Response(status=403, text=page, content_type="text/html", headers=_NO_STORE)


def _find_ramal(request: web.Request) -> Ramal:
    store = ctx(request).store
    by_id = request.query.get("id_ramal", "").strip()
    by_number = request.query.get("ramal", "").strip()
    if not by_id and not by_number:
        raise missing("ramal ou id_ramal")
    if by_id:
        if not by_id.isdigit() or len(by_id) > 18:
            raise invalid("id_ramal", "deve ser um número")
        ramal = store.ramais.get(int(by_id))
    else:
        if not by_number.isdigit():
            raise invalid("ramal", "deve ser um número")
        ramal = store.ramal_by_number(by_number)
    if ramal is None:
        raise not_found("ramal")
    return ramal


async def webphone_url(request: web.Request) -> web.Response:
    """GET /webphone: a signed, expiring URL of the ramal's webphone."""
    ramal = _find_ramal(request)
    tipo = request.query.get("tipo", "floating").strip().lower() or "floating"
    if tipo not in _TIPOS:
        raise invalid("tipo", "use floating, embedded ou hidden")
    params = {"key": ramal.webphone_key}
    if tipo == "floating":
        params["pop"] = "1"
    ligar_para = request.query.get("ligar_para", "").strip()
    if ligar_para:
        compact = ligar_para.replace(" ", "")
        if not compact.lstrip("+").isdigit() or len(compact) > 20:
            raise invalid("ligar_para", "número inválido")
        params["ligar_para"] = compact
    if "fechar_fim" in request.query:
        fechar = bool_field(dict(request.query), "fechar_fim")
        params["fechar_fim"] = "true" if fechar else "false"
    context = ctx(request)
    path = "/w3/hidden.js" if tipo == "hidden" else "/w3/"
    signed = context.signer.sign(path, params, context.store.settings.webphone_ttl_s)
    return ok({"url": origin(request) + signed}, "url webphone")


def _verified_ramal(request: web.Request) -> Ramal | str:
    """The ramal of a signed page URL, or the reason it is refused."""
    context = ctx(request)
    try:
        context.signer.verify(request.path, dict(request.query))
    except SignatureError as error:
        return str(error)
    ramal = context.store.ramal_by_key(request.query.get("key", ""))
    if ramal is None:
        return "chave do webphone inválida ou ramal removido"
    return ramal


async def page(request: web.Request) -> web.Response:
    """GET /w3/: the webphone page of one ramal."""
    ramal = _verified_ramal(request)
    if isinstance(ramal, str):
        return _refused(ramal)
    context = ctx(request)
    session = context.hub.open(ramal)
    config = {
        "session": session.id,
        "ramal": ramal.ramal,
        "stats_interval_ms": context.store.settings.stats_interval_ms,
        "ligar_para": request.query.get("ligar_para") or None,
        "fechar_fim": request.query.get("fechar_fim") == "true",
        "popup": request.query.get("pop") == "1",
    }
    config_json = json.dumps(config).replace("</", "<\\/")
    body = static_text("webphone.html").replace("__CONFIG__", config_json)
    headers = dict(_NO_STORE)
    headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "connect-src 'self'; media-src 'self' blob:"
    )
    return web.Response(text=body, content_type="text/html", headers=headers)


async def hidden_js(request: web.Request) -> web.Response:
    """GET /w3/hidden.js: injects the webphone iframe and sets ``window.webphone``."""
    ramal = _verified_ramal(request)
    if isinstance(ramal, str):
        return _refused(ramal)
    context = ctx(request)
    params = {"key": ramal.webphone_key, "tipo": "hidden"}
    for name in ("ligar_para", "fechar_fim"):
        if name in request.query:
            params[name] = request.query[name]
    src = origin(request) + context.signer.sign(
        "/w3/", params, context.store.settings.webphone_ttl_s
    )
    script = static_text("hidden.js").replace("__WEBPHONE_SRC__", json.dumps(src))
    return web.Response(text=script, content_type="text/javascript", headers=_NO_STORE)


async def page_asset(request: web.Request) -> web.Response:
    """GET /w3/<asset>: the page's scripts and style sheet."""
    name = request.path.rsplit("/", 1)[-1]
    return web.Response(text=static_text(name), content_type=_ASSETS[name])


async def events(request: web.Request) -> web.StreamResponse:
    """GET /w3/events?session=…: server-sent events for one page."""
    hub = ctx(request).hub
    session = hub.get(request.query.get("session", ""))
    if session is None:
        return web.Response(status=404, text="sessão desconhecida")
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        }
    )
    await response.prepare(request)
    hub.stream_opened(session)
    try:
        await response.write(b"retry: 1000\n\n")
        while True:
            try:
                event = await asyncio.wait_for(session.events.get(), HEARTBEAT_S)
            except TimeoutError:
                await response.write(b": ping\n\n")
                continue
            if event is None:
                break
            await response.write(f"data: {json.dumps(event)}\n\n".encode())
    except ConnectionResetError:
        return response
    finally:
        hub.stream_closed(session)
    with contextlib.suppress(ConnectionResetError, RuntimeError):
        await response.write_eof()
    return response


async def action(request: web.Request) -> web.Response:
    """POST /w3/api/{action}?session=…: a command of the page."""
    hub = ctx(request).hub
    session = hub.get(request.query.get("session", ""))
    if session is None:
        return web.json_response(
            {"ok": False, "status_erro": "sessão do webphone expirou"}, status=404
        )
    try:
        body = await read_body(request)
        result = hub.act(session, request.match_info["action"], body)
    except (ActionError, ApiError) as error:
        return web.json_response({"ok": False, "status_erro": str(error)})
    return web.json_response(result)


def add_routes(app: web.Application) -> None:
    """Register the webphone endpoints."""
    app.router.add_get("/webphone", webphone_url)
    app.router.add_get("/w3/", page)
    app.router.add_get("/w3/hidden.js", hidden_js)
    for asset in _ASSETS:
        app.router.add_get(f"/w3/{asset}", page_asset)
    app.router.add_get("/w3/events", events)
    app.router.add_post(r"/w3/api/{action:[a-z_]{1,32}}", action)
