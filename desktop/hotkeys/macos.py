"""macOS: Carbon's ``RegisterEventHotKey`` through ``ctypes``.

The hot-key handler is installed on the application's event target; Qt's event loop
runs the main thread's run loop, which dispatches Carbon events to it, so presses arrive
on the main thread (qasync's loop) with no thread of our own. As in Qt, ``Ctrl`` is the
Command key and ``Meta`` the Control key. The framework is loaded only when a backend is
built, so this module imports anywhere. Not run on Linux: only its tables are tested
there.
"""

from __future__ import annotations

import ctypes
from collections.abc import Mapping
from typing import Any, Final

from desktop.hotkeys.backend import Activated, BindingResult
from desktop.hotkeys.bindings import BindingProblem, HotkeyAction
from desktop.hotkeys.combo import KeyCombo, Modifier

__all__ = ["MacBackend", "carbon_modifiers", "key_code", "result_for_status"]

CARBON: Final = "/System/Library/Frameworks/Carbon.framework/Carbon"
CMD_KEY: Final = 0x0100
SHIFT_KEY: Final = 0x0200
OPTION_KEY: Final = 0x0800
CONTROL_KEY: Final = 0x1000
EVENT_HOT_KEY_EXISTS_ERR: Final = -9878
EVENT_HOT_KEY_INVALID_ERR: Final = -9879
K_EVENT_HOT_KEY_PRESSED: Final = 5


def four_cc(text: str) -> int:
    """A Mac four-character code as its integer."""
    return int.from_bytes(text.encode("ascii"), "big")


K_EVENT_CLASS_KEYBOARD: Final = four_cc("keyb")
K_EVENT_PARAM_DIRECT_OBJECT: Final = four_cc("----")
TYPE_EVENT_HOT_KEY_ID: Final = four_cc("hkid")
SIGNATURE: Final = four_cc("RmlD")

_MODIFIERS: Final = {
    Modifier.CTRL: CMD_KEY,
    Modifier.META: CONTROL_KEY,
    Modifier.ALT: OPTION_KEY,
    Modifier.SHIFT: SHIFT_KEY,
}
# Virtual key codes of the ANSI keyboard (Events.h, kVK_*): they name key positions.
KEY_CODES: Final = {
    "A": 0x00, "S": 0x01, "D": 0x02, "F": 0x03, "H": 0x04, "G": 0x05, "Z": 0x06,
    "X": 0x07, "C": 0x08, "V": 0x09, "B": 0x0B, "Q": 0x0C, "W": 0x0D, "E": 0x0E,
    "R": 0x0F, "Y": 0x10, "T": 0x11, "1": 0x12, "2": 0x13, "3": 0x14, "4": 0x15,
    "6": 0x16, "5": 0x17, "9": 0x19, "7": 0x1A, "8": 0x1C, "0": 0x1D, "O": 0x1F,
    "U": 0x20, "I": 0x22, "P": 0x23, "L": 0x25, "J": 0x26, "K": 0x28, "N": 0x2D,
    "M": 0x2E, "Space": 0x31, "Ins": 0x72, "Home": 0x73, "PgUp": 0x74, "Del": 0x75,
    "End": 0x77, "PgDown": 0x79, "Left": 0x7B, "Right": 0x7C, "Down": 0x7D, "Up": 0x7E,
    "F1": 0x7A, "F2": 0x78, "F3": 0x63, "F4": 0x76, "F5": 0x60, "F6": 0x61, "F7": 0x62,
    "F8": 0x64, "F9": 0x65, "F10": 0x6D, "F11": 0x67, "F12": 0x6F, "F13": 0x69,
    "F14": 0x6B, "F15": 0x71, "F16": 0x6A, "F17": 0x40, "F18": 0x4F, "F19": 0x50,
    "F20": 0x5A,
}  # fmt: skip


def carbon_modifiers(combo: KeyCombo) -> int:
    """``RegisterEventHotKey``'s modifiers for ``combo``."""
    flags = 0
    for modifier in combo.modifiers:
        flags |= _MODIFIERS[modifier]
    return flags


def key_code(combo: KeyCombo) -> int | None:
    """The virtual key code of ``combo``'s key; None where a Mac keyboard has none."""
    return KEY_CODES.get(combo.key)


def result_for_status(action: HotkeyAction, combo: KeyCombo, status: int) -> BindingResult:
    """What ``RegisterEventHotKey``'s status means for the binding."""
    if status == 0:
        return BindingResult(action, combo)
    if status == EVENT_HOT_KEY_EXISTS_ERR:
        return BindingResult(action, combo, BindingProblem.TAKEN)
    return BindingResult(action, combo, BindingProblem.FAILED, f"macOS error {status}")


class _EventTypeSpec(ctypes.Structure):
    _fields_ = (("eventClass", ctypes.c_uint32), ("eventKind", ctypes.c_uint32))


class _EventHotKeyID(ctypes.Structure):
    _fields_ = (("signature", ctypes.c_uint32), ("id", ctypes.c_uint32))


_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


class MacBackend:
    """Global keys by Carbon hot keys on the application's event target."""

    name = "macos"

    def __init__(self) -> None:
        carbon: Any = ctypes.CDLL(CARBON)
        carbon.GetApplicationEventTarget.restype = ctypes.c_void_p
        carbon.RegisterEventHotKey.argtypes = (
            ctypes.c_uint32,
            ctypes.c_uint32,
            _EventHotKeyID,
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.POINTER(ctypes.c_void_p),
        )
        carbon.UnregisterEventHotKey.argtypes = (ctypes.c_void_p,)
        carbon.GetEventParameter.argtypes = (
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.c_void_p,
            ctypes.c_void_p,
        )
        carbon.InstallEventHandler.argtypes = (
            ctypes.c_void_p,
            _HANDLER,
            ctypes.c_uint32,
            ctypes.POINTER(_EventTypeSpec),
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_void_p),
        )
        carbon.RemoveEventHandler.argtypes = (ctypes.c_void_p,)
        self._carbon = carbon
        self._target = carbon.GetApplicationEventTarget()
        self._refs: dict[int, ctypes.c_void_p] = {}
        self._ids: dict[int, HotkeyAction] = {}
        self._on_activated: Activated | None = None
        self._handler = _HANDLER(self._on_event)  # kept alive as long as the backend
        spec = _EventTypeSpec(K_EVENT_CLASS_KEYBOARD, K_EVENT_HOT_KEY_PRESSED)
        self._handler_ref = ctypes.c_void_p()
        status = carbon.InstallEventHandler(
            self._target,
            self._handler,
            1,
            ctypes.byref(spec),
            None,
            ctypes.byref(self._handler_ref),
        )
        if status != 0:
            raise OSError(f"InstallEventHandler failed: {status}")

    def _on_event(self, _call: Any, event: Any, _data: Any) -> int:
        hotkey = _EventHotKeyID()
        status = self._carbon.GetEventParameter(
            event,
            K_EVENT_PARAM_DIRECT_OBJECT,
            TYPE_EVENT_HOT_KEY_ID,
            None,
            ctypes.sizeof(hotkey),
            None,
            ctypes.byref(hotkey),
        )
        action = self._ids.get(hotkey.id) if status == 0 else None
        if action is not None and self._on_activated is not None:
            self._on_activated(action)
        return 0

    def _unregister_all(self) -> None:
        for ref in self._refs.values():
            self._carbon.UnregisterEventHotKey(ref)
        self._refs.clear()
        self._ids.clear()

    async def register(
        self, bindings: Mapping[HotkeyAction, KeyCombo], on_activated: Activated
    ) -> list[BindingResult]:
        """Register ``bindings`` (after dropping the previous ones)."""
        self._on_activated = on_activated
        self._unregister_all()
        results = []
        for hotkey_id, (action, combo) in enumerate(bindings.items(), start=1):
            code = key_code(combo)
            if code is None:
                results.append(BindingResult(action, combo, BindingProblem.UNSUPPORTED_KEY))
                continue
            ref = ctypes.c_void_p()
            status = self._carbon.RegisterEventHotKey(
                code,
                carbon_modifiers(combo),
                _EventHotKeyID(SIGNATURE, hotkey_id),
                self._target,
                0,
                ctypes.byref(ref),
            )
            if status == 0:
                self._refs[hotkey_id] = ref
                self._ids[hotkey_id] = action
            results.append(result_for_status(action, combo, status))
        return results

    async def aclose(self) -> None:
        """Unregister every key and remove the event handler."""
        self._unregister_all()
        self._carbon.RemoveEventHandler(self._handler_ref)
