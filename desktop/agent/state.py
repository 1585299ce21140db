"""The agent's state, derived from webphone events only (pure Python, no Qt).

disconnected → connecting → ready → (ringing | dialing) → talking → ended → ready.
Buttons never move the state: a click sends a command, and the state changes when the
webphone's event arrives. The two exceptions are flags the provider's protocol never
acknowledges (mute, partial recording): they follow the commands the agent sent during
the current call and reset when it ends.

Events may arrive duplicated or out of order (``chamada_id`` before ``chamando``,
``encerrada`` twice); every transition below tolerates that.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from desktop.webphone.protocol import KNOWN_STATUSES, Event, ParsedEvent

log = logging.getLogger(__name__)

ALL_QUEUES = "*"


class AgentState(StrEnum):
    """Where the agent is in the call cycle."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    READY = "ready"
    RINGING = "ringing"
    DIALING = "dialing"
    TALKING = "talking"
    ENDED = "ended"


class Direction(StrEnum):
    """Who started the call."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Quality(StrEnum):
    """Call quality from ``stats_webphone``."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
    UNKNOWN = "unknown"


_QUALITY_WORDS = {
    "bom": Quality.GOOD,
    "boa": Quality.GOOD,
    "otimo": Quality.GOOD,
    "ótimo": Quality.GOOD,
    "good": Quality.GOOD,
    "regular": Quality.FAIR,
    "medio": Quality.FAIR,
    "médio": Quality.FAIR,
    "media": Quality.FAIR,
    "média": Quality.FAIR,
    "fair": Quality.FAIR,
    "ruim": Quality.POOR,
    "pessimo": Quality.POOR,
    "péssimo": Quality.POOR,
    "poor": Quality.POOR,
    "bad": Quality.POOR,
}


def quality_of(value: str | None) -> Quality:
    """Read a ``stats_webphone`` value: words (``bom``/``regular``/``ruim``) or a 0–100 score."""
    if value is None:
        return Quality.UNKNOWN
    text = value.strip().lower()
    if text in _QUALITY_WORDS:
        return _QUALITY_WORDS[text]
    try:
        score = float(text.rstrip("%"))
    except ValueError:
        return Quality.UNKNOWN
    if score >= 70:
        return Quality.GOOD
    return Quality.FAIR if score >= 40 else Quality.POOR


@dataclass(frozen=True, slots=True)
class CallInfo:
    """The call the agent is on (or just finished)."""

    direction: Direction
    number: str
    started_at: datetime
    destination: str | None = None
    chamada_id: str | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    error: str | None = None

    def talk_seconds(self, now: datetime) -> int:
        """Seconds since answer (until the end when the call is over)."""
        if self.answered_at is None:
            return 0
        end = self.ended_at or now
        return max(0, int((end - self.answered_at).total_seconds()))


@dataclass(frozen=True, slots=True)
class QueueState:
    """The agent's membership of one queue (``filaId``)."""

    fila_id: str
    joined_at: datetime
    paused_since: datetime | None = None


@dataclass(frozen=True, slots=True)
class AgentSnapshot:
    """Everything the widgets show, as one immutable value."""

    state: AgentState = AgentState.DISCONNECTED
    call: CallInfo | None = None
    muted: bool = False
    recording: bool = False
    queues: tuple[QueueState, ...] = ()
    paused_all_since: datetime | None = None
    internet: Quality = Quality.UNKNOWN
    computer: Quality = Quality.UNKNOWN
    last_status: str | None = None
    last_error: str | None = None
    unexpected_disconnect: bool = False
    simulated_microphone: bool = False  # the sandbox's page found no microphone

    @property
    def in_call(self) -> bool:
        """Ringing, dialing or talking."""
        return self.state in (AgentState.RINGING, AgentState.DIALING, AgentState.TALKING)

    @property
    def paused(self) -> bool:
        """Paused in every queue, or in at least one."""
        return self.paused_all_since is not None or any(q.paused_since for q in self.queues)

    def queue(self, fila_id: str) -> QueueState | None:
        """The membership of ``fila_id``, if the agent is in it."""
        return next((q for q in self.queues if q.fila_id == fila_id), None)


@dataclass(slots=True)
class _Pending:
    """Commands sent and not yet acknowledged, to name the queue of bare queue events."""

    join: deque[str] = field(default_factory=deque)
    leave: deque[str] = field(default_factory=deque)
    pause: deque[str] = field(default_factory=deque)
    unpause: deque[str] = field(default_factory=deque)
    dialed: str | None = None
    disconnect_requested: bool = False


class AgentStateMachine:
    """Folds webphone events (and the few unacknowledged commands) into :class:`AgentSnapshot`."""

    def __init__(self) -> None:
        self._snap = AgentSnapshot()
        self._pending = _Pending()

    @property
    def snapshot(self) -> AgentSnapshot:
        """The current state."""
        return self._snap

    # Commands the agent sent. Only the flags without an acknowledging event change here.

    def connect_requested(self) -> AgentSnapshot:
        """The app asked the webphone to connect (the page is loading or ``conectar`` sent)."""
        self._pending.disconnect_requested = False
        if self._snap.state is AgentState.DISCONNECTED:
            self._snap = replace(
                self._snap,
                state=AgentState.CONNECTING,
                unexpected_disconnect=False,
                simulated_microphone=False,
            )
        return self._snap

    def disconnect_requested(self) -> AgentSnapshot:
        """``desconectar`` sent: the coming ``desconectado`` is expected."""
        self._pending.disconnect_requested = True
        return self._snap

    def dial_requested(self, number: str) -> AgentSnapshot:
        """``chamaNumero`` sent: remembered so the ``chamando`` that follows shows the number."""
        self._pending.dialed = number
        return self._snap

    def mute_toggled(self) -> AgentSnapshot:
        """``mute`` sent during a call (the protocol has no event for it)."""
        if self._snap.in_call:
            self._snap = replace(self._snap, muted=not self._snap.muted)
        return self._snap

    def recording_requested(self, on: bool) -> AgentSnapshot:
        """``recStart``/``recStop`` sent during a call (the protocol has no event for it)."""
        if self._snap.state is AgentState.TALKING:
            self._snap = replace(self._snap, recording=on)
        return self._snap

    def queue_command(self, kind: str, fila_id: str | None) -> None:
        """Remember a queue command so its bare event can be attributed (FIFO)."""
        queues = {
            "join": self._pending.join,
            "leave": self._pending.leave,
            "pause": self._pending.pause,
            "unpause": self._pending.unpause,
        }
        queues[kind].append(fila_id or ALL_QUEUES)

    def tick(self, now: datetime, wrap_up_seconds: float = 0.0) -> AgentSnapshot:
        """Leave ``ended`` once the wrap-up time has passed."""
        call = self._snap.call
        if (
            self._snap.state is AgentState.ENDED
            and call is not None
            and call.ended_at is not None
            and (now - call.ended_at).total_seconds() >= wrap_up_seconds
        ):
            self._snap = replace(self._snap, state=AgentState.READY)
        return self._snap

    # Events from the webphone.

    def apply(self, event: ParsedEvent, now: datetime) -> AgentSnapshot:
        """Fold one validated event into the state and return the new snapshot."""
        handler = {
            Event.STATUS: self._on_status,
            Event.CHEGANDO_CHAMADA: self._on_incoming,
            Event.CHAMADA_ID: self._on_chamada_id,
            Event.STATUS_ERRO: self._on_error,
            Event.STATS_WEBPHONE: self._on_stats,
            Event.ENTROU_NA_FILA: self._on_queue,
            Event.SAIU_DA_FILA: self._on_queue,
            Event.PAUSOU_NA_FILA: self._on_queue,
            Event.DESPAUSOU_NA_FILA: self._on_queue,
            Event.MICROFONE_SIMULADO: self._on_simulated_microphone,
        }[event.event]
        handler(event, now)
        return self._snap

    def _on_status(self, event: ParsedEvent, now: datetime) -> None:
        status = event.fields["status"]
        snap = replace(self._snap, last_status=status)
        if status not in KNOWN_STATUSES:
            log.info("webphone status not in the docs, shown as is: %r", status)
            self._snap = snap
            return
        if status == "conectado":
            if not snap.in_call:
                snap = replace(snap, state=AgentState.READY, unexpected_disconnect=False)
        elif status == "desconectado":
            unexpected = not self._pending.disconnect_requested
            self._pending.disconnect_requested = False
            snap = self._end_call(snap, now)
            snap = replace(
                snap,
                state=AgentState.DISCONNECTED,
                unexpected_disconnect=unexpected,
                simulated_microphone=False,  # the next connection looks for a microphone again
            )
        elif status == "chamando":
            snap = self._on_ringing_or_dialing(snap, now)
        elif status == "conversando":
            snap = self._on_talking(snap, now)
        elif status == "encerrada" and snap.in_call:
            snap = replace(self._end_call(snap, now), state=AgentState.ENDED)
        self._snap = snap

    def _on_ringing_or_dialing(self, snap: AgentSnapshot, now: datetime) -> AgentSnapshot:
        if snap.state in (AgentState.RINGING, AgentState.DIALING, AgentState.TALKING):
            return snap  # duplicate, or the "chamando" that follows chegandoChamada
        number = self._pending.dialed or ""
        self._pending.dialed = None
        call = CallInfo(Direction.OUTBOUND, number, started_at=now)
        if snap.call is not None and snap.call.ended_at is None and snap.call.chamada_id:
            call = replace(call, chamada_id=snap.call.chamada_id)  # chamada_id came first
        return replace(snap, state=AgentState.DIALING, call=call, muted=False, recording=False)

    def _on_talking(self, snap: AgentSnapshot, now: datetime) -> AgentSnapshot:
        if snap.state is AgentState.TALKING:
            return snap
        call = snap.call
        if call is None or call.ended_at is not None:
            # "chamando" was lost: the call is live all the same.
            call = CallInfo(Direction.OUTBOUND, self._pending.dialed or "", started_at=now)
            self._pending.dialed = None
        return replace(snap, state=AgentState.TALKING, call=replace(call, answered_at=now))

    def _on_incoming(self, event: ParsedEvent, now: datetime) -> None:
        snap = self._snap
        if snap.state is AgentState.TALKING or (
            snap.state is AgentState.RINGING
            and snap.call is not None
            and snap.call.chamada_id == event.fields.get("chamadaRecebidaId")
        ):
            return  # a duplicate, or a second call while talking: the current one wins
        call = CallInfo(
            Direction.INBOUND,
            event.fields["numeroChegando"],
            started_at=now,
            destination=event.fields.get("numeroDestino"),
            chamada_id=event.fields.get("chamadaRecebidaId"),
        )
        self._snap = replace(
            snap, state=AgentState.RINGING, call=call, muted=False, recording=False
        )

    def _on_chamada_id(self, event: ParsedEvent, now: datetime) -> None:
        snap = self._snap
        chamada_id = event.fields["chamada_id"]
        if snap.call is not None and snap.call.ended_at is None:
            self._snap = replace(snap, call=replace(snap.call, chamada_id=chamada_id))
        elif snap.state in (AgentState.READY, AgentState.ENDED, AgentState.CONNECTING):
            # Arrived before "chamando": keep it on a call that has not started yet.
            number = self._pending.dialed or ""
            pending = CallInfo(Direction.OUTBOUND, number, started_at=now, chamada_id=chamada_id)
            self._snap = replace(snap, call=pending)

    def _on_error(self, event: ParsedEvent, now: datetime) -> None:
        error = event.fields["status_erro"]
        snap = replace(self._snap, last_error=error)
        if snap.in_call and snap.call is not None:
            ended = self._end_call(snap, now)
            assert ended.call is not None
            snap = replace(ended, state=AgentState.ENDED, call=replace(ended.call, error=error))
        self._snap = snap

    def _on_simulated_microphone(self, event: ParsedEvent, now: datetime) -> None:
        self._snap = replace(self._snap, simulated_microphone=True)

    def _on_stats(self, event: ParsedEvent, now: datetime) -> None:
        self._snap = replace(
            self._snap,
            internet=quality_of(event.fields.get("internet")),
            computer=quality_of(event.fields.get("computador")),
        )

    def _on_queue(self, event: ParsedEvent, now: datetime) -> None:
        pending = {
            Event.ENTROU_NA_FILA: self._pending.join,
            Event.SAIU_DA_FILA: self._pending.leave,
            Event.PAUSOU_NA_FILA: self._pending.pause,
            Event.DESPAUSOU_NA_FILA: self._pending.unpause,
        }[event.event]
        fila = event.fields.get("filaId")
        if fila is not None and fila in pending:
            pending.remove(fila)
        elif fila is None:
            fila = pending.popleft() if pending else ALL_QUEUES
        queues = {q.fila_id: q for q in self._snap.queues}
        snap = self._snap
        if event.event is Event.ENTROU_NA_FILA and fila != ALL_QUEUES:
            queues.setdefault(fila, QueueState(fila, joined_at=now))
        elif event.event is Event.SAIU_DA_FILA:
            queues.pop(fila, None)
        elif event.event is Event.PAUSOU_NA_FILA:
            if fila == ALL_QUEUES:
                snap = replace(snap, paused_all_since=snap.paused_all_since or now)
            elif fila in queues and queues[fila].paused_since is None:
                queues[fila] = replace(queues[fila], paused_since=now)
        elif event.event is Event.DESPAUSOU_NA_FILA:
            if fila == ALL_QUEUES:
                snap = replace(snap, paused_all_since=None)
                queues = {k: replace(q, paused_since=None) for k, q in queues.items()}
            elif fila in queues:
                queues[fila] = replace(queues[fila], paused_since=None)
        self._snap = replace(snap, queues=tuple(sorted(queues.values(), key=lambda q: q.fila_id)))

    @staticmethod
    def _end_call(snap: AgentSnapshot, now: datetime) -> AgentSnapshot:
        call = snap.call
        if call is not None and call.ended_at is None:
            call = replace(call, ended_at=now)
        return replace(snap, call=call, muted=False, recording=False)
