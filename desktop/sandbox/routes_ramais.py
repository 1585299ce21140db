"""Ramal endpoints (ramal host): CRUD, list, pauses and calls received."""

from __future__ import annotations

import secrets

from aiohttp import web

from desktop.sandbox.context import ctx, origin, path_id
from desktop.sandbox.envelope import (
    DUPLICATE,
    ApiError,
    JsonObject,
    invalid,
    not_found,
    ok,
    read_body,
)
from desktop.sandbox.models import Ramal
from desktop.sandbox.params import bool_field, int_field, page, paging, report_window, text_field
from desktop.sandbox.store import Store
from desktop.sandbox.timeutil import hms

_BOOLEANS = (
    "ligacao_externa",
    "ligacao_celular",
    "gravar_audio",
    "acesso_gravacoes",
    "webphone",
    "voicemail",
)


def _ramal(request: web.Request) -> Ramal:
    ramal = ctx(request).store.ramais.get(path_id(request))
    if ramal is None:
        raise not_found("ramal")
    return ramal


def _fields(body: JsonObject) -> JsonObject:
    """Validated, typed values of the fields present in ``body``."""
    values: JsonObject = {}
    number = body.get("ramal")
    if number not in (None, ""):
        if isinstance(number, bool) or not isinstance(number, (int, str)):
            raise invalid("ramal", "deve ser um número")
        text = str(number).strip()
        if not text.isdigit() or not 2 <= len(text) <= 6:
            raise invalid("ramal", "use de 2 a 6 dígitos")
        values["ramal"] = text
    login = text_field(body, "login")
    if login is not None:
        if "@" not in login or len(login) > 120:
            raise invalid("login", "use um e-mail")
        values["login"] = login
    for name in ("senha", "bina", "tags"):
        if name in body:
            value = body[name]
            if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int))):
                raise invalid(name, "deve ser texto")
            if value is not None or name != "senha":
                values[name] = None if value is None else str(value)
    if values.get("senha") == "":
        del values["senha"]
    for name in _BOOLEANS:
        flag = bool_field(body, name)
        if flag is not None:
            values[name] = flag
    if "ura_id" in body:
        values["ura_id"] = int_field(body, "ura_id")
    return values


def _check_unique(store: Store, values: JsonObject, ignore: int | None) -> None:
    number = values.get("ramal")
    if isinstance(number, str):
        other = store.ramal_by_number(number)
        if other is not None and other.id != ignore:
            raise ApiError(400, DUPLICATE, f"ramal {number} já existe")
    login = values.get("login")
    if isinstance(login, str):
        other = store.ramal_by_login(login)
        if other is not None and other.id != ignore:
            raise ApiError(400, DUPLICATE, f"login {login} já está em uso")


def _free_number(store: Store) -> str:
    taken = store.ramal_numbers()
    number = 4000
    while str(number) in taken:
        number += 1
    return str(number)


async def create_ramal(request: web.Request) -> web.Response:
    """POST /ramal: no field is required; ``ramal`` comes back as an int (docs quirk)."""
    store = ctx(request).store
    values = _fields(await read_body(request))
    _check_unique(store, values, None)
    token = secrets.token_hex(4)
    ramal = Ramal(
        id=store.new_ramal_id(),
        ramal=str(values.pop("ramal", None) or _free_number(store)),
        login=str(values.pop("login", None) or f"{token}@totalvoice.com.br"),
        senha=str(values.pop("senha", None) or secrets.token_hex(6)),
        bina=None,
        webphone_key=secrets.token_hex(18),
        ligacao_externa=False,
        ligacao_celular=False,
        gravar_audio=False,
        acesso_gravacoes=False,
        webphone=True,
    )
    for name, value in values.items():
        setattr(ramal, name, value)
    store.ramais[ramal.id] = ramal
    return ok(ramal.to_json(ramal_as_int=True), "ramal criado com sucesso")


async def get_ramal(request: web.Request) -> web.Response:
    """GET /ramal/{id}."""
    return ok(_ramal(request).to_json())


async def update_ramal(request: web.Request) -> web.Response:
    """PUT /ramal/{id}: only the fields sent change."""
    ramal = _ramal(request)
    values = _fields(await read_body(request))
    _check_unique(ctx(request).store, values, ramal.id)
    for name, value in values.items():
        setattr(ramal, name, value)
    return ok(None, "dados atualizados com sucesso")


async def delete_ramal(request: web.Request) -> web.Response:
    """DELETE /ramal/{id}."""
    ramal = _ramal(request)
    store = ctx(request).store
    del store.ramais[ramal.id]
    store.queues.pop(ramal.id, None)
    return ok(None, "Ramal Removido")


async def list_ramais(request: web.Request) -> web.Response:
    """GET /ramal/relatorio: every ramal (the dates are required but ramais carry none)."""
    report_window(request.query)
    posicao, limite = paging(request.query)
    ramais = sorted(ctx(request).store.ramais.values(), key=lambda r: r.id)
    chunk, dados = page(ramais, posicao, limite)
    dados["relatorio"] = [r.to_json() for r in chunk]
    return ok(dados)


async def ramal_pauses(request: web.Request) -> web.Response:
    """GET /ramal/{id}/pausas."""
    ramal = _ramal(request)
    start, end = report_window(request.query)
    posicao, limite = paging(request.query)
    at = ctx(request).store.clock()
    pauses = [
        p for p in ctx(request).store.pauses if p.ramal_id == ramal.id and start <= p.inicio <= end
    ]
    pauses.sort(key=lambda p: p.inicio)
    chunk, paging_fields = page(pauses, posicao, limite)
    total_seconds = sum(p.seconds(at) for p in pauses)
    dados: JsonObject = {
        "total": paging_fields["total"],
        "duracao_total": hms(total_seconds),
        "duracao_total_segundos": total_seconds,
        "ramal": ramal.ramal,
        "posicao": posicao,
        "limite": limite,
        "relatorio": [p.to_json(at) for p in chunk],
    }
    return ok(dados)


async def ramal_calls(request: web.Request) -> web.Response:
    """GET /ramal/{id}/relatorio: calls received by the ramal."""
    ramal = _ramal(request)
    start, end = report_window(request.query)
    posicao, limite = paging(request.query)
    rows = [
        call
        for call in ctx(request).store.calls.created_between(start, end)
        if (call.ramal_id_destino == ramal.id or call.destino.numero == ramal.ramal)
        and call.destino.tipo == "ramal"
    ]
    chunk, dados = page(rows, posicao, limite)
    at, base = ctx(request).store.clock(), origin(request)
    dados["relatorio"] = [call.received_json(at, base, ramal) for call in chunk]
    return ok(dados)


def add_routes(app: web.Application) -> None:
    """Register the ramal endpoints."""
    app.router.add_post("/ramal", create_ramal)
    app.router.add_get("/ramal/relatorio", list_ramais)
    app.router.add_get(r"/ramal/{id:\d{1,18}}", get_ramal)
    app.router.add_put(r"/ramal/{id:\d{1,18}}", update_ramal)
    app.router.add_delete(r"/ramal/{id:\d{1,18}}", delete_ramal)
    app.router.add_get(r"/ramal/{id:\d{1,18}}/pausas", ramal_pauses)
    app.router.add_get(r"/ramal/{id:\d{1,18}}/relatorio", ramal_calls)
