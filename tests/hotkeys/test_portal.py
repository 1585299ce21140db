"""The GlobalShortcuts portal backend against a fake portal on a private session bus."""

from __future__ import annotations

import asyncio
import logging

import pytest
from agent.agent_fakes import FakeClock, FakeWebphone
from hotkey_support import FakePortal
from jeepney import DBusAddress, new_method_call
from jeepney.io.asyncio import open_dbus_router
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.agent.controller import AgentController
from desktop.agent.global_shortcuts import GlobalShortcuts
from desktop.hotkeys.backend import HotkeyBackend
from desktop.hotkeys.bindings import BindingProblem, HotkeyAction
from desktop.hotkeys.choose import Unavailable, open_backend
from desktop.hotkeys.combo import parse_combo
from desktop.hotkeys.portal import PortalBackend

APP_ID = "br.com.ramaldesktop.RamalDesktop"


async def press(address: str, shortcut_id: str) -> None:
    """Make the fake portal emit ``Activated`` for ``shortcut_id``."""
    target = DBusAddress("/test", bus_name="org.freedesktop.portal.Desktop", interface="x.Test")
    async with open_dbus_router(address) as router:
        await router.send_and_get_reply(new_method_call(target, "Press", "s", (shortcut_id,)))


@pytest.mark.asyncio
async def test_binds_through_the_portal_and_hears_activated(
    session_bus: str, portals: list[FakePortal]
) -> None:
    portals.append(portal := FakePortal(session_bus, "--refuse", "mute"))
    backend = await PortalBackend.open(session_bus, environ={})
    assert backend is not None and backend.version == 1
    got: list[HotkeyAction] = []
    results = await backend.register(
        {
            HotkeyAction.ANSWER: parse_combo("Ctrl+Alt+A"),
            HotkeyAction.MUTE: parse_combo("Ctrl+Alt+M"),
        },
        got.append,
    )
    assert [(r.action, r.problem, r.shown_as) for r in results] == [
        (HotkeyAction.ANSWER, None, "CTRL+ALT+a"),
        (HotkeyAction.MUTE, BindingProblem.NOT_ASSIGNED, ""),
    ]
    await press(session_bus, "answer")
    for _ in range(100):
        if got:
            break
        await asyncio.sleep(0.05)
    assert got == [HotkeyAction.ANSWER]
    await backend.aclose()
    assert portal.calls() == [
        f"Register {APP_ID}",
        "Get",
        "CreateSession",
        "BindShortcuts",
        "Press",
        "Close",
    ]


async def bind_answer(session_bus: str, environ: dict[str, str]) -> list[BindingProblem | None]:
    """Open the portal backend, bind one key and close; the problems of the result."""
    backend = await PortalBackend.open(session_bus, environ=environ)
    assert backend is not None
    results = await backend.register({HotkeyAction.ANSWER: parse_combo("Ctrl+Alt+A")}, print)
    await backend.aclose()
    return [r.problem for r in results]


@pytest.mark.asyncio
@pytest.mark.parametrize("mode", ["absent", "refuse"])
async def test_a_portal_that_does_not_register_the_app_is_still_used(
    session_bus: str,
    portals: list[FakePortal],
    mode: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    portals.append(portal := FakePortal(session_bus, "--registry", mode))
    with caplog.at_level(logging.DEBUG, logger="desktop.hotkeys.portal"):
        assert await bind_answer(session_bus, {}) == [None]
    assert portal.calls() == [
        f"Register {APP_ID}",
        "Get",
        "CreateSession",
        "BindShortcuts",
        "Close",
    ]
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    if mode == "refuse":
        assert len(warnings) == 1 and "AccessDenied" in warnings[0].getMessage()
    else:
        assert warnings == []


@pytest.mark.asyncio
@pytest.mark.parametrize("variable", ["FLATPAK_ID", "SNAP"])
async def test_a_sandboxed_app_is_not_registered(
    session_bus: str, portals: list[FakePortal], variable: str
) -> None:
    portals.append(portal := FakePortal(session_bus))
    assert await bind_answer(session_bus, {variable: "br.com.ramaldesktop.RamalDesktop"}) == [None]
    assert portal.calls() == ["Get", "CreateSession", "BindShortcuts", "Close"]


@pytest.mark.asyncio
async def test_the_chosen_backend_reads_the_sandbox_from_the_environment_it_was_given(
    session_bus: str, portals: list[FakePortal]
) -> None:
    portals.append(portal := FakePortal(session_bus))
    env = {"DISPLAY": ":99", "FLATPAK_ID": APP_ID}
    backend = await open_backend(platform="linux", env=env, bus=session_bus)
    assert isinstance(backend, PortalBackend)
    await backend.aclose()
    assert "Register" not in " ".join(portal.calls())


@pytest.mark.asyncio
async def test_a_portal_without_global_shortcuts_is_not_used(
    session_bus: str, portals: list[FakePortal]
) -> None:
    portals.append(FakePortal(session_bus, "--version", "0"))
    assert await PortalBackend.open(session_bus) is None


@pytest.mark.asyncio
async def test_no_portal_on_wayland_says_what_is_needed(session_bus: str) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":99"}
    assert await open_backend(platform="linux", env=env, bus=session_bus) is (
        Unavailable.WAYLAND_WITHOUT_PORTAL
    )


@pytest.mark.asyncio
async def test_the_portal_is_preferred_to_x11_when_it_offers_the_interface(
    session_bus: str, portals: list[FakePortal]
) -> None:
    portals.append(FakePortal(session_bus))
    backend = await open_backend(platform="linux", env={"DISPLAY": ":99"}, bus=session_bus)
    assert isinstance(backend, PortalBackend)
    await backend.aclose()


def test_portal_activation_toggles_mute_through_the_controller(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    session_bus: str,
    portals: list[FakePortal],
) -> None:
    portals.append(FakePortal(session_bus))
    phone = FakeWebphone()
    controller = AgentController(phone, clock=FakeClock(), tick_ms=3_600_000)
    phone.set_health("ok")
    phone.status("conectado")
    assert controller.dial("48 3283 0151") is None
    phone.status("chamando")
    phone.status("conversando")

    async def opener(descriptions: object) -> HotkeyBackend | Unavailable:
        return await open_backend(platform="linux", env={}, bus=session_bus)

    shortcuts = GlobalShortcuts(controller, opener=opener)
    assert run(qtbot, shortcuts.apply(True, {HotkeyAction.MUTE: "Ctrl+Alt+M"})) == []
    run(qtbot, press(session_bus, "mute"))
    qtbot.waitUntil(lambda: "mute" in phone.names(), timeout=10_000)
    assert controller.snapshot.muted
    run(qtbot, shortcuts.aclose())
    controller.shutdown()


@pytest.mark.asyncio
async def test_the_app_is_registered_once_for_every_new_binding(
    session_bus: str, portals: list[FakePortal]
) -> None:
    portals.append(portal := FakePortal(session_bus))
    backend = await PortalBackend.open(session_bus, environ={})
    assert backend is not None
    for keys in ("Ctrl+Alt+A", "Ctrl+Alt+B"):
        results = await backend.register({HotkeyAction.ANSWER: parse_combo(keys)}, print)
        assert [r.problem for r in results] == [None]
    await backend.aclose()
    assert portal.calls() == [
        f"Register {APP_ID}",
        "Get",
        "CreateSession",
        "BindShortcuts",
        "Close",
        "CreateSession",
        "BindShortcuts",
        "Close",
    ]
