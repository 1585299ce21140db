"""Global shortcuts in the agent: commands run, refusals and bad clipboards in words."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from agent.agent_fakes import FakeClock, FakeWebphone
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.agent.controller import AgentController
from desktop.agent.global_shortcuts import GlobalShortcuts
from desktop.agent.preferences import AgentPreferences, PauseReason
from desktop.agent.window import AgentWindow
from desktop.hotkeys.backend import Activated, BindingResult, HotkeyBackend
from desktop.hotkeys.bindings import DEFAULT_SHORTCUTS, BindingProblem, HotkeyAction
from desktop.hotkeys.choose import Unavailable
from desktop.hotkeys.combo import KeyCombo


class FakeBackend:
    """Registers everything except ``taken``; ``press`` plays a key press."""

    name = "fake"

    def __init__(self, taken: frozenset[HotkeyAction] = frozenset()) -> None:
        self.taken = taken
        self.bound: dict[HotkeyAction, KeyCombo] = {}
        self.callback: Activated | None = None
        self.closed = False

    async def register(
        self, bindings: Mapping[HotkeyAction, KeyCombo], on_activated: Activated
    ) -> list[BindingResult]:
        self.callback = on_activated
        self.bound = {a: c for a, c in bindings.items() if a not in self.taken}
        return [
            BindingResult(a, c, BindingProblem.TAKEN if a in self.taken else None)
            for a, c in bindings.items()
        ]

    def press(self, action: HotkeyAction) -> None:
        assert self.callback is not None and action in self.bound
        self.callback(action)

    async def aclose(self) -> None:
        self.closed = True


def make(
    backend: FakeBackend | Unavailable, clipboard: str = "", prefs: AgentPreferences | None = None
) -> tuple[GlobalShortcuts, AgentController, FakeWebphone]:
    phone = FakeWebphone()
    controller = AgentController(phone, prefs, clock=FakeClock(), tick_ms=3_600_000)
    phone.set_health("ok")
    phone.status("conectado")

    async def opener(_descriptions: object) -> HotkeyBackend | Unavailable:
        return backend

    shortcuts = GlobalShortcuts(controller, clipboard=lambda: clipboard, opener=opener)
    return shortcuts, controller, phone


def test_each_action_runs_its_command(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> None:
    backend = FakeBackend()
    prefs = AgentPreferences(pause_reasons=(PauseReason("Lunch", 60), PauseReason("Break")))
    shortcuts, controller, phone = make(backend, clipboard=" (48) 3283-0151 ", prefs=prefs)
    assert run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS))) == []

    backend.press(HotkeyAction.DIAL_CLIPBOARD)
    assert phone.commands[-1] == ("chamaNumero", {"numero": "4832830151"})
    phone.status("chamando")
    phone.status("conversando")
    backend.press(HotkeyAction.MUTE)
    assert controller.snapshot.muted
    backend.press(HotkeyAction.HANG_UP)
    assert phone.names()[-1] == "hangup"
    phone.status("encerrada")
    backend.press(HotkeyAction.PAUSE)
    assert phone.names()[-1] == "pausarNaFila"
    phone.emit_event("pausou_na_fila")
    assert controller.pause_log.open_entries()[0].reason == PauseReason("Lunch", 60)
    backend.press(HotkeyAction.PAUSE)
    assert phone.names()[-1] == "despausarNaFila"
    controller.shutdown()


def test_an_invalid_clipboard_is_said_in_the_window_and_announced(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    backend = FakeBackend()
    shortcuts, controller, phone = make(backend, clipboard="call me maybe")
    window = AgentWindow(controller, ramal="4000")
    qtbot.addWidget(window)
    shortcuts.attach(window)
    run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS)))

    backend.press(HotkeyAction.DIAL_CLIPBOARD)

    assert "chamaNumero" not in phone.names()
    said = window.announcer.history[-1]
    assert said.startswith("Clipboard number not called: ")
    assert window.banner.accessibleDescription() == said
    controller.shutdown()


def test_an_empty_clipboard_says_so(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> None:
    backend = FakeBackend()
    shortcuts, controller, _phone = make(backend, clipboard="  ")
    notices: list[str] = []
    shortcuts.notice.connect(notices.append)
    run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS)))
    backend.press(HotkeyAction.DIAL_CLIPBOARD)
    assert notices == ["The clipboard has no number to call."]
    controller.shutdown()


def test_keys_taken_and_in_conflict_become_notices_after_start(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    backend = FakeBackend(taken=frozenset({HotkeyAction.ANSWER}))
    shortcuts, controller, _phone = make(backend)
    window = AgentWindow(controller, ramal="4000")
    qtbot.addWidget(window)
    shortcuts.attach(window)
    bindings = {
        HotkeyAction.ANSWER: "Ctrl+Alt+A",
        HotkeyAction.MUTE: "Ctrl+Alt+M",
        HotkeyAction.PAUSE: "Ctrl+Alt+M",
        HotkeyAction.HANG_UP: "H",
    }
    problems = run(qtbot, shortcuts.apply(True, bindings))
    assert problems == [
        "H (Hang up) needs Ctrl, Alt or Meta: alone it would take the key from typing.",
        "Ctrl+Alt+M is used by both Mute or unmute and Pause or resume work.",
        "Ctrl+Alt+M is used by both Pause or resume work and Mute or unmute.",
        "Ctrl+Alt+A (Answer) is already taken by another application. Choose other keys.",
    ]
    assert window.announcer.history[-1] == "\n".join(problems)
    assert window.banner.accessibleDescription() == "\n".join(problems)
    assert list(backend.bound) == []
    controller.shutdown()


def test_turning_off_releases_every_key_and_closing_closes_the_backend(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    backend = FakeBackend()
    shortcuts, controller, _phone = make(backend)
    run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS)))
    assert len(backend.bound) == 5
    run(qtbot, shortcuts.apply(False, dict(DEFAULT_SHORTCUTS)))
    assert backend.bound == {}
    run(qtbot, shortcuts.aclose())
    assert backend.closed
    controller.shutdown()


def test_a_wayland_desktop_without_the_portal_is_told_what_it_needs(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    shortcuts, controller, _phone = make(Unavailable.WAYLAND_WITHOUT_PORTAL)
    problems = run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS)))
    assert problems == [
        "Global shortcuts need a desktop with the GlobalShortcuts portal on Wayland "
        "(GNOME 48 or later, KDE Plasma 5.27 or later)."
    ]
    controller.shutdown()


def test_settings_open_releases_the_keys_until_they_are_applied_again(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    backend = FakeBackend()
    shortcuts, controller, _phone = make(backend)
    run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS)))
    run(qtbot, shortcuts.suspend())
    assert backend.bound == {}
    run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS)))
    assert len(backend.bound) == 5
    controller.shutdown()


def test_the_portal_keeps_its_keys_while_settings_is_open(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    backend = FakeBackend()
    backend.name = "portal"
    shortcuts, controller, _phone = make(backend)
    run(qtbot, shortcuts.apply(True, dict(DEFAULT_SHORTCUTS)))
    run(qtbot, shortcuts.suspend())
    assert len(backend.bound) == 5
    controller.shutdown()
