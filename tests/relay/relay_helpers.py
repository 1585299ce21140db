"""Helpers of the relay tests: a real nats-server, the relay on a real port, readers."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from nats.js import JetStreamContext

from desktop.api import ApiConfig, ApiHosts
from desktop.core.relay_names import AccountNames
from desktop.relay.embedded import free_port, nats_server_binary
from desktop.relay.metrics import RelayMetrics
from desktop.relay.server import STATE, RelayRunner, RelaySettings, make_app

SECRET = "s3cret-path"
CONTA = "acme"
NAMES = AccountNames(CONTA)


@dataclass
class NatsServer:
    url: str
    port: int
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def start_nats(
    store: Path, config: Path | None = None, env: dict[str, str] | None = None
) -> NatsServer:
    port = free_port()
    args = [str(nats_server_binary()), "-a", "127.0.0.1", "-p", str(port)]
    # A configuration names its own store directory.
    args += ["-c", str(config)] if config is not None else ["-js", "-sd", str(store)]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("nats-server did not start") from None
            time.sleep(0.05)
    return NatsServer(f"nats://127.0.0.1:{port}", port, process)


def settings_for(url: str, **changes: Any) -> RelaySettings:
    base: dict[str, Any] = {
        "nats_urls": [url],
        "conta": CONTA,
        "secret": SECRET,
        "token": "relay-token",
        "api": ApiConfig(hosts=ApiHosts.single("http://127.0.0.1:9"), max_retries=0),
        "poll_budget": 0,
    }
    base.update(changes)
    return RelaySettings(**base)


@dataclass
class RunningRelay:
    base_url: str
    app: web.Application
    http: aiohttp.ClientSession

    @property
    def metrics(self) -> RelayMetrics:
        return self.app[STATE].metrics

    async def post(self, name: str, body: object, secret: str = SECRET) -> aiohttp.ClientResponse:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        async with self.http.post(
            f"{self.base_url}/hooks/{secret}/{name}",
            data=data,
            headers={"Content-Type": "application/json"},
        ) as response:
            await response.read()
            return response

    async def flush(self) -> None:
        relay = self.app[STATE].relay
        assert relay is not None
        await relay.board.flush()

    async def get(self, path: str) -> tuple[int, str]:
        async with self.http.get(self.base_url + path) as response:
            return response.status, await response.text()


async def run_relay(settings: RelaySettings) -> tuple[web.AppRunner, RunningRelay]:
    app = make_app(settings)
    runner = RelayRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    http = aiohttp.ClientSession()
    return runner, RunningRelay(f"http://{host}:{port}", app, http)


async def stream_count(js: JetStreamContext) -> int:
    info = await js.stream_info(NAMES.stream)
    return info.state.messages


async def board_row(js: JetStreamContext, ramal: str) -> dict[str, Any]:
    kv = await js.key_value(NAMES.bucket)
    entry = await kv.get(ramal)
    assert entry.value is not None
    result: dict[str, Any] = json.loads(entry.value)
    return result
