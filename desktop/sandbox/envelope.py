"""The provider's JSON envelope, its error codes, token check and request body parsing."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Final
from urllib.parse import parse_qsl

import msgspec
from aiohttp import web
from aiohttp.typedefs import Middleware

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
JsonObject = dict[str, object]

# motivo codes, as documented
OK: Final = 0
NO_PERMISSION: Final = 8
NO_BALANCE: Final = 9
MISSING_PARAM: Final = 10
INVALID_PARAM: Final = 11
DUPLICATE: Final = 20
NOT_IMPLEMENTED: Final = 30
BAD_TOKEN: Final = 40
INTERNAL_ERROR: Final = 50
NOT_FOUND: Final = 60
NO_RECORDING: Final = 70
CALL_NOT_ACTIVE: Final = 80
PATH_NOT_FOUND: Final = 90
INVALID_REQUEST: Final = 100

#: Default ``motivo`` for an HTTP status when nothing more specific is known.
MOTIVO_FOR_STATUS: Final[dict[int, int]] = {
    200: OK,
    400: INVALID_REQUEST,
    402: NO_BALANCE,
    403: NO_PERMISSION,
    404: NOT_FOUND,
    405: INVALID_REQUEST,
    429: INVALID_REQUEST,
    500: INTERNAL_ERROR,
    501: NOT_IMPLEMENTED,
}

DEFAULT_MESSAGE: Final[dict[int, str]] = {
    400: "requisição inválida",
    402: "saldo insuficiente",
    403: "sem permissão",
    404: "não encontrado",
    405: "método não permitido",
    429: "limite de requisições por segundo excedido",
    500: "erro interno",
    501: "não implementado",
}

TOKEN_HEADER: Final = "Access-Token"
#: Paths served without the account token (signed page, signed voicemail link, control).
PUBLIC_PREFIXES: Final = ("/w3/", "/recvm/", "/_sandbox/")


class ApiError(Exception):
    """An error answered with the envelope: HTTP status, motivo and message."""

    def __init__(self, status: int, motivo: int, mensagem: str) -> None:
        super().__init__(mensagem)
        self.status = status
        self.motivo = motivo
        self.mensagem = mensagem


def missing(name: str) -> ApiError:
    """Error for a required parameter that was not sent (motivo 10)."""
    return ApiError(400, MISSING_PARAM, f"parâmetro obrigatório não informado: {name}")


def invalid(name: str, why: str = "") -> ApiError:
    """Error for a parameter with a bad type or value (motivo 11)."""
    suffix = f" ({why})" if why else ""
    return ApiError(400, INVALID_PARAM, f"parâmetro inválido: {name}{suffix}")


def not_found(what: str) -> ApiError:
    """Error for an unknown resource id (motivo 60)."""
    return ApiError(404, NOT_FOUND, f"{what} não encontrado")


def envelope(status: int, motivo: int, mensagem: str, dados: object) -> web.Response:
    """A JSON response in the provider's envelope; the HTTP status equals ``status``."""
    body: JsonObject = {
        "status": status,
        "sucesso": 200 <= status < 300 and motivo == OK,
        "motivo": motivo,
        "mensagem": mensagem,
        "dados": dados,
    }
    # msgspec encodes a 200-call report page in a fifth of json.dumps's time.
    return web.Response(
        body=msgspec.json.encode(body),
        status=status,
        content_type="application/json",
        charset="utf-8",
    )


def ok(dados: object = None, mensagem: str = "dados retornados com sucesso") -> web.Response:
    """A successful envelope."""
    return envelope(200, OK, mensagem, dados)


def fail(error: ApiError) -> web.Response:
    """The envelope for ``error``."""
    return envelope(error.status, error.motivo, error.mensagem, None)


async def read_body(request: web.Request) -> JsonObject:
    """The request body as a JSON object; query parameters fill in for a bodyless request.

    An empty body is ``{}``. Curl's ``-d`` sends JSON labelled as a form, so the body is
    read as JSON first whatever its content type; a real ``a=1&b=2`` form is accepted too.
    Anything else is answered with 400 motivo 100.
    """
    raw = await request.read()
    text = raw.decode("utf-8", errors="replace").strip()
    if not text:
        return dict(request.query)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        form = request.content_type == "application/x-www-form-urlencoded"
        if form and "=" in text and not text.startswith(("{", "[")):
            return dict(parse_qsl(text, keep_blank_values=True))
        raise ApiError(400, INVALID_REQUEST, "requisição inválida: JSON malformado") from None
    if not isinstance(value, dict):
        raise ApiError(400, INVALID_REQUEST, "requisição inválida: esperado um objeto JSON")
    return value


def is_public(path: str) -> bool:
    """True for paths that do not take the account token."""
    return path.startswith(PUBLIC_PREFIXES)


def make_envelope_middleware(token: str) -> Middleware:
    """Middleware: unknown path 404/90, wrong method 405, bad token 403/40, errors as envelope."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        route_error = request.match_info.http_exception
        if route_error is not None:
            if route_error.status == 405:
                allowed: set[str] = getattr(route_error, "allowed_methods", set())
                response = envelope(405, INVALID_REQUEST, "método não permitido", None)
                if allowed:
                    response.headers["Allow"] = ", ".join(sorted(allowed))
                return response
            return envelope(404, PATH_NOT_FOUND, "caminho não encontrado", None)
        if not is_public(request.path):
            sent = request.headers.get(TOKEN_HEADER, "")
            if not sent or not secrets.compare_digest(sent.encode(), token.encode()):
                return envelope(403, BAD_TOKEN, "token inválido", None)
        try:
            return await handler(request)
        except ApiError as error:
            return fail(error)
        except web.HTTPException:
            raise
        except Exception:
            log.exception("erro não tratado em %s %s", request.method, request.path)
            return envelope(500, INTERNAL_ERROR, "erro interno", None)

    return middleware
