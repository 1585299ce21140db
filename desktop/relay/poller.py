"""What no webhook carries, polled once for the whole account: the ramal list and pauses.

Each change is published like a webhook (``ramal.<conta>.ramal.<numero>``) with an id
derived from its content, so two relays polling the same account store it once.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time, timedelta
from typing import Final, Protocol

from desktop.api import ApiError, NetworkError, ResponseFormatError, TotalVoiceClient
from desktop.api.models import Pause, Ramal
from desktop.relay.board import rows_from_pauses
from desktop.relay.events import EventKind, WebhookEvent
from desktop.relay.relay_core import Relay

__all__ = ["PauseSource", "PollSource", "Poller"]

_log = logging.getLogger(__name__)
PAGE_SIZE: Final = 200

Clock = Callable[[], datetime]


class PollSource(Protocol):
    """Where the poller reads the ramal list and pauses."""

    async def ramais(self, today: datetime) -> list[Ramal]:
        """Every ramal of the account."""

    async def pauses(self, ramal_id: int | str, since: datetime, until: datetime) -> list[Pause]:
        """The ramal's pauses started in the window."""


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
    """Polls the ramal list and every ramal's pauses with at most ``concurrency`` requests."""

    def __init__(
        self,
        source: PollSource,
        relay: Relay,
        clock: Clock,
        *,
        interval: float = 5.0,
        concurrency: int = 4,
    ) -> None:
        self._source = source
        self._relay = relay
        self._clock = clock
        self.interval = interval
        self._limit = asyncio.Semaphore(max(1, concurrency))
        self._ramais: dict[str, Ramal] = {}
        self._pauses: dict[str, tuple[Pause, ...]] = {}

    async def run(self) -> None:
        """Poll until cancelled; a failed poll is counted and retried at the next tick."""
        while True:
            try:
                await self.poll_once()
            except Exception:  # NATS away, say: the loop must outlive one bad poll
                self._relay.metrics.poll_errors += 1
                _log.exception("poll falhou")
            await asyncio.sleep(self.interval)

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
        since = datetime.combine(now.date(), time.min, now.tzinfo) - timedelta(hours=12)
        # A little future in the window covers a provider clock ahead of ours.
        until = now + timedelta(minutes=5)
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
            row = rows_from_pauses(ramal, new, now)
            if row is not None:
                self._relay.board.offer(row, yield_to_call=True)
        return changed
