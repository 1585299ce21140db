"""Render the supervisor board fed by the relay to docs/screenshots/: "tempo real", then
raised hands (one acknowledged), in one run of the sandbox, relay and panel.

.venv/bin/python tests/supervisor/make_relay_screenshots.py
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import nats
import qasync
from PySide6.QtWidgets import QApplication
from relay_stream import NatsProcess, relay_on

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.core.board_stream import BoardStream, RelayTarget
from desktop.core.relay_names import AccountNames
from desktop.core.thresholds import Thresholds
from desktop.i18n import install_translator
from desktop.relay.events import RELAYED_WEBHOOKS
from desktop.sandbox.server import SandboxThread
from desktop.supervisor.feed import FeedMode
from desktop.supervisor.panel import SupervisorPanel
from desktop.supervisor.relay_feed import RelayFeed
from desktop.supervisor.sources import ClientSource

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def send(base: str, path: str, body: object, method: str = "POST", token: str = "") -> None:
    headers = {"Content-Type": "application/json", "Access-Token": token}
    request = urllib.request.Request(base + path, json.dumps(body).encode(), headers, method=method)
    urllib.request.urlopen(request, timeout=5).read()


def now() -> datetime:
    return datetime.now(UTC).astimezone()


async def ask(url: str, subject: str, body: object) -> None:
    nc = await nats.connect(url)
    try:
        await nc.request(subject, json.dumps(body).encode(), timeout=5)
    finally:
        await nc.close()


async def main(sandbox: SandboxThread) -> None:
    nats_server = NatsProcess.fresh(Path(tempfile.mkdtemp()) / "js")
    try:
        async with relay_on([nats_server.url], token=sandbox.token) as relay:
            for name in RELAYED_WEBHOOKS:
                hook = f"{relay.base_url}/hooks/s3cret-path/{name}"
                send(sandbox.base_url, f"/webhook/{name}", {"url": hook}, "PUT", sandbox.token)
            send(sandbox.base_url, "/_sandbox/settings", {"auto_answer_ms": 1500})
            send(sandbox.base_url, "/_sandbox/traffic", {"running": True, "interval_ms": 400})
            client = TotalVoiceClient(
                sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url))
            )
            stream = BoardStream(RelayTarget([nats_server.url], "acme"))
            feed = RelayFeed(stream, ClientSource(client), clock=now)
            panel = SupervisorPanel(
                client,
                supervisor_number="4009",
                who="supervisor@empresa-exemplo.com.br",
                audit_dir=Path(tempfile.mkdtemp()),
                thresholds=Thresholds(call_minutes=10, pause_minutes=15),
                feed=feed,
            )
            panel.resize(1366, 768)
            panel.show()
            panel.start()
            await asyncio.sleep(8)
            assert feed.mode is FeedMode.PUSH
            panel.board_view.calls_table.selectRow(0)
            await asyncio.sleep(0.2)
            OUT.mkdir(parents=True, exist_ok=True)
            panel.grab().save(str(OUT / "supervisor-board-realtime.png"))

            names = AccountNames("acme")
            await ask(nats_server.url, names.agent_request("4005", "mao"), {"levantada": True})
            await ask(nats_server.url, names.agent_request("4003", "mao"), {"levantada": True})
            ack = {"supervisor": "Ana", "ramal": "4005"}
            await ask(nats_server.url, names.supervisor_request("ciente"), ack)
            panel.resize(1600, 800)
            await asyncio.sleep(6)
            assert feed.mode is FeedMode.PUSH
            panel.board_view.board_table.selectRow(2)
            await asyncio.sleep(0.2)
            panel.grab().save(str(OUT / "supervisor-board-raised-hand.png"))
            await panel.aclose()
            await client.aclose()
    finally:
        nats_server.stop()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    install_translator(app)  # pt_BR unless RAMAL_DESKTOP_LANG says otherwise
    with SandboxThread() as running:
        qasync.run(main(running))
    print("wrote", OUT / "supervisor-board-realtime.png", OUT / "supervisor-board-raised-hand.png")
