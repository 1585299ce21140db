"""A virtual telephony headset through Linux uhid, driven against the app's headset layer.

Run as root where ``/dev/uhid`` exists (``tests/headset/test_uhid.py`` runs it in a small
virtual machine when this kernel has no uhid). It creates the headset with the
descriptor of ``descriptors.ABSOLUTE_HOOK``, lets :class:`HeadsetManager` find it through
hidapi on ``/dev/hidraw*``, presses its buttons with UHID_INPUT2 and reads the lights
the app sets from UHID_OUTPUT. Prints ``HEADSET-VERDICT ok`` or ``HEADSET-VERDICT fail: …``.
"""

from __future__ import annotations

import asyncio
import os
import select
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from descriptors import ABSOLUTE_HOOK

from desktop.headset import Command, HeadsetManager, PhoneState

UHID_OUTPUT, UHID_CREATE2, UHID_INPUT2 = 6, 11, 12
EVENT_SIZE = 4 + 4376  # __u32 type + the largest member (uhid_create2_req)
BUS_USB = 0x03


def create(fd: int, descriptor: bytes) -> None:
    request = struct.pack(
        "<I128s64s64sHHIIII4096s",
        UHID_CREATE2,
        b"Ramal Virtual Headset",
        b"uhid-test",
        b"",
        len(descriptor),
        BUS_USB,
        0x1209,  # pid.codes' test ids: a Jabra id would wait for the hid-jabra driver
        0x0001,
        1,
        0,
        descriptor,
    )
    os.write(fd, request)


def press(fd: int, report: bytes) -> None:
    os.write(fd, struct.pack("<IH4096s", UHID_INPUT2, len(report), report))


def next_output(fd: int, timeout: float) -> bytes | None:
    """The data of the next UHID_OUTPUT (a report the host wrote), skipping other events."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        event = os.read(fd, EVENT_SIZE)
        (kind,) = struct.unpack_from("<I", event)
        if kind == UHID_OUTPUT:
            data = event[4 : 4 + 4096]
            (size,) = struct.unpack_from("<H", event, 4 + 4096)
            return bytes(data[:size])
    return None


# Generous waits: the virtual machine emulates its CPU on a busy host.
def expect_output(fd: int, wanted: bytes, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    seen: list[bytes] = []
    while time.monotonic() < deadline:
        got = next_output(fd, deadline - time.monotonic())
        if got == wanted:
            return
        if got is not None:
            seen.append(got)
    raise AssertionError(f"expected output {wanted.hex()}, got {[s.hex() for s in seen]}")


async def wait_for(condition: Callable[[], object], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)


async def scenario(fd: int) -> None:
    commands: list[Command] = []
    manager = HeadsetManager(commands.append, poll_seconds=0.2)
    manager.start()
    await wait_for(lambda: manager.devices)
    name = manager.devices[0].name
    loop = asyncio.get_running_loop()

    async def output(wanted: bytes) -> None:
        await loop.run_in_executor(None, expect_output, fd, wanted)

    await output(b"\x03\x00")  # idle: every light off
    manager.set_state(PhoneState(ringing=True))
    await output(b"\x03\x14")  # Ring LED and Ringer
    press(fd, b"\x02\x01")  # off hook
    await wait_for(lambda: commands == [Command.ANSWER])
    manager.set_state(PhoneState(in_call=True))
    await output(b"\x03\x01")  # Off-Hook acknowledged
    press(fd, b"\x02\x03")  # mute pressed
    press(fd, b"\x02\x01")  # released
    await wait_for(lambda: commands[-1:] == [Command.TOGGLE_MUTE])
    manager.set_state(PhoneState(in_call=True, muted=True))
    await output(b"\x03\x03")
    press(fd, b"\x02\x00")  # on hook
    await wait_for(lambda: commands[-1:] == [Command.HANG_UP])
    assert commands == [Command.ANSWER, Command.TOGGLE_MUTE, Command.HANG_UP], commands
    await manager.aclose()
    await output(b"\x03\x00")
    print(f"headset seen as {name!r}", flush=True)


def main() -> int:
    try:
        fd = os.open("/dev/uhid", os.O_RDWR | os.O_CLOEXEC)
        create(fd, ABSOLUTE_HOOK)
        asyncio.run(asyncio.wait_for(scenario(fd), 500))
    except BaseException as exc:  # the verdict line is what the host reads
        print(f"hidraw nodes: {sorted(p.name for p in Path('/dev').glob('hidraw*'))}")
        try:
            import hidraw

            print(f"hidapi lists: {hidraw.enumerate()}")
        except Exception as error:
            print(f"hidapi failed: {error!r}")
        print(f"HEADSET-VERDICT fail: {type(exc).__name__}: {exc}", flush=True)
        return 1
    print("HEADSET-VERDICT ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
