"""Real nats-server and relay for the board subscriber's tests; events to post."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relay.relay_helpers import CONTA, NatsServer, RunningRelay, run_relay, settings_for

from desktop.core.board_stream import BoardStream, RelayItem, RelayTarget
from desktop.relay.embedded import free_port, nats_server_binary

__all__ = ["CONTA", "Collector", "NatsProcess", "relay_on", "ringing"]


def ringing(ramal: str, call_id: int, *, live: bool = True, second: int = 0) -> dict[str, Any]:
    """A ``ramal_tempo_real`` payload: the ramal ringing (or done) on call ``call_id``."""
    return {
        "id": str(call_id),
        "ramal": ramal,
        "tipo": "ramal",
        "status": "chamando" if live else "atendida",
        "ativo": live,
        "data_criacao": f"2026-11-30T10:00:{second:02d}",
        "duracao_segundos": 1 if live else 30,
        "duracao_falada_segundos": 0 if live else 20,
    }


@dataclass
class NatsProcess:
    """A nats-server with JetStream that can be stopped and started again on its port."""

    store: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    def start(self) -> None:
        args = [str(nats_server_binary()), "-a", "127.0.0.1", "-p", str(self.port)]
        args += ["-js", "-sd", str(self.store)]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.process.kill()
                    raise RuntimeError("nats-server did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def as_server(self) -> NatsServer:
        assert self.process is not None
        return NatsServer(self.url, self.port, self.process)

    @classmethod
    def fresh(cls, store: Path) -> NatsProcess:
        server = cls(store, free_port())
        server.start()
        return server


@asynccontextmanager
async def relay_on(urls: list[str], **changes: Any) -> AsyncIterator[RunningRelay]:
    """The relay publishing to ``urls`` on a real port."""
    runner, running = await run_relay(settings_for(urls[0], nats_urls=urls, **changes))
    try:
        yield running
    finally:
        await running.http.close()
        await runner.cleanup()


class Collector:
    """Reads a :class:`BoardStream` in the background and keeps what it yields."""

    def __init__(self, urls: list[str], retry: float = 0.5) -> None:
        self.stream = BoardStream(RelayTarget(urls, CONTA), retry=retry)
        self.items: list[RelayItem] = []
        self._task: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        async for item in self.stream.items():
            self.items.append(item)
            self._changed.set()

    async def until(self, predicate: Any, timeout: float = 30.0) -> None:
        """Wait until ``predicate(items)`` holds."""
        async with asyncio.timeout(timeout):
            while not predicate(self.items):
                self._changed.clear()
                await self._changed.wait()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
