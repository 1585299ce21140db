"""``ramal-desktop board --jsonl`` against the sandbox on a real port, polled and via the relay."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import nats
import pytest
from relay.relay_helpers import NAMES, SECRET
from relay_stream import NatsProcess, relay_on
from supervisor_helpers import control, put_webhook

from desktop.relay.embedded import free_port
from desktop.relay.events import RELAYED_WEBHOOKS
from desktop.sandbox.server import SandboxThread

ROOT = Path(__file__).resolve().parents[2]


class BoardProcess:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[dict[str, Any]] = []

    async def until(self, predicate: Any, timeout: float = 60.0) -> None:
        assert self.process.stdout is not None
        async with asyncio.timeout(timeout):
            while not predicate(self.lines):
                line = await self.process.stdout.readline()
                assert line, "board ended early"
                self.lines.append(json.loads(line))


async def _board(sandbox: SandboxThread, *extra: str) -> BoardProcess:
    env = {**os.environ, "RAMAL_DESKTOP_TOKEN": sandbox.token}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "desktop", "board", "--jsonl", "--api-url", sandbox.base_url),
        *("--duration", "60", "--interval", "0.3"),
        *extra,
        stdout=asyncio.subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    return BoardProcess(process)


async def _finish(board: BoardProcess) -> None:
    board.process.send_signal(signal.SIGINT)
    assert await asyncio.wait_for(board.process.wait(), 30) == 0


def _ringing(numero: str) -> Any:
    return lambda lines: any(
        line["ramal"] == numero and line["estado"] in ("ringing", "talking") for line in lines
    )


@pytest.fixture
def quiet_sandbox() -> Iterator[SandboxThread]:
    # The command reads the machine's clock: so does this sandbox.
    with SandboxThread(token="board-token") as sandbox:
        control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
        yield sandbox


async def test_board_polls_the_api_without_a_relay(quiet_sandbox: SandboxThread) -> None:
    board = await _board(quiet_sandbox)
    await board.until(lambda lines: len({line["ramal"] for line in lines}) >= 10)
    first = {line["ramal"] for line in board.lines}
    assert {"4001", "4002"} <= first
    keys = {"ramal", "estado", "desde", "com", "chamada_id"}
    assert all(set(line) >= keys for line in board.lines)
    control(quiet_sandbox, "/_sandbox/ring", {"ramal": "4001", "numero": "+5548999990000"})
    await board.until(_ringing("4001"))
    await _finish(board)


@pytest.fixture
async def relay_url(quiet_sandbox: SandboxThread, tmp_path: Path) -> AsyncIterator[str]:
    nats_server = NatsProcess.fresh(tmp_path / "js")
    try:
        async with relay_on([nats_server.url]) as relay:
            for name in RELAYED_WEBHOOKS:
                put_webhook(quiet_sandbox, name, f"{relay.base_url}/hooks/{SECRET}/{name}")
            yield nats_server.url
    finally:
        nats_server.stop()


async def test_board_follows_the_relay(quiet_sandbox: SandboxThread, relay_url: str) -> None:
    control(quiet_sandbox, "/_sandbox/ring", {"ramal": "4001", "numero": "+5548999990000"})
    await asyncio.sleep(1.0)  # the webhook reaches the relay, the row the bucket
    board = await _board(quiet_sandbox, "--relay", relay_url, "--account", "acme")
    await board.until(_ringing("4001"))
    control(quiet_sandbox, "/_sandbox/ring", {"ramal": "4002", "numero": "+5548999990001"})
    await board.until(_ringing("4002"))
    # The caller and today's counters come with the pushed rows, as with polling.
    await board.until(
        lambda lines: any(
            line["ramal"] == "4002" and line["com"] and line.get("recebidas", 0) >= 1
            for line in lines
        )
    )
    await _finish(board)


async def test_the_relay_demo_script_prints_the_pushed_board() -> None:
    port = free_port()
    env = {**os.environ, "PYTHON": sys.executable, "RAMAL_DEMO_PORT": str(port)}
    process = await asyncio.create_subprocess_exec(
        str(ROOT / "scripts" / "relay_demo.sh"),
        *("board", "--jsonl", "--duration", "60"),
        stdout=asyncio.subprocess.PIPE,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    board = BoardProcess(process)
    try:
        await board.until(lambda lines: len(lines) >= 1)
        url = f"http://127.0.0.1:{port}/_sandbox/ring"
        body = json.dumps({"ramal": "4009", "numero": "+5548999990000"}).encode()
        request = urllib.request.Request(
            url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        await asyncio.to_thread(lambda: urllib.request.urlopen(request, timeout=10).read())
        await board.until(_ringing("4009"))
    finally:
        os.killpg(process.pid, signal.SIGINT)
        await asyncio.wait_for(process.wait(), 30)


async def test_board_lines_carry_the_raised_hand(
    quiet_sandbox: SandboxThread, relay_url: str
) -> None:
    nc = await nats.connect(relay_url)
    try:
        raise_hand = NAMES.agent_request("4005", "mao")
        await nc.request(raise_hand, json.dumps({"levantada": True}).encode(), timeout=5)
        board = await _board(quiet_sandbox, "--relay", relay_url, "--account", "acme")
        await board.until(lambda lines: any(line.get("mao") for line in lines))
        (line,) = [line for line in board.lines if line.get("mao")]
        assert line["ramal"] == "4005" and line["mao"]["ciente"] is None and line["escuta"] is None
        ack = json.dumps({"supervisor": "Ana", "ramal": "4005"}).encode()
        await nc.request(NAMES.supervisor_request("ciente"), ack, timeout=5)
        await board.until(
            lambda lines: any((line.get("mao") or {}).get("ciente") == "Ana" for line in lines)
        )
        await _finish(board)
    finally:
        await nc.close()
