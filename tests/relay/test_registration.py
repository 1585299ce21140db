"""``--register-webhooks``: the relay puts its own URLs with PUT /webhook/{name}."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from relay_helpers import NatsServer

from desktop.relay.events import RELAYED_WEBHOOKS

ENVELOPE = {"status": 200, "sucesso": True, "motivo": 0, "mensagem": "ok", "dados": None}


@pytest.fixture
async def provider() -> AsyncIterator[tuple[str, dict[str, str]]]:
    registered: dict[str, str] = {}

    async def put(request: web.Request) -> web.Response:
        assert request.headers.get("Access-Token") == "reg-token"
        registered[request.match_info["name"]] = (await request.json())["url"]
        return web.json_response(ENVELOPE)

    app = web.Application()
    app.router.add_put("/webhook/{name}", put)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    yield f"http://{host}:{port}", registered
    await runner.cleanup()


async def _run_relay(nats_url: str, api_url: str, *extra: str) -> str:
    env = {**os.environ, "RAMAL_DESKTOP_TOKEN": "reg-token", "RAMAL_RELAY_SECRET": "path-secret"}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "desktop.relay", "--api-url", api_url, "--listen", "127.0.0.1:0"),
        *("--nats", nats_url, "--account", "acme", "--poll-budget", "0"),  # replicas: 1 server
        "--register-webhooks",
        *extra,
        stdout=asyncio.subprocess.PIPE,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout is not None
    try:
        lines = [(await asyncio.wait_for(process.stdout.readline(), 60)).decode() for _ in range(4)]
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 60) == 0
    assert lines[3].startswith(f"webhooks cadastrados: {len(RELAYED_WEBHOOKS)}")
    return lines[0].removeprefix("webhooks: ").strip()


async def test_registers_its_listen_url(
    nats_server: NatsServer, provider: tuple[str, dict[str, str]]
) -> None:
    api_url, registered = provider
    base = await _run_relay(nats_server.url, api_url)
    assert base.startswith("http://127.0.0.1:") and base.endswith("/hooks/path-secret/")
    assert registered == {name: base + name for name in RELAYED_WEBHOOKS}


async def test_registers_the_public_url(
    nats_server: NatsServer, provider: tuple[str, dict[str, str]]
) -> None:
    api_url, registered = provider
    await _run_relay(nats_server.url, api_url, "--public-url", "https://relay.example.com/")
    assert registered["status_tempo_real"] == (
        "https://relay.example.com/hooks/path-secret/status_tempo_real"
    )
    assert len(registered) == len(RELAYED_WEBHOOKS)
