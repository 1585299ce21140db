"""Webhook delivery: the configured URLs and a dispatcher that POSTs payloads to them.

Delivery never holds up the API or the call engine: :meth:`WebhookDispatcher.send` only
queues, and one worker on the sandbox's loop POSTs the queue in order with a timeout. The
queue is bounded; when a receiver is too slow the oldest waiting delivery is dropped and
counted. Like the provider, nothing is retried. For tests, deliveries can be made to
misbehave on purpose (:class:`DeliverySettings`): sent twice, reordered, late or failed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import time
from collections import Counter, deque
from dataclasses import dataclass, field, fields
from typing import Final

import aiohttp

from desktop.sandbox.timeutil import Clock, iso, now

log = logging.getLogger(__name__)

JsonObject = dict[str, object]

#: Webhook names of ``PUT /webhook/{name}``, after the sections of ``webhooks.md``.
WEBHOOK_NAMES: Final = (
    "status_tempo_real",  # Status Tempo Real: the Chamada object on every change
    "chamada_tempo_real",  # Eventos em Tempo Real de Chamada: API and webphone legs
    "chamada_fim",  # Fim Chamada
    "chamada_did_tempo_real",  # Eventos em Tempo Real de Chamada DID
    "chamada_did_fim",  # DID Fim Chamada
    "ramal_tempo_real",  # Eventos em Tempo Real de Ramal
    "conferencia_tempo_real",  # Eventos em Tempo Real de Conferências
    "novo_voicemail",  # Novo Voicemail
    "aviso_saldo",  # Aviso de saldo
    "envio_sms",  # Envio de SMS: accepted, never sent (the sandbox sends no SMS)
)
HISTORY_SIZE: Final = 500
REORDER_WAIT_S: Final = 0.25  # how long a reorder window waits to fill
USER_AGENT: Final = "ramal-desktop-sandbox-webhooks"

PENDING: Final = "pendente"
DELIVERED: Final = "entregue"
FAILED: Final = "falhou"


@dataclass
class DeliverySettings:
    """How deliveries misbehave (all off by default) and the limits of the queue.

    ``duplicate`` below 1 is the chance that a delivery is sent twice; 1 or more is how
    many of the next deliveries are. ``reorder`` shuffles each window of that many
    deliveries. ``fail`` is how many of the next deliveries are not sent at all.
    ``status_interval_ms`` is the provider's limit of "Status Tempo Real" per live call.
    """

    duplicate: float = 0.0
    reorder: int = 0
    delay_ms: int = 0
    fail: int = 0
    seed: int | None = None
    timeout_ms: int = 5000
    max_pending: int = 1000
    status_interval_ms: int = 2000

    def to_json(self) -> JsonObject:
        """Current values."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class Delivery:
    """One POST of one payload to one URL."""

    seq: int
    webhook: str
    url: str
    payload: JsonObject
    queued_at: float  # monotonic
    queued_wall: str | None
    copy: bool = False
    state: str = PENDING
    http_status: int | None = None
    error: str | None = None
    sent_at: float | None = None

    def to_json(self) -> JsonObject:
        """The row of ``GET /_sandbox/webhooks``."""
        late = None if self.sent_at is None else round((self.sent_at - self.queued_at) * 1000)
        return {
            "seq": self.seq,
            "webhook": self.webhook,
            "url": self.url,
            "estado": self.state,
            "copia": self.copy,
            "status_http": self.http_status,
            "erro": self.error,
            "enfileirada_em": self.queued_wall,
            "espera_ms": late,
            "payload": self.payload,
        }


class SettingsError(ValueError):
    """A delivery setting with a bad value."""


def _number(body: JsonObject, key: str, *, integer: bool, minimum: float = 0) -> float | None:
    if key not in body or body[key] is None:
        return None
    value = body[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SettingsError(f"{key} deve ser um número")
    if integer and not float(value).is_integer():
        raise SettingsError(f"{key} deve ser inteiro")
    if value < minimum:
        raise SettingsError(f"{key} deve ser no mínimo {minimum:g}")
    return value


@dataclass
class WebhookDispatcher:
    """Keeps the webhook URLs and delivers payloads to them from a worker task."""

    urls: dict[str, str] = field(default_factory=dict)
    settings: DeliverySettings = field(default_factory=DeliverySettings)
    counters: Counter[str] = field(default_factory=Counter)
    clock: Clock = now  # the sandbox's time, stamped on each delivery

    def __post_init__(self) -> None:
        self._rng = random.Random()
        self._pending: deque[Delivery] = deque()
        self._taken: list[Delivery] = []  # out of the queue, not sent yet
        self._sending: Delivery | None = None
        self._history: deque[Delivery] = deque(maxlen=HISTORY_SIZE)
        self._wake = asyncio.Event()
        self._seq = 0
        self._session: aiohttp.ClientSession | None = None
        self._task: asyncio.Task[None] | None = None

    # configuration

    def wants(self, name: str) -> bool:
        """True when ``name`` has a URL (payloads are only built for those)."""
        return name in self.urls

    def configure(self, body: JsonObject) -> None:
        """Change the delivery settings given in ``body`` (raises :class:`SettingsError`)."""
        unknown = set(body) - {f.name for f in fields(DeliverySettings)}
        if unknown:
            raise SettingsError("chave desconhecida: " + ", ".join(sorted(unknown)))
        current = self.settings
        duplicate = _number(body, "duplicate", integer=False)
        if duplicate is not None:
            if duplicate >= 1 and not float(duplicate).is_integer():
                raise SettingsError("duplicate: use uma chance abaixo de 1 ou uma contagem inteira")
            current.duplicate = float(duplicate)
        for key, minimum in (
            ("reorder", 0),
            ("delay_ms", 0),
            ("fail", 0),
            ("timeout_ms", 1),
            ("max_pending", 1),
            ("status_interval_ms", 0),
        ):
            value = _number(body, key, integer=True, minimum=minimum)
            if value is not None:
                setattr(current, key, int(value))
        if "seed" in body:
            seed = _number(body, "seed", integer=True, minimum=-(2**63))
            current.seed = None if seed is None else int(seed)
            self._rng = random.Random(current.seed)
        while len(self._pending) > current.max_pending:
            self._drop_oldest()

    def reset(self) -> None:
        """Default settings, empty queue and history, counters at zero (URLs stay)."""
        self.settings = DeliverySettings()
        self._rng = random.Random()
        self._pending.clear()
        self._taken.clear()
        self._history.clear()
        self.counters.clear()

    def to_json(self) -> JsonObject:
        """``GET /_sandbox/webhooks``: settings, counters, the queue and recent deliveries."""
        return {
            "webhooks": dict(sorted(self.urls.items())),
            "settings": self.settings.to_json(),
            "contadores": {
                key: self.counters[key]
                for key in ("enfileiradas", "entregues", "falhas", "duplicadas", "descartadas")
            },
            "pendentes": [d.to_json() for d in self._waiting()],
            "entregas": [d.to_json() for d in self._history],
        }

    def _waiting(self) -> list[Delivery]:
        """Deliveries not finished yet: the one being sent, then in the order they will go."""
        sending = [self._sending] if self._sending is not None else []
        return [*sending, *self._taken, *self._pending]

    # delivery

    def send(self, name: str, payload: JsonObject) -> None:
        """Queue ``payload`` for webhook ``name`` when it has a URL; never blocks."""
        url = self.urls.get(name)
        if url is None:
            return
        self._seq += 1
        delivery = Delivery(self._seq, name, url, payload, time.monotonic(), iso(self.clock()))
        if len(self._pending) >= self.settings.max_pending:
            self._drop_oldest()
        self._pending.append(delivery)
        self.counters["enfileiradas"] += 1
        self._wake.set()

    def _drop_oldest(self) -> None:
        dropped = self._pending.popleft()
        dropped.state, dropped.error = FAILED, "descartada: fila cheia"
        self._history.append(dropped)
        self.counters["descartadas"] += 1

    async def start(self) -> None:
        """Open the HTTP session and start the worker (on the sandbox's loop)."""
        if self._task is None:
            self._session = aiohttp.ClientSession(headers={"User-Agent": USER_AGENT})
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def close(self) -> None:
        """Stop the worker and close the session; what is still queued is not sent."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _run(self) -> None:
        while True:
            while not self._pending:
                self._wake.clear()
                await self._wake.wait()
            self._taken = await self._take()
            while self._taken:
                delivery = self._sending = self._taken.pop(0)
                try:
                    await self._deliver(delivery)
                except asyncio.CancelledError:
                    raise
                except Exception:  # a bug here must not stop every later delivery
                    log.exception("falha ao entregar o webhook %s", delivery.webhook)
                finally:
                    self._sending = None

    async def _take(self) -> list[Delivery]:
        """The next delivery, or a shuffled window of them when ``reorder`` is on."""
        batch = [self._pending.popleft()]
        window = self.settings.reorder
        if window < 2:
            return batch
        loop = asyncio.get_running_loop()
        deadline = loop.time() + REORDER_WAIT_S
        while len(batch) < window:
            if self._pending:
                batch.append(self._pending.popleft())
                continue
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), remaining)
        shuffled = batch[:]
        self._rng.shuffle(shuffled)
        if len(batch) > 1 and shuffled == batch:  # a shuffle may keep the order: never here
            shuffled = shuffled[1:] + shuffled[:1]
        return shuffled

    def _duplicate(self) -> bool:
        chance = self.settings.duplicate
        if chance >= 1:
            self.settings.duplicate = chance - 1
            return True
        return chance > 0 and self._rng.random() < chance

    async def _deliver(self, delivery: Delivery) -> None:
        settings = self.settings
        if settings.delay_ms:
            await asyncio.sleep(settings.delay_ms / 1000)
        if settings.fail > 0:
            settings.fail -= 1
            delivery.state, delivery.error = FAILED, "falha simulada: não enviado"
            self._finish(delivery)
            return
        copies = [delivery]
        if self._duplicate():
            self._seq += 1
            copies.append(
                Delivery(
                    self._seq,
                    delivery.webhook,
                    delivery.url,
                    delivery.payload,
                    delivery.queued_at,
                    delivery.queued_wall,
                    copy=True,
                )
            )
            self.counters["duplicadas"] += 1
        for each in copies:
            await self._post(each)
            self._finish(each)

    async def _post(self, delivery: Delivery) -> None:
        session = self._session
        if session is None:
            delivery.state, delivery.error = FAILED, "sandbox encerrando"
            return
        body = json.dumps(delivery.payload, ensure_ascii=False).encode()
        timeout = aiohttp.ClientTimeout(total=self.settings.timeout_ms / 1000)
        delivery.sent_at = time.monotonic()
        try:
            async with session.post(
                delivery.url,
                data=body,
                headers={"Content-Type": "application/json; charset=utf-8"},
                timeout=timeout,
                allow_redirects=False,
            ) as response:
                await response.read()
                delivery.http_status = response.status
        except TimeoutError:
            delivery.state, delivery.error = FAILED, "tempo esgotado"
            return
        except aiohttp.ClientError as error:
            delivery.state, delivery.error = FAILED, f"{type(error).__name__}: {error}"[:200]
            return
        if 200 <= delivery.http_status < 300:
            delivery.state = DELIVERED
        else:
            delivery.state, delivery.error = FAILED, f"HTTP {delivery.http_status}"

    def _finish(self, delivery: Delivery) -> None:
        self._history.append(delivery)
        self.counters["entregues" if delivery.state == DELIVERED else "falhas"] += 1
