"""The real backend's calls into hidapi, checked against hidapi's own signatures."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from descriptors import ABSOLUTE_HOOK
from hid_fakes import FakeHidDevice, entry
from pytestqt.qtbot import QtBot

from desktop.agent.headset_link import HeadsetLink
from desktop.headset.hidio import HidapiBackend, telephony_devices


class HidapiShapedDevice:
    """hidapi 0.15's ``device``: the same methods with the same parameters."""

    def __init__(self, inner: FakeHidDevice) -> None:
        self.inner = inner
        self.path: bytes | None = None

    def open_path(self, path: bytes) -> None:
        self.path = path

    def read(self, max_length: int, timeout_ms: int = 0) -> Sequence[int]:
        return self.inner.read(max_length, timeout_ms)

    def write(self, buff: Any) -> int:
        return self.inner.write(bytes(buff))

    def get_report_descriptor(self) -> list[int]:
        return list(self.inner.descriptor)

    def close(self) -> None:
        self.inner.close()


def test_hidapi_backend_opens_reads_the_descriptor_and_lights(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: Any
) -> None:
    inner = FakeHidDevice(ABSOLUTE_HOOK)
    device = HidapiShapedDevice(inner)
    module = SimpleNamespace(enumerate=lambda: [entry(b"/dev/hidraw4")], device=lambda: device)
    link = HeadsetLink(controller, backend=HidapiBackend(module), loop=qloop, poll_seconds=3600)
    task = asyncio.ensure_future(link.manager.rescan())
    qtbot.waitUntil(task.done, timeout=10_000)
    assert device.path == b"/dev/hidraw4"
    assert link.device_names == ["Acme Test Headset"]
    assert inner.wait_written(1)[0] == b"\x03\x00"
    closing = asyncio.ensure_future(link.aclose())
    qtbot.waitUntil(closing.done, timeout=10_000)


def test_one_device_per_path_whatever_its_collections() -> None:
    # hidraw lists a device once per top-level collection (Consumer, then Telephony).
    found = telephony_devices(
        [entry(b"/dev/hidraw0", page=0x0C, usage=0x01), entry(b"/dev/hidraw0")]
    )
    assert [d.path for d in found] == [b"/dev/hidraw0"]
    assert found[0].name == "Acme Test Headset"


def test_a_failed_listing_keeps_the_polling_alive(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, controller: Any
) -> None:
    inner = FakeHidDevice(ABSOLUTE_HOOK)
    calls: list[int] = []

    def listing() -> list[dict[str, Any]]:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("hid_enumerate failed")
        return [entry(b"/dev/hidraw4")]

    module = SimpleNamespace(enumerate=listing, device=lambda: HidapiShapedDevice(inner))
    link = HeadsetLink(controller, backend=HidapiBackend(module), loop=qloop, poll_seconds=0.05)
    link.set_enabled(True)
    qtbot.waitUntil(lambda: link.device_names == ["Acme Test Headset"], timeout=10_000)
    closing = asyncio.ensure_future(link.aclose())
    qtbot.waitUntil(closing.done, timeout=10_000)
