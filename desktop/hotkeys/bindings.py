"""The agent's global actions, their default keys, and the checks made before registering."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Final

from desktop.hotkeys.combo import ComboError, ComboProblem, KeyCombo, parse_combo

__all__ = [
    "DEFAULT_SHORTCUTS",
    "BindingProblem",
    "Conflict",
    "HotkeyAction",
    "check_bindings",
]


class HotkeyAction(StrEnum):
    """What a global shortcut does (also its key in the settings file)."""

    ANSWER = "answer"
    HANG_UP = "hang_up"
    MUTE = "mute"
    PAUSE = "pause"
    DIAL_CLIPBOARD = "dial_clipboard"


# Ctrl+Alt+Shift: Ctrl+Alt+letter is taken on common desktops (KDE's Ctrl+Alt+A
# "window demanding attention", Xfce's Ctrl+Alt+D "show desktop", GNOME's Ctrl+Alt+T)
# and is AltGr on Windows; none of these five is a default of GNOME, KDE, Xfce,
# Windows or macOS.
DEFAULT_SHORTCUTS: Final[tuple[tuple[HotkeyAction, str], ...]] = (
    (HotkeyAction.ANSWER, "Ctrl+Alt+Shift+A"),
    (HotkeyAction.HANG_UP, "Ctrl+Alt+Shift+H"),
    (HotkeyAction.MUTE, "Ctrl+Alt+Shift+M"),
    (HotkeyAction.PAUSE, "Ctrl+Alt+Shift+P"),
    (HotkeyAction.DIAL_CLIPBOARD, "Ctrl+Alt+Shift+D"),
)


class BindingProblem(Enum):
    """Why one action's keys are not registered."""

    INVALID = "invalid"  # see ``combo_problem``
    DUPLICATE = "duplicate"  # the same keys as another action
    TAKEN = "taken"  # another application holds them
    NOT_ASSIGNED = "not_assigned"  # the desktop (portal) did not assign them
    UNSUPPORTED_KEY = "unsupported_key"  # this platform has no code for the key
    FAILED = "failed"  # any other refusal; ``detail`` says what


@dataclass(frozen=True, slots=True)
class Conflict:
    """A binding that will not work, and why."""

    action: HotkeyAction
    keys: str
    problem: BindingProblem
    combo_problem: ComboProblem | None = None
    others: tuple[HotkeyAction, ...] = ()  # the other actions with the same keys
    detail: str = ""


def check_bindings(
    bindings: Mapping[HotkeyAction, str],
) -> tuple[dict[HotkeyAction, KeyCombo], list[Conflict]]:
    """Parse every non-empty binding; return the usable ones and the conflicts, in order.

    Keys given to two actions are refused for both: neither would be the one the agent
    expects.
    """
    parsed: dict[HotkeyAction, KeyCombo] = {}
    conflicts: list[Conflict] = []
    for action, text in bindings.items():
        if not text.strip():
            continue
        try:
            parsed[action] = parse_combo(text)
        except ComboError as exc:
            conflicts.append(Conflict(action, text, BindingProblem.INVALID, exc.problem))
    by_combo: dict[KeyCombo, list[HotkeyAction]] = {}
    for action, combo in parsed.items():
        by_combo.setdefault(combo, []).append(action)
    for combo, actions in by_combo.items():
        if len(actions) < 2:
            continue
        for action in actions:
            others = tuple(a for a in actions if a is not action)
            conflicts.append(Conflict(action, str(combo), BindingProblem.DUPLICATE, others=others))
            del parsed[action]
    return parsed, conflicts
