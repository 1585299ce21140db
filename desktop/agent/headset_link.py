"""The agent's USB headset: its buttons drive the controller, its lights follow the call."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from desktop.agent.controller import AgentController
from desktop.agent.state import AgentSnapshot, AgentState
from desktop.headset import Command, DeviceInfo, HeadsetManager, HeadsetProblem, HidBackend
from desktop.headset.logic import PhoneState

__all__ = ["HeadsetLink", "phone_state"]

log = logging.getLogger(__name__)


def phone_state(snap: AgentSnapshot) -> PhoneState:
    """What the headset shows for ``snap``."""
    return PhoneState(
        ringing=snap.state is AgentState.RINGING,
        in_call=snap.state in (AgentState.DIALING, AgentState.TALKING),
        muted=snap.muted,
    )


class HeadsetLink(QObject):
    """Connects the headsets found by :class:`HeadsetManager` to an :class:`AgentController`.

    Off-hook while ringing answers, on-hook during a call hangs up, the mute button
    toggles mute; whatever changes the call (the window, the webphone) changes the
    lights. A headset that cannot be opened is reported once through the controller's
    ``error`` banner, with the fix.
    """

    devices_changed = Signal(list)  # names of the headsets in use

    def __init__(
        self,
        controller: AgentController,
        *,
        backend: HidBackend | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        poll_seconds: float = 2.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._manager = HeadsetManager(
            self._command,
            backend=backend,
            loop=loop,
            poll_seconds=poll_seconds,
            on_problem=self._problem,
            on_devices=self._devices,
        )
        self._closing: asyncio.Task[None] | None = None
        controller.changed.connect(self._follow)
        self._follow(controller.snapshot)

    @property
    def manager(self) -> HeadsetManager:
        """The headsets themselves."""
        return self._manager

    @property
    def enabled(self) -> bool:
        """True while headsets are looked for and used."""
        return self._manager.running

    @property
    def device_names(self) -> list[str]:
        """The headsets in use, by name."""
        return [d.name for d in self._manager.devices]

    def set_enabled(self, enabled: bool) -> None:
        """Use headsets (look for them now and every few seconds), or let them go."""
        if enabled:
            self._manager.start()
        elif self._manager.running or self._manager.devices:
            self._closing = asyncio.ensure_future(self._manager.aclose())

    def test_lights(self) -> bool:
        """Light every indicator of every headset for two seconds; False without a headset."""
        return self._manager.test_lights()

    async def aclose(self) -> None:
        """Turn the lights off and release the headsets."""
        await self._manager.aclose()
        if self._closing is not None:
            await self._closing

    def _follow(self, snap: object) -> None:
        if isinstance(snap, AgentSnapshot):
            self._manager.set_state(phone_state(snap))

    def _command(self, command: Command) -> None:
        if command is Command.ANSWER:
            self._controller.answer()
        elif command is Command.HANG_UP:
            self._controller.hang_up()
        elif command is Command.TOGGLE_MUTE:
            self._controller.toggle_mute()

    def _devices(self, devices: list[DeviceInfo]) -> None:
        self.devices_changed.emit([d.name for d in devices])

    def _problem(self, problem: HeadsetProblem) -> None:
        if problem.permission:
            text = self.tr(
                "The headset “%1” cannot be used: the system does not let the app open it. "
                "Install the app's package (it adds a rule for headsets) or copy "
                "70-ramal-desktop-headsets.rules to /etc/udev/rules.d/, then unplug the "
                "headset and plug it in again."
            )
        else:
            text = self.tr(
                "The headset “%1” could not be opened (%2). Unplug it and plug it in again."
            ).replace("%2", problem.detail)
        self._controller.error.emit(text.replace("%1", problem.device.name))
