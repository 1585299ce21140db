"""Simulated call-center traffic across the demo ramais (live data for the supervisor).

Customers call ramais (answered, abandoned while ringing, or not answered), ramais call
customers (answered, no answer, busy, cancelled, failed…), and ramais pause in their
queues for a while. Ramais with an open webphone page are left to their agent; with
``ring_agents`` their pages may receive incoming calls, through the same path as
``POST /_sandbox/ring``; ramais in ``agents`` are left alone even before their page opens
(the app's own ramal). At most ``max_live`` calls are live at once. Every duration,
including the gap between events, is divided by ``speed``.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import Counter
from typing import Final

from desktop.sandbox.context import Context
from desktop.sandbox.engine import ENDED
from desktop.sandbox.models import STATUS_ATENDIDA, Call, JsonObject, Pause, Ramal
from desktop.sandbox.timeutil import iso
from desktop.sandbox.traffic_plan import (
    INCOMING,
    NOT_ANSWERED,
    OUTGOING,
    PAUSE,
    Plan,
    draw,
)

DEFAULT_INTERVAL_MS: Final = 4000
DEFAULT_MAX_LIVE: Final = 6
DEFAULT_SEED: Final = 7
MIN_INTERVAL_MS: Final = 20
SPEED_RANGE: Final = (0.1, 1000.0)
MAX_LIVE_RANGE: Final = (1, 50)
AGENT: Final = "agente"  # an incoming call rung on an agent's page


class Traffic:
    """Generates one event every ``interval_ms / speed`` (jittered) while running."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.interval_ms = DEFAULT_INTERVAL_MS
        self.speed = 1.0
        self.max_live = DEFAULT_MAX_LIVE
        self.ring_agents = False
        self.agents: set[str] = set()  # ramal numbers left to their agent, page or not
        self.seed = DEFAULT_SEED
        self._rng = random.Random(self.seed)
        self._task: asyncio.Task[None] | None = None
        self._calls: dict[int, str] = {}  # live call id → kind
        self._pauses: dict[int, tuple[Pause, asyncio.TimerHandle]] = {}  # ramal id → open pause
        self.started: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.pauses_started = 0
        context.engine.subscribe(self._on_call_event)

    @property
    def running(self) -> bool:
        """True while events are being generated."""
        return self._task is not None and not self._task.done()

    def configure(
        self,
        *,
        interval_ms: int | None = None,
        speed: float | None = None,
        max_live: int | None = None,
        ring_agents: bool | None = None,
        seed: int | None = None,
    ) -> None:
        """Change what was given; a seed restarts the sequence of events."""
        if interval_ms is not None:
            self.interval_ms = max(MIN_INTERVAL_MS, interval_ms)
        if speed is not None:
            self.speed = min(SPEED_RANGE[1], max(SPEED_RANGE[0], float(speed)))
        if max_live is not None:
            self.max_live = min(MAX_LIVE_RANGE[1], max(MAX_LIVE_RANGE[0], max_live))
        if ring_agents is not None:
            self.ring_agents = ring_agents
        if seed is not None:
            self.seed = seed
            self._rng = random.Random(seed)

    def start(self, interval_ms: int | None = None) -> None:
        """Start generating (``interval_ms`` re-times it)."""
        self.configure(interval_ms=interval_ms)
        if not self.running:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> None:
        """Stop generating; calls and pauses in progress end on their own."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def shutdown(self) -> None:
        """Stop and drop the pending pause timers (server shutdown)."""
        self.stop()
        for _, handle in self._pauses.values():
            handle.cancel()
        self._pauses.clear()

    def to_json(self) -> JsonObject:
        """Settings and what the traffic is doing (``GET /_sandbox/traffic``)."""
        ramais = self.context.store.ramais
        return {
            "running": self.running,
            "interval_ms": self.interval_ms,
            "speed": self.speed,
            "max_live": self.max_live,
            "ring_agents": self.ring_agents,
            "agentes": sorted(self.agents),
            "seed": self.seed,
            "chamadas_ativas": sorted(self._calls),
            "pausas_abertas": [
                {
                    "ramal_id": ramal_id,
                    "ramal": ramais[ramal_id].ramal if ramal_id in ramais else None,
                    "fila_id": pause.fila_id,
                    "pausa_inicio": iso(pause.inicio),
                }
                for ramal_id, (pause, _) in sorted(self._pauses.items())
            ],
            "iniciadas": dict(self.started),
            "resultados": dict(self.outcomes),
            "pausas": self.pauses_started,
        }

    async def _run(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            while True:
                plan = draw(self._rng)
                self.apply(plan)
                await asyncio.sleep(max(0.005, self.interval_ms * plan.gap / self.speed / 1000))

    def _ms(self, seconds: float) -> int:
        return max(10, int(seconds * 1000 / self.speed))

    # choosing who takes the event

    def _eligible(self) -> tuple[list[Ramal], list[Ramal], int]:
        """(ramais free for traffic, agents' ramais that may be rung, live calls)."""
        store, hub = self.context.store, self.context.hub
        live = [c for c in store.calls.values() if c.ativa]
        busy_ids = {c.ramal_id_origem for c in live} | {c.ramal_id_destino for c in live}
        busy_numbers = {c.origem.numero for c in live} | {c.destino.numero for c in live}
        with_page = {s.ramal_id for s in hub.sessions.values() if not s.closed}
        paused = {p.ramal_id for p in store.pauses if p.fim is None}
        free: list[Ramal] = []
        agents: list[Ramal] = []
        for ramal in sorted(store.ramais.values(), key=lambda r: r.id):
            if ramal.id in busy_ids or ramal.ramal in busy_numbers or ramal.id in paused:
                continue
            if ramal.id not in with_page and ramal.ramal not in self.agents:
                free.append(ramal)
            elif (
                self.ring_agents
                and hub.receiving_session(ramal) is not None
                and not hub.ramal_busy(ramal)
            ):
                agents.append(ramal)
        return free, agents, len(live)

    def apply(self, plan: Plan) -> None:
        """Carry out one planned event, if some ramal can take it."""
        free, agents, live = self._eligible()
        if plan.kind == PAUSE:
            if free:
                self._pause(_pick(free, plan), plan)
            return
        if live >= self.max_live:
            return
        if plan.kind == INCOMING:
            candidates = free + agents
            if candidates:
                ramal = _pick(candidates, plan)
                number = plan.mobile if plan.use_mobile else plan.landline
                if ramal in agents:
                    self._ring_agent(ramal, number)
                else:
                    self._incoming(ramal, number, plan)
        elif plan.kind == OUTGOING:
            callers = [r for r in free if r.ligacao_externa]
            if callers:
                ramal = _pick(callers, plan)
                mobile = plan.use_mobile and ramal.ligacao_celular
                self._outgoing(ramal, plan.mobile if mobile else plan.landline, plan)

    # the events

    def _pause(self, ramal: Ramal, plan: Plan) -> None:
        pause = self.context.store.start_pause(ramal.id, plan.fila, self.context.store.clock())
        if pause is None:
            return
        loop = asyncio.get_running_loop()
        handle = loop.call_later(self._ms(plan.pause_s) / 1000, self._end_pause, ramal.id, pause)
        self._pauses[ramal.id] = (pause, handle)
        self.pauses_started += 1

    def _end_pause(self, ramal_id: int, pause: Pause) -> None:
        if pause.fim is None:  # the agent may have ended it already
            pause.fim = self.context.store.clock()
        if self._pauses.get(ramal_id, (None,))[0] is pause:
            del self._pauses[ramal_id]

    def _ring_agent(self, ramal: Ramal, number: str) -> None:
        call, _ = self.context.hub.ring(ramal, number)
        self._track(call, AGENT)

    def _incoming(self, ramal: Ramal, number: str, plan: Plan) -> None:
        engine = self.context.engine
        ring_ms = self._ms(plan.ring_s)
        timeout = ring_ms if plan.outcome == NOT_ANSWERED else ring_ms + self._ms(30)
        call = engine.incoming(ramal, number, ring_timeout_ms=timeout)
        self._track(call, INCOMING)
        if plan.outcome == STATUS_ATENDIDA:

            def pick_up(c: Call) -> None:
                engine.agent_answers(c)
                engine.later(
                    c, self._ms(plan.talk_s), lambda c: engine.hangup(c, motivo=plan.motivo)
                )

            engine.later(call, ring_ms, pick_up)
        elif plan.outcome != NOT_ANSWERED:  # the caller gives up while it rings
            engine.later(
                call, ring_ms, lambda c: engine.hangup(c, unanswered=("cancelada", plan.motivo))
            )

    def _outgoing(self, ramal: Ramal, number: str, plan: Plan) -> None:
        engine = self.context.engine
        call = engine.dial_from_ramal(ramal, number, auto_answer=False)
        self._track(call, OUTGOING)
        ring_ms = self._ms(plan.ring_s)
        if plan.outcome == STATUS_ATENDIDA:

            def pick_up(c: Call) -> None:
                engine.far_answers(c)
                engine.later(
                    c, self._ms(plan.talk_s), lambda c: engine.hangup(c, motivo=plan.motivo)
                )

            engine.later(call, ring_ms, pick_up)
        else:
            engine.later(
                call, ring_ms, lambda c: engine.hangup(c, unanswered=(plan.outcome, plan.motivo))
            )

    def _track(self, call: Call, kind: str) -> None:
        self.started[kind] += 1
        if call.finished:  # e.g. rung while it could not be delivered
            self.outcomes[call.destino.status or "indefinido"] += 1
        else:
            self._calls[call.id] = kind

    def _on_call_event(self, call: Call, event: str) -> None:
        if event == ENDED and self._calls.pop(call.id, None) is not None:
            self.outcomes[call.destino.status or "indefinido"] += 1


def _pick(ramais: list[Ramal], plan: Plan) -> Ramal:
    return ramais[min(len(ramais) - 1, int(plan.pick * len(ramais)))]
