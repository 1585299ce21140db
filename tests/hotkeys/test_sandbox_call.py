"""End to end: global keys typed into another application drive a sandbox call.

The real webphone bridge and sandbox, the real controller, the backend chosen as the app
chooses it (X11 on a private Xvfb here), and key presses from xdotool while a window of
another process has the focus.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from hotkey_support import XClient, xdotool
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from qt_support import run
from sandbox_control import control

from desktop.agent.controller import AgentController
from desktop.agent.global_shortcuts import GlobalShortcuts
from desktop.agent.preferences import AgentPreferences
from desktop.agent.state import AgentState
from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api.models.webphone import WebphoneUrl
from desktop.hotkeys.backend import HotkeyBackend
from desktop.hotkeys.bindings import HotkeyAction
from desktop.hotkeys.choose import Unavailable, open_backend
from desktop.hotkeys.x11 import X11Backend
from desktop.sandbox.server import SandboxThread
from desktop.settings.model import Settings
from desktop.webphone.webphone import Webphone

pytestmark = pytest.mark.webengine

RAMAL = "4007"
WAIT = 20_000  # generous: the first load starts Chromium


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as server:
        control(server, "/_sandbox/settings", {"auto_answer_ms": None})
        yield server


def test_global_keys_answer_mute_hang_up_and_dial_the_clipboard(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    tmp_path: Path,
    xdisplay: str,
    x_clients: list[XClient],
) -> None:
    client = TotalVoiceClient(
        sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
    )

    async def fetch_url() -> WebphoneUrl:
        return await client.webphone.get_url(ramal=RAMAL)

    webphone = Webphone(fetch_url, tmp_path / "profile")
    controller = AgentController(webphone, AgentPreferences())

    async def opener(descriptions: Mapping[HotkeyAction, str]) -> HotkeyBackend | Unavailable:
        # The app's choice on an X11 desktop without a session bus (so without a portal);
        # only the backend sees this display: Chromium must not outlive it connected.
        return await open_backend(env={"DISPLAY": xdisplay}, descriptions=descriptions)

    shortcuts = GlobalShortcuts(controller, opener=opener)
    notices: list[str] = []
    shortcuts.notice.connect(notices.append)
    controller.error.connect(notices.append)
    settings = Settings()
    try:
        assert run(qtbot, shortcuts.apply(True, settings.shortcut_bindings())) == []
        assert isinstance(shortcuts.backend, X11Backend)
        webphone.start()
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.READY, timeout=WAIT)
        window = XClient(xdisplay, "window")
        x_clients.append(window)
        xdotool(xdisplay, "windowfocus", "--sync", window.first.split()[1])

        rung = control(sandbox, "/_sandbox/ring", {"ramal": RAMAL, "numero": "+5548999990077"})
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.RINGING, timeout=WAIT)
        xdotool(xdisplay, "key", "ctrl+alt+shift+a")
        qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.TALKING, timeout=WAIT)
        xdotool(xdisplay, "key", "ctrl+alt+shift+m")
        qtbot.waitUntil(lambda: controller.snapshot.muted, timeout=WAIT)
        xdotool(xdisplay, "key", "ctrl+alt+shift+h")
        qtbot.waitUntil(lambda: not controller.snapshot.in_call, timeout=WAIT)
        assert not control(sandbox, f"/_sandbox/calls/{rung['chamada_id']}")["ativa"]

        QGuiApplication.clipboard().setText("(48) 3283-0151")
        controller.finish_wrap_up()
        xdotool(xdisplay, "key", "ctrl+alt+shift+d")
        qtbot.waitUntil(
            lambda: controller.snapshot.state is AgentState.DIALING or bool(notices), timeout=WAIT
        )
        assert notices == []
        call = controller.snapshot.call
        assert call is not None and call.number.endswith("4832830151")
        xdotool(xdisplay, "key", "ctrl+alt+shift+h")
        qtbot.waitUntil(lambda: not controller.snapshot.in_call, timeout=WAIT)
    finally:
        run(qtbot, shortcuts.aclose())
        controller.shutdown()
        webphone.close()
        run(qtbot, client.aclose())
