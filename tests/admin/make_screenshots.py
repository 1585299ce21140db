"""Render the Administration panel with sandbox data into docs/screenshots/admin-*.png.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/admin/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import httpx
import qasync
from PySide6.QtWidgets import QApplication

from desktop.admin.panel import AdminPanel
from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.i18n import install_translator
from desktop.sandbox.server import SandboxThread

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def shoot(sandbox: SandboxThread) -> None:
    client = TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
    panel = AdminPanel.from_client(client)
    panel.resize(1366, 768)
    panel.show()
    view = panel.ramais
    await view.load()
    ramal = view.model.ramais()[1]
    view.select(ramal.id)
    await view.load_link(ramal)
    await asyncio.sleep(0.2)
    OUT.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(OUT / "admin-ramais.png"))

    form = view.edit_selected()
    assert form is not None
    form.edits["login"].setText("sem-arroba")
    form.edits["senha"].setText("Casa2024x")
    form.submit()
    form.adjustSize()
    await asyncio.sleep(0.2)
    form.grab().save(str(OUT / "admin-ramal-form.png"))
    form.reject()

    panel.tabs.setCurrentWidget(panel.conferences)
    conf = panel.conferences
    control = httpx.AsyncClient(base_url=sandbox.base_url + "/_sandbox")
    await control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    await conf.load_recent()
    conf.bina_edit.setText("4833330000")
    conf.record_check.setChecked(True)
    for number in ("4832830151", "4001", "48999990002"):
        await conf.add(number)
    assert conf.room is not None and conf.room.state is not None
    ids = [p.call_id for p in conf.room.state.participants]
    for call_id in ids[:2]:
        await control.post(f"/calls/{call_id}/answer")
    await asyncio.sleep(2.2)
    await control.post(f"/calls/{ids[1]}/hangup")
    await asyncio.sleep(1.1)
    await conf.refresh()
    await control.aclose()
    conf.start_date.setDate(conf.start_date.date().addDays(-23))
    await conf.load_past()
    conf.status.clear()
    await asyncio.sleep(0.2)
    panel.grab().save(str(OUT / "admin-conferences.png"))
    panel.shutdown()
    panel.close()
    with contextlib.suppress(RuntimeError):  # qasync vs httpcore's close at teardown
        await client.aclose()


def main() -> int:
    app = QApplication(sys.argv)
    install_translator(app, os.environ.get("RAMAL_DESKTOP_LANG"))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with SandboxThread() as sandbox:
        loop.run_until_complete(shoot(sandbox))
    print(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
