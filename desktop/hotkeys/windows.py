"""Windows: ``RegisterHotKey`` on a thread of our own, through ``ctypes``.

Hot keys registered with no window belong to the registering thread's message queue, so
one thread registers, unregisters and waits for ``WM_HOTKEY``; the asyncio loop hears of
presses by ``call_soon_threadsafe``. ``MOD_NOREPEAT`` keeps a held key from repeating.
Nothing of ``user32`` is loaded until a backend is built, so this module imports
anywhere. Not run on Linux: only its tables are tested there.
"""

from __future__ import annotations

import asyncio
import ctypes
import queue
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from ctypes import wintypes
from typing import Any, Final

from desktop.hotkeys.backend import Activated, BindingResult
from desktop.hotkeys.bindings import BindingProblem, HotkeyAction
from desktop.hotkeys.combo import KeyCombo, Modifier

__all__ = ["WindowsBackend", "modifier_flags", "result_for_error", "virtual_key"]

MOD_ALT: Final = 0x0001
MOD_CONTROL: Final = 0x0002
MOD_SHIFT: Final = 0x0004
MOD_WIN: Final = 0x0008
MOD_NOREPEAT: Final = 0x4000
WM_HOTKEY: Final = 0x0312
WM_QUIT: Final = 0x0012
WM_APP: Final = 0x8000
PM_NOREMOVE: Final = 0x0000
ERROR_HOTKEY_ALREADY_REGISTERED: Final = 1409

_MODIFIERS: Final = {
    Modifier.ALT: MOD_ALT,
    Modifier.CTRL: MOD_CONTROL,
    Modifier.SHIFT: MOD_SHIFT,
    Modifier.META: MOD_WIN,
}
# Virtual-key codes of the named keys (letters and digits are their ASCII capitals).
VIRTUAL_KEYS: Final = {
    "Space": 0x20,
    "PgUp": 0x21,
    "PgDown": 0x22,
    "End": 0x23,
    "Home": 0x24,
    "Left": 0x25,
    "Up": 0x26,
    "Right": 0x27,
    "Down": 0x28,
    "Ins": 0x2D,
    "Del": 0x2E,
    "Pause": 0x13,
}
_VK_F1: Final = 0x70


def modifier_flags(combo: KeyCombo) -> int:
    """``RegisterHotKey``'s ``fsModifiers`` for ``combo`` (always with ``MOD_NOREPEAT``)."""
    flags = MOD_NOREPEAT
    for modifier in combo.modifiers:
        flags |= _MODIFIERS[modifier]
    return flags


def virtual_key(combo: KeyCombo) -> int:
    """The virtual-key code of ``combo``'s key."""
    if combo.is_letter or combo.is_digit:
        return ord(combo.key)
    number = combo.function_number
    if number is not None:
        return _VK_F1 + number - 1
    return VIRTUAL_KEYS[combo.key]


def result_for_error(action: HotkeyAction, combo: KeyCombo, code: int) -> BindingResult:
    """What a failed ``RegisterHotKey`` (its ``GetLastError``) means for the binding."""
    if code == ERROR_HOTKEY_ALREADY_REGISTERED:
        return BindingResult(action, combo, BindingProblem.TAKEN)
    return BindingResult(action, combo, BindingProblem.FAILED, f"Windows error {code}")


class WindowsBackend:
    """Global keys by ``RegisterHotKey`` on a dedicated message thread."""

    name = "windows"

    def __init__(self) -> None:
        self._user32: Any = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self._kernel32: Any = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        self._jobs: queue.Queue[Callable[[], None]] = queue.Queue()
        self._ids: dict[int, HotkeyAction] = {}
        self._on_activated: Activated | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = threading.Event()
        self._thread_id = 0
        self._thread = threading.Thread(target=self._run, name="hotkeys", daemon=True)
        self._thread.start()
        self._started.wait()

    def _run(self) -> None:
        msg = wintypes.MSG()
        # Creates this thread's message queue before anyone posts to it.
        self._user32.PeekMessageW(ctypes.byref(msg), None, 0, 0, PM_NOREMOVE)
        self._thread_id = self._kernel32.GetCurrentThreadId()
        self._started.set()
        while self._user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
            if msg.message == WM_APP:
                while not self._jobs.empty():
                    self._jobs.get_nowait()()
            elif msg.message == WM_HOTKEY:
                action = self._ids.get(int(msg.wParam))
                if action is not None and self._loop is not None and self._on_activated:
                    self._loop.call_soon_threadsafe(self._on_activated, action)
        self._unregister_all()

    def _on_thread(self, job: Callable[[], Any]) -> Future[Any]:
        done: Future[Any] = Future()

        def run() -> None:
            try:
                done.set_result(job())
            except Exception as exc:
                done.set_exception(exc)

        self._jobs.put(run)
        self._user32.PostThreadMessageW(self._thread_id, WM_APP, 0, 0)
        return done

    def _unregister_all(self) -> None:
        for hotkey_id in self._ids:
            self._user32.UnregisterHotKey(None, hotkey_id)
        self._ids.clear()

    def _register_all(self, bindings: Mapping[HotkeyAction, KeyCombo]) -> list[BindingResult]:
        self._unregister_all()
        results = []
        for hotkey_id, (action, combo) in enumerate(bindings.items(), start=1):
            ok = self._user32.RegisterHotKey(
                None, hotkey_id, modifier_flags(combo), virtual_key(combo)
            )
            if ok:
                self._ids[hotkey_id] = action
                results.append(BindingResult(action, combo))
            else:
                code = ctypes.get_last_error()  # type: ignore[attr-defined]
                results.append(result_for_error(action, combo, code))
        return results

    async def register(
        self, bindings: Mapping[HotkeyAction, KeyCombo], on_activated: Activated
    ) -> list[BindingResult]:
        """Register ``bindings`` on the message thread (after dropping the previous ones)."""
        self._loop = asyncio.get_running_loop()
        self._on_activated = on_activated
        results: list[BindingResult] = await asyncio.wrap_future(
            self._on_thread(lambda: self._register_all(dict(bindings)))
        )
        return results

    async def aclose(self) -> None:
        """Unregister every key and end the message thread."""
        if self._thread.is_alive():
            self._user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
            await asyncio.to_thread(self._thread.join, 5)
