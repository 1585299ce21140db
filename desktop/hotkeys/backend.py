"""What every hotkey backend offers: register bindings, report each, deliver activations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from desktop.hotkeys.bindings import BindingProblem, HotkeyAction
from desktop.hotkeys.combo import KeyCombo

__all__ = ["Activated", "BindingResult", "HotkeyBackend"]

# Called on the asyncio loop's thread with the action whose keys were pressed.
Activated = Callable[[HotkeyAction], None]


@dataclass(frozen=True, slots=True)
class BindingResult:
    """Whether one action's keys were registered; ``problem`` and ``detail`` say why not."""

    action: HotkeyAction
    combo: KeyCombo
    problem: BindingProblem | None = None
    detail: str = ""
    # What the desktop says the keys are, when it chose them itself (the portal).
    shown_as: str = ""

    @property
    def ok(self) -> bool:
        """True when the keys work."""
        return self.problem is None


class HotkeyBackend(Protocol):
    """One platform's hot-key registration.

    :meth:`register` replaces whatever was registered before with ``bindings`` and
    returns one result per binding; ``on_activated`` is then called on the asyncio loop
    each time one is pressed. :meth:`aclose` releases every key.
    """

    name: str

    async def register(
        self, bindings: Mapping[HotkeyAction, KeyCombo], on_activated: Activated
    ) -> list[BindingResult]:
        """Register ``bindings`` (replacing the previous ones); one result each."""
        ...

    async def aclose(self) -> None:
        """Release every registered key; the backend is not used again."""
        ...
