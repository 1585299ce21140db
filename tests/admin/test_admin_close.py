"""Closing the Administration panel stops its work, its open forms' requests included."""

from __future__ import annotations

import asyncio

import httpx
from admin_support import make_client
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.admin.panel import AdminPanel
from desktop.sandbox.server import SandboxThread


def test_aclose_waits_for_a_form_still_saving(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    fault = {"method": "POST", "path": "/ramal", "delay_ms": 20_000, "count": 1}
    httpx.post(sandbox.base_url + "/_sandbox/faults", json=fault).raise_for_status()
    client = make_client(sandbox)
    panel = AdminPanel.from_client(client)
    qtbot.addWidget(panel)
    form = panel.ramais.new_ramal()
    form.edits["ramal"].setText("4778")
    form.edits["login"].setText("lenta@empresa.com.br")
    form.edits["senha"].setText("Xy7pQ2mNa9")
    form.submit()
    assert not form.save_button.isEnabled()  # the POST is on its way (and slow)
    try:
        run(qtbot, panel.aclose())
        assert form.save_button.isEnabled()  # the request was cancelled and has unwound
    finally:
        httpx.delete(sandbox.base_url + "/_sandbox/faults")
        run(qtbot, client.aclose())
