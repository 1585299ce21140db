"""The relay's answer to the consoles' requests: raised hands, coach status, pushed pauses.

Each ramal's support record is a key of the board bucket (``apoio.<ramal>``), written
compare-and-set; what its agent may see of it is published to ``ramal.<conta>.apoio.<ramal>``
only when that view changed (a hidden silent listener leaves no trace there). A coach
status ends when the supervisor's console says so, when the ramal's call ends (a webhook
row), or when it is not renewed within ``coach_timeout`` (a console that crashed).
A pause the agent's app reports is shown on the board at once and joins the polled
pauses; the poll of the same pause later changes nothing (see :func:`same_period`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from nats.aio.msg import Msg
from nats.js.errors import KeyNotFoundError, KeyWrongLastSequenceError, NoKeysError
from nats.js.kv import KeyValue

from desktop.api.models import Pause, Ramal
from desktop.core.board import SAME_PERIOD_SKEW
from desktop.core.board_rows import BoardRow, rows_from_pauses
from desktop.core.relay_names import AccountNames
from desktop.core.support import SUPPORT_PREFIX, Coach, CoachMode, Hand, Support, support_key
from desktop.relay.relay_core import Relay
from desktop.relay.requests import (
    REQUEST_LIMIT,
    AckHand,
    BadRequest,
    CoachChange,
    PauseChange,
    RaiseHand,
    Request,
    SupportState,
    parse_request,
)

__all__ = ["SupportDesk"]

_log = logging.getLogger(__name__)
_ATTEMPTS = 8

Change = Callable[[Support], Support]


class SupportDesk:
    """Validates each request, updates the board bucket and publishes the resulting event."""

    def __init__(
        self,
        relay: Relay,
        kv: KeyValue,
        clock: Callable[[], datetime],
        *,
        hide_silent_listening: bool = False,
        coach_timeout: float = 180.0,
        sweep_interval: float = 15.0,
        limit: int = REQUEST_LIMIT,
    ) -> None:
        self._relay = relay
        self._kv = kv
        self._clock = clock
        self._names = AccountNames(relay.conta)
        self.hide_silent_listening = hide_silent_listening
        self.coach_timeout = coach_timeout
        self.sweep_interval = sweep_interval
        self.limit = limit
        # ramal → (call, since) of the coach statuses this relay set.
        self._coached: dict[str, tuple[int | str, datetime]] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        self._sweeper: asyncio.Task[None] | None = None
        self._closing = False

    def start(self) -> None:
        """Follow the relay's board rows (a call's end clears its coach) and sweep expiries."""
        self._relay.row_listeners.append(self._on_rows)
        if self.sweep_interval > 0 and self._sweeper is None:
            self._sweeper = asyncio.create_task(self._sweep_loop(), name="ramal-relay-apoio")

    async def close(self) -> None:
        """Stop sweeping and wait for the clears under way."""
        with contextlib.suppress(ValueError):
            self._relay.row_listeners.remove(self._on_rows)
        self._closing = True  # nats-py may swallow the cancel in a sweep under way
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
            self._sweeper = None
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def handle(self, msg: Msg) -> None:
        """The NATS callback: answer one request on its reply subject."""
        reply = await self.answer(msg.subject, msg.data)
        if msg.reply:
            await msg.respond(json.dumps(reply, separators=(",", ":")).encode())

    async def answer(self, subject: str, data: bytes) -> dict[str, Any]:
        """The reply to one request (``ok`` false with ``motivo`` when refused)."""
        metrics = self._relay.metrics
        try:
            request = parse_request(self._relay.conta, subject, data, self.limit)
        except BadRequest as exc:
            metrics.refuse_request(exc.reason)
            return {"ok": False, "motivo": exc.reason}
        try:
            support = await self._apply(request)
        except BadRequest as exc:
            metrics.refuse_request(exc.reason)
            return {"ok": False, "motivo": exc.reason}
        except Exception:  # NATS away: the console may ask again
            _log.exception("pedido %s falhou", subject)
            metrics.refuse_request("nats")
            return {"ok": False, "motivo": "nats"}
        metrics.requests_answered += 1
        if isinstance(request, CoachChange | AckHand):
            return {"ok": True, "apoio": support.to_json()}
        view = support.for_agent(hide_silent_listening=self.hide_silent_listening)
        return {"ok": True, "apoio": view.to_json()}

    async def _apply(self, request: Request) -> Support:
        now = self._clock()
        if isinstance(request, SupportState):
            return await self.support(request.ramal)
        if isinstance(request, RaiseHand):
            return await self._change(request.ramal, _hand_change(request.levantada, now))
        if isinstance(request, AckHand):
            return await self._change(request.ramal, _ack_change(request.supervisor, now))
        if isinstance(request, CoachChange):
            expires = now + timedelta(seconds=self.coach_timeout)
            return await self._change(request.ramal, _coach_change(request, now, expires))
        await self._pause(request, now)
        return await self.support(request.ramal)

    async def support(self, ramal: str) -> Support:
        """The stored support record of ``ramal`` (empty when none)."""
        return (await self._load(ramal))[1]

    async def _load(self, ramal: str) -> tuple[int, Support]:
        try:
            entry = await self._kv.get(support_key(ramal))
        except KeyNotFoundError:
            return 0, Support(ramal)
        return entry.revision or 0, Support.decode(entry.value or b"") or Support(ramal)

    async def _change(self, ramal: str, change: Change) -> Support:
        for _ in range(_ATTEMPTS):
            revision, old = await self._load(ramal)
            new = change(old)
            if replace(new, updated=None) == replace(old, updated=None):
                return old
            new = replace(new, updated=self._clock())
            try:
                if revision:
                    await self._kv.update(support_key(ramal), new.encode(), last=revision)
                else:
                    await self._kv.create(support_key(ramal), new.encode())
            except KeyWrongLastSequenceError:  # another relay wrote first: look again
                continue
            if new.coach is not None:
                self._coached[ramal] = (new.coach.chamada_id, new.coach.since)
            else:
                self._coached.pop(ramal, None)
            await self._tell_agent(old, new)
            return new
        raise BadRequest("concorrencia")

    async def _tell_agent(self, old: Support, new: Support) -> None:
        hide = self.hide_silent_listening
        seen = new.for_agent(hide_silent_listening=hide)
        if replace(old.for_agent(hide_silent_listening=hide), updated=None) == replace(
            seen, updated=None
        ):
            return
        stamp = (new.updated or self._clock()).isoformat()
        await self._relay.stream.publish(
            self._names.support(new.ramal), seen.encode(), f"apoio:{new.ramal}:{stamp}"
        )

    async def _pause(self, request: PauseChange, now: datetime) -> None:
        numero = request.ramal
        pauses = list(self._relay.pauses.get(numero, ()))
        running = [p for p in pauses if p.pausa_fim is None]
        if request.pausado and not running:
            pauses.append(Pause(pausa_inicio=now, pausa_fim=None, tempo_segundos=None))
        elif not request.pausado:
            pauses = [
                replace(p, pausa_fim=now) if p.pausa_fim is None and p.pausa_inicio else p
                for p in pauses
            ]
        self._relay.pauses[numero] = tuple(pauses)
        ramal = self._relay.known_ramais.get(numero) or Ramal(id=numero, ramal=numero)
        row = rows_from_pauses(ramal, pauses, now)
        if row is not None:
            self._relay.board.offer(row, yield_to_call=True)
        payload = {
            "evento": "pausa",
            "origem": "app",
            "ramal": numero,
            "pausado": request.pausado,
            "motivo": request.motivo,
            "em": now.isoformat(),
        }
        body = json.dumps(payload, separators=(",", ":")).encode()
        msg_id = f"pausa-app:{numero}:{request.id or now.isoformat()}"
        await self._relay.stream.publish(self._names.ramal(numero), body, msg_id)

    def _on_rows(self, rows: Sequence[BoardRow]) -> None:
        for row in rows:
            coached = self._coached.get(row.ramal)
            if coached is None:
                continue
            chamada, since = coached
            if row.in_call and str(row.chamada_id) == str(chamada):
                continue
            if row.updated < since - SAME_PERIOD_SKEW:
                continue  # a late delivery of an earlier call says nothing of this one
            self._spawn(self._change(row.ramal, _end_coach(chamada)))

    def _spawn(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            _log.warning("apoio não atualizado: %s", task.exception())

    async def sweep(self) -> int:
        """End every coach status past its expiry; the number ended."""
        now = self._clock()
        try:
            keys = await self._kv.keys()
        except NoKeysError:
            return 0
        ended = 0
        for key in keys:
            if not key.startswith(SUPPORT_PREFIX):
                continue
            _, support = await self._load(key.removeprefix(SUPPORT_PREFIX))
            coach = support.coach
            if coach is not None and coach.expires is not None and coach.expires <= now:
                await self._change(support.ramal, _expire(now))
                ended += 1
        return ended

    async def _sweep_loop(self) -> None:
        while not self._closing:
            await asyncio.sleep(self.sweep_interval)
            try:
                await self.sweep()
            except Exception as exc:  # NATS away: the next sweep tries again
                _log.warning("apoio: varredura falhou: %s", exc)


def _hand_change(up: bool, now: datetime) -> Change:
    def change(old: Support) -> Support:
        if not up:
            return replace(old, hand=None)
        return old if old.hand is not None else replace(old, hand=Hand(since=now))

    return change


def _ack_change(supervisor: str, now: datetime) -> Change:
    def change(old: Support) -> Support:
        if old.hand is None:
            raise BadRequest("sem_mao")
        if old.hand.seen_by:
            return old
        return replace(old, hand=replace(old.hand, seen_by=supervisor, seen_at=now))

    return change


def _coach_change(request: CoachChange, now: datetime, expires: datetime) -> Change:
    def change(old: Support) -> Support:
        coach = old.coach
        same_call = coach is not None and str(coach.chamada_id) == str(request.chamada_id)
        if request.modo == 0:
            if same_call and coach is not None and coach.supervisor == request.supervisor:
                return replace(old, coach=None)
            return old
        mode = CoachMode(request.modo)
        since = now
        if coach is not None and same_call and coach.mode is mode:
            since = coach.since  # a renewal
        new = Coach(request.supervisor, mode, request.chamada_id, since, expires)
        return replace(old, coach=new)

    return change


def _end_coach(chamada: int | str) -> Change:
    def change(old: Support) -> Support:
        if old.coach is not None and str(old.coach.chamada_id) == str(chamada):
            return replace(old, coach=None)
        return old

    return change


def _expire(now: datetime) -> Change:
    def change(old: Support) -> Support:
        coach = old.coach
        if coach is not None and coach.expires is not None and coach.expires <= now:
            return replace(old, coach=None)
        return old

    return change
