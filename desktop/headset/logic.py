"""What a headset's buttons mean for the call, and what its lights show (no Qt, no I/O).

Hook Switch comes in two kinds. An absolute one reports the state the headset wants
(1 = off hook): going to 1 while a call rings answers it, going to 0 during a call hangs
up. The host acknowledges with the Off-Hook LED, otherwise the headset falls back; it
also echoes the LED the host sets, which changes nothing here because the app is already
in that state. A relative one reports presses: a press answers a ringing call or ends
the current one. Phone Mute is a press to toggle (a headset reporting it as absolute
asks for a state: it toggles when that differs from the app's). Flash would hold the
call; the app has no hold, so it is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.headset.layout import Button, HeadsetLayout, Lights

__all__ = ["Command", "HeadsetButtons", "PhoneState", "lights_for"]


class Command(StrEnum):
    """What a button asks the app to do."""

    ANSWER = "answer"
    HANG_UP = "hang_up"
    TOGGLE_MUTE = "toggle_mute"


@dataclass(frozen=True, slots=True)
class PhoneState:
    """The part of the app's state the headset follows."""

    ringing: bool = False
    in_call: bool = False  # dialing or talking: the line is off hook
    muted: bool = False


def lights_for(state: PhoneState) -> Lights:
    """The lights that show ``state``."""
    return Lights(off_hook=state.in_call, ring=state.ringing, mute=state.in_call and state.muted)


class HeadsetButtons:
    """Turns one headset's input reports into commands, given the app's state."""

    def __init__(self, layout: HeadsetLayout) -> None:
        self._layout = layout
        self._last: dict[Button, int] = {}

    def lights_shown(self, lights: Lights) -> None:
        """The host set ``lights``: an absolute hook switch takes the Off-Hook LED's state.

        A headset acknowledged off hook reports 1 from then on, and going on hook is the
        change to 0 that follows, even when it never echoed the 1.
        """
        if Button.HOOK_SWITCH in self._layout.buttons and not self._layout.relative(
            Button.HOOK_SWITCH
        ):
            self._last[Button.HOOK_SWITCH] = int(lights.off_hook)

    def commands(self, report: bytes, state: PhoneState) -> list[Command]:
        """The commands one input report asks for (often none)."""
        values = self._layout.decode(report)
        if values is None:
            return []
        found: list[Command] = []
        for button, value in values.items():
            before = self._last.get(button, 0)
            self._last[button] = value
            command = self._meaning(button, before, value, state)
            if command is not None:
                found.append(command)
        return found

    def _meaning(
        self, button: Button, before: int, value: int, state: PhoneState
    ) -> Command | None:
        pressed = bool(value) and not before
        relative = self._layout.relative(button)
        if button is Button.HOOK_SWITCH:
            if relative:
                if not pressed:
                    return None
                if state.ringing:
                    return Command.ANSWER
                return Command.HANG_UP if state.in_call else None
            if pressed and state.ringing:
                return Command.ANSWER
            if not value and before and state.in_call:
                return Command.HANG_UP
            return None
        if button is Button.PHONE_MUTE:
            if not state.in_call:
                return None
            if relative:
                return Command.TOGGLE_MUTE if pressed else None
            if value != before and bool(value) != state.muted:
                return Command.TOGGLE_MUTE
        return None
