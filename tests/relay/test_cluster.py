"""A three-node JetStream cluster: one node dies mid-stream, every console sees every event once."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import nats
import pytest
from relay_helpers import NAMES, RunningRelay
from relay_stream import Collector, relay_on, ringing

from desktop.core.board_stream import BoardSnapshot, RelayEvent
from desktop.relay.embedded import free_port, nats_server_binary

EVENTS = 40


class Node:
    def __init__(self, name: str, config: Path, port: int) -> None:
        self.name, self.port = name, port
        self.url = f"nats://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [str(nats_server_binary()), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_listening(self) -> None:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{self.name} did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[list[Node]]:
    ports = [(free_port(), free_port()) for _ in range(3)]
    routes = ", ".join(f'"nats://127.0.0.1:{c}"' for _, c in ports)
    nodes: list[Node] = []
    for index, (client, route) in enumerate(ports, start=1):
        config = tmp_path / f"n{index}.conf"
        config.write_text(
            f"server_name: n{index}\n"
            f"listen: 127.0.0.1:{client}\n"
            f'jetstream {{ store_dir: "{tmp_path / f"n{index}"}" }}\n'
            f"cluster {{ name: ramal, listen: 127.0.0.1:{route}, routes: [{routes}] }}\n"
        )
        nodes.append(Node(f"n{index}", config, client))
    try:
        for node in nodes:
            node.wait_listening()
        yield nodes
    finally:
        for node in nodes:
            node.stop()


async def _relay_when_ready(urls: list[str]) -> tuple[object, RunningRelay]:
    # JetStream answers once the cluster has elected its meta leader.
    deadline = time.monotonic() + 60
    while True:
        context = relay_on(urls, replicas=3)
        try:
            return context, await context.__aenter__()
        except Exception:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(1.0)


async def _post(relay: RunningRelay, n: int) -> None:
    body = ringing(f"5{n:03d}", 1000 + n, second=n % 60)
    for _ in range(150):  # while the stream elects a new leader the relay answers 5xx
        response = await relay.post("ramal_tempo_real", body)
        if response.status == 200:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"event {n} never accepted")


async def test_a_node_dies_and_every_console_sees_every_event_once(cluster: list[Node]) -> None:
    urls = [node.url for node in cluster]
    context, relay = await _relay_when_ready(urls)
    consoles = [Collector(urls), Collector(list(reversed(urls)))]
    try:
        for console in consoles:
            console.start()
        for console in consoles:
            await console.until(lambda items: any(isinstance(i, BoardSnapshot) for i in items))
        nc = await nats.connect(urls)
        info = await nc.jetstream().stream_info(NAMES.stream)
        await nc.close()
        assert info.config.num_replicas == 3
        for n in range(EVENTS):
            if n == EVENTS // 2:
                cluster[0].stop()  # the first URL: most connections were on it
            await _post(relay, n)
        expected = [f"5{n:03d}" for n in range(EVENTS)]
        for console in consoles:
            await console.until(
                lambda items: len([i for i in items if isinstance(i, RelayEvent)]) >= EVENTS,
                timeout=90,
            )
        await asyncio.sleep(1.0)
        for console in consoles:
            events = [i for i in console.items if isinstance(i, RelayEvent)]
            assert [e.key for e in events] == expected
            seqs = [e.seq for e in events]
            assert len(set(seqs)) == len(seqs) == EVENTS
    finally:
        for console in consoles:
            await console.close()
        await context.__aexit__(None, None, None)  # type: ignore[attr-defined]
