"""Live state of ramais and calls, derived from the call report and the pauses (Qt-free).

The REST API has no "ramal state" endpoint. A ramal's state is derived here:
in a live call (``ativa`` true or ``status_geral`` criada/curso) it is ringing until its
side of the call is answered, then talking; with an open pause (``pausa_fim`` null or
missing) it is paused since ``pausa_inicio``; with any call or pause today it is free;
otherwise nothing is known about it today (unknown / offline).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import IntEnum
from types import MappingProxyType

from desktop.api.models import Call, CallLeg, CallStatus, LegStatus, Pause, Ramal
from desktop.core.support import Coach, Hand

__all__ = [
    "CallPhase",
    "Changes",
    "LiveCall",
    "RamalCounts",
    "RamalLive",
    "RamalState",
    "Snapshot",
    "board_record",
    "call_ramal_numbers",
    "counter_slots",
    "derive",
    "diff",
    "is_live",
    "open_pause",
    "ramal_on_call",
    "same_period",
]

SAME_PERIOD_SKEW = timedelta(minutes=2)
"""How far apart two readings of one pause's start (or end) may be and still be one."""


class RamalState(IntEnum):
    """What a ramal is doing; the order is the board's "sort by state" order."""

    TALKING = 0
    RINGING = 1
    PAUSED = 2
    FREE = 3
    UNKNOWN = 4


class CallPhase(IntEnum):
    """Phase of a live call."""

    RINGING = 0
    TALKING = 1


@dataclass(frozen=True, slots=True)
class RamalCounts:
    """Today's calls of one ramal."""

    made: int = 0
    received: int = 0
    answered: int = 0
    missed: int = 0


@dataclass(frozen=True, slots=True)
class RamalLive:
    """One row of the board: a ramal and what it is doing.

    ``hand`` and ``coach`` come from the relay only (a raised hand, a supervisor on the call).
    """

    id: int | str
    numero: str
    login: str
    tags: tuple[str, ...]
    state: RamalState
    since: datetime | None = None
    peer: str = ""
    call_id: int | str | None = None
    counts: RamalCounts = field(default_factory=RamalCounts)
    hand: Hand | None = None
    coach: Coach | None = None

    @property
    def hand_waiting(self) -> bool:
        """True while a raised hand waits for a supervisor to acknowledge it."""
        return self.hand is not None and not self.hand.seen_by


@dataclass(frozen=True, slots=True)
class LiveCall:
    """A call in progress, as the board shows it."""

    id: int | str
    origem: str
    destino: str
    ramal: str
    origem_status: str
    destino_status: str
    phase: CallPhase
    since: datetime


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the board shows, as of ``at``."""

    at: datetime
    ramais: Mapping[int | str, RamalLive]
    calls: Mapping[int | str, LiveCall]


@dataclass(frozen=True, slots=True)
class Changes:
    """What differs between two snapshots; empty changes are never emitted."""

    snapshot: Snapshot
    ramais: tuple[RamalLive, ...] = ()
    ramais_removed: tuple[int | str, ...] = ()
    calls: tuple[LiveCall, ...] = ()
    calls_removed: tuple[int | str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ramais or self.ramais_removed or self.calls or self.calls_removed)


def is_live(call: Call) -> bool:
    """True for a call still in progress."""
    if call.ativa is not None:
        return call.ativa
    return call.status_geral in (CallStatus.CRIADA, CallStatus.CURSO)


_NO_RAW: Mapping[str, object] = MappingProxyType({})


def board_record(call: Call) -> Call:
    """``call`` with only what :func:`derive` reads of a finished call.

    The board keeps every call of the day to count them per ramal; without the JSON
    record and the fields it never shows, a call weighs about a quarter as much.
    """

    def leg(side: CallLeg) -> CallLeg:
        return CallLeg(
            numero=side.numero,
            status=side.status,
            data_inicio=side.data_inicio,
            duracao_segundos=side.duracao_segundos,
            duracao_falada_segundos=side.duracao_falada_segundos,
        )

    return Call(
        id=call.id,
        data_criacao=call.data_criacao,
        ativa=call.ativa,
        ramal_id_origem=call.ramal_id_origem,
        status_geral=call.status_geral,
        origem=leg(call.origem),
        destino=leg(call.destino),
        raw=_NO_RAW,
    )


def open_pause(pauses: Iterable[Pause], at: datetime) -> Pause | None:
    """The running pause (``pausa_fim`` null/missing or still ahead), latest first."""
    running = [
        p
        for p in pauses
        if p.pausa_inicio is not None
        and p.pausa_inicio <= at + timedelta(minutes=1)
        and (p.pausa_fim is None or p.pausa_fim > at)
    ]
    return max(running, key=lambda p: p.pausa_inicio or at, default=None)


def same_period(
    state: RamalState, since: datetime | None, other: RamalState, other_since: datetime | None
) -> bool:
    """True when two readings of a ramal out of a call describe the same pause (or free time).

    The agent's app reports a pause the moment it starts, stamped by the relay; the poll of
    the provider's pause report brings the same pause later, stamped by the provider. The
    two starts differ by the clocks' skew: within :data:`SAME_PERIOD_SKEW` they are one
    pause, and the board keeps the first reading instead of stepping its timer.
    """
    if state is not other or state not in (RamalState.PAUSED, RamalState.FREE):
        return False
    if since is None or other_since is None:
        return since is other_since
    return abs(since - other_since) <= SAME_PERIOD_SKEW


def call_ramal_numbers(
    call: Call, numbers: Mapping[str, int | str], by_id: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """``(ramal that placed it, ramal that received it)``; ``""`` where no ramal is involved.

    ``by_id`` (ramal id as text → number) saves rebuilding it for every call.
    """
    if by_id is None:
        by_id = {str(v): k for k, v in numbers.items()}
    origem = ""
    if call.origem.numero in numbers:
        origem = call.origem.numero or ""
    elif call.ramal_id_origem is not None and str(call.ramal_id_origem) in by_id:
        origem = by_id[str(call.ramal_id_origem)]
    destino = call.destino.numero if call.destino.numero in numbers else ""
    return origem, destino or ""


def _answered(leg: CallLeg) -> bool:
    return leg.status == LegStatus.ATENDIDA or (leg.duracao_falada_segundos or 0) > 0


# Positions of RamalCounts' fields.
_MADE, _RECEIVED, _ANSWERED, _MISSED = range(4)


def counter_slots(call: Call, origem: str, destino: str) -> tuple[tuple[str, int], ...]:
    """The counters of today one call adds one to: ``(ramal number, RamalCounts field index)``.

    ``origem`` and ``destino`` are the ramais on the call (:func:`call_ramal_numbers`).
    A call counts as made or received at once; as answered or missed once it is over.
    """
    slots: list[tuple[str, int]] = []
    if origem:
        slots.append((origem, _MADE))
    if destino:
        slots.append((destino, _RECEIVED))
    if not is_live(call):
        outcome = _ANSWERED if _answered(call.destino) else _MISSED
        slots.extend((number, outcome) for number in (origem, destino) if number)
    return tuple(slots)


def _leg_text(leg: CallLeg) -> str:
    return str(leg.status) if leg.status else ""


def _started(call: Call, at: datetime) -> datetime:
    base = call.data_criacao or call.origem.data_inicio or at
    return min(base, at)


def _talk_since(call: Call, at: datetime) -> datetime:
    talk = call.destino.duracao_falada_segundos or 0
    return at - timedelta(seconds=talk) if talk else at


def _live_call(call: Call, origem_ramal: str, destino_ramal: str, at: datetime) -> LiveCall:
    phase = CallPhase.TALKING if _answered(call.destino) else CallPhase.RINGING
    since = _talk_since(call, at) if phase is CallPhase.TALKING else _started(call, at)
    return LiveCall(
        id=call.id,
        origem=call.origem.numero or "",
        destino=call.destino.numero or "",
        ramal=destino_ramal or origem_ramal,
        origem_status=_leg_text(call.origem),
        destino_status=_leg_text(call.destino),
        phase=phase,
        since=since,
    )


def _ended(call: Call) -> datetime | None:
    start = call.data_criacao or call.origem.data_inicio
    if start is None:
        return None
    lengths = [leg.duracao_segundos or 0 for leg in (call.origem, call.destino)]
    return start + timedelta(seconds=max(lengths))


def _tags(ramal: Ramal) -> tuple[str, ...]:
    text = ramal.tags or ""
    return tuple(t.strip() for t in text.replace(";", ",").split(",") if t.strip())


def derive(
    ramais: Sequence[Ramal],
    calls_today: Iterable[Call],
    pauses: Mapping[int | str, Sequence[Pause]],
    at: datetime,
    previous: Snapshot | None = None,
) -> Snapshot:
    """Build the board from today's calls and the pauses known per ramal id.

    ``previous`` keeps the moment a call or ramal entered its current state, so the
    timers shown do not jump when a later poll reports slightly different durations.
    """
    numbers = {r.ramal: r.id for r in ramais if r.ramal}
    by_id = {str(v): k for k, v in numbers.items()}
    counts: dict[str, list[int]] = {n: [0, 0, 0, 0] for n in numbers}
    busy: dict[str, LiveCall] = {}
    last_end: dict[str, datetime] = {}
    live: dict[int | str, LiveCall] = {}
    for call in calls_today:
        origem, destino = call_ramal_numbers(call, numbers, by_id)
        for number, slot in counter_slots(call, origem, destino):
            counts[number][slot] += 1
        if is_live(call):
            entry = _live_call(call, origem, destino, at)
            old = previous.calls.get(call.id) if previous else None
            if old is not None and old.phase is entry.phase:
                entry = replace(entry, since=old.since)
            live[call.id] = entry
            for number in (origem, destino):
                if number:
                    busy[number] = entry
            continue
        for number in (origem, destino):
            if not number:
                continue
            end = _ended(call)
            if end is not None and (number not in last_end or end > last_end[number]):
                last_end[number] = end
    rows: dict[int | str, RamalLive] = {}
    for ramal in ramais:
        number = ramal.ramal or ""
        made, received, answered_n, missed = counts.get(number, [0, 0, 0, 0])
        base = RamalLive(
            id=ramal.id,
            numero=number,
            login=ramal.login or "",
            tags=_tags(ramal),
            state=RamalState.UNKNOWN,
            counts=RamalCounts(made, received, answered_n, missed),
        )
        row = _state_of(base, busy.get(number), pauses.get(ramal.id, ()), last_end.get(number), at)
        old_row = previous.ramais.get(ramal.id) if previous else None
        if (
            old_row is not None
            and old_row.state is row.state
            and old_row.call_id == row.call_id
            and row.state in (RamalState.FREE, RamalState.UNKNOWN)
        ):
            row = replace(row, since=old_row.since or row.since)
        rows[ramal.id] = row
    return Snapshot(at=at, ramais=rows, calls=live)


def _as(
    base: RamalLive,
    state: RamalState,
    since: datetime | None,
    peer: str = "",
    call_id: int | str | None = None,
) -> RamalLive:
    # Built directly: dataclasses.replace costs the relay a few µs per event.
    return RamalLive(
        base.id, base.numero, base.login, base.tags, state, since, peer, call_id, base.counts
    )


def ramal_on_call(
    ramal: Ramal,
    call: Call,
    sides: tuple[str, str],
    pauses: Sequence[Pause],
    at: datetime,
) -> RamalLive:
    """The row :func:`derive` gives ``ramal`` from ``call`` alone, without the whole board.

    ``sides`` is :func:`call_ramal_numbers` of the call; the relay derives each event so.
    """
    number = ramal.ramal or ""
    origem, destino = sides
    counts = [0, 0, 0, 0]
    for counted, slot in counter_slots(call, origem, destino):
        if counted == number:
            counts[slot] += 1
    base = RamalLive(
        ramal.id,
        number,
        ramal.login or "",
        _tags(ramal),
        RamalState.UNKNOWN,
        counts=RamalCounts(*counts),
    )
    if number not in sides:
        return _state_of(base, None, pauses, None, at)
    if is_live(call):
        return _state_of(base, _live_call(call, origem, destino, at), pauses, None, at)
    return _state_of(base, None, pauses, _ended(call), at)


def _state_of(
    base: RamalLive,
    call: LiveCall | None,
    pauses: Sequence[Pause],
    last_end: datetime | None,
    at: datetime,
) -> RamalLive:
    if call is not None:
        talking = call.phase is CallPhase.TALKING
        peer = call.destino if base.numero == call.origem else call.origem
        state = RamalState.TALKING if talking else RamalState.RINGING
        return _as(base, state, call.since, peer, call.id)
    pause = open_pause(pauses, at)
    if pause is not None:
        return _as(base, RamalState.PAUSED, pause.pausa_inicio)
    ends = [p.pausa_fim for p in pauses if p.pausa_fim is not None and p.pausa_fim <= at]
    if last_end is not None:
        ends.append(last_end)
    if ends or base.counts != RamalCounts():
        return _as(base, RamalState.FREE, max(ends) if ends else None)
    return base


def diff(old: Snapshot | None, new: Snapshot) -> Changes:
    """Rows that appeared or changed, and keys that disappeared."""
    if old is None:
        return Changes(new, tuple(new.ramais.values()), (), tuple(new.calls.values()), ())
    ramais = tuple(r for k, r in new.ramais.items() if old.ramais.get(k) != r)
    ramais_removed = tuple(k for k in old.ramais if k not in new.ramais)
    calls = tuple(c for k, c in new.calls.items() if old.calls.get(k) != c)
    calls_removed = tuple(k for k in old.calls if k not in new.calls)
    return Changes(new, ramais, ramais_removed, calls, calls_removed)
