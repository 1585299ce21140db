"""A conference room run from the Administration screen (no Qt).

A conference is a room: ``POST /conferencia`` opens it empty, ``POST /conferencia/{id}``
calls one more number in, ``GET /conferencia/{id}`` lists every call in it and
``DELETE /conferencia/{id}`` ends the room and its calls. A call in a room is a chamada:
while the room is open, an answered call is looked up with ``GET /chamada/{id}`` to
tell whether it is still in the room or has left (the room's own record says
``"atendida"`` for both).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from desktop.api import (
    ApiError,
    Call,
    CallStatus,
    Conference,
    ConferenceCall,
    LegStatus,
    LegType,
    RamalApiError,
)

__all__ = [
    "CallLookup",
    "ConferenceApi",
    "ConferenceRoom",
    "Participant",
    "ParticipantState",
    "RoomState",
    "participant_state",
    "recent_numbers",
]

_ALREADY_ENDED = 80
_RINGING = "chamando"


class ConferenceApi(Protocol):
    """The subset of :class:`desktop.api.ConferencesApi` a room uses."""

    async def create(self) -> int | str:
        """Open an empty room."""

    async def add(
        self,
        conference_id: int | str,
        numero: str,
        *,
        bina: str | None = None,
        gravar_audio: bool | None = None,
    ) -> int | str | None:
        """Call a number into the room."""

    async def get(self, conference_id: int | str) -> Conference:
        """Read the room."""

    async def end(self, conference_id: int | str) -> None:
        """End the room."""


class CallLookup(Protocol):
    """The subset of :class:`desktop.api.CallsApi` a room uses."""

    async def get(self, call_id: int | str) -> Call:
        """Read one chamada."""


class ParticipantState(StrEnum):
    """Where one call of the room is."""

    CALLING = "calling"
    ANSWERED = "answered"  # in the room now
    LEFT = "left"  # was in the room, hung up or the room ended
    NOT_ANSWERED = "not_answered"  # busy, no answer, failed, cancelled


@dataclass(frozen=True, slots=True)
class Participant:
    """One call of the room as last read."""

    call_id: int | str
    numero: str
    state: ParticipantState
    status: str | None  # the API's word, for the tooltip
    talk_seconds: int | None
    started: datetime | None
    price: Decimal | None
    recording_url: str | None


@dataclass(frozen=True, slots=True)
class RoomState:
    """The room as last read."""

    id: int | str
    created: datetime | None = None
    ended_at: datetime | None = None
    participants: tuple[Participant, ...] = ()

    @property
    def ended(self) -> bool:
        """True once the room was closed."""
        return self.ended_at is not None

    @property
    def live(self) -> bool:
        """True while a call rings or talks in the open room."""
        busy = (ParticipantState.CALLING, ParticipantState.ANSWERED)
        return not self.ended and any(p.state in busy for p in self.participants)

    @property
    def total_price(self) -> Decimal | None:
        """Sum of the calls' prices (None when none has one)."""
        prices = [p.price for p in self.participants if p.price is not None]
        return sum(prices, Decimal(0)) if prices else None

    @property
    def recordings(self) -> list[Participant]:
        """The calls with a recording to download."""
        return [p for p in self.participants if p.recording_url]


def participant_state(
    call: ConferenceCall, *, room_ended: bool, finished: bool
) -> ParticipantState:
    """The state of one call; ``finished`` says its chamada is known to be over."""
    status = call.status
    if status is LegStatus.ATENDIDA:
        return ParticipantState.LEFT if room_ended or finished else ParticipantState.ANSWERED
    if status is None or status == _RINGING:
        if room_ended or finished:
            return ParticipantState.NOT_ANSWERED
        return ParticipantState.CALLING
    return ParticipantState.NOT_ANSWERED


def _participant(call: ConferenceCall, state: ParticipantState) -> Participant:
    return Participant(
        call_id=call.id,
        numero=call.numero or "",
        state=state,
        status=None if call.status is None else str(call.status),
        talk_seconds=call.duracao_falada_segundos,
        started=call.data_inicio or call.data_criacao,
        price=call.preco,
        recording_url=call.url_gravacao,
    )


def _finished(call: Call) -> bool:
    return call.status_geral == CallStatus.FINALIZADA


class ConferenceRoom:
    """One room: open it, call numbers in, follow each call, end it."""

    def __init__(
        self, api: ConferenceApi, calls: CallLookup, room_id: int | str | None = None
    ) -> None:
        self._api, self._calls = api, calls
        self.id = room_id
        self.state: RoomState | None = None
        self._finished: set[int | str] = set()

    @property
    def ended(self) -> bool:
        """True once the room is known to be over."""
        return self.state is not None and self.state.ended

    async def open(self) -> int | str:
        """Create the (empty) room, unless this object already has one."""
        if self.id is None:
            self.id = await self._api.create()
            self.state = RoomState(self.id)
        return self.id

    async def add(
        self, numero: str, *, bina: str | None = None, gravar_audio: bool | None = None
    ) -> int | str | None:
        """Call ``numero`` into the room (opening it first when needed)."""
        room_id = await self.open()
        return await self._api.add(room_id, numero, bina=bina, gravar_audio=gravar_audio)

    async def _check_left(self, call_id: int | str) -> None:
        try:
            if _finished(await self._calls.get(call_id)):
                self._finished.add(call_id)
        except RamalApiError:
            return  # unknown: keep showing it as answered

    async def refresh(self) -> RoomState:
        """Read the room, and the chamada of each call that may have left it."""
        if self.id is None:
            raise RuntimeError("the room has not been opened")
        room = await self._api.get(self.id)
        if not room.ended:
            maybe_left = [
                c.id
                for c in room.chamadas
                if c.status is LegStatus.ATENDIDA and c.id not in self._finished
            ]
            await asyncio.gather(*(self._check_left(i) for i in maybe_left))
        self.state = RoomState(
            id=room.id,
            created=room.data_criacao,
            ended_at=room.data_termino,
            participants=tuple(
                _participant(
                    c,
                    participant_state(c, room_ended=room.ended, finished=c.id in self._finished),
                )
                for c in room.chamadas
            ),
        )
        return self.state

    async def end(self) -> RoomState:
        """End the room and every call in it; a room already over counts as ended."""
        if self.id is None:
            raise RuntimeError("the room has not been opened")
        try:
            await self._api.end(self.id)
        except ApiError as error:
            if error.motivo != _ALREADY_ENDED:
                raise
        return await self.refresh()


def recent_numbers(calls: Iterable[Call], limit: int = 30) -> list[str]:
    """External numbers of ``calls``, newest call first, each once (to call them in)."""
    newest_first = sorted(
        calls, key=lambda c: c.data_criacao.timestamp() if c.data_criacao else 0.0, reverse=True
    )
    numbers: dict[str, None] = {}
    for call in newest_first:
        for leg in (call.destino, call.origem):
            if leg.numero and leg.tipo != LegType.RAMAL and len(leg.numero) >= 8:
                numbers.setdefault(leg.numero, None)
    return list(numbers)[:limit]
