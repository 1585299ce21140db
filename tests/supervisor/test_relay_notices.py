"""Voicemail and low-balance events from the relay reach the phone and administration panels."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytestqt.qtbot import QtBot
from qt_support import run
from relay.relay_payloads import AVISO_SALDO, NOVO_VOICEMAIL
from relay_stream import CONTA, NatsProcess, relay_on

from desktop.admin.balance_banner import BalanceBanner
from desktop.agent.voicemail_notice import VoicemailNotice
from desktop.core.board_stream import BoardStream, RelayTarget
from desktop.shell.relay_notices import RelayNotices


def test_voicemail_of_my_ramal_and_balance_warning_show(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    voicemail = VoicemailNotice()
    balance = BalanceBanner()
    for widget in (voicemail, balance):
        qtbot.addWidget(widget)
        assert widget.isHidden()  # nothing is shown without a relay
    nats_server = NatsProcess.fresh(tmp_path / "js")
    context = relay_on([nats_server.url])
    notices = RelayNotices("9561", voicemail, balance)
    try:
        relay = run(qtbot, context.__aenter__())
        mine = RelayTarget([nats_server.url], CONTA, board=False)
        notices.follow(BoardStream(mine))
        qtbot.wait(1500)
        other = {**NOVO_VOICEMAIL, "id": 7, "ramal": "4001"}
        assert run(qtbot, relay.post("novo_voicemail", other)).status == 200
        assert run(qtbot, relay.post("novo_voicemail", NOVO_VOICEMAIL)).status == 200
        qtbot.waitUntil(lambda: not voicemail.isHidden(), timeout=10000)
        assert "6136271444" in voicemail.text.text()
        assert voicemail.url == NOVO_VOICEMAIL["url_gravacao"]
        assert voicemail.play_button.isEnabled()
        assert run(qtbot, relay.post("aviso_saldo", AVISO_SALDO)).status == 200
        qtbot.waitUntil(lambda: not balance.isHidden(), timeout=10000)
        assert "56,86" in balance.text.text()
    finally:
        run(qtbot, notices.aclose())
        run(qtbot, context.__aexit__(None, None, None))
        nats_server.stop()


def test_an_agent_follows_only_its_own_voicemail_subject() -> None:
    from desktop.settings.model import Environment, Profile, Role
    from desktop.shell.workspace import relay_target

    agent = Profile(
        "pa",
        "A",
        Environment.SANDBOX,
        ramal="4001",
        roles=frozenset({Role.AGENT}),
        relay_url="nats://r:4222",
        relay_account="acme",
    )
    target = relay_target(agent, "", board=False)
    assert not target.board and target.events == "ramal.acme.voicemail.4001"
