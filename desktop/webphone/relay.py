"""The one object the host page sees through QWebChannel: events in, commands out.

The provider's script runs inside the host page in the hidden style, so this object
offers nothing but the relay: no files, settings or tokens. Everything it receives is
validated again with :func:`desktop.webphone.protocol.parse_event`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QObject, Signal, Slot

from desktop.webphone.protocol import ParsedEvent, ProtocolError, event_rules, parse_event

__all__ = ["DropLog", "Relay", "RelayConfig"]

log = logging.getLogger(__name__)

MAX_PAYLOAD: Final = 4096  # a valid event is a few hundred bytes
_REASON_CHARS: Final = 32
_FRAME_STATES: Final = frozenset({"loaded", "script-error", "missing-frame"})


class DropLog:
    """Logs dropped messages without flooding: each reason once, then a count per period."""

    def __init__(self, period_s: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._period = period_s
        self._clock = clock
        self._pending: dict[str, int] = {}
        self._last_summary = clock()
        self._seen: set[str] = set()

    def add(self, reason: str, count: int = 1) -> bool:
        """Count ``count`` drops for ``reason``; returns True when a line was logged."""
        if reason not in self._seen:
            self._seen.add(reason)
            log.warning("webphone message dropped (%s); repeats are summarised", reason)
            if count > 1:
                self._pending[reason] = self._pending.get(reason, 0) + count - 1
            return True
        self._pending[reason] = self._pending.get(reason, 0) + count
        now = self._clock()
        if now - self._last_summary < self._period:
            return False
        summary = ", ".join(f"{r}: {n}" for r, n in sorted(self._pending.items()))
        log.warning("webphone messages dropped in the last %.0f s: %s", self._period, summary)
        self._pending.clear()
        self._last_summary = now
        return True


@dataclass(frozen=True, slots=True)
class RelayConfig:
    """What the host page needs to start: the webphone's URL, origin and style."""

    url: str
    origin: str
    hidden: bool
    show_frame: bool = False
    rules: dict[str, object] = field(default_factory=event_rules)

    def to_json(self) -> str:
        """The JSON the host page receives from :meth:`Relay.hello`."""
        return json.dumps(
            {
                "url": self.url,
                "origin": self.origin,
                "style": "hidden" if self.hidden else "embedded",
                "showFrame": self.show_frame,
                "rules": self.rules,
            }
        )


class Relay(QObject):
    """Bridge object published to the host page as ``relay``.

    Exposed to JavaScript: the ``command`` and ``frameVisible`` signals and the
    ``hello``, ``deliver``, ``dropped`` and ``frameState`` slots. Python hears about
    events, drops and frame states through the callbacks given here.
    """

    command = Signal(str)
    frameVisible = Signal(bool)

    def __init__(
        self,
        on_event: Callable[[ParsedEvent], None],
        on_dropped: Callable[[str, int], None],
        on_frame_state: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_event = on_event
        self._on_dropped = on_dropped
        self._on_frame_state = on_frame_state
        self._config: RelayConfig | None = None
        self._retired = False

    def configure(self, config: RelayConfig | None) -> None:
        """Set what the next host page load gets from :meth:`hello`."""
        self._config = config

    def retire(self) -> None:
        """The page in place is being replaced: drop what it sends until the next says hello.

        It goes on running until the new page replaces it, and a call may still ring in it
        then; that call ends with the page, so the agent must not see it.
        """
        self._retired = True

    def reinstate(self) -> None:
        """No new page is coming after all (its URL failed): the page in place counts again."""
        self._retired = False

    def send(self, message: dict[str, object]) -> None:
        """Hand a validated command to the host page, which posts it to the iframe."""
        self.command.emit(json.dumps(message))

    @Slot(result=str)
    def hello(self) -> str:
        """Called by the host page once its channel is up; returns its configuration."""
        self._retired = False  # a new host page: the one it replaced is gone
        config = self._config or RelayConfig(url="", origin="", hidden=False)
        return config.to_json()

    @Slot(str)
    def deliver(self, payload: str) -> None:
        """An event that passed the host page's checks; validated again here."""
        if self._config is None:
            self._on_dropped("not-ready", 1)
            return
        if self._retired:
            self._on_dropped("old-page", 1)
            return
        if len(payload) > MAX_PAYLOAD:
            self._on_dropped("too-big", 1)
            return
        try:
            event = parse_event(json.loads(payload))
        except (ValueError, RecursionError, ProtocolError):
            self._on_dropped("invalid", 1)
            return
        self._on_event(event)

    @Slot(str, int)
    def dropped(self, reason: str, count: int) -> None:
        """The host page dropped ``count`` messages for ``reason``."""
        clean = "".join(c for c in reason[:_REASON_CHARS] if c.isalnum() or c == "-")
        self._on_dropped(clean or "unknown", max(1, min(count, 1_000_000)))

    @Slot(str)
    def frameState(self, state: str) -> None:
        """The webphone frame loaded, or its script failed to load."""
        if state in _FRAME_STATES and not self._retired:
            self._on_frame_state(state)
