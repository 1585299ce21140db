"""Global shortcuts in words: action names, conflicts and refusals, for Settings and notices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.hotkeys.backend import BindingResult
from desktop.hotkeys.bindings import BindingProblem, Conflict, HotkeyAction
from desktop.hotkeys.choose import Unavailable
from desktop.hotkeys.combo import ComboProblem

__all__ = [
    "action_name",
    "conflict_words",
    "descriptions",
    "result_words",
    "unavailable_words",
]


def action_name(action: HotkeyAction) -> str:
    """The action as the agent knows it (``Answer``)."""
    names = {
        HotkeyAction.ANSWER: QCoreApplication.translate("GlobalShortcuts", "Answer"),
        HotkeyAction.HANG_UP: QCoreApplication.translate("GlobalShortcuts", "Hang up"),
        HotkeyAction.MUTE: QCoreApplication.translate("GlobalShortcuts", "Mute or unmute"),
        HotkeyAction.PAUSE: QCoreApplication.translate("GlobalShortcuts", "Pause or resume work"),
        HotkeyAction.DIAL_CLIPBOARD: QCoreApplication.translate(
            "GlobalShortcuts", "Call the number in the clipboard"
        ),
    }
    return names[action]


def descriptions() -> dict[HotkeyAction, str]:
    """What the desktop shows for each shortcut in its own settings (the portal)."""
    return {
        action: QCoreApplication.translate("GlobalShortcuts", "Ramal: %1").replace(
            "%1", action_name(action)
        )
        for action in HotkeyAction
    }


def conflict_words(conflict: Conflict) -> str:
    """One sentence saying why ``conflict``'s keys will not work."""
    keys, name = conflict.keys, action_name(conflict.action)
    if conflict.problem is BindingProblem.DUPLICATE:
        names = [name, *(action_name(a) for a in conflict.others)]
        return (
            QCoreApplication.translate("GlobalShortcuts", "%1 is used by both %2 and %3.")
            .replace("%1", keys)
            .replace("%2", ", ".join(names[:-1]))
            .replace("%3", names[-1])
        )
    if conflict.combo_problem is ComboProblem.NO_MODIFIER:
        text = QCoreApplication.translate(
            "GlobalShortcuts",
            "%1 (%2) needs Ctrl, Alt or Meta: alone it would take the key from typing.",
        )
    elif conflict.combo_problem is ComboProblem.MORE_THAN_ONE_KEY:
        text = QCoreApplication.translate(
            "GlobalShortcuts", "%1 (%2) is more than one key combination; use a single one."
        )
    else:
        text = QCoreApplication.translate(
            "GlobalShortcuts", "%1 (%2) is not a key this app can register."
        )
    return text.replace("%1", keys).replace("%2", name)


def result_words(result: BindingResult) -> str:
    """One sentence for a binding the backend could not register ('' when it worked)."""
    keys, name = str(result.combo), action_name(result.action)
    if result.problem is None:
        return ""
    if result.problem is BindingProblem.TAKEN:
        text = QCoreApplication.translate(
            "GlobalShortcuts", "%1 (%2) is already taken by another application. Choose other keys."
        )
    elif result.problem is BindingProblem.NOT_ASSIGNED:
        text = QCoreApplication.translate(
            "GlobalShortcuts",
            "The desktop did not assign %1 (%2); check its keyboard shortcut settings.",
        )
    elif result.problem is BindingProblem.UNSUPPORTED_KEY:
        text = QCoreApplication.translate(
            "GlobalShortcuts", "%1 (%2) has no key on this keyboard or system."
        )
    else:
        text = QCoreApplication.translate(
            "GlobalShortcuts", "%1 (%2) could not be registered: %3"
        ).replace("%3", result.detail)
    return text.replace("%1", keys).replace("%2", name)


def unavailable_words(reason: Unavailable) -> str:
    """Why global shortcuts cannot work on this desktop at all."""
    if reason is Unavailable.WAYLAND_WITHOUT_PORTAL:
        return QCoreApplication.translate(
            "GlobalShortcuts",
            "Global shortcuts need a desktop with the GlobalShortcuts portal on Wayland "
            "(GNOME 48 or later, KDE Plasma 5.27 or later).",
        )
    if reason is Unavailable.NO_DISPLAY:
        return QCoreApplication.translate(
            "GlobalShortcuts", "Global shortcuts need a graphical desktop."
        )
    if reason is Unavailable.UNSUPPORTED_PLATFORM:
        return QCoreApplication.translate(
            "GlobalShortcuts", "Global shortcuts are not available on this system."
        )
    return QCoreApplication.translate(
        "GlobalShortcuts", "Global shortcuts could not be started; see the log for details."
    )
