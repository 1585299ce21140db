"""A keyboard-only shift: the real agent window on the real sandbox, no mouse at all.

Every step is a key press sent where the keyboard's focus is (or a shortcut), with Tab to
move between controls, as an agent who never touches the mouse or uses a screen reader
works; the far side's part is played through the sandbox's control API.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from agent_fakes import FakePlayer
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sandbox_control import control

from desktop.agent.controller import AgentController
from desktop.agent.preferences import AgentPreferences
from desktop.agent.state import AgentState
from desktop.agent.window import AgentWindow
from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api.models.webphone import WebphoneUrl
from desktop.sandbox.server import SandboxThread
from desktop.webphone.webphone import Webphone

pytestmark = pytest.mark.webengine

RAMAL = "4000"  # allowed to call outside numbers (the seed refuses some ramais)
WAIT = 60_000  # an upper bound on a busy machine, never a speed expectation
Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as server:
        yield server


def focused(window: QWidget) -> QWidget:
    """Where a key press goes: an open menu first, then the focused widget."""
    return QApplication.activePopupWidget() or QApplication.focusWidget() or window


def press(
    window: QWidget, key: Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(focused(window), key, modifiers)


def type_text(window: QWidget, text: str) -> None:
    QTest.keyClicks(focused(window), text)


def test_a_shift_with_the_keyboard_only(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    client = TotalVoiceClient(
        sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
    )

    async def fetch_url() -> WebphoneUrl:
        return await client.webphone.get_url(ramal=RAMAL)

    webphone = Webphone(fetch_url, tmp_path / "profile")
    controller = AgentController(webphone, AgentPreferences())
    window = AgentWindow(controller, ramal=RAMAL, ring_player=FakePlayer())
    heard = window.announcer.history

    def state_is(state: AgentState) -> None:
        qtbot.waitUntil(lambda: controller.snapshot.state is state, timeout=WAIT)

    def live_call_id(other_than: str | None = None) -> str:
        qtbot.waitUntil(
            lambda: (
                controller.snapshot.call is not None
                and controller.snapshot.call.chamada_id not in (None, other_than)
            ),
            timeout=WAIT,
        )
        call = controller.snapshot.call
        assert call is not None and call.chamada_id is not None
        return call.chamada_id

    try:
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
        webphone.start()
        state_is(AgentState.READY)

        # Dial: Ctrl+L puts the cursor in the number field, Enter calls.
        press(window, Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert focused(window) is window.dialpad.field
        type_text(window, "(48) 99999-0808")
        press(window, Key.Key_Return)
        first = live_call_id()
        control(sandbox, f"/_sandbox/calls/{first}/answer", {})
        state_is(AgentState.TALKING)
        assert heard[-1] == "Connected to +55 48 99999-0808"

        # Transfer: Ctrl+Shift+T opens the dialog in the number field, Enter sends it.
        press(window, Key.Key_T, CTRL_SHIFT)
        dialog = window.transfer_dialog
        qtbot.waitUntil(lambda: focused(window) is dialog.field, timeout=WAIT)
        type_text(window, "4001")
        press(window, Key.Key_Return)
        state_is(AgentState.ENDED)
        assert not dialog.isVisible()
        transferred = control(sandbox, f"/_sandbox/calls/{first}")
        assert transferred["transferencias"][-1]["numero"] == "4001"

        # Pause: Tab from the number field to "Pause…", Space opens the reasons, Down and
        # Enter pick the first one; Space on the same button resumes work.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
        press(window, Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        press(window, Key.Key_Tab)
        assert focused(window) is window.queue_panel.pause_all_button
        press(window, Key.Key_Space)
        menu = window.queue_panel.reason_menu
        qtbot.waitUntil(menu.isVisible, timeout=WAIT)
        press(window, Key.Key_Down)
        press(window, Key.Key_Return)
        qtbot.waitUntil(lambda: controller.snapshot.paused, timeout=WAIT)
        assert "Paused" in heard
        assert focused(window) is window.queue_panel.pause_all_button
        press(window, Key.Key_Space)
        qtbot.waitUntil(lambda: not controller.snapshot.paused, timeout=WAIT)
        assert heard[-1] == "Pause ended, taking calls"

        # Hang up: Shift+Tab back to the field, a second call, Ctrl+Shift+H.
        press(window, Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert focused(window) is window.dialpad.field
        press(window, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(window, "4001")
        press(window, Key.Key_Return)
        second = live_call_id(other_than=first)
        control(sandbox, f"/_sandbox/calls/{second}/answer", {})
        state_is(AgentState.TALKING)
        press(window, Key.Key_H, CTRL_SHIFT)
        qtbot.waitUntil(lambda: not controller.snapshot.in_call, timeout=WAIT)
        assert not control(sandbox, f"/_sandbox/calls/{second}")["ativa"]
        assert heard[-1].startswith("Call ended after ")

        # Answer an incoming call: Ctrl+Shift+A.
        rung = control(sandbox, "/_sandbox/ring", {"ramal": RAMAL, "numero": "+5548999990088"})
        state_is(AgentState.RINGING)
        assert "Incoming call from +55 48 99999-0088" in heard
        press(window, Key.Key_A, CTRL_SHIFT)
        state_is(AgentState.TALKING)
        control(sandbox, f"/_sandbox/calls/{rung['chamada_id']}/hangup", {})
        qtbot.waitUntil(lambda: not controller.snapshot.in_call, timeout=WAIT)
    finally:
        controller.shutdown()
        window.close()
        webphone.close()
        task = asyncio.ensure_future(client.aclose())
        qtbot.waitUntil(task.done, timeout=WAIT)
        control(sandbox, "/_sandbox/settings", {"auto_answer_ms": 800})
