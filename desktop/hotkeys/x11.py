"""X11: passive key grabs on the root window (``XGrabKey``) through python-xlib.

Each combination is grabbed once per state of the lock modifiers (Caps Lock, Num Lock,
Scroll Lock) so a lit Num Lock does not stop it, and grabbed again when the keyboard
mapping changes (another layout puts the key on another code). The display connection's socket is
watched by the asyncio loop; no thread polls it. ``BadAccess`` on a grab means another
client already grabbed those keys.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Iterator, Mapping
from typing import Any, Final

from Xlib import XK, X
from Xlib import error as xerror
from Xlib.display import Display

from desktop.hotkeys.backend import Activated, BindingResult
from desktop.hotkeys.bindings import BindingProblem, HotkeyAction
from desktop.hotkeys.combo import KeyCombo, Modifier
from desktop.hotkeys.keysyms import keysym_name

__all__ = ["X11Backend"]

log = logging.getLogger(__name__)

_LOCK_KEYSYMS: Final = ("Num_Lock", "Scroll_Lock")
_MOD_MASKS: Final = (
    X.ShiftMask,
    X.LockMask,
    X.ControlMask,
    X.Mod1Mask,
    X.Mod2Mask,
    X.Mod3Mask,
    X.Mod4Mask,
    X.Mod5Mask,
)


def _subsets(masks: list[int]) -> Iterator[int]:
    for size in range(len(masks) + 1):
        for chosen in itertools.combinations(masks, size):
            yield sum(chosen)


class X11Backend:
    """Global keys by ``XGrabKey`` on the root window of ``display_name`` (``$DISPLAY``).

    Raises ``Xlib.error.DisplayError`` (an ``Exception``) when the display cannot be
    opened.
    """

    name = "x11"

    def __init__(self, display_name: str | None = None) -> None:
        self._display = Display(display_name)
        self._fd = self._display.fileno()
        self._closed = False
        self._root = self._display.screen().root
        self._grabs: list[tuple[int, int]] = []  # (keycode, modifiers) as grabbed
        self._bound: dict[tuple[int, int], HotkeyAction] = {}  # without the locks
        self._on_activated: Activated | None = None
        self._bindings: dict[HotkeyAction, KeyCombo] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        masks = self._modifier_masks()
        self._masks = {
            Modifier.CTRL: X.ControlMask,
            Modifier.SHIFT: X.ShiftMask,
            Modifier.ALT: masks.get("Alt_L") or masks.get("Alt_R") or X.Mod1Mask,
            Modifier.META: masks.get("Super_L") or masks.get("Super_R") or X.Mod4Mask,
        }
        locks = {X.LockMask} | {masks[k] for k in _LOCK_KEYSYMS if k in masks}
        self._lock_masks = sorted(locks - set(self._masks.values()))
        self._relevant = sum(set(self._masks.values()))

    def _modifier_masks(self) -> dict[str, int]:
        """Which modifier bit each of Alt, Super, Num Lock, Scroll Lock is on this server."""
        wanted = {XK.string_to_keysym(n): n for n in ("Alt_L", "Alt_R", "Super_L", "Super_R")}
        wanted |= {XK.string_to_keysym(n): n for n in _LOCK_KEYSYMS}
        found: dict[str, int] = {}
        for index, keycodes in enumerate(self._display.get_modifier_mapping()):
            for keycode in keycodes:
                if not keycode:
                    continue
                for column in range(4):
                    name = wanted.get(self._display.keycode_to_keysym(keycode, column))
                    if name and name not in found:
                        found[name] = _MOD_MASKS[index]
        return found

    @property
    def lock_masks(self) -> list[int]:
        """The lock modifiers ignored when matching (Caps, Num and Scroll Lock)."""
        return list(self._lock_masks)

    def _mask(self, combo: KeyCombo) -> int:
        return sum(self._masks[m] for m in combo.modifiers)

    async def register(
        self, bindings: Mapping[HotkeyAction, KeyCombo], on_activated: Activated
    ) -> list[BindingResult]:
        """Grab every binding (after releasing the previous ones); one result each."""
        self._loop = asyncio.get_running_loop()
        self._on_activated = on_activated
        self._bindings = dict(bindings)
        results = self._grab_all()
        if self._grabs:
            self._loop.add_reader(self._fd, self._drain)
        else:
            self._loop.remove_reader(self._fd)
        # A sync may have read events into python-xlib's queue: the socket is quiet then.
        self._loop.call_soon(self._drain)
        return results

    def _grab_all(self) -> list[BindingResult]:
        self._ungrab_all()
        return [self._grab(action, combo) for action, combo in self._bindings.items()]

    def _grab(self, action: HotkeyAction, combo: KeyCombo) -> BindingResult:
        keysym = XK.string_to_keysym(keysym_name(combo))
        keycode = self._display.keysym_to_keycode(keysym) if keysym else 0
        if not keycode:
            return BindingResult(action, combo, BindingProblem.UNSUPPORTED_KEY)
        mask = self._mask(combo)
        catchers: list[tuple[int, Any]] = []
        for locks in _subsets(self._lock_masks):
            catcher = xerror.CatchError(xerror.BadAccess)
            self._root.grab_key(
                keycode, mask | locks, False, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher
            )
            catchers.append((mask | locks, catcher))
        self._display.sync()
        if any(c.get_error() for _, c in catchers):
            for mods, catcher in catchers:
                if not catcher.get_error():
                    self._root.ungrab_key(keycode, mods)
            self._display.sync()
            return BindingResult(action, combo, BindingProblem.TAKEN)
        self._grabs.extend((keycode, mods) for mods, _ in catchers)
        self._bound[(keycode, mask)] = action
        return BindingResult(action, combo)

    def _ungrab_all(self) -> None:
        for keycode, mods in self._grabs:
            self._root.ungrab_key(keycode, mods)
        self._grabs.clear()
        self._bound.clear()
        self._display.sync()

    def _drain(self) -> None:
        if self._closed:
            return
        events = []
        try:
            while self._display.pending_events():
                events.append(self._display.next_event())
        except (xerror.ConnectionClosedError, OSError) as exc:
            log.warning("X display connection lost: %s", exc)
            if self._loop is not None:
                self._loop.remove_reader(self._fd)
            return
        skip = False
        for index, event in enumerate(events):
            if skip:
                skip = False
                continue
            if event.type == X.KeyRelease:
                # Auto-repeat sends release+press with the same time: not a new press.
                after = events[index + 1] if index + 1 < len(events) else None
                skip = (
                    after is not None
                    and after.type == X.KeyPress
                    and after.detail == event.detail
                    and after.time == event.time
                )
            elif event.type == X.KeyPress:
                action = self._bound.get((event.detail, event.state & self._relevant))
                if action is not None and self._on_activated is not None:
                    self._on_activated(action)
            elif event.type == X.MappingNotify and event.request == X.MappingKeyboard:
                # Another layout moved the keys: grab the keys' new codes.
                self._display.refresh_keyboard_mapping(event)
                refused = [r for r in self._grab_all() if not r.ok]
                if refused:
                    log.warning("after a keyboard change, not grabbed: %s", refused)
                if self._loop is not None:
                    self._loop.call_soon(self._drain)

    async def aclose(self) -> None:
        """Release every grab and close the display connection."""
        if self._closed:
            return
        self._closed = True
        if self._loop is not None:
            self._loop.remove_reader(self._fd)
        try:
            self._ungrab_all()
            self._display.close()
        except (xerror.ConnectionClosedError, OSError) as exc:
            log.info("X display already gone: %s", exc)
