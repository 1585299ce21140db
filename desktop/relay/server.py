"""The relay's HTTP side: webhooks in, health, readiness and metrics out (aiohttp).

The guarantee: a delivery is answered 2xx only once JetStream has acknowledged it (the
event is in the stream); anything else is a 4xx refusal or a 5xx the provider retries,
so an acknowledged webhook is never lost. Concurrent deliveries share the connection:
their publishes are pipelined and each waits for its own ack, never for another's.
The board is derived after that and written behind it (coalesced per ramal).

Webhooks skip aiohttp's router and application dispatch (:class:`RelayRunner`).
Resources live in ``cleanup_ctx``: the NATS connection (drained on exit), the API client
and the poller. Closing the runner stops accepting, lets in-flight deliveries finish
their publish, then drains NATS.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import msgspec
import nats
from aiohttp import hdrs, web
from nats.aio.client import Client as NatsClient
from nats.errors import Error as NatsError

from desktop.api import ApiConfig, TotalVoiceClient
from desktop.core.relay_names import AccountNames
from desktop.relay.events import RELAYED_WEBHOOKS, BadWebhook, parse_webhook
from desktop.relay.jetstream import declare
from desktop.relay.metrics import RelayMetrics
from desktop.relay.poller import DEFAULT_BUDGET, PauseSource, Poller
from desktop.relay.relay_core import Relay
from desktop.relay.support_desk import SupportDesk

__all__ = ["BODY_LIMIT", "RelayRunner", "RelaySettings", "make_app"]

_log = logging.getLogger(__name__)

_decode = msgspec.json.Decoder().decode
_STORED = b'{"ok":true,"duplicado":false}'
_DUPLICATE = b'{"ok":true,"duplicado":true}'
_HOOKS = "/hooks/"

BODY_LIMIT = 64 * 1024
"""The largest webhook body accepted (the documented payloads are under 2 KiB)."""


@dataclass(frozen=True, slots=True)
class RelaySettings:
    """Everything the app needs; secrets are values here, never flags."""

    nats_urls: Sequence[str]
    conta: str
    secret: str
    token: str
    api: ApiConfig
    replicas: int = 1
    poll_budget: float = DEFAULT_BUDGET
    body_limit: int = BODY_LIMIT
    publish_timeout: float = 5.0
    hide_silent_listening: bool = False
    coach_timeout: float = 180.0
    coach_sweep: float = 15.0
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))


@dataclass
class _State:
    settings: RelaySettings
    metrics: RelayMetrics = field(default_factory=RelayMetrics)
    nc: NatsClient | None = None
    relay: Relay | None = None
    poller: Poller | None = None
    support: SupportDesk | None = None
    secret: bytes = b""

    def __post_init__(self) -> None:
        self.secret = self.settings.secret.encode()


STATE = web.AppKey("relay_state", _State)


def make_app(settings: RelaySettings, metrics: RelayMetrics | None = None) -> web.Application:
    """The relay's aiohttp application.

    Open it with :class:`RelayRunner`; a plain ``AppRunner`` gives the same answers
    with webhooks going through the router.
    """
    app = web.Application(client_max_size=settings.body_limit)
    app[STATE] = _State(settings, metrics or RelayMetrics())
    app.cleanup_ctx.append(_nats_ctx)
    app.cleanup_ctx.append(_poller_ctx)
    app.router.add_post("/hooks/{secret}/{name}", _receive)
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_get("/metrics", _metrics)
    return app


class _StateLog:
    """Logs a connection state once per change, not once per event."""

    def __init__(self) -> None:
        self.last = ""

    def note(self, state: str, detail: object = "") -> None:
        if state != self.last:
            self.last = state
            _log.warning("NATS: %s %s", state, detail)


async def _nats_ctx(app: web.Application) -> AsyncIterator[None]:
    state = app[STATE]
    settings = state.settings
    log = _StateLog()

    async def on_error(exc: Exception) -> None:
        log.note("erro", exc)

    async def on_disconnected() -> None:
        if state.nc is not None and (state.nc.is_draining or state.nc.is_closed):
            return  # our own shutdown
        log.note("desconectado")

    async def on_reconnected() -> None:
        log.note("reconectado")

    nc = await nats.connect(
        list(settings.nats_urls),
        name="ramal-relay",
        error_cb=on_error,
        disconnected_cb=on_disconnected,
        reconnected_cb=on_reconnected,
        max_reconnect_attempts=-1,
    )
    state.nc = nc
    try:
        stream, board = await declare(
            nc, AccountNames(settings.conta), settings.replicas, state.metrics
        )
        stream.timeout = settings.publish_timeout
        board.start()
        state.relay = Relay(settings.conta, stream, board, state.metrics, settings.clock)
        state.support = await _open_support_desk(nc, state.relay, settings)
        yield
        await state.support.close()
        await board.close()
    finally:
        try:
            if nc.is_connected:
                await nc.drain()
        except (NatsError, OSError) as exc:  # the server went away first: close anyway
            _log.warning("NATS: drain interrompido: %s", exc)
        if not nc.is_closed:
            with contextlib.suppress(OSError):  # nats-py flushes to a socket already gone
                await nc.close()


async def _open_support_desk(nc: NatsClient, relay: Relay, settings: RelaySettings) -> SupportDesk:
    names = AccountNames(settings.conta)
    kv = await nc.jetstream().key_value(names.bucket)
    desk = SupportDesk(
        relay,
        kv,
        settings.clock,
        hide_silent_listening=settings.hide_silent_listening,
        coach_timeout=settings.coach_timeout,
        sweep_interval=settings.coach_sweep,
    )
    desk.start()
    # A queue group: with several relays each request is answered once.
    await nc.subscribe(names.requests, queue="ramal-relay", cb=desk.handle)
    return desk


async def _poller_ctx(app: web.Application) -> AsyncIterator[None]:
    state = app[STATE]
    settings = state.settings
    relay = state.relay
    if relay is None or settings.poll_budget <= 0:
        yield
        return
    client = TotalVoiceClient(settings.token, settings.api)
    state.poller = Poller(
        PauseSource(client),
        relay,
        settings.clock,
        budget=settings.poll_budget,
    )
    task = asyncio.create_task(state.poller.run(), name="ramal-relay-poller")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await client.aclose()


def _refuse(state: _State, reason: str, status: int) -> web.Response:
    state.metrics.reject(reason)
    return web.json_response({"ok": False, "motivo": reason}, status=status)


async def _receive(request: web.Request) -> web.Response:
    info = request.match_info
    return await _take(request.app[STATE], request, info["secret"], info["name"])


async def _take(state: _State, request: web.BaseRequest, secret: str, name: str) -> web.Response:
    state.metrics.received += 1
    if not hmac.compare_digest(secret.encode(), state.secret):
        return _refuse(state, "secret", 404)
    if name not in RELAYED_WEBHOOKS:
        return _refuse(state, "webhook", 404)
    if (request.content_length or 0) > state.settings.body_limit:
        return _refuse(state, "size", 413)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return _refuse(state, "size", 413)
    try:
        payload = _decode(raw)
    except msgspec.DecodeError:
        return _refuse(state, "json", 400)
    try:
        event = parse_webhook(name, payload)
    except BadWebhook:
        return _refuse(state, "payload", 422)
    relay = state.relay
    if relay is None:
        return web.json_response({"ok": False, "motivo": "nats"}, status=503)
    try:
        stored = await relay.publish(event)
    except Exception:  # the provider retries a 5xx later; nothing was stored
        _log.exception("publicação falhou")
        return web.json_response({"ok": False, "motivo": "nats"}, status=503)
    return web.Response(body=_STORED if stored else _DUPLICATE, content_type="application/json")


class RelayRunner(web.AppRunner):
    """Runs :func:`make_app` with webhooks taken straight from aiohttp's low-level server.

    A delivery ``POST /hooks/<secret>/<name>`` skips the router and the application's
    request dispatch (a third of aiohttp's cost per request); every other request, and
    a delivery that expects ``100-continue``, goes through the app as routed.
    """

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        routed = server.request_handler
        state = self.app[STATE]

        async def handle(request: web.BaseRequest) -> web.StreamResponse:
            path = request.path
            if (
                path.startswith(_HOOKS)
                and request.method == "POST"
                and hdrs.EXPECT not in request.headers
            ):
                secret, _, name = path[len(_HOOKS) :].partition("/")
                if secret and name and "/" not in name:  # what the route would match
                    return await _take(state, request, secret, name)
            return await routed(request)

        server.request_handler = handle
        return server


async def _healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok\n")


async def _readyz(request: web.Request) -> web.Response:
    state = request.app[STATE]
    nc = state.nc
    if nc is None or not nc.is_connected or state.relay is None:
        return web.Response(status=503, text="nats desconectado\n")
    names = AccountNames(state.settings.conta)
    js = nc.jetstream()
    try:
        await js.stream_info(names.stream)
        await js.key_value(names.bucket)
    except Exception as exc:  # not ready is an answer, not an error
        return web.Response(status=503, text=f"stream ou bucket ausente: {exc}\n")
    return web.Response(text="ready\n")


async def _metrics(request: web.Request) -> web.Response:
    text = request.app[STATE].metrics.render()
    return web.Response(text=text, content_type="text/plain", charset="utf-8")
