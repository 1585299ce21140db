"""Background traffic: ramais without a webphone place calls now and then (live supervisor data)."""

from __future__ import annotations

import asyncio
import contextlib
import random
from typing import Final

from desktop.sandbox.context import Context

DEFAULT_INTERVAL_MS: Final = 4000
_MAX_LIVE: Final = 4


class Traffic:
    """Starts a call every ``interval_ms`` from an idle ramal, up to a few at a time."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.interval_ms = DEFAULT_INTERVAL_MS
        self._task: asyncio.Task[None] | None = None
        self._rng = random.Random(7)

    @property
    def running(self) -> bool:
        """True while calls are being generated."""
        return self._task is not None and not self._task.done()

    def start(self, interval_ms: int | None = None) -> None:
        """Start (or re-time) the generator."""
        if interval_ms is not None:
            self.interval_ms = max(200, interval_ms)
        if not self.running:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> None:
        """Stop generating; calls in progress end on their own."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            while True:
                self.tick()
                await asyncio.sleep(self.interval_ms / 1000)

    def tick(self) -> None:
        """Place one call if some ramal is idle."""
        store, hub = self.context.store, self.context.hub
        live = [c for c in store.calls.values() if c.ativa]
        if len(live) >= _MAX_LIVE:
            return
        busy = {c.ramal_id_origem for c in live} | {c.ramal_id_destino for c in live}
        with_page = {s.ramal_id for s in hub.sessions.values() if not s.closed}
        idle = [
            r
            for r in store.ramais.values()
            if r.id not in busy and r.id not in with_page and r.ligacao_externa
        ]
        if not idle:
            return
        ramal = self._rng.choice(idle)
        numero = f"{self._rng.choice(('48', '11', '21'))}9{self._rng.randint(81000000, 99999999)}"
        talk_ms = self._rng.randint(8000, 60000)
        self.context.engine.start_traffic_call(ramal, numero, talk_ms)
