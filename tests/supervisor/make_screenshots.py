"""Render the supervisor panel under simulated load to docs/screenshots/ (run by hand).

.venv/bin/python tests/supervisor/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.core.thresholds import Thresholds
from desktop.i18n import install_translator
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import now as sandbox_now
from desktop.supervisor.feed import PollTimings
from desktop.supervisor.panel import SupervisorPanel

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def post(base: str, path: str, body: object) -> None:
    request = urllib.request.Request(
        base + path, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    urllib.request.urlopen(request, timeout=5).read()


async def main(sandbox: SandboxThread) -> None:
    store = sandbox.server.store if sandbox.server else None
    assert store is not None
    # Two agents on a break, one of them for a while, so the board shows pauses too.
    from datetime import timedelta

    for number, minutes in (("4002", 22), ("4006", 3)):
        ramal = store.ramal_by_number(number)
        assert ramal is not None
        store.start_pause(ramal.id, "1", sandbox_now() - timedelta(minutes=minutes))
    post(sandbox.base_url, "/_sandbox/settings", {"auto_answer_ms": 1500})
    post(sandbox.base_url, "/_sandbox/traffic", {"running": True, "interval_ms": 400})
    client = TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
    panel = SupervisorPanel(
        client,
        supervisor_number="4009",
        who="supervisor@empresa-exemplo.com.br",
        audit_dir=Path(tempfile.mkdtemp()),
        thresholds=Thresholds(call_minutes=10, pause_minutes=15),
        timings=PollTimings(fast=0.5, slow=1.0, pause_batch=10),
    )
    panel.resize(1366, 768)
    panel.show()
    panel.start()
    await asyncio.sleep(6)
    panel.board_view.calls_table.selectRow(0)
    await asyncio.sleep(0.2)
    OUT.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(OUT / "supervisor-board.png"))
    panel.tabs.setCurrentWidget(panel.kpi_view)
    panel.kpi_view.period.setCurrentIndex(2)  # last 7 days: the seeded history
    for _ in range(100):
        await asyncio.sleep(0.1)
        if panel.kpi_view.report is not None and panel.kpi_view.refresh_button.isEnabled():
            break
    await asyncio.sleep(0.3)
    panel.grab().save(str(OUT / "supervisor-kpis.png"))
    panel.stop()
    await client.aclose()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    install_translator(app)  # pt_BR unless RAMAL_DESKTOP_LANG says otherwise
    with SandboxThread() as running:
        qasync.run(main(running))
    print("wrote", OUT / "supervisor-board.png", OUT / "supervisor-kpis.png")
