"""Global shortcuts for the agent: keys pressed in any application run phone commands.

:class:`GlobalShortcuts` registers the settings' keys with the platform's backend
(:mod:`desktop.hotkeys`) and turns each press into a command of the
:class:`~desktop.agent.controller.AgentController`. What could not be registered, and
a clipboard without a number, become notices shown and announced in the agent window.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from desktop.agent.actions import enabled_for
from desktop.agent.controller import AgentController
from desktop.agent.shortcut_words import (
    conflict_words,
    descriptions,
    result_words,
    unavailable_words,
)
from desktop.agent.window import AgentWindow
from desktop.hotkeys.backend import HotkeyBackend
from desktop.hotkeys.bindings import HotkeyAction, check_bindings
from desktop.hotkeys.choose import Unavailable, open_backend

__all__ = ["GlobalShortcuts"]

log = logging.getLogger(__name__)

OpenBackend = Callable[[Mapping[HotkeyAction, str]], Awaitable[HotkeyBackend | Unavailable]]


async def _open_default(descriptions: Mapping[HotkeyAction, str]) -> HotkeyBackend | Unavailable:
    return await open_backend(descriptions=descriptions)


class GlobalShortcuts(QObject):
    """Registers the agent's global keys and runs the controller's command for each press.

    ``clipboard`` reads the clipboard's text (the system clipboard unless a test gives
    another); ``opener`` opens the platform's backend.
    """

    notice = Signal(str)  # something the agent should read: a key not registered, a bad number

    def __init__(
        self,
        controller: AgentController,
        *,
        clipboard: Callable[[], str] | None = None,
        opener: OpenBackend = _open_default,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._clipboard = clipboard or (lambda: QGuiApplication.clipboard().text())
        self._opener = opener
        self._backend: HotkeyBackend | None = None
        self._applied: tuple[bool, tuple[tuple[HotkeyAction, str], ...]] | None = None
        self.problems: list[str] = []
        self._lock = asyncio.Lock()  # the start and a settings change may overlap

    def attach(self, window: AgentWindow) -> None:
        """Show every notice in ``window``'s banner and announce it."""
        self.notice.connect(lambda text: window.banner.show_message(text, "warning"))
        self.notice.connect(lambda text: window.announcer.announce(text, assertive=True))

    @property
    def backend(self) -> HotkeyBackend | None:
        """The backend in use, once opened."""
        return self._backend

    async def apply(self, on: bool, bindings: Mapping[HotkeyAction, str]) -> list[str]:
        """Register ``bindings`` (or release every key when ``on`` is false).

        Returns the problems in words, also emitted together as one :attr:`notice`.
        Calling it again with the same keys does nothing.
        """
        async with self._lock:
            return await self._apply(on, bindings)

    async def _apply(self, on: bool, bindings: Mapping[HotkeyAction, str]) -> list[str]:
        wanted = (on, tuple(bindings.items()))
        if wanted == self._applied:
            return self.problems
        self._applied = wanted
        problems: list[str] = []
        usable, conflicts = check_bindings(bindings) if on else ({}, [])
        problems.extend(conflict_words(c) for c in conflicts)
        if usable and self._backend is None:
            opened = await self._opener(descriptions())
            if isinstance(opened, Unavailable):
                # Without any display (offscreen runs) there is no desktop to tell.
                if opened is not Unavailable.NO_DISPLAY:
                    problems.append(unavailable_words(opened))
                log.info("global shortcuts unavailable: %s", opened.value)
            else:
                self._backend = opened
                log.info("global shortcuts through %s", opened.name)
        if self._backend is not None:
            results = await self._backend.register(usable, self.run)
            problems.extend(w for w in map(result_words, results) if w)
        self.problems = problems
        if problems:  # one notice: the banner shows one message at a time
            self.notice.emit("\n".join(problems))
        return problems

    async def suspend(self) -> None:
        """Release the keys while Settings is open, so its key fields can record them.

        The portal's keys stay: the desktop owns them, and binding them again may make
        it ask the user again. The next :meth:`apply` registers the keys again.
        """
        async with self._lock:
            backend = self._backend
            if backend is None or backend.name == "portal" or self._applied is None:
                return
            await backend.register({}, self.run)
            self._applied = None

    def run(self, action: HotkeyAction) -> None:
        """Do what ``action`` stands for, as the window's own buttons would."""
        c = self._controller
        if action is HotkeyAction.ANSWER:
            c.answer()
        elif action is HotkeyAction.HANG_UP:
            c.hang_up()
        elif action is HotkeyAction.MUTE:
            c.toggle_mute()
        elif action is HotkeyAction.PAUSE:
            if c.snapshot.paused:
                c.unpause(None)
            elif enabled_for(c.snapshot)["pause"]:
                c.pause(None, c.preferences.pause_reasons[0])
        elif action is HotkeyAction.DIAL_CLIPBOARD:
            self._dial_clipboard()

    def _dial_clipboard(self) -> None:
        text = self._clipboard().strip()
        if not text:
            self.notice.emit(self.tr("The clipboard has no number to call."))
            return
        problem = self._controller.dial(text)
        if problem is not None:
            self.notice.emit(self.tr("Clipboard number not called: %1").replace("%1", problem))

    async def aclose(self) -> None:
        """Release every key."""
        async with self._lock:
            backend, self._backend = self._backend, None
            self._applied = None
            if backend is not None:
                await backend.aclose()
