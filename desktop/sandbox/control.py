"""The sandbox control API under ``/_sandbox/``: plain JSON, no token (trainers and tests)."""

from __future__ import annotations

import json
import random
from collections.abc import Awaitable, Callable
from typing import Final

from aiohttp import web

from desktop.sandbox.context import Context, ctx
from desktop.sandbox.envelope import ApiError, JsonObject
from desktop.sandbox.models import Call
from desktop.sandbox.params import phone_field
from desktop.sandbox.recordings import etag, replace_recording
from desktop.sandbox.traffic import Traffic

_QUALITIES: Final = ("bom", "regular", "ruim")
TRAFFIC = web.AppKey("sandbox_traffic", Traffic)


class ControlError(Exception):
    """A control request that cannot be done: answered as ``{"error": …}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _reply(value: object, status: int = 200) -> web.Response:
    return web.json_response(
        value, status=status, dumps=lambda v: json.dumps(v, ensure_ascii=False)
    )


Handler = Callable[[web.Request], Awaitable[web.Response]]


def _plain(handler: Handler) -> Handler:
    """Turn refusals into ``{"error": …}`` replies instead of the provider's envelope."""

    async def wrapped(request: web.Request) -> web.Response:
        try:
            return await handler(request)
        except ControlError as error:
            return _reply({"error": str(error)}, error.status)
        except ApiError as error:
            return _reply({"error": error.mensagem}, 400)

    return wrapped


async def _body(request: web.Request) -> JsonObject:
    raw = (await request.read()).strip()
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        raise ControlError(400, "JSON malformado") from None
    if not isinstance(value, dict):
        raise ControlError(400, "esperado um objeto JSON")
    return value


def _call(request: web.Request) -> Call:
    call = ctx(request).store.calls.get(int(request.match_info["id"]))
    if call is None:
        raise ControlError(404, "chamada não encontrada")
    return call


async def health(request: web.Request) -> web.Response:
    """GET /_sandbox/health."""
    return _reply({"ok": True, "base_url": ctx(request).base_url})


async def ring(request: web.Request) -> web.Response:
    """POST /_sandbox/ring {"ramal", "numero"}: an incoming call to the ramal's webphone."""
    body = await _body(request)
    context = ctx(request)
    ramal = context.store.ramal_by_number(str(body.get("ramal", "")).strip())
    if ramal is None:
        raise ControlError(404, "ramal não encontrado")
    numero = phone_field(body, "numero") or f"48{random.randint(991000000, 999999999)}"
    if context.hub.ramal_busy(ramal):
        call = context.engine.incoming(ramal, numero)
        context.engine.hangup(call, unanswered=("ocupado", "17. ocupado"))
        return _reply({"chamada_id": call.id, "entregue": False})
    call, delivered = context.hub.ring(ramal, numero)
    return _reply({"chamada_id": call.id, "entregue": delivered})


async def answer(request: web.Request) -> web.Response:
    """POST /_sandbox/calls/{id}/answer: the far side answers."""
    call = _call(request)
    if not ctx(request).engine.answer_far_side(call):
        raise ControlError(409, f"chamada não está chamando (fase {call.phase()})")
    return _reply({"ok": True, "chamada_id": call.id})


async def hangup(request: web.Request) -> web.Response:
    """POST /_sandbox/calls/{id}/hangup: the far side hangs up."""
    call = _call(request)
    if call.kind == "entrante" and call.destino.answered_at is None:
        unanswered = ("sem resposta", "19. sem resposta - mas chamou")
    else:
        unanswered = ("sem resposta", "18. sem resposta")
    if not ctx(request).engine.hangup(call, unanswered=unanswered):
        raise ControlError(409, "chamada já encerrada")
    return _reply({"ok": True, "chamada_id": call.id})


async def call_state(request: web.Request) -> web.Response:
    """GET /_sandbox/calls/{id}: internal state (avaliação, escutas, transferências, DTMF)."""
    return _reply(_call(request).control_json(ctx(request).store.clock()))


async def calls(request: web.Request) -> web.Response:
    """GET /_sandbox/calls[?ativa=1]: calls created since start (or the live ones)."""
    store = ctx(request).store
    live_only = request.query.get("ativa", "") in ("1", "true")
    at = ctx(request).store.clock()
    rows = [
        call.control_json(at)
        for call in store.sorted_calls()
        if (call.ativa if live_only else call.id >= store.seeded_until)
    ]
    return _reply(rows)


async def fail_next(request: web.Request) -> web.Response:
    """POST /_sandbox/ramais/{ramal}/fail {"status_erro": text|null}."""
    number = request.match_info["ramal"]
    context = ctx(request)
    if context.store.ramal_by_number(number) is None:
        raise ControlError(404, "ramal não encontrado")
    text = (await _body(request)).get("status_erro")
    if text is None:
        context.store.fail_next_dial.pop(number, None)
    elif isinstance(text, str) and text:
        context.store.fail_next_dial[number] = text
    else:
        raise ControlError(400, "status_erro deve ser texto ou null")
    return _reply({"ok": True, "status_erro": context.store.fail_next_dial.get(number)})


def _setting_int(body: JsonObject, key: str, nullable: bool) -> int | None:
    value = body[key]
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ControlError(400, f"{key} deve ser inteiro" + (" ou null" if nullable else ""))
    return value


async def settings(request: web.Request) -> web.Response:
    """POST /_sandbox/settings: change timings; GET returns them."""
    context = ctx(request)
    current = context.store.settings
    if request.method == "POST":
        body = await _body(request)
        for key in ("auto_answer_ms", "talk_ms"):
            if key in body:
                value = _setting_int(body, key, nullable=True)
                setattr(current, key, None if value is None else max(0, value))
        if "stats_interval_ms" in body:
            current.stats_interval_ms = max(50, _setting_int(body, "stats_interval_ms", False) or 0)
        if "ring_timeout_ms" in body:
            current.ring_timeout_ms = max(0, _setting_int(body, "ring_timeout_ms", False) or 0)
        if "webphone_ttl_s" in body:
            # negative values issue already-expired URLs (for tests of expiry)
            current.webphone_ttl_s = _setting_int(body, "webphone_ttl_s", False) or 0
        if "rate_limit_per_s" in body:
            rate = body["rate_limit_per_s"]
            if rate is not None and (isinstance(rate, bool) or not isinstance(rate, int | float)):
                raise ControlError(400, "rate_limit_per_s deve ser número ou null")
            current.rate_limit_per_s = float(rate) if rate and rate > 0 else None
        for key in ("stats_internet", "stats_computador"):
            if key in body:
                quality = body[key]
                if quality is not None and quality not in _QUALITIES:
                    raise ControlError(400, f"{key}: use bom, regular, ruim ou null")
                setattr(current, key, quality)
        context.hub.broadcast_config()
    return _reply(current.to_json())


async def new_recording(request: web.Request) -> web.Response:
    """POST /_sandbox/recordings/{id}: the call's recording changes (new bytes, new ETag)."""
    try:
        data = replace_recording(ctx(request).store, int(request.match_info["id"]))
    except ApiError as error:
        raise ControlError(404, error.mensagem) from None
    return _reply({"ok": True, "etag": etag(data), "bytes": len(data)})


async def add_fault(request: web.Request) -> web.Response:
    """POST /_sandbox/faults."""
    fault = ctx(request).faults.add(await _body(request))
    return _reply({"id": fault.id})


async def list_faults(request: web.Request) -> web.Response:
    """GET /_sandbox/faults: the faults still waiting."""
    return _reply([fault.to_json() for fault in ctx(request).faults.active()])


async def clear_faults(request: web.Request) -> web.Response:
    """DELETE /_sandbox/faults."""
    ctx(request).faults.clear()
    return _reply({"ok": True})


async def silence(request: web.Request) -> web.Response:
    """POST /_sandbox/silence {"ramal", "silent"}: the page stops (or resumes) stats."""
    body = await _body(request)
    context = ctx(request)
    number = str(body.get("ramal", "")).strip()
    if context.store.ramal_by_number(number) is None:
        raise ControlError(404, "ramal não encontrado")
    if body.get("silent", True):
        context.store.silent.add(number)
    else:
        context.store.silent.discard(number)
    context.hub.broadcast_config()
    return _reply({"ok": True, "silent": number in context.store.silent})


def _traffic_number(body: JsonObject, key: str, kind: type) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int):
        raise ControlError(400, f"{key} deve ser " + ("número" if kind is float else "inteiro"))
    if kind is float and not value > 0:
        raise ControlError(400, f"{key} deve ser maior que zero")
    return value


async def traffic(request: web.Request) -> web.Response:
    """POST /_sandbox/traffic: start/stop and tune the simulated call center; GET: its state.

    Body (every key optional): ``running`` (bool; absent keeps the current state),
    ``interval_ms`` (mean gap between events), ``speed`` (divides every duration),
    ``max_live`` (simultaneous calls), ``ring_agents`` (ring agents' pages too), ``seed``.
    """
    generator = request.app[TRAFFIC]
    if request.method == "POST":
        body = await _body(request)
        interval = _traffic_number(body, "interval_ms", int)
        speed = _traffic_number(body, "speed", float)
        max_live = _traffic_number(body, "max_live", int)
        seed = _traffic_number(body, "seed", int)
        ring_agents = body.get("ring_agents")
        if ring_agents is not None and not isinstance(ring_agents, bool):
            raise ControlError(400, "ring_agents deve ser true ou false")
        generator.configure(
            interval_ms=None if interval is None else int(interval),
            speed=speed,
            max_live=None if max_live is None else int(max_live),
            ring_agents=ring_agents,
            seed=None if seed is None else int(seed),
        )
        if "running" in body:
            if body["running"]:
                generator.start()
            else:
                generator.stop()
    return _reply(generator.to_json())


async def webphones(request: web.Request) -> web.Response:
    """GET /_sandbox/webphones: loaded webphone pages."""
    hub = ctx(request).hub
    return _reply([s.to_json() for s in hub.sessions.values() if not s.closed])


def add_routes(app: web.Application, context: Context) -> None:
    """Register the control API."""
    app[TRAFFIC] = Traffic(context)
    routes = app.router
    routes.add_get("/_sandbox/health", _plain(health))
    routes.add_post("/_sandbox/ring", _plain(ring))
    routes.add_get("/_sandbox/calls", _plain(calls))
    routes.add_get(r"/_sandbox/calls/{id:\d{1,18}}", _plain(call_state))
    routes.add_post(r"/_sandbox/calls/{id:\d{1,18}}/answer", _plain(answer))
    routes.add_post(r"/_sandbox/calls/{id:\d{1,18}}/hangup", _plain(hangup))
    routes.add_post(r"/_sandbox/ramais/{ramal:\d{1,18}}/fail", _plain(fail_next))
    routes.add_get("/_sandbox/settings", _plain(settings))
    routes.add_post("/_sandbox/settings", _plain(settings))
    routes.add_post(r"/_sandbox/recordings/{id:\d{1,18}}", _plain(new_recording))
    routes.add_post("/_sandbox/faults", _plain(add_fault))
    routes.add_get("/_sandbox/faults", _plain(list_faults))
    routes.add_delete("/_sandbox/faults", _plain(clear_faults))
    routes.add_post("/_sandbox/silence", _plain(silence))
    routes.add_post("/_sandbox/traffic", _plain(traffic))
    routes.add_get("/_sandbox/traffic", _plain(traffic))
    routes.add_get("/_sandbox/webphones", _plain(webphones))
