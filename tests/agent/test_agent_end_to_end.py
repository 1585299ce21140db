"""End to end: the agent window drives the REAL webphone bridge against the REAL sandbox."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from agent_fakes import FakePlayer
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sandbox_control import control

from desktop.agent.controller import AgentController
from desktop.agent.preferences import AgentPreferences
from desktop.agent.state import AgentState, Direction
from desktop.agent.window import AgentWindow
from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api.models.calls import Call
from desktop.api.models.webphone import WebphoneUrl
from desktop.api.phone import WebphoneNumberFormat
from desktop.sandbox.server import SandboxThread
from desktop.webphone.webphone import Webphone

pytestmark = pytest.mark.webengine

RAMAL = "4009"
WAIT = 20_000  # generous: the first load starts Chromium


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as server:
        yield server


def finish(qtbot: QtBot, coro: Any) -> None:
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=WAIT)


def test_dial_out_and_answer_in_from_the_ui(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    client = TotalVoiceClient(
        sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
    )

    async def fetch_url() -> WebphoneUrl:
        return await client.webphone.get_url(ramal=RAMAL)

    async def fetch_call(chamada_id: str) -> object:
        return await client.chamadas.get(chamada_id)

    webphone = Webphone(fetch_url, tmp_path / "profile")
    controller = AgentController(webphone, AgentPreferences(), fetch_call=fetch_call)
    player = FakePlayer()
    window = AgentWindow(controller, ramal=RAMAL, ring_player=player)
    details: list[object] = []
    controller.call_details.connect(details.append)
    try:
        window.show()
        qtbot.waitExposed(window)
        webphone.start()
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.READY, timeout=WAIT)
        assert window.call_panel.call_button.isEnabled()

        # Outgoing: typed in the field, placed with the Call button, answered far away.
        qtbot.keyClicks(window.dialpad.field, "(48) 99999-0909")
        window.call_panel.call_button.click()
        qtbot.waitUntil(
            lambda: (
                controller.snapshot.call is not None
                and controller.snapshot.call.chamada_id is not None
            ),
            timeout=WAIT,
        )
        assert controller.snapshot.state is AgentState.DIALING
        call_id = controller.snapshot.call.chamada_id  # type: ignore[union-attr]
        assert window.call_panel.hang_up_button.isEnabled()
        control(sandbox, f"/_sandbox/calls/{call_id}/answer", {})
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.TALKING, timeout=WAIT)
        qtbot.waitUntil(lambda: window.call_panel.timer.text() != "00:00", timeout=WAIT)
        qtbot.waitUntil(lambda: bool(details), timeout=WAIT)
        assert isinstance(details[0], Call)
        assert str(details[0].id) == call_id

        window.call_panel.hang_up_button.click()
        qtbot.waitUntil(lambda: not controller.snapshot.in_call, timeout=WAIT)
        assert not control(sandbox, f"/_sandbox/calls/{call_id}")["ativa"]

        # Incoming: the sandbox rings the ramal; the agent answers with the button.
        rung = control(sandbox, "/_sandbox/ring", {"ramal": RAMAL, "numero": "+5548999990099"})
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.RINGING, timeout=WAIT)
        assert player.is_playing()
        snap = controller.snapshot
        assert snap.call is not None and snap.call.direction is Direction.INBOUND
        assert snap.call.number == "+5548999990099"
        qtbot.mouseClick(window.call_panel.answer_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.TALKING, timeout=WAIT)
        assert not player.is_playing()
        control(sandbox, f"/_sandbox/calls/{rung['chamada_id']}/hangup", {})
        qtbot.waitUntil(lambda: not controller.snapshot.in_call, timeout=WAIT)
        assert window.call_panel.call_button.isEnabled()
    finally:
        controller.shutdown()
        window.close()
        webphone.close()
        finish(qtbot, client.aclose())
        control(sandbox, "/_sandbox/settings", {"auto_answer_ms": 800})


def test_a_typed_e164_number_reaches_the_webphone_as_ddd_and_number(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    client = TotalVoiceClient(
        sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
    )

    async def fetch_url() -> WebphoneUrl:
        return await client.webphone.get_url(ramal="4000")

    webphone = Webphone(fetch_url, tmp_path / "profile")
    controller = AgentController(webphone, AgentPreferences())
    window = AgentWindow(controller, ramal="4000", ring_player=FakePlayer())
    sent: list[dict[str, object]] = []
    relay_send = webphone._relay.send

    def spy(message: dict[str, object]) -> None:
        sent.append(dict(message))
        relay_send(message)

    webphone._relay.send = spy  # type: ignore[method-assign]
    errors: list[str] = []
    controller.error.connect(errors.append)
    try:
        window.show()
        webphone.start()
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.READY, timeout=WAIT)

        qtbot.keyClicks(window.dialpad.field, "+55 48 3283-0151")
        window.call_panel.call_button.click()
        qtbot.waitUntil(
            lambda: (
                controller.snapshot.call is not None
                and controller.snapshot.call.chamada_id is not None
            ),
            timeout=WAIT,
        )
        assert sent[-1] == {"message": "chamaNumero", "numero": "4832830151"}
        call_id = controller.snapshot.call.chamada_id  # type: ignore[union-attr]
        assert control(sandbox, f"/_sandbox/calls/{call_id}")["destino"] == "4832830151"
        assert controller.snapshot.call.number == "+554832830151"  # type: ignore[union-attr]
        assert "+55 48 3283-0151" in window.call_panel.number.text()
        window.call_panel.hang_up_button.click()
        qtbot.waitUntil(lambda: not controller.snapshot.in_call, timeout=WAIT)
        controller.finish_wrap_up()

        # The profile asks for E.164: sent so, and the sandbox refuses it like the provider.
        webphone.set_number_format(WebphoneNumberFormat.E164)
        errors.clear()
        assert controller.dial("(48) 3283-0151") is None
        qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
        assert sent[-1] == {"message": "chamaNumero", "numero": "+554832830151"}
        assert "número inválido: +554832830151" in errors[0]
        assert control(sandbox, "/_sandbox/calls?ativa=1") == []
    finally:
        controller.shutdown()
        window.close()
        webphone.close()
        finish(qtbot, client.aclose())
        control(sandbox, "/_sandbox/settings", {"auto_answer_ms": 800})
