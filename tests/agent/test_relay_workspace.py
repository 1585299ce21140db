"""The phone gets its relay link only when the profile names a relay."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from qt_support import run
from relay.relay_payloads import NOVO_VOICEMAIL
from relay_stream import CONTA, NatsProcess, relay_on

from desktop.agent.support_panel import SupportPanel
from desktop.session import SANDBOX_PROFILE, Session, open_profile_session
from desktop.settings.model import Role, Settings
from desktop.settings.paths import AppPaths
from desktop.shell.workspace import build_workspace


@pytest.fixture
def session(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[Session]:
    opened = run(qtbot, open_profile_session(SANDBOX_PROFILE, None, seed=5, traffic=False))
    yield opened
    run(qtbot, opened.close())


def test_without_a_relay_the_phone_has_no_support_panel(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    profile = replace(SANDBOX_PROFILE, roles=frozenset({Role.AGENT}))
    ws = build_workspace(session, profile, Settings(), AppPaths.under(tmp_path))
    try:
        assert ws.agent_support is None
        assert ws.agent_window is not None
        assert ws.agent_window.findChildren(SupportPanel) == []
    finally:
        run(qtbot, ws.aclose())


def test_with_a_relay_the_call_panel_offers_raise_hand(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    nats_server = NatsProcess.fresh(tmp_path / "js")
    context = relay_on([nats_server.url])
    relay = run(qtbot, context.__aenter__())
    profile = replace(
        SANDBOX_PROFILE,
        roles=frozenset({Role.AGENT}),
        relay_url=nats_server.url,
        relay_account=CONTA,
    )
    ws = build_workspace(session, profile, Settings(), AppPaths.under(tmp_path))
    try:
        assert ws.agent_support is not None and ws.agent_window is not None
        (panel,) = ws.agent_window.call_panel.findChildren(SupportPanel)
        ws.window.show()
        ws.window.show_panel("phone")
        qtbot.waitUntil(panel.isVisible, timeout=10_000)
        assert panel.hand_button.text() == "Raise hand"
        # The agent's voicemails come on the same link (no stream reading needed).
        assert ws.relay_notices is not None
        voicemail = ws.agent_window.voicemail
        mine = {**NOVO_VOICEMAIL, "ramal": "4000"}
        assert run(qtbot, relay.post("novo_voicemail", mine)).status == 200
        qtbot.waitUntil(voicemail.isVisible, timeout=10_000)
        assert "6136271444" in voicemail.text.text()
    finally:
        run(qtbot, ws.aclose())
        ws.window.close()  # a window left shown would be taken for a later test's
        ws.window.deleteLater()
        run(qtbot, context.__aexit__(None, None, None))
        nats_server.stop()
