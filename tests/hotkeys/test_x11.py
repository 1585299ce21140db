"""X11 key grabs under a private Xvfb, with real key events sent by xdotool (XTEST)."""

from __future__ import annotations

import asyncio

import pytest
from agent.agent_fakes import FakeClock, FakeWebphone
from hotkey_support import XClient, xdotool
from pytestqt.qtbot import QtBot
from qt_support import run
from Xlib import XK, X
from Xlib.display import Display

from desktop.agent.controller import AgentController
from desktop.agent.global_shortcuts import GlobalShortcuts
from desktop.agent.state import AgentState
from desktop.hotkeys.backend import HotkeyBackend
from desktop.hotkeys.bindings import BindingProblem, HotkeyAction
from desktop.hotkeys.choose import Unavailable
from desktop.hotkeys.combo import parse_combo
from desktop.hotkeys.x11 import X11Backend

CTRL_ALT_A = {HotkeyAction.ANSWER: parse_combo("Ctrl+Alt+A")}


def focused_window(display: str, clients: list[XClient]) -> XClient:
    """A window of another process, holding the keyboard focus (checked by typing in it)."""
    window = XClient(display, "window")
    clients.append(window)
    assert window.first.startswith("window ")
    xdotool(display, "windowfocus", "--sync", window.first.split()[1])
    xdotool(display, "key", "b")
    assert window.line() == "key b 0"
    return window


def ringing_controller(qtbot: QtBot) -> tuple[AgentController, FakeWebphone]:
    phone = FakeWebphone()
    controller = AgentController(phone, clock=FakeClock(), tick_ms=3_600_000)
    phone.set_health("ok")
    phone.status("conectado")
    phone.emit_event(
        "chegandoChamada", numeroChegando="+5548999990000", numeroDestino="4000",
        chamadaRecebidaId="900",
    )  # fmt: skip
    phone.status("chamando")
    assert controller.snapshot.state is AgentState.RINGING
    return controller, phone


def test_ctrl_alt_a_in_another_application_answers_the_ringing_call(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, xdisplay: str, x_clients: list[XClient]
) -> None:
    controller, phone = ringing_controller(qtbot)

    async def opener(_descriptions: object) -> HotkeyBackend | Unavailable:
        return X11Backend(xdisplay)

    shortcuts = GlobalShortcuts(controller, opener=opener)
    problems = run(qtbot, shortcuts.apply(True, {HotkeyAction.ANSWER: "Ctrl+Alt+A"}))
    assert problems == []
    window = focused_window(xdisplay, x_clients)

    xdotool(xdisplay, "key", "ctrl+alt+a")

    qtbot.waitUntil(lambda: "answer" in phone.names(), timeout=10_000)
    seen = []
    while line := window.line(0.5):
        seen.append(line)
    assert not [k for k in seen if k.startswith("key a ")]  # it got the modifiers, not A
    run(qtbot, shortcuts.aclose())
    controller.shutdown()


async def _pressed_after(display: str, backend: X11Backend, keys: str) -> list[HotkeyAction]:
    got: list[HotkeyAction] = []
    results = await backend.register(CTRL_ALT_A, got.append)
    assert [r.ok for r in results] == [True]
    await asyncio.to_thread(xdotool, display, "key", keys)
    for _ in range(100):
        if got:
            break
        await asyncio.sleep(0.05)
    return got


@pytest.mark.asyncio
async def test_keys_grabbed_by_another_application_are_reported_taken(
    xdisplay: str, x_clients: list[XClient]
) -> None:
    rival = XClient(xdisplay, "grab", "a")
    x_clients.append(rival)
    assert rival.first == "grabbed"
    backend = X11Backend(xdisplay)
    try:
        results = await backend.register(
            {**CTRL_ALT_A, HotkeyAction.MUTE: parse_combo("Ctrl+Alt+M")}, lambda _a: None
        )
    finally:
        await backend.aclose()
    assert [(r.action, r.problem) for r in results] == [
        (HotkeyAction.ANSWER, BindingProblem.TAKEN),
        (HotkeyAction.MUTE, None),
    ]


@pytest.mark.asyncio
async def test_a_lit_num_lock_does_not_stop_the_shortcut(
    xdisplay: str, x_clients: list[XClient]
) -> None:
    window = await asyncio.to_thread(focused_window, xdisplay, x_clients)
    await asyncio.to_thread(xdotool, xdisplay, "key", "Num_Lock")
    await asyncio.to_thread(xdotool, xdisplay, "key", "b")
    typed = [await asyncio.to_thread(window.line) for _ in range(2)]  # Num_Lock, then b
    assert typed[1].startswith("key b ") and int(typed[1].split()[2]) & X.Mod2Mask, typed
    backend = X11Backend(xdisplay)
    try:
        assert await _pressed_after(xdisplay, backend, "ctrl+alt+a") == [HotkeyAction.ANSWER]
    finally:
        await backend.aclose()


@pytest.mark.asyncio
async def test_closing_releases_the_keys_for_other_applications(
    xdisplay: str, x_clients: list[XClient]
) -> None:
    backend = X11Backend(xdisplay)
    assert await _pressed_after(xdisplay, backend, "ctrl+alt+a") == [HotkeyAction.ANSWER]
    await backend.aclose()
    rival = XClient(xdisplay, "grab", "a")
    x_clients.append(rival)
    assert rival.first == "grabbed"


@pytest.mark.asyncio
async def test_registering_again_replaces_the_previous_keys(
    xdisplay: str, x_clients: list[XClient]
) -> None:
    backend = X11Backend(xdisplay)
    try:
        await backend.register(CTRL_ALT_A, lambda _a: None)
        moved = {HotkeyAction.ANSWER: parse_combo("Ctrl+Alt+Shift+A")}
        assert [r.ok for r in await backend.register(moved, lambda _a: None)] == [True]
        rival = XClient(xdisplay, "grab", "a")
        x_clients.append(rival)
        assert rival.first == "grabbed"
    finally:
        await backend.aclose()


@pytest.mark.asyncio
async def test_the_keys_follow_a_keyboard_mapping_change(
    xdisplay: str, x_clients: list[XClient]
) -> None:
    backend = X11Backend(xdisplay)
    try:
        got: list[HotkeyAction] = []
        await backend.register(CTRL_ALT_A, got.append)
        layout = Display(xdisplay)
        old = layout.keysym_to_keycode(XK.string_to_keysym("a"))
        spare = max(range(8, 256), key=lambda code: layout.keycode_to_keysym(code, 0) == 0)
        # A layout that moves "a" to another key, as switching layouts does.
        layout.change_keyboard_mapping(old, [(XK.string_to_keysym("q"),)])
        layout.change_keyboard_mapping(spare, [(XK.string_to_keysym("a"),)])
        layout.sync()
        layout.close()
        for _ in range(40):  # the mapping change reaches the backend through the loop
            await asyncio.sleep(0.05)
        await asyncio.to_thread(xdotool, xdisplay, "key", "ctrl+alt+a")
        for _ in range(100):
            if got:
                break
            await asyncio.sleep(0.05)
        assert got == [HotkeyAction.ANSWER]
    finally:
        await backend.aclose()
