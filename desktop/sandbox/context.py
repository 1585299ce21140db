"""What every route handler reaches through the aiohttp application."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from desktop.sandbox.engine import CallEngine
from desktop.sandbox.faults import FaultTable
from desktop.sandbox.signing import UrlSigner
from desktop.sandbox.store import Store
from desktop.sandbox.webphone_hub import WebphoneHub


@dataclass
class Context:
    """The sandbox's state and services, shared by all routes."""

    store: Store
    engine: CallEngine
    hub: WebphoneHub
    signer: UrlSigner
    faults: FaultTable
    token: str
    base_url: str = ""


CONTEXT = web.AppKey("sandbox_context", Context)


def ctx(request: web.Request) -> Context:
    """The sandbox context of the application serving ``request``."""
    return request.app[CONTEXT]


def origin(request: web.Request) -> str:
    """``http://host:port`` as the client addressed us (URLs we hand out use it)."""
    return f"{request.scheme}://{request.host}"


def path_id(request: web.Request, name: str = "id") -> int:
    """An integer path parameter (routes only match digits)."""
    return int(request.match_info[name])
