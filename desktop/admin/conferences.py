"""Conferences as the documented API allows them (no Qt).

``POST /conferencia`` takes ``numero_destino`` and ``url_conferencia`` and *calls that
number*; the answer is a new conference id. The docs describe no field naming an existing
conference, so a second number cannot be put into the same room through the documented
API: each number called becomes its own conference record. A :class:`ConferenceSession`
groups the numbers an administrator called together, follows each record with
``GET /conferencia/{id}`` and ends them with ``DELETE /conferencia/{id}``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from desktop.api import (
    ApiError,
    Conference,
    ConferenceReportRow,
    RamalApiError,
)

__all__ = [
    "ConferenceApi",
    "ConferenceSession",
    "ConferenceSettings",
    "ConferenceState",
    "Participant",
    "state_of",
]

_ALREADY_ENDED = 80


class ConferenceApi(Protocol):
    """The subset of :class:`desktop.api.ConferencesApi` a session uses."""

    async def create(
        self,
        numero_destino: str,
        url_conferencia: str,
        *,
        resposta_usuario: bool | None = None,
        gravar_conferencia: bool | None = None,
        bina: str | None = None,
    ) -> int | str:
        """Call a number into a new conference."""

    async def get(self, conference_id: int | str) -> Conference | ConferenceReportRow:
        """Read one conference."""

    async def end(self, conference_id: int | str) -> None:
        """End one conference."""


@dataclass(frozen=True, slots=True)
class ConferenceSettings:
    """What every call of a session is created with."""

    url_conferencia: str
    gravar_conferencia: bool = False
    resposta_usuario: bool = False
    bina: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """One call of a conference record."""

    numero: str | None
    status: str | None
    talk_seconds: int | None
    started: datetime | None


@dataclass(frozen=True, slots=True)
class ConferenceState:
    """A conference record as last read; ``ended`` is None when the server did not say."""

    id: int | str
    created: datetime | None = None
    ended: bool | None = None
    ended_at: datetime | None = None
    participants: tuple[Participant, ...] = ()

    @property
    def status(self) -> str | None:
        """The status of the (first) call, the conference's own state in the flat shape."""
        return self.participants[0].status if self.participants else None


def state_of(record: Conference | ConferenceReportRow) -> ConferenceState:
    """One state from either documented shape."""
    if isinstance(record, Conference):
        return ConferenceState(
            id=record.id,
            created=record.data_criacao,
            ended=record.data_termino is not None,
            ended_at=record.data_termino,
            participants=tuple(
                Participant(c.numero, None if c.status is None else str(c.status),
                            c.duracao_falada_segundos, c.data_inicio)
                for c in record.chamadas
            ),
        )  # fmt: skip
    return ConferenceState(
        id=record.id,
        created=record.data_criacao,
        participants=(
            Participant(
                record.numero_destino,
                None if record.status is None else str(record.status),
                record.duracao_falada_segundos,
                record.data_inicio,
            ),
        ),
    )


@dataclass(slots=True)
class _Entry:
    numero: str
    state: ConferenceState
    error: RamalApiError | None = None


@dataclass(slots=True)
class ConferenceSession:
    """The conference records started together, in the order they were called."""

    api: ConferenceApi
    settings: ConferenceSettings
    _entries: dict[int | str, _Entry] = field(default_factory=dict)

    @property
    def states(self) -> list[tuple[str, ConferenceState, RamalApiError | None]]:
        """``(number called, last state, last refresh error)`` per record."""
        return [(e.numero, e.state, e.error) for e in self._entries.values()]

    @property
    def ids(self) -> list[int | str]:
        """Conference ids of the session."""
        return list(self._entries)

    @property
    def active(self) -> bool:
        """True while a record is not known to have ended."""
        return any(e.state.ended is not True for e in self._entries.values())

    def track(self, numero: str, conference_id: int | str) -> None:
        """Follow an existing conference record (e.g. one opened from the report)."""
        self._entries.setdefault(conference_id, _Entry(numero, ConferenceState(conference_id)))

    async def call(self, numero: str) -> int | str:
        """Call ``numero``: one ``POST /conferencia``, one new conference record."""
        s = self.settings
        conference_id = await self.api.create(
            numero,
            s.url_conferencia,
            resposta_usuario=s.resposta_usuario or None,
            gravar_conferencia=s.gravar_conferencia or None,
            bina=s.bina,
        )
        self._entries[conference_id] = _Entry(numero, ConferenceState(conference_id))
        return conference_id

    async def _refresh_one(self, entry: _Entry) -> None:
        try:
            entry.state = state_of(await self.api.get(entry.state.id))
            entry.error = None
        except RamalApiError as error:
            entry.error = error

    async def refresh(self) -> None:
        """Read every record again (errors are kept per record, not raised)."""
        await asyncio.gather(*(self._refresh_one(e) for e in self._entries.values()))

    async def end(self, conference_id: int | str) -> None:
        """End one record; one that had already ended counts as ended."""
        entry = self._entries[conference_id]
        try:
            await self.api.end(conference_id)
        except ApiError as error:
            if error.motivo != _ALREADY_ENDED:
                raise
        entry.state = replace(entry.state, ended=True)

    async def end_all(self) -> list[tuple[int | str, RamalApiError]]:
        """End every record not known to have ended; returns the ones that failed."""
        failed: list[tuple[int | str, RamalApiError]] = []

        async def one(conference_id: int | str) -> None:
            try:
                await self.end(conference_id)
            except RamalApiError as error:
                failed.append((conference_id, error))

        await asyncio.gather(
            *(one(cid) for cid, e in self._entries.items() if e.state.ended is not True)
        )
        return failed
