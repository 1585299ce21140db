"""Fault and latency injection for the provider paths (set through the control API)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from itertools import count

from aiohttp import hdrs, web
from aiohttp.typedefs import Middleware
from multidict import CIMultiDict

from desktop.sandbox.envelope import (
    DEFAULT_MESSAGE,
    MOTIVO_FOR_STATUS,
    ApiError,
    Handler,
    envelope,
)


@dataclass
class Fault:
    """What to do to the next ``remaining`` requests matching method and path prefix."""

    id: int
    method: str
    path: str
    status: int | None
    delay_ms: int
    remaining: int
    body: str | None
    retry_after: int | None
    motivo: int | None
    mensagem: str | None
    cut_after: int | None = None

    def matches(self, request: web.Request) -> bool:
        """True when this fault applies to ``request``."""
        method_ok = self.method == "*" or self.method == request.method
        return self.remaining > 0 and method_ok and request.path.startswith(self.path)

    def to_json(self) -> dict[str, object]:
        """The fault as the control API lists it."""
        return {
            "id": self.id,
            "method": self.method,
            "path": self.path,
            "status": self.status,
            "delay_ms": self.delay_ms,
            "count": self.remaining,
            "body": self.body,
            "retry_after": self.retry_after,
            "cut_after": self.cut_after,
        }


def _int(spec: dict[str, object], key: str, default: int | None) -> int | None:
    value = spec.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, 11, f"{key} deve ser inteiro")
    return value


class FaultTable:
    """Faults waiting to hit requests, first added first used."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._ids = count(1)

    def add(self, spec: dict[str, object]) -> Fault:
        """Add a fault from its control-API description (raises ApiError when malformed)."""
        method = spec.get("method", "*")
        path = spec.get("path", "/")
        body = spec.get("body")
        mensagem = spec.get("mensagem")
        if not isinstance(method, str) or not isinstance(path, str) or not path.startswith("/"):
            raise ApiError(400, 11, "method e path (começando com /) são obrigatórios")
        if body is not None and not isinstance(body, str):
            raise ApiError(400, 11, "body deve ser texto")
        if mensagem is not None and not isinstance(mensagem, str):
            raise ApiError(400, 11, "mensagem deve ser texto")
        status = _int(spec, "status", None)
        if status is not None and not 100 <= status <= 599:
            raise ApiError(400, 11, "status HTTP inválido")
        fault = Fault(
            id=next(self._ids),
            method=method.upper(),
            path=path,
            status=status,
            delay_ms=max(0, _int(spec, "delay_ms", 0) or 0),
            remaining=max(1, _int(spec, "count", 1) or 1),
            body=body,
            retry_after=_int(spec, "retry_after", None),
            motivo=_int(spec, "motivo", None),
            mensagem=mensagem,
            cut_after=_int(spec, "cut_after", None),
        )
        if fault.cut_after is not None and fault.cut_after < 0:
            raise ApiError(400, 11, "cut_after deve ser zero ou mais")
        self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Forget every fault."""
        self._faults.clear()

    def active(self) -> list[Fault]:
        """Faults that still have requests to affect."""
        self._faults = [f for f in self._faults if f.remaining > 0]
        return list(self._faults)

    def take(self, request: web.Request) -> Fault | None:
        """The first fault matching ``request``, counted down by one."""
        for fault in self.active():
            if fault.matches(request):
                fault.remaining -= 1
                return fault
        return None


def _response(fault: Fault) -> web.Response | None:
    if fault.status is None and fault.body is None:
        return None  # latency only
    status = fault.status or 200
    if fault.body is not None:
        looks_html = fault.body.lstrip().startswith("<")
        response = web.Response(
            status=status,
            body=fault.body.encode(),
            content_type="text/html" if looks_html else "application/json",
            charset="utf-8",
        )
    else:
        motivo = fault.motivo if fault.motivo is not None else MOTIVO_FOR_STATUS.get(status, 50)
        text = fault.mensagem or DEFAULT_MESSAGE.get(status, "falha simulada")
        response = envelope(status, motivo, text, None)
    if fault.retry_after is not None:
        response.headers["Retry-After"] = str(fault.retry_after)
    return response


async def _cut(
    request: web.Request, response: web.StreamResponse, limit: int
) -> web.StreamResponse:
    """Send at most ``limit`` bytes of the body, without ``Content-Length``, ending cleanly.

    The client sees a body that simply ends (chunked, or closed on HTTP/1.0): only the
    content itself can tell it arrived cut.
    """
    if not isinstance(response, web.Response) or not isinstance(response.body, bytes):
        return response
    headers = CIMultiDict(response.headers)
    headers.popall(hdrs.CONTENT_LENGTH, None)
    cut = web.StreamResponse(status=response.status, reason=response.reason, headers=headers)
    await cut.prepare(request)
    await cut.write(response.body[:limit])
    await cut.write_eof()
    return cut


def make_fault_middleware(table: FaultTable) -> Middleware:
    """Middleware applying injected faults to every path outside ``/_sandbox/``."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith("/_sandbox/"):
            return await handler(request)
        fault = table.take(request)
        if fault is None:
            return await handler(request)
        if fault.delay_ms:
            await asyncio.sleep(fault.delay_ms / 1000)
        injected = _response(fault)
        response = injected if injected is not None else await handler(request)
        if fault.cut_after is not None:
            return await _cut(request, response, fault.cut_after)
        return response

    return middleware
