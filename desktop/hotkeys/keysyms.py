"""Key names as X11 and the XDG shortcuts specification spell them (no X library)."""

from __future__ import annotations

from typing import Final

from desktop.hotkeys.combo import KeyCombo, Modifier

__all__ = ["X11_KEYSYMS", "keysym_name", "portal_trigger"]

# Qt's key names → X keysym names (letters and digits are their own lower-case names).
X11_KEYSYMS: Final = {
    "Space": "space",
    "Ins": "Insert",
    "Del": "Delete",
    "Home": "Home",
    "End": "End",
    "PgUp": "Prior",
    "PgDown": "Next",
    "Left": "Left",
    "Up": "Up",
    "Right": "Right",
    "Down": "Down",
    "Pause": "Pause",
}
_PORTAL_MODIFIERS: Final = (
    (Modifier.CTRL, "CTRL"),
    (Modifier.ALT, "ALT"),
    (Modifier.SHIFT, "SHIFT"),
    (Modifier.META, "LOGO"),
)


def keysym_name(combo: KeyCombo) -> str:
    """The X keysym name of ``combo``'s key (``a``, ``F5``, ``Prior``…)."""
    if combo.is_letter or combo.is_digit:
        return combo.key.lower()
    if combo.function_number is not None:
        return combo.key
    return X11_KEYSYMS[combo.key]


def portal_trigger(combo: KeyCombo) -> str:
    """``combo`` as the shortcuts specification's trigger, e.g. ``CTRL+ALT+a``."""
    mods = [name for modifier, name in _PORTAL_MODIFIERS if modifier in combo.modifiers]
    return "+".join([*mods, keysym_name(combo)])
