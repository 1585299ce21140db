"""Key combinations such as ``Ctrl+Alt+A``: parsed into modifiers and one key.

The text is Qt's portable form (what ``QKeySequence.toString`` writes), so ``Ctrl`` is
the Control key, ``Meta`` the Windows/Super key, and on macOS, as in Qt, ``Ctrl`` means
Command and ``Meta`` means Control.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Final

__all__ = ["ComboError", "ComboProblem", "KeyCombo", "Modifier", "parse_combo"]


class Modifier(StrEnum):
    """A modifier key, named as in Qt's portable text."""

    CTRL = "Ctrl"
    ALT = "Alt"
    SHIFT = "Shift"
    META = "Meta"


_ORDER: Final = (Modifier.CTRL, Modifier.ALT, Modifier.SHIFT, Modifier.META)
_MODIFIER_NAMES: Final = {
    "ctrl": Modifier.CTRL,
    "control": Modifier.CTRL,
    "alt": Modifier.ALT,
    "shift": Modifier.SHIFT,
    "meta": Modifier.META,
    "super": Modifier.META,
    "win": Modifier.META,
}

# Keys other than letters, digits and F1–F24, in Qt's spelling.
NAMED_KEYS: Final = (
    "Space",
    "Ins",
    "Del",
    "Home",
    "End",
    "PgUp",
    "PgDown",
    "Left",
    "Up",
    "Right",
    "Down",
    "Pause",
)
_NAMED: Final = {name.lower(): name for name in NAMED_KEYS} | {
    "insert": "Ins",
    "delete": "Del",
    "pageup": "PgUp",
    "pagedown": "PgDown",
}
_FUNCTION = re.compile(r"f([1-9]|1[0-9]|2[0-4])")


class ComboProblem(Enum):
    """Why a text is not a usable combination."""

    EMPTY = "empty"
    NO_MODIFIER = "no_modifier"  # Shift alone would type a capital letter
    UNKNOWN_KEY = "unknown_key"
    MORE_THAN_ONE_KEY = "more_than_one_key"


class ComboError(ValueError):
    """The text is not a usable combination; ``problem`` says why."""

    def __init__(self, problem: ComboProblem, text: str) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text


@dataclass(frozen=True, slots=True)
class KeyCombo:
    """Modifiers plus one key: ``key`` is ``A``–``Z``, ``0``–``9``, ``F1``… or a named key."""

    modifiers: frozenset[Modifier]
    key: str

    def __str__(self) -> str:
        mods = [m.value for m in _ORDER if m in self.modifiers]
        return "+".join([*mods, self.key])

    @property
    def is_letter(self) -> bool:
        """True for ``A``–``Z``."""
        return len(self.key) == 1 and self.key.isalpha()

    @property
    def is_digit(self) -> bool:
        """True for ``0``–``9``."""
        return len(self.key) == 1 and self.key.isdigit()

    @property
    def function_number(self) -> int | None:
        """``n`` for ``Fn``, else None."""
        match = _FUNCTION.fullmatch(self.key.lower())
        return int(match.group(1)) if match else None


def _key(part: str, text: str) -> str:
    low = part.lower()
    if len(part) == 1 and part.isascii() and part.isalnum():
        return part.upper()
    if _FUNCTION.fullmatch(low):
        return low.upper()
    if low in _NAMED:
        return _NAMED[low]
    raise ComboError(ComboProblem.UNKNOWN_KEY, text)


def parse_combo(text: str) -> KeyCombo:
    """``Ctrl+Alt+A`` → :class:`KeyCombo`; raises :class:`ComboError`.

    Case and spaces do not matter. At least one of Ctrl, Alt or Meta is required: a
    global key without one would steal ordinary typing from every application.
    """
    stripped = text.strip()
    if not stripped:
        raise ComboError(ComboProblem.EMPTY, text)
    if "," in stripped:  # Qt writes a sequence of several chords with commas
        raise ComboError(ComboProblem.MORE_THAN_ONE_KEY, text)
    # "Ctrl++" is Ctrl and the plus key, which no backend maps: reported as unknown.
    parts = [p.strip() for p in stripped.split("+")]
    if any(not p for p in parts):
        raise ComboError(ComboProblem.UNKNOWN_KEY, text)
    modifiers: set[Modifier] = set()
    keys: list[str] = []
    for part in parts:
        modifier = _MODIFIER_NAMES.get(part.lower())
        if modifier is not None:
            modifiers.add(modifier)
        else:
            keys.append(_key(part, text))
    if len(keys) > 1:
        raise ComboError(ComboProblem.MORE_THAN_ONE_KEY, text)
    if not keys:
        raise ComboError(ComboProblem.UNKNOWN_KEY, text)
    if not modifiers & {Modifier.CTRL, Modifier.ALT, Modifier.META}:
        raise ComboError(ComboProblem.NO_MODIFIER, text)
    return KeyCombo(frozenset(modifiers), keys[0])
