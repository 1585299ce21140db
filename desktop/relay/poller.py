"""What no webhook carries, polled once for the whole account: the ramal list and pauses.

Each change is published like a webhook (``ramal.<conta>.ramal.<numero>``) with an id
derived from its content, so two relays polling the same account store it once.

Pauses the agents' consoles push to the relay need no polling; polling reconciles the
others within a budget of provider requests per minute (``--poll-budget``), one request at a
time: the ramal list every few minutes, today's call report once a day (the counters),
and otherwise the pauses of the ramal that waited longest, a paused ramal counting its
wait four times and one with calls in the last minutes twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time, timedelta
from typing import Final, Protocol

from desktop.api import ApiError, NetworkError, ResponseFormatError, TotalVoiceClient
from desktop.api.models import Call, Pause, Ramal
from desktop.core.board import open_pause
from desktop.core.board_counts import start_of_day
from desktop.core.board_rows import rows_from_pauses
from desktop.relay.events import EventKind, WebhookEvent
from desktop.relay.relay_core import Relay

__all__ = ["DEFAULT_BUDGET", "PauseSource", "PollSource", "Poller"]

_log = logging.getLogger(__name__)
PAGE_SIZE: Final = 200
DEFAULT_BUDGET: Final = 48.0
"""Provider requests per minute by default: less than one polling console (about 54)."""
_PAUSED_WEIGHT: Final = 4.0
_ACTIVE_WEIGHT: Final = 2.0
_ACTIVE_FOR: Final = timedelta(minutes=15)

Clock = Callable[[], datetime]


class PollSource(Protocol):
    """Where the poller reads the ramal list and pauses."""

    async def ramais(self, today: datetime) -> list[Ramal]:
        """Every ramal of the account."""

    async def pauses(self, ramal_id: int | str, since: datetime, until: datetime) -> list[Pause]:
        """The ramal's pauses started in the window."""

    async def calls(self, since: datetime, until: datetime) -> list[Call]:
        """Calls created in the window (the call report)."""


class PauseSource:
    """Reads the ramal list and a ramal's pauses through the API client."""

    def __init__(self, client: TotalVoiceClient) -> None:
        self._client = client

    async def ramais(self, today: datetime) -> list[Ramal]:
        """``GET /ramal/relatorio``, every page."""
        day = today.date()
        rows: list[Ramal] = []
        async for page in self._client.ramais.report(day, day).pages(PAGE_SIZE):
            rows.extend(page.items)
        return rows

    async def pauses(self, ramal_id: int | str, since: datetime, until: datetime) -> list[Pause]:
        """``GET /ramal/{id}/pausas`` for the window, every page."""
        rows: list[Pause] = []
        async for page in self._client.ramais.pausas(ramal_id, since, until).pages(PAGE_SIZE):
            rows.extend(page.items)
        return rows

    async def calls(self, since: datetime, until: datetime) -> list[Call]:
        """``GET /chamada/relatorio`` for the window, every page."""
        rows: list[Call] = []
        async for page in self._client.chamadas.report(since, until).pages(PAGE_SIZE):
            rows.extend(page.items)
        return rows


def _pause_event(numero: str, pause: Pause) -> WebhookEvent:
    payload = {
        "evento": "pausa",
        "ramal": numero,
        "pausa_inicio": pause.pausa_inicio.isoformat() if pause.pausa_inicio else None,
        "pausa_fim": pause.pausa_fim.isoformat() if pause.pausa_fim else None,
        "tempo_segundos": pause.tempo_segundos,
    }
    return _polled_event("pausa", numero, payload, pause.pausa_fim or pause.pausa_inicio)


def _ramal_event(ramal: Ramal) -> WebhookEvent:
    payload = {
        "evento": "ramal",
        "id": ramal.id,
        "ramal": ramal.ramal,
        "login": ramal.login,
        "tags": ramal.tags,
    }
    return _polled_event("ramal", ramal.ramal or "", payload, None)


def _polled_event(
    what: str, numero: str, payload: Mapping[str, object], at: datetime | None
) -> WebhookEvent:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
    digest = hashlib.sha256(body).hexdigest()[:32]
    return WebhookEvent(what, EventKind.RAMAL, numero, f"{what}:{numero}:{digest}", body, at)


class Poller:
    """Polls the ramal list and pauses within ``budget`` provider requests per minute.

    :meth:`run` spends the budget one request at a time; :meth:`poll_once` reads
    everything at once with at most ``concurrency`` requests in flight.
    """

    def __init__(
        self,
        source: PollSource,
        relay: Relay,
        clock: Clock,
        *,
        budget: float = DEFAULT_BUDGET,
        concurrency: int = 4,
        ramais_every: float = 300.0,
    ) -> None:
        self._source = source
        self._relay = relay
        self._clock = clock
        self.spacing = 60.0 / budget if budget > 0 else math.inf
        self.ramais_every = timedelta(seconds=ramais_every)
        self._limit = asyncio.Semaphore(max(1, concurrency))
        self._ramais: dict[str, Ramal] = {}
        self._pauses: dict[str, tuple[Pause, ...]] = {}
        self._ramais_at: datetime | None = None
        self._seeded: datetime | None = None
        self._polled: dict[str, datetime] = {}

    async def run(self) -> None:
        """Spend the budget until cancelled; a failed request is counted and the loop goes on."""
        while True:
            requests = 1
            try:
                requests = await self.step()
            except (ApiError, NetworkError, ResponseFormatError) as exc:
                self._relay.metrics.poll_errors += 1
                _log.warning("consulta ao provedor falhou: %s", exc)
            except Exception:  # NATS away, say: the loop must outlive one bad poll
                self._relay.metrics.poll_errors += 1
                _log.exception("poll falhou")
            await asyncio.sleep(self.spacing * max(1, requests))

    async def step(self) -> int:
        """The next request the budget allows; returns how many requests it took."""
        self._relay.metrics.polls += 1
        now = self._clock()
        if self._ramais_at is None or now - self._ramais_at >= self.ramais_every:
            ramais = await self._read_ramais(now)
            self._ramais_at = now
            return _pages(len(ramais))
        today = start_of_day(now)
        if self._seeded != today:
            calls = await self._source.calls(today, now + timedelta(minutes=5))
            self._seeded = today
            self._relay.seed(calls, now)
            return _pages(len(calls))
        ramal = self._next_ramal(now)
        if ramal is None:
            return 1
        numero = ramal.ramal or ""
        self._polled[numero] = now
        since, until = self._window(now)
        try:
            pauses = await self._source.pauses(ramal.id, since, until)
        except (ApiError, NetworkError, ResponseFormatError) as exc:
            self._relay.metrics.poll_errors += 1
            _log.warning("pausas do ramal %s indisponíveis: %s", numero, exc)
            return 1
        await self._pauses_changed(ramal, pauses, now)
        return _pages(len(pauses))

    def _next_ramal(self, now: datetime) -> Ramal | None:
        """The ramal whose wait, weighted by what it is doing, is the longest."""
        best: Ramal | None = None
        best_score = -1.0
        for numero, ramal in self._ramais.items():
            polled = self._polled.get(numero)
            if polled is None:
                return ramal
            score = (now - polled).total_seconds() * self._weight(numero, now)
            if score > best_score:
                best, best_score = ramal, score
        return best

    def _weight(self, numero: str, now: datetime) -> float:
        if open_pause(self._pauses.get(numero, ()), now) is not None:
            return _PAUSED_WEIGHT
        active = self._relay.active.get(numero)
        if active is not None and now - active <= _ACTIVE_FOR:
            return _ACTIVE_WEIGHT
        return 1.0

    def _window(self, now: datetime) -> tuple[datetime, datetime]:
        since = datetime.combine(now.date(), time.min, now.tzinfo) - timedelta(hours=12)
        # A little future in the window covers a provider clock ahead of ours.
        return since, now + timedelta(minutes=5)

    async def _read_ramais(self, now: datetime) -> list[Ramal]:
        """Read the ramal list and publish what changed in it."""
        ramais = await self._source.ramais(now)
        current = {r.ramal: r for r in ramais if r.ramal}
        for numero, ramal in current.items():
            if self._ramais.get(numero) != ramal:
                await self._relay.publish(_ramal_event(ramal))
        self._ramais = current
        self._relay.known_ramais = current
        return ramais

    async def poll_once(self) -> int:
        """One poll; returns the number of changes published."""
        metrics = self._relay.metrics
        metrics.polls += 1
        now = self._clock()
        try:
            ramais = await self._source.ramais(now)
        except (ApiError, NetworkError, ResponseFormatError) as exc:
            metrics.poll_errors += 1
            _log.warning("lista de ramais indisponível: %s", exc)
            return 0
        changed = 0
        current = {r.ramal: r for r in ramais if r.ramal}
        for numero, ramal in current.items():
            if self._ramais.get(numero) != ramal:
                changed += await self._relay.publish(_ramal_event(ramal))
        self._ramais = current
        self._relay.known_ramais = current
        self._ramais_at = now
        since, until = self._window(now)
        for numero in current:
            self._polled[numero] = now
        results = await asyncio.gather(
            *(self._pauses_of(r, since, until) for r in current.values()), return_exceptions=True
        )
        for ramal, result in zip(current.values(), results, strict=True):
            if isinstance(result, BaseException):
                if not isinstance(result, ApiError | NetworkError | ResponseFormatError):
                    raise result
                metrics.poll_errors += 1
                continue
            changed += await self._pauses_changed(ramal, result, now)
        return changed

    async def _pauses_of(self, ramal: Ramal, since: datetime, until: datetime) -> list[Pause]:
        async with self._limit:
            return await self._source.pauses(ramal.id, since, until)

    async def _pauses_changed(self, ramal: Ramal, pauses: Sequence[Pause], now: datetime) -> int:
        numero = ramal.ramal or ""
        old = self._pauses.get(numero, ())
        new = tuple(pauses)
        self._pauses[numero] = new
        self._relay.pauses[numero] = new
        fresh = [p for p in new if p not in old]
        changed = 0
        for pause in fresh:
            changed += await self._relay.publish(_pause_event(numero, pause))
        if fresh:
            row = rows_from_pauses(ramal, new, now, self._relay.day.counts(numero))
            if row is not None:
                self._relay.board.offer(row, yield_to_call=True)
        return changed


def _pages(rows: int) -> int:
    return max(1, math.ceil(rows / PAGE_SIZE))
