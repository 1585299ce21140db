"""Tells the relay which calls this supervisor listens to, whispers on or joined (Qt-free).

After a successful ``POST /chamada/{id}/escuta`` the relay is told (who, ramal, call,
modo) so the agent sees it; the status is renewed while it lasts (the relay drops one not
renewed, so a console that crashed leaves nothing behind) and ended when the call leaves
the board or the supervisor's own ramal, once on a call, is free again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from desktop.core.board import Changes, LiveCall, RamalState
from desktop.core.board_stream import RelayUnavailable
from desktop.core.relay_names import AccountNames

__all__ = ["CoachReporter"]

log = logging.getLogger(__name__)

Send = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]

_BUSY = (RamalState.TALKING, RamalState.RINGING)


@dataclass
class _Coaching:
    ramal: str
    chamada_id: int | str
    modo: int
    numero: str
    leg_seen: bool = False


class CoachReporter:
    """Keeps the relay's coach status of this supervisor's calls."""

    def __init__(self, send: Send, conta: str, who: str, *, renew: float = 60.0) -> None:
        self._send = send
        self._subject = AccountNames(conta).supervisor_request("escuta")
        self.who = who
        self.renew = renew
        self.active: dict[str, _Coaching] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        self._renewer: asyncio.Task[None] | None = None

    def started(self, modo: int, call: LiveCall, numero: str) -> None:
        """The API accepted listen (1), whisper (2) or barge (3) on ``call`` from ``numero``."""
        if not call.ramal:
            return
        coaching = _Coaching(call.ramal, call.id, modo, numero)
        self.active[str(call.id)] = coaching
        self._spawn(self._tell(coaching, modo))
        if self._renewer is None or self._renewer.done():
            self._renewer = asyncio.ensure_future(self._renew_loop())

    def follow(self, changes: Changes) -> None:
        """End the status of calls that left the board, or when the supervisor hung up."""
        snapshot = changes.snapshot
        by_number = {r.numero: r for r in snapshot.ramais.values()}
        for key, coaching in list(self.active.items()):
            ended = key not in {str(c) for c in snapshot.calls}
            leg = by_number.get(coaching.numero)
            if leg is not None and leg.state in _BUSY:
                coaching.leg_seen = True
            elif leg is not None and coaching.leg_seen:
                ended = True  # the supervisor's own phone is free again
            if ended:
                del self.active[key]
                self._spawn(self._tell(coaching, 0))

    async def aclose(self) -> None:
        """End every status this console started, then stop."""
        if self._renewer is not None:
            self._renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewer
        for coaching in list(self.active.values()):
            self._spawn(self._tell(coaching, 0))
        self.active.clear()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _tell(self, coaching: _Coaching, modo: int) -> None:
        body = {
            "supervisor": self.who,
            "ramal": coaching.ramal,
            "chamada_id": coaching.chamada_id,
            "modo": modo,
        }
        try:
            await self._send(self._subject, body)
        except RelayUnavailable as exc:  # a renewal tries again; the relay's timeout clears
            log.info("coach status not told to the relay: %s", exc)

    async def _renew_loop(self) -> None:
        while self.active:
            await asyncio.sleep(self.renew)
            for coaching in list(self.active.values()):
                await self._tell(coaching, coaching.modo)

    def _spawn(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
