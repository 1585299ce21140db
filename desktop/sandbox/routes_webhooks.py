"""Webhook configuration, the account's balance, voicemail links and their control API.

Provider endpoints (ramal host): ``/webhook``, ``/saldo``, ``/conta`` and the signed
``/recvm/`` link of "Novo Voicemail". Control: ``/_sandbox/webhooks``, ``/_sandbox/conta``.
"""

from __future__ import annotations

import json
from typing import Final
from urllib.parse import urlsplit

from aiohttp import web

from desktop.sandbox import mp3
from desktop.sandbox.account import Account
from desktop.sandbox.context import Context
from desktop.sandbox.envelope import (
    NOT_FOUND,
    ApiError,
    JsonObject,
    invalid,
    missing,
    ok,
    read_body,
)
from desktop.sandbox.voicemail import RECORDING_PATH, VoicemailBox
from desktop.sandbox.webhook_events import WebhookEvents
from desktop.sandbox.webhooks import WEBHOOK_NAMES, SettingsError, WebhookDispatcher

WEBHOOKS = web.AppKey("sandbox_webhooks", WebhookDispatcher)
ACCOUNT = web.AppKey("sandbox_account", Account)
VOICEMAILS = web.AppKey("sandbox_voicemails", VoicemailBox)
MAX_URL: Final = 2000


def _name(request: web.Request) -> str:
    name = request.match_info["name"]
    if name not in WEBHOOK_NAMES:
        raise ApiError(404, NOT_FOUND, f"webhook não encontrado: {name[:40]}")
    return name


def _url(body: JsonObject) -> str:
    value = body.get("url")
    if value is None or value == "":
        raise missing("url")
    if not isinstance(value, str) or len(value) > MAX_URL:
        raise invalid("url", "use uma URL http(s)")
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        raise invalid("url", "use uma URL http(s)")
    return text


async def list_webhooks(request: web.Request) -> web.Response:
    """GET /webhook: the webhooks that have a URL, in the documented order."""
    urls = request.app[WEBHOOKS].urls
    rows = [{"webhook": name, "url": urls[name]} for name in WEBHOOK_NAMES if name in urls]
    return ok({"webhooks": rows})


async def set_webhook(request: web.Request) -> web.Response:
    """PUT /webhook/{name} {"url"}: deliveries start at once (the service takes minutes)."""
    name = _name(request)
    url = _url(await read_body(request))
    request.app[WEBHOOKS].urls[name] = url
    return ok(None, "webhook configurado com sucesso")


async def delete_webhook(request: web.Request) -> web.Response:
    """DELETE /webhook/{name}: no more deliveries for it."""
    name = _name(request)
    request.app[WEBHOOKS].urls.pop(name, None)
    return ok(None, "webhook removido com sucesso")


async def balance(request: web.Request) -> web.Response:
    """GET /saldo."""
    return ok({"saldo": request.app[ACCOUNT].to_json()["saldo"]})


async def account(request: web.Request) -> web.Response:
    """GET /conta."""
    return ok(request.app[ACCOUNT].to_json())


async def voicemail_recording(request: web.Request) -> web.Response:
    """GET /recvm/?id=…&x=…&cid=…: a voicemail's audio (the link in "Novo Voicemail")."""
    text = request.query.get("id", "")
    box = request.app[VOICEMAILS]
    message = box.check(int(text), request.query.get("x", "")) if text.isdigit() else None
    if message is None:
        raise ApiError(404, NOT_FOUND, "voicemail não encontrado")
    data = mp3.recording(message.id % 4, float(message.duracao_segundos))
    return web.Response(body=data, content_type="audio/mpeg")


def _reply(value: object, status: int = 200) -> web.Response:
    return web.json_response(
        value, status=status, dumps=lambda v: json.dumps(v, ensure_ascii=False)
    )


async def _control_body(request: web.Request) -> JsonObject | web.Response:
    raw = (await request.read()).strip()
    try:
        value = json.loads(raw) if raw else {}
    except (ValueError, RecursionError):
        return _reply({"error": "JSON malformado"}, 400)
    if not isinstance(value, dict):
        return _reply({"error": "esperado um objeto JSON"}, 400)
    return value


async def control_webhooks(request: web.Request) -> web.Response:
    """GET /_sandbox/webhooks: deliveries; POST: misbehaviour settings; DELETE: reset."""
    dispatcher = request.app[WEBHOOKS]
    if request.method == "DELETE":
        dispatcher.reset()
    elif request.method == "POST":
        body = await _control_body(request)
        if isinstance(body, web.Response):
            return body
        try:
            dispatcher.configure(body)
        except SettingsError as error:
            return _reply({"error": str(error)}, 400)
    return _reply(dispatcher.to_json())


def _money(body: JsonObject, key: str) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SettingsError(f"{key} deve ser um número")
    return round(float(value), 4)


async def control_account(request: web.Request) -> web.Response:
    """POST /_sandbox/conta {"saldo", "valor_aviso_saldo_baixo"}: set them; GET shows them."""
    current = request.app[ACCOUNT]
    if request.method == "POST":
        body = await _control_body(request)
        if isinstance(body, web.Response):
            return body
        try:
            saldo = _money(body, "saldo")
            threshold = _money(body, "valor_aviso_saldo_baixo")
        except SettingsError as error:
            return _reply({"error": str(error)}, 400)
        if saldo is not None:
            current.saldo = saldo
        if threshold is not None:
            current.valor_aviso_saldo_baixo = threshold
    return _reply(current.to_json())


def add_routes(app: web.Application, context: Context) -> None:
    """Register the webhook, account and voicemail endpoints and start delivering."""
    dispatcher = WebhookDispatcher(clock=context.store.clock)
    app[WEBHOOKS] = dispatcher
    app[ACCOUNT] = Account()
    app[VOICEMAILS] = VoicemailBox()
    events = WebhookEvents(context, dispatcher, app[ACCOUNT], app[VOICEMAILS])

    async def start(_: web.Application) -> None:
        await dispatcher.start()

    async def stop(_: web.Application) -> None:
        events.close()
        await dispatcher.close()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    routes = app.router
    routes.add_get("/webhook", list_webhooks)
    routes.add_put(r"/webhook/{name:[^/]{1,64}}", set_webhook)
    routes.add_delete(r"/webhook/{name:[^/]{1,64}}", delete_webhook)
    routes.add_get("/saldo", balance)
    routes.add_get("/conta", account)
    routes.add_get(RECORDING_PATH, voicemail_recording)
    for method in ("GET", "POST", "DELETE"):
        routes.add_route(method, "/_sandbox/webhooks", control_webhooks)
    routes.add_get("/_sandbox/conta", control_account)
    routes.add_post("/_sandbox/conta", control_account)
