"""The whole path: a headset's report in → a controller command; the call → the bytes out."""

from __future__ import annotations

import asyncio
from typing import Any

from agent.agent_fakes import FakeWebphone
from descriptors import ABSOLUTE_HOOK, ABSOLUTE_MUTE, TOGGLE_HOOK
from hid_fakes import FakeBackend, FakeHidDevice
from pytestqt.qtbot import QtBot

from desktop.agent.controller import AgentController
from desktop.agent.headset_link import HeadsetLink
from desktop.agent.state import AgentState

PATH = b"/dev/hidraw7"
RINGING, TALKING, TALKING_MUTED, IDLE = b"\x03\x14", b"\x03\x01", b"\x03\x03", b"\x03\x00"


def rescan(qtbot: QtBot, link: HeadsetLink) -> None:
    task = asyncio.ensure_future(link.manager.rescan())
    qtbot.waitUntil(task.done, timeout=10_000)
    task.result()


def settle(qtbot: QtBot, device: FakeHidDevice) -> None:
    """Wait until every report pushed so far has been read and handled on the loop."""
    seen = device.empty_reads
    qtbot.waitUntil(lambda: device.empty_reads > seen + 1, timeout=10_000)
    handled: list[bool] = []
    asyncio.get_event_loop().call_soon_threadsafe(handled.append, True)
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)


def ring(phone: FakeWebphone) -> None:
    phone.emit_event(
        "chegandoChamada", numeroChegando="+5548999990000", numeroDestino="4000",
        chamadaRecebidaId="900",
    )  # fmt: skip
    phone.status("chamando")


def last_written(qtbot: QtBot, device: FakeHidDevice, expected: bytes) -> None:
    """Wait until the latest report written is ``expected``."""
    qtbot.waitUntil(lambda: device.written[-1:] == [expected], timeout=10_000)


def plugged(qtbot: QtBot, link: HeadsetLink, backend: FakeBackend, raw: bytes) -> FakeHidDevice:
    device = FakeHidDevice(raw)
    backend.plug(PATH, device)
    rescan(qtbot, link)
    assert link.device_names == ["Acme Test Headset"]
    return device


def test_absolute_hook_answers_hangs_up_and_lights_follow(
    qtbot: QtBot,
    link: HeadsetLink,
    backend: FakeBackend,
    controller: AgentController,
    phone: FakeWebphone,
) -> None:
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    last_written(qtbot, device, IDLE)
    ring(phone)
    last_written(qtbot, device, RINGING)

    device.press(b"\x02\x01")  # the agent presses answer: the headset goes off hook
    qtbot.waitUntil(lambda: phone.names() == ["answer"], timeout=10_000)
    phone.status("conversando")
    last_written(qtbot, device, TALKING)  # the host acknowledges the off-hook
    device.press(b"\x02\x01")  # the headset's echo of the Off-Hook LED: changes nothing
    device.press(b"\x02\x03")  # mute pressed (relative: one press)
    qtbot.waitUntil(lambda: controller.snapshot.muted, timeout=10_000)
    last_written(qtbot, device, TALKING_MUTED)
    device.press(b"\x02\x01")  # mute released: no second toggle

    device.press(b"\x02\x00")  # on hook
    qtbot.waitUntil(lambda: "hangup" in phone.names(), timeout=10_000)
    assert phone.names() == ["answer", "mute", "hangup"]
    phone.status("encerrada")
    last_written(qtbot, device, IDLE)


def test_absolute_hook_echo_after_window_actions_sends_nothing(
    qtbot: QtBot,
    link: HeadsetLink,
    backend: FakeBackend,
    controller: AgentController,
    phone: FakeWebphone,
) -> None:
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    ring(phone)
    assert controller.answer()  # answered from the window
    phone.status("conversando")
    last_written(qtbot, device, TALKING)
    device.press(b"\x02\x01")  # the headset follows the LED
    assert controller.toggle_mute()  # muted from the window
    last_written(qtbot, device, TALKING_MUTED)
    phone.status("encerrada")  # the customer hung up
    last_written(qtbot, device, IDLE)
    device.press(b"\x02\x00")  # the headset follows again: on hook
    device.press(b"\x02\x00")
    settle(qtbot, device)
    assert phone.names() == ["answer", "mute"]


def test_absolute_hook_that_never_echoes_still_hangs_up(
    qtbot: QtBot,
    link: HeadsetLink,
    backend: FakeBackend,
    controller: AgentController,
    phone: FakeWebphone,
) -> None:
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    ring(phone)
    assert controller.answer()  # answered from the window
    phone.status("conversando")
    last_written(qtbot, device, TALKING)  # the headset is told it is off hook, says nothing
    device.press(b"\x02\x00")  # its call button: on hook
    qtbot.waitUntil(lambda: phone.names() == ["answer", "hangup"], timeout=10_000)


def test_toggle_hook_press_answers_then_press_hangs_up(
    qtbot: QtBot, link: HeadsetLink, backend: FakeBackend, phone: FakeWebphone
) -> None:
    device = plugged(qtbot, link, backend, TOGGLE_HOOK)
    last_written(qtbot, device, b"\x00\x00")
    device.press(b"\x01\x00")  # pressed while idle: nothing to answer
    device.press(b"\x00\x00")
    settle(qtbot, device)
    ring(phone)
    last_written(qtbot, device, b"\x00\x04")
    device.press(b"\x01\x00")
    device.press(b"\x00\x00")
    qtbot.waitUntil(lambda: phone.names() == ["answer"], timeout=10_000)
    phone.status("conversando")
    last_written(qtbot, device, b"\x00\x01")
    device.press(b"\x02\x00")  # mute
    device.press(b"\x00\x00")
    last_written(qtbot, device, b"\x00\x03")
    device.press(b"\x01\x00")
    device.press(b"\x00\x00")
    qtbot.waitUntil(lambda: phone.names() == ["answer", "mute", "hangup"], timeout=10_000)


def test_absolute_mute_toggles_only_when_the_headset_wants_the_other_state(
    qtbot: QtBot,
    link: HeadsetLink,
    backend: FakeBackend,
    controller: AgentController,
    phone: FakeWebphone,
) -> None:
    device = plugged(qtbot, link, backend, ABSOLUTE_MUTE)
    ring(phone)
    device.press(b"\x01\x01")
    qtbot.waitUntil(lambda: phone.names() == ["answer"], timeout=10_000)
    phone.status("conversando")
    last_written(qtbot, device, b"\x02\x02")
    device.press(b"\x01\x03")  # wants muted
    qtbot.waitUntil(lambda: controller.snapshot.muted, timeout=10_000)
    last_written(qtbot, device, b"\x02\x03")
    assert controller.toggle_mute()  # unmuted from the window
    device.press(b"\x01\x01")  # the headset follows: not a second toggle
    settle(qtbot, device)
    assert phone.names() == ["answer", "mute", "mute"]
    assert not controller.snapshot.muted


def test_flash_and_redial_are_ignored(
    qtbot: QtBot, link: HeadsetLink, backend: FakeBackend, phone: FakeWebphone
) -> None:
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    ring(phone)
    device.press(b"\x02\x01")
    qtbot.waitUntil(lambda: phone.names() == ["answer"], timeout=10_000)
    phone.status("conversando")
    device.press(b"\x02\x05")  # flash: the app has no hold
    device.press(b"\x02\x09")  # redial
    settle(qtbot, device)
    assert phone.names() == ["answer"]


def test_plugged_in_mid_call_shows_the_call_and_unplugged_changes_nothing(
    qtbot: QtBot,
    link: HeadsetLink,
    backend: FakeBackend,
    controller: AgentController,
    phone: FakeWebphone,
) -> None:
    names: list[Any] = []
    link.devices_changed.connect(names.append)
    rescan(qtbot, link)  # nothing plugged
    ring(phone)
    controller.answer()
    phone.status("conversando")
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    assert device.wait_written(1)[0] == TALKING
    backend.unplug(PATH)
    rescan(qtbot, link)
    assert link.device_names == []
    assert names == [["Acme Test Headset"], []]
    qtbot.waitUntil(device.closed.is_set, timeout=10_000)
    assert controller.toggle_mute() and controller.hang_up()  # the window works as before
    assert phone.names() == ["answer", "mute", "hangup"]


def test_read_error_mid_call_drops_the_headset_then_it_comes_back(
    qtbot: QtBot,
    link: HeadsetLink,
    backend: FakeBackend,
    controller: AgentController,
    phone: FakeWebphone,
) -> None:
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    ring(phone)
    controller.answer()
    phone.status("conversando")
    last_written(qtbot, device, TALKING)
    errors: list[str] = []
    controller.error.connect(errors.append)
    device.fail(OSError("read error"))
    qtbot.waitUntil(lambda: link.device_names == [], timeout=10_000)
    assert controller.snapshot.state is AgentState.TALKING
    assert errors == []
    again = FakeHidDevice(ABSOLUTE_HOOK)
    backend.plug(PATH, again)
    rescan(qtbot, link)
    assert again.wait_written(1)[0] == TALKING
    again.press(b"\x02\x01")
    again.press(b"\x02\x00")
    qtbot.waitUntil(lambda: phone.names() == ["answer", "hangup"], timeout=10_000)


def test_open_refused_is_said_once_with_the_fix(
    qtbot: QtBot,
    link: HeadsetLink,
    backend: FakeBackend,
    controller: AgentController,
) -> None:
    errors: list[str] = []
    controller.error.connect(errors.append)
    backend.plug(PATH, PermissionError(13, "Permission denied"))
    rescan(qtbot, link)
    rescan(qtbot, link)
    assert len(errors) == 1
    assert "Acme Test Headset" in errors[0] and "70-ramal-desktop-headsets.rules" in errors[0]
    assert link.device_names == []
    assert backend.opened == [PATH, PATH]  # tried again: the rule may have been installed


def test_non_telephony_interfaces_are_not_opened(
    qtbot: QtBot, link: HeadsetLink, backend: FakeBackend
) -> None:
    backend.plug(b"/dev/hidraw1", FakeHidDevice(ABSOLUTE_HOOK), page=0x0C, usage=0x01)
    rescan(qtbot, link)
    assert backend.opened == []


def test_test_lights_lights_everything_then_shows_the_state(
    qtbot: QtBot, link: HeadsetLink, backend: FakeBackend
) -> None:
    assert not link.test_lights()
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    last_written(qtbot, device, IDLE)
    assert link.manager.test_lights(0.2)
    last_written(qtbot, device, b"\x03\x1f")
    last_written(qtbot, device, IDLE)


def test_closing_turns_the_lights_off_and_releases(
    qtbot: QtBot, link: HeadsetLink, backend: FakeBackend, phone: FakeWebphone
) -> None:
    device = plugged(qtbot, link, backend, ABSOLUTE_HOOK)
    ring(phone)
    last_written(qtbot, device, RINGING)
    closing = asyncio.ensure_future(link.aclose())
    qtbot.waitUntil(closing.done, timeout=10_000)
    assert device.written[-1] == IDLE
    assert device.closed.is_set()
