"""Live call simulation: calls ring, get answered and end on their own, on timers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from desktop.sandbox.models import MOTIVO_NORMAL, STATUS_ATENDIDA, Call, Leg, Ramal
from desktop.sandbox.store import CLIENTE_ID, CONTA_ID, Store, classify

#: Events sent to listeners: the far side answered, a call rings a ramal, a call ended.
ANSWERED = "answered"
RINGING = "ringing"
ENDED = "ended"
#: Any other change of a leg: a call starts ringing, one leg answers (webhooks follow it).
CHANGED = "changed"

Listener = Callable[[Call, str], None]


class CallEngine:
    """Creates calls and moves them through their states; owns every call timer."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._timers: dict[int, list[asyncio.TimerHandle]] = {}
        self._listeners: list[Listener] = []

    # plumbing

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(call, event)`` on ANSWERED, RINGING, ENDED and CHANGED."""
        self._listeners.append(listener)

    def _emit(self, call: Call, event: str) -> None:
        for listener in list(self._listeners):
            listener(call, event)

    def later(self, call: Call, delay_ms: int, action: Callable[[Call], object]) -> None:
        """Run ``action(call)`` after ``delay_ms`` unless the call has ended by then."""
        self._later(call, delay_ms, action)

    def _later(self, call: Call, delay_ms: int, action: Callable[[Call], object]) -> None:
        loop = asyncio.get_running_loop()
        handle = loop.call_later(max(0, delay_ms) / 1000, self._fire, call.id, action)
        self._timers.setdefault(call.id, []).append(handle)

    def _fire(self, call_id: int, action: Callable[[Call], object]) -> None:
        call = self.store.calls.get(call_id)
        if call is not None and not call.finished:
            action(call)

    def _cancel_timers(self, call: Call) -> None:
        for handle in self._timers.pop(call.id, []):
            handle.cancel()

    def close(self) -> None:
        """Cancel every pending timer (server shutdown)."""
        for handles in self._timers.values():
            for handle in handles:
                handle.cancel()
        self._timers.clear()

    def _new_call(self, origem: Leg, destino: Leg, kind: str, created: datetime) -> Call:
        call = Call(
            id=self.store.new_call_id(),
            data_criacao=created,
            origem=origem,
            destino=destino,
            cliente_id=CLIENTE_ID,
            conta_id=CONTA_ID,
            kind=kind,
        )
        self.store.calls[call.id] = call
        return call

    def _leg(self, numero: str) -> Leg:
        return Leg(numero=numero, tipo=classify(numero, self.store.ramal_numbers()))

    # calls created through POST /chamada

    def create_api_call(
        self,
        numero_origem: str,
        numero_destino: str,
        *,
        when: datetime | None = None,
        gravar: bool = False,
        bina_origem: str | None = None,
        bina_destino: str | None = None,
        tags: str | None = None,
        detecta_caixa: bool = False,
        talk_ms: int | None = None,
    ) -> Call:
        """A click-to-call: origem rings first, destino after origem answers."""
        moment = self.store.clock()
        scheduled = when is not None and when > moment
        origem, destino = self._leg(numero_origem), self._leg(numero_destino)
        origem.bina, destino.bina = bina_origem, bina_destino
        call = self._new_call(origem, destino, "api", when if scheduled and when else moment)
        ramal = self.store.ramal_by_number(numero_origem)
        call.ramal_id_origem = ramal.id if ramal else None
        call.gravar, call.tags, call.detecta_caixa = gravar, tags, detecta_caixa
        if scheduled and when is not None:
            delay_ms = int((when - moment).total_seconds() * 1000)
            self._later(call, delay_ms, lambda c: self._start_api(c, talk_ms))
        else:
            self._start_api(call, talk_ms)
        return call

    def _start_api(self, call: Call, talk_ms: int | None) -> None:
        call.status_geral, call.ativa = "curso", True
        call.origem.started_at = self.store.clock()
        auto = self.store.settings.auto_answer_ms
        self._emit(call, CHANGED)
        if auto is not None:
            self._later(call, auto, lambda c: self._origem_answered(c, talk_ms))

    def _origem_answered(self, call: Call, talk_ms: int | None) -> None:
        if call.origem.answered_at is not None:
            return
        moment = self.store.clock()
        call.origem.answered_at, call.origem.status = moment, STATUS_ATENDIDA
        call.destino.started_at = moment
        self._emit(call, CHANGED)
        auto = self.store.settings.auto_answer_ms
        if auto is not None:
            self._later(call, auto, lambda c: self._destino_answered(c, talk_ms))

    def _destino_answered(self, call: Call, talk_ms: int | None) -> None:
        if call.destino.answered_at is not None:
            return
        call.destino.answered_at, call.destino.status = self.store.clock(), STATUS_ATENDIDA
        self._emit(call, ANSWERED)
        talk = talk_ms if talk_ms is not None else self.store.settings.talk_ms
        if call.kind in ("api", "conferencia") and talk is not None:
            self._later(call, talk, lambda c: self.hangup(c))

    # trainer / test actions

    def answer_far_side(self, call: Call) -> bool:
        """The far side picks up: every leg still ringing is answered. False when not ringing."""
        if call.finished or call.status_geral != "curso" or call.answered:
            return False
        if call.kind == "entrante":
            return False  # only the agent answers an incoming call
        self._cancel_timers(call)
        moment = self.store.clock()
        if call.origem.answered_at is None and call.kind != "conferencia":
            call.origem.answered_at, call.origem.status = moment, STATUS_ATENDIDA
        if call.destino.started_at is None:
            call.destino.started_at = moment
        self._destino_answered(call, None)
        return True

    def hangup(
        self,
        call: Call,
        *,
        motivo: str = MOTIVO_NORMAL,
        unanswered: tuple[str, str] = ("cancelada", "31. normal, nao especificado"),
    ) -> bool:
        """End the call now; legs that never answered get ``unanswered`` (status, motivo)."""
        if call.finished:
            return False
        moment = self.store.clock()
        for leg in (call.origem, call.destino):
            if leg.started_at is None:
                continue
            if leg.answered_at is None:
                leg.status, leg.motivo = unanswered
            else:
                leg.status, leg.motivo = STATUS_ATENDIDA, motivo
            leg.ended_at = leg.ended_at or moment
        call.status_geral, call.ativa = "finalizada", False
        self._cancel_timers(call)
        self._emit(call, ENDED)
        return True

    # conference calls

    def dial_into_conference(
        self, conferencia_id: int, numero: str, *, gravar: bool, bina: str | None
    ) -> Call:
        """Call ``numero`` into room ``conferencia_id``.

        The number rings, answers after ``auto_answer_ms``, talks for ``talk_ms`` (when
        set) and leaves, like a click-to-call. The origem leg stands for the room itself
        and reports no status of its own.
        """
        moment = self.store.clock()
        origem = Leg(numero=bina or "", tipo="fixo")
        destino = self._leg(numero)
        destino.started_at, destino.bina = moment, bina
        call = self._new_call(origem, destino, "conferencia", moment)
        call.conferencia_id, call.gravar = conferencia_id, gravar
        call.status_geral, call.ativa = "curso", True
        self._emit(call, CHANGED)
        auto = self.store.settings.auto_answer_ms
        if auto is not None:
            self._later(call, auto, lambda c: self._destino_answered(c, None))
        return call

    # webphone calls

    def dial_from_ramal(self, ramal: Ramal, numero: str, *, auto_answer: bool = True) -> Call:
        """The agent dials out: the ramal leg is up at once, the far side rings.

        With ``auto_answer`` the far side answers after ``auto_answer_ms``; without it
        the caller decides (:meth:`far_answers` or :meth:`hangup`).
        """
        moment = self.store.clock()
        origem = Leg(numero=ramal.ramal, tipo="ramal", started_at=moment, answered_at=moment)
        origem.status, origem.motivo = STATUS_ATENDIDA, MOTIVO_NORMAL
        origem.bina = ramal.bina
        destino = self._leg(numero)
        destino.started_at = moment
        call = self._new_call(origem, destino, "webphone", moment)
        call.ramal_id_origem, call.gravar = ramal.id, ramal.gravar_audio
        call.status_geral, call.ativa = "curso", True
        self._emit(call, CHANGED)
        auto = self.store.settings.auto_answer_ms
        if auto_answer and auto is not None:
            self._later(call, auto, lambda c: self.far_answers(c))
        return call

    def far_answers(self, call: Call) -> None:
        """The dialled side of a ramal's call picks up."""
        if call.destino.answered_at is not None:
            return
        call.destino.answered_at, call.destino.status = self.store.clock(), STATUS_ATENDIDA
        self._emit(call, ANSWERED)

    def incoming(self, ramal: Ramal, numero: str, *, ring_timeout_ms: int | None = None) -> Call:
        """A caller rings the ramal; unanswered after ``ring_timeout_ms`` it gives up.

        ``ring_timeout_ms`` defaults to the setting of the same name.
        """
        moment = self.store.clock()
        origem = self._leg(numero)
        origem.started_at, origem.answered_at = moment, moment
        origem.status, origem.motivo = STATUS_ATENDIDA, MOTIVO_NORMAL
        destino = Leg(numero=ramal.ramal, tipo="ramal", started_at=moment)
        call = self._new_call(origem, destino, "entrante", moment)
        call.ramal_id_destino, call.gravar = ramal.id, ramal.gravar_audio
        call.status_geral, call.ativa = "curso", True
        timeout = (
            self.store.settings.ring_timeout_ms if ring_timeout_ms is None else ring_timeout_ms
        )
        self._later(
            call,
            timeout,
            lambda c: self.hangup(c, unanswered=("sem resposta", "19. sem resposta - mas chamou")),
        )
        self._emit(call, RINGING)
        return call

    def agent_answers(self, call: Call) -> None:
        """The ramal picks up an incoming call."""
        self._cancel_timers(call)
        call.destino.answered_at, call.destino.status = self.store.clock(), STATUS_ATENDIDA
        self._emit(call, CHANGED)

    def transfer(self, call: Call, numero: str, perna: str) -> None:
        """Blind transfer: ``perna`` goes on to ``numero`` and the other leg is released."""
        moment = self.store.clock().isoformat()
        call.transferencias.append({"numero": numero, "perna": perna, "data": moment})
        self.hangup(call, motivo="23. redirecionado para novo destino")
