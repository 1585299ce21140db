"""The headsets plugged in: found, opened, read and lit, off the GUI thread (no Qt).

Every ``poll_seconds`` the interfaces are enumerated again (cheap: sysfs on Linux), so a
headset plugged in later is opened and shown the current state, and one unplugged is
forgotten. Each open headset has a thread that reads with a timeout and writes the
queued light reports between reads; what it reads goes to the asyncio loop with
``call_soon_threadsafe``, where the buttons become commands. A device that fails is
closed and dropped; the app goes on as without a headset.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop.headset.hidio import (
    DeviceInfo,
    HidapiBackend,
    HidBackend,
    HidDevice,
    telephony_devices,
)
from desktop.headset.layout import ALL_ON, HeadsetLayout, Lights
from desktop.headset.logic import Command, HeadsetButtons, PhoneState, lights_for

__all__ = ["HeadsetManager", "HeadsetProblem"]

log = logging.getLogger(__name__)

READ_TIMEOUT_MS = 50
MAX_REPORT = 64


@dataclass(frozen=True, slots=True)
class HeadsetProblem:
    """A headset that could not be used: ``permission`` when the OS refused access."""

    device: DeviceInfo
    permission: bool
    detail: str


class _Link:
    """One open headset and its reader thread."""

    def __init__(
        self,
        info: DeviceInfo,
        device: HidDevice,
        layout: HeadsetLayout,
        loop: asyncio.AbstractEventLoop,
        on_report: Callable[[_Link, bytes], None],
        on_lost: Callable[[_Link, str], None],
    ) -> None:
        self.info = info
        self.layout = layout
        self.buttons = HeadsetButtons(layout)
        self.shown: Lights | None = None
        self._device = device
        self._loop = loop
        self._on_report = on_report
        self._on_lost = on_lost
        self._writes: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"headset {info.name}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def show(self, lights: Lights) -> None:
        if lights == self.shown:
            return
        self.shown = lights
        self.buttons.lights_shown(lights)
        for report in self.layout.encode(lights):
            self._writes.put(report)

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float) -> None:
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _hand(self, callback: Callable[..., None], *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed while the app quit
            self._loop.call_soon_threadsafe(callback, *args)

    def _flush(self) -> None:
        while True:
            try:
                report = self._writes.get_nowait()
            except queue.Empty:
                return
            if self._device.write(report) < 0:
                raise OSError("write failed")

    def _run(self) -> None:
        try:
            while True:
                self._flush()  # also after stop: the last lights (off) reach the headset
                if self._stop.is_set():
                    break
                data = self._device.read(MAX_REPORT, READ_TIMEOUT_MS)
                if data:
                    self._hand(self._on_report, self, bytes(data))
        except (OSError, ValueError) as exc:
            if not self._stop.is_set():
                self._hand(self._on_lost, self, str(exc) or type(exc).__name__)
        finally:
            with contextlib.suppress(OSError, ValueError):
                self._device.close()


class HeadsetManager:
    """Finds telephony headsets, turns their buttons into commands and lights them.

    ``on_command`` runs on the loop's thread for each :class:`Command` a button asks
    for; ``on_problem`` once per device that cannot be opened; ``on_devices`` whenever
    the list of open headsets changes. Call :meth:`set_state` whenever the call changes.
    """

    def __init__(
        self,
        on_command: Callable[[Command], None],
        *,
        backend: HidBackend | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        poll_seconds: float = 2.0,
        on_problem: Callable[[HeadsetProblem], None] | None = None,
        on_devices: Callable[[list[DeviceInfo]], None] | None = None,
    ) -> None:
        self._on_command = on_command
        self._backend = backend
        self._loop = loop or asyncio.get_event_loop()
        self._poll_seconds = poll_seconds
        self._on_problem = on_problem
        self._on_devices = on_devices
        self._links: dict[bytes, _Link] = {}
        self._reported: set[bytes] = set()
        self._state = PhoneState()
        self._testing: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None
        self._ignored: set[bytes] = set()  # telephony interfaces without buttons to use
        self._closed = False
        self._unavailable = False

    # --- what the app calls ------------------------------------------------------------

    @property
    def devices(self) -> list[DeviceInfo]:
        """The headsets open now."""
        return [link.info for link in self._links.values()]

    @property
    def running(self) -> bool:
        """True while headsets are looked for."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Look for headsets now and every ``poll_seconds``."""
        self._closed = False
        if not self.running:
            self._task = self._loop.create_task(self._poll())

    async def aclose(self) -> None:
        """Stop looking, turn the lights off and release every headset."""
        self._closed = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._testing is not None:
            self._testing.cancel()
            self._testing = None
        links = list(self._links.values())
        for link in links:
            link.show(Lights())
            link.stop()
        self._links.clear()
        if links:
            self._notify_devices()
            await self._loop.run_in_executor(None, _join_all, links)

    def set_state(self, state: PhoneState) -> None:
        """Follow the app's call state (lights)."""
        self._state = state
        if self._testing is None:
            for link in self._links.values():
                link.show(lights_for(state))

    def test_lights(self, seconds: float = 2.0) -> bool:
        """Light every indicator for ``seconds``, then show the state again."""
        if not self._links:
            return False
        if self._testing is not None:
            self._testing.cancel()
        for link in self._links.values():
            link.show(ALL_ON)
        self._testing = self._loop.call_later(seconds, self._end_test)
        return True

    async def rescan(self) -> None:
        """Enumerate once: open new headsets, drop the ones gone."""
        backend = self._backend
        if backend is None:
            try:
                backend = self._backend = await self._loop.run_in_executor(None, HidapiBackend)
            except ImportError as exc:
                log.warning("no headset support: hidapi is not installed (%s)", exc)
                self._unavailable = True
                return
        try:
            entries = await self._loop.run_in_executor(None, backend.enumerate)
        except Exception as exc:  # a failed listing is tried again at the next poll
            log.warning("could not list HID devices: %s", exc)
            return
        present = {info.path: info for info in telephony_devices(entries)}
        changed = False
        for path in [p for p in self._links if p not in present]:
            log.info("headset unplugged: %s", self._links[path].info.name)
            self._links.pop(path).stop()
            changed = True
        for path, info in present.items():
            if path in self._links or path in self._ignored:
                continue
            link = await self._open(backend, info)
            if link is not None and self._closed:
                link.stop()
                link.start()  # only to close the device on its thread
            elif link is not None:
                self._links[path] = link
                link.show(self._current_lights())
                link.start()
                changed = True
        # Unplugged and plugged again: look at it afresh, and say it again.
        self._reported &= set(present)
        self._ignored &= set(present)
        if changed:
            self._notify_devices()

    # --- inside --------------------------------------------------------------------

    async def _poll(self) -> None:
        while not self._unavailable:
            await self.rescan()
            await asyncio.sleep(self._poll_seconds)

    async def _open(self, backend: HidBackend, info: DeviceInfo) -> _Link | None:
        try:
            device, layout = await self._loop.run_in_executor(None, _open_device, backend, info)
        except Exception as exc:  # whatever hidapi raises, the app goes on without it
            self._problem(info, exc)
            return None
        if device is None or layout is None:
            self._ignored.add(info.path)
            return None
        log.info("headset found: %s (%s)", info.name, sorted(b.name for b in layout.buttons))
        return _Link(info, device, layout, self._loop, self._report, self._lost)

    def _problem(self, info: DeviceInfo, exc: Exception) -> None:
        if info.path in self._reported:
            return
        self._reported.add(info.path)
        permission = isinstance(exc, PermissionError) or _denied(info.path)
        log.warning("headset %s not opened: %s", info.name, exc)
        if self._on_problem is not None:
            self._on_problem(HeadsetProblem(info, permission, str(exc)))

    def _current_lights(self) -> Lights:
        return ALL_ON if self._testing is not None else lights_for(self._state)

    def _end_test(self) -> None:
        self._testing = None
        self.set_state(self._state)

    def _report(self, link: _Link, report: bytes) -> None:
        if self._links.get(link.info.path) is not link:
            return
        for command in link.buttons.commands(report, self._state):
            log.info("headset %s: %s", link.info.name, command.value)
            self._on_command(command)

    def _lost(self, link: _Link, reason: str) -> None:
        if self._links.get(link.info.path) is not link:
            return
        log.warning("headset %s stopped answering: %s", link.info.name, reason)
        del self._links[link.info.path]
        link.stop()
        self._notify_devices()

    def _notify_devices(self) -> None:
        if self._on_devices is not None:
            self._on_devices(self.devices)


def _open_device(
    backend: HidBackend, info: DeviceInfo
) -> tuple[HidDevice | None, HeadsetLayout | None]:
    device = backend.open(info.path)
    try:
        raw = bytes(device.get_report_descriptor())
        layout = HeadsetLayout.from_descriptor(raw)
    except (OSError, ValueError) as exc:
        log.info("headset %s: descriptor not usable: %s", info.name, exc)
        device.close()
        return None, None
    if not layout.usable:
        device.close()
        return None, None
    return device, layout


def _denied(path: bytes) -> bool:
    """Whether the OS refuses access (hidapi says only "open failed")."""
    name = path.decode(errors="replace")
    return os.path.exists(name) and not os.access(name, os.R_OK | os.W_OK)


def _join_all(links: list[_Link]) -> None:
    for link in links:
        link.join(1.0)
