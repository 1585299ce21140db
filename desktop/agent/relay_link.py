"""The agent console's own connection to the relay (Qt-free, on the running loop).

It hears the ramal's support record (``ramal.<conta>.apoio.<ramal>``: a supervisor on the
call, the raised hand and who saw it), asks for it again after each (re)connection, and
sends the agent's requests: raise or lower the hand, and the pauses made in the app.
A pause the relay could not be told is told once the connection is back. The ramal's new
voicemails (``ramal.<conta>.voicemail.<ramal>``) come on the same connection, as plain
subscriptions an agent's NATS user may make (it may not read the stream itself).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

from nats.aio.client import Client as NatsClient
from nats.aio.msg import Msg

from desktop.core.board_stream import (
    RelayEvent,
    RelayTarget,
    RelayUnavailable,
    relay_connect,
    relay_request,
)
from desktop.core.relay_names import AccountNames, agent_inbox
from desktop.core.support import Support
from desktop.tasks import cancel_and_wait

__all__ = ["AgentLink"]

log = logging.getLogger(__name__)

SupportListener = Callable[[Support], None]
AvailableListener = Callable[[bool], None]
EventListener = Callable[[RelayEvent], None]


class AgentLink:
    """Follows ramal ``ramal``'s support record and sends the agent's requests."""

    def __init__(
        self, target: RelayTarget, ramal: str, *, retry: float = 2.0, connect_timeout: float = 2.0
    ) -> None:
        self.target = target
        self.ramal = ramal
        self.retry = retry
        self.connect_timeout = connect_timeout
        self._names = AccountNames(target.conta)
        self._support: list[SupportListener] = []
        self._available: list[AvailableListener] = []
        self._events: list[EventListener] = []
        self._nc: NatsClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._unsent_pause: tuple[bool, str] | None = None
        self.available = False
        self.support = Support(ramal)

    def subscribe(
        self, on_support: SupportListener, on_available: AvailableListener | None = None
    ) -> None:
        """Tell ``on_support`` each new record and ``on_available`` when the relay comes or goes."""
        self._support.append(on_support)
        if on_available is not None:
            self._available.append(on_available)

    def subscribe_events(self, on_event: EventListener) -> None:
        """Tell ``on_event`` each new voicemail of the ramal (``kind`` ``voicemail``)."""
        self._events.append(on_event)

    def start(self) -> None:
        """Connect on the running loop, and keep connecting while the relay is away."""
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())

    async def aclose(self) -> None:
        """Disconnect and stop."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        await cancel_and_wait(task)

    async def raise_hand(self, up: bool) -> Support:
        """Raise (True) or lower the hand; the record as the relay now has it."""
        reply = await self._ask("mao", {"levantada": up})
        return self._take(reply)

    async def pause(self, paused: bool, reason: str = "") -> None:
        """Tell the relay the agent paused (with its reason) or takes calls again."""
        self._unsent_pause = (paused, reason)
        await self._send_pause()

    async def _send_pause(self) -> None:
        unsent = self._unsent_pause
        if unsent is None or self._nc is None:
            return
        paused, reason = unsent
        await self._ask("pausa", {"pausado": paused, "motivo": reason[:80]})
        if self._unsent_pause == unsent:
            self._unsent_pause = None

    async def _ask(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        subject = self._names.agent_request(self.ramal, kind)
        return await relay_request(self._nc, subject, {**body, "id": uuid.uuid4().hex})

    def _take(self, reply: dict[str, Any]) -> Support:
        record = Support.from_json(reply.get("apoio"))
        if record is not None and record.ramal == self.ramal:
            self._deliver(record)
        return self.support

    def _deliver(self, record: Support) -> None:
        self.support = record
        for listener in list(self._support):
            listener(record)

    def _set_available(self, available: bool) -> None:
        if available != self.available:
            self.available = available
            for listener in list(self._available):
                listener(available)

    async def _run(self) -> None:
        while True:
            lost = asyncio.Event()

            async def gone(*_: object, lost: asyncio.Event = lost) -> None:
                lost.set()

            try:
                nc = await relay_connect(
                    self.target,
                    connect_timeout=self.connect_timeout,
                    inbox_prefix=agent_inbox(self.target.user) if self.target.user else "",
                    disconnected_cb=gone,
                    closed_cb=gone,
                )
            except Exception as exc:
                log.info("relay: sem conexão: %s", exc)
                self._set_available(False)
                await asyncio.sleep(self.retry)
                continue
            try:
                await nc.subscribe(self._names.support(self.ramal), cb=self._heard)
                await nc.subscribe(self._names.voicemail(self.ramal), cb=self._voicemail)
                self._nc = nc
                self._take(await self._ask("estado", {}))
                self._set_available(True)
                with contextlib.suppress(RelayUnavailable):
                    await self._send_pause()
                await lost.wait()
            except Exception as exc:  # no relay answering, or the server went away
                log.info("relay: conexão perdida: %s", exc)
            finally:
                self._nc = None
                self._set_available(False)
                with contextlib.suppress(Exception):
                    await nc.close()
            await asyncio.sleep(self.retry)

    async def _heard(self, msg: Msg) -> None:
        record = Support.decode(msg.data)
        if record is not None and record.ramal == self.ramal:
            self._deliver(record)

    async def _voicemail(self, msg: Msg) -> None:
        try:
            payload = json.loads(msg.data)
        except ValueError:
            return
        if isinstance(payload, dict):
            event = RelayEvent(0, "voicemail", self.ramal, payload)
            for listener in list(self._events):
                listener(event)
