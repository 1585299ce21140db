"""Event → board latency, push (relay) vs polling, and provider requests per minute.

The sandbox (own thread) grows to 200 ramais and answers every provider request 100 ms
late (``POST /_sandbox/faults`` ``delay_ms``); its webhooks go to the relay (in this
process) on a real nats-server. Each ``POST /_sandbox/ring`` on a fresh ramal is timed
until a console sees that ramal ringing: through the relay (``BoardStream``) and through
``PollingFeed`` (the console's polling, default timings), both watching the same rings.
Then provider requests per minute for 1, 10 and 50 consoles polling, and for the relay
with 1, 10 and 50 push consoles (requests counted at the sandbox: the fault's remaining
count drops by one per provider request). A few minutes in all.

    .venv/bin/python bench/board_latency.py [--rings 20] [--window 20] [--relay-only]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.core.board import Changes, RamalState
from desktop.core.board_stream import BoardStream, RelayTarget, RowChanged
from desktop.relay.embedded import free_port, nats_server_binary
from desktop.relay.events import RELAYED_WEBHOOKS
from desktop.relay.server import RelaySettings, make_app
from desktop.sandbox.server import SandboxThread
from desktop.supervisor.feed import FeedMode, PollingFeed
from desktop.supervisor.relay_feed import RelayFeed
from desktop.supervisor.sources import ClientSource

CONTA = "bench"
SECRET = "bench-secret"
RAMAIS = 200
FAULT_COUNT = 10**9
BUSY = (RamalState.RINGING, RamalState.TALKING)


def now() -> datetime:
    return datetime.now(UTC).astimezone()


def http(base: str, path: str, body: object | None = None, method: str = "POST") -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        base + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def grow(sandbox: SandboxThread) -> list[str]:
    server = sandbox.server
    assert server is not None
    store = server.store
    template = next(iter(store.ramais.values()))
    top = max(store.ramais)
    for n in range(RAMAIS - len(store.ramais)):
        ramal = replace(template, id=top + 1 + n, ramal=str(5000 + n), login=f"a{n}@x.com")
        store.ramais[ramal.id] = ramal
    return sorted(r.ramal for r in store.ramais.values() if r.ramal)


def requests_done(sandbox: SandboxThread) -> int:
    faults = http(sandbox.base_url, "/_sandbox/faults", method="GET")
    items = faults if isinstance(faults, list) else faults.get("faults", [])
    remaining = sum(int(f.get("remaining", f.get("count", 0))) for f in items)
    return FAULT_COUNT - remaining


def start_nats(store: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    args = [str(nats_server_binary()), "-a", "127.0.0.1", "-p", str(port), "-js", "-sd", str(store)]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"nats://127.0.0.1:{port}"
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def latency(sandbox: SandboxThread, nats_url: str, ramais: list[str], rings: int) -> None:
    seen_push: dict[str, float] = {}
    seen_poll: dict[str, float] = {}

    async def push() -> None:
        async for item in BoardStream(RelayTarget([nats_url], CONTA)).items():
            if isinstance(item, RowChanged) and item.row.state in BUSY:
                seen_push.setdefault(item.row.ramal, time.monotonic())

    def polled(changes: Changes) -> None:
        for row in changes.ramais:
            if row.state in BUSY:
                seen_poll.setdefault(row.numero, time.monotonic())

    client = TotalVoiceClient(
        sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
    )
    feed = PollingFeed(ClientSource(client), clock=now)
    feed.subscribe(polled)
    push_task = asyncio.ensure_future(push())
    feed.start()
    await asyncio.sleep(8)  # the first poll (200 ramais, pauses) and the subscription
    rng = random.Random(7)
    chosen = rng.sample([r for r in ramais if r not in seen_poll], rings)
    started: dict[str, float] = {}
    calls: list[int] = []
    for ramal in chosen:
        started[ramal] = time.monotonic()
        reply = await asyncio.to_thread(
            http, sandbox.base_url, "/_sandbox/ring", {"ramal": ramal, "numero": "+5548999990000"}
        )
        calls.append(int(reply["chamada_id"]))
        await asyncio.sleep(rng.uniform(2.0, 4.0))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (
        set(chosen) <= set(seen_poll) and set(chosen) <= set(seen_push)
    ):
        await asyncio.sleep(0.2)
    push_task.cancel()
    await feed.aclose()
    await client.aclose()
    for name, seen in (("push (relay)", seen_push), ("polling", seen_poll)):
        values = [seen[r] - started[r] for r in chosen if r in seen]
        print(
            f"{name:13s}: n={len(values)}/{rings}  p50={pct(values, 0.5) * 1000:7.0f} ms  "
            f"p99={pct(values, 0.99) * 1000:7.0f} ms  mean={statistics.mean(values) * 1000:.0f} ms"
        )
    for call in calls:  # those still ringing; the others ended on their own
        with contextlib.suppress(urllib.error.HTTPError):
            await asyncio.to_thread(http, sandbox.base_url, f"/_sandbox/calls/{call}/hangup")


async def polling_requests(sandbox: SandboxThread, consoles: int, window: float) -> float:
    clients = [
        TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
        for _ in range(consoles)
    ]
    feeds = [PollingFeed(ClientSource(c), clock=now) for c in clients]
    for feed in feeds:
        feed.start()
    await asyncio.sleep(3)
    before = await asyncio.to_thread(requests_done, sandbox)
    await asyncio.sleep(window)
    after = await asyncio.to_thread(requests_done, sandbox)
    for feed in feeds:
        await feed.aclose()
    for client in clients:
        await client.aclose()
    return (after - before) * 60 / window


async def relay_requests(
    sandbox: SandboxThread, nats_url: str, consoles: int, window: float
) -> float:
    clients = [
        TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
        for _ in range(consoles)
    ]
    feeds = [
        RelayFeed(BoardStream(RelayTarget([nats_url], CONTA)), ClientSource(c), clock=now)
        for c in clients
    ]
    for feed in feeds:
        feed.start()
    # Until every console is pushed (each polls while it connects), then its one read
    # of the ramal list: the window counts the relay alone.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(f.mode is not FeedMode.PUSH for f in feeds):
        await asyncio.sleep(0.2)
    await asyncio.sleep(5)
    before = await asyncio.to_thread(requests_done, sandbox)
    await asyncio.sleep(window)
    after = await asyncio.to_thread(requests_done, sandbox)
    for feed in feeds:
        await feed.aclose()
    for client in clients:
        await client.aclose()
    return (after - before) * 60 / window


async def main(rings: int, window: float, relay_only: bool = False) -> None:
    print(
        f"machine: {os.cpu_count()} CPU, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; load average {os.getloadavg()}"
    )
    with SandboxThread(token="bench-token") as sandbox, tempfile.TemporaryDirectory() as tmp:
        ramais = grow(sandbox)
        http(sandbox.base_url, "/_sandbox/settings", {"auto_answer_ms": None})
        nats, nats_url = start_nats(Path(tmp) / "js")
        settings = RelaySettings(
            nats_urls=[nats_url],
            conta=CONTA,
            secret=SECRET,
            token=sandbox.token,
            api=ApiConfig(hosts=ApiHosts.single(sandbox.base_url)),
        )
        runner = web.AppRunner(make_app(settings), handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        for name in RELAYED_WEBHOOKS:
            request = urllib.request.Request(
                f"{sandbox.base_url}/webhook/{name}",
                data=json.dumps({"url": f"http://{host}:{port}/hooks/{SECRET}/{name}"}).encode(),
                method="PUT",
                headers={"Content-Type": "application/json", "Access-Token": sandbox.token},
            )
            urllib.request.urlopen(request, timeout=10).read()
        http(
            sandbox.base_url,
            "/_sandbox/faults",
            {"path": "/", "delay_ms": 100, "count": FAULT_COUNT},
        )
        try:
            print(f"{len(ramais)} ramais, 100 ms injected on every provider request")
            if not relay_only:
                await latency(sandbox, nats_url, ramais, rings)
            await runner.cleanup()  # the relay's own polling is counted below, not here
            for consoles in () if relay_only else (1, 10, 50):
                rate = await polling_requests(sandbox, consoles, window)
                print(f"polling, {consoles:2d} consoles: {rate:7.0f} provider requests/min")
            runner = web.AppRunner(make_app(settings), handle_signals=False)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", 0).start()
            for consoles in (1, 10, 50):
                rate = await relay_requests(sandbox, nats_url, consoles, window)
                print(f"relay,   {consoles:2d} consoles: {rate:7.0f} provider requests/min")
        finally:
            await runner.cleanup()
            nats.terminate()
            nats.wait(10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rings", type=int, default=20)
    parser.add_argument("--window", type=float, default=20.0)
    parser.add_argument("--relay-only", action="store_true", help="only the relay's requests")
    ns = parser.parse_args()
    asyncio.run(main(ns.rings, ns.window, ns.relay_only))
