"""The one place where the sandbox's state changes become webhooks (and balance charges).

:class:`WebhookEvents` listens to the call engine, so every call is covered whatever
started it: ``POST /chamada``, a webphone page, the control API, simulated traffic or a
conference room. Payloads are built at the moment of the change and handed to the
dispatcher, which only queues them.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from desktop.sandbox import webhook_payloads as payloads
from desktop.sandbox.account import Account, call_price
from desktop.sandbox.context import Context
from desktop.sandbox.engine import ANSWERED, ENDED
from desktop.sandbox.models import Call, Leg
from desktop.sandbox.store import digits
from desktop.sandbox.voicemail import TO_VOICEMAIL, VoicemailBox
from desktop.sandbox.webhooks import WebhookDispatcher

log = logging.getLogger(__name__)

#: Kinds of call the "Eventos em Tempo Real de Chamada" cover (API and webphone calls).
_LEG_EVENT_KINDS = frozenset({"api", "webphone"})


def _national(number: str) -> str:
    """DDD + number, as the docs write phone numbers (``+55`` dropped)."""
    plain = digits(number)
    if plain.startswith("55") and len(plain) in (12, 13):
        return plain[2:]
    return plain or number


class WebhookEvents:
    """Turns call engine events into webhook deliveries, voicemails and balance charges."""

    def __init__(
        self,
        context: Context,
        dispatcher: WebhookDispatcher,
        account: Account,
        voicemails: VoicemailBox,
    ) -> None:
        self.context = context
        self.dispatcher = dispatcher
        self.account = account
        self.voicemails = voicemails
        self._sent: dict[tuple[int, str], tuple[object, ...]] = {}  # last state per leg event
        self._status_at: dict[int, float] = {}  # call id → loop time of its last status
        self._status_later: dict[int, asyncio.TimerHandle] = {}
        context.engine.subscribe(self._on_call_event)

    def close(self) -> None:
        """Drop the held "Status Tempo Real" updates (server shutdown)."""
        for handle in self._status_later.values():
            handle.cancel()
        self._status_later.clear()

    def _on_call_event(self, call: Call, event: str) -> None:
        try:
            self._handle(call, event, self.context.store.clock())
        except Exception:  # the engine and the API must go on whatever happens here
            log.exception("webhook do evento %s da chamada %s", event, call.id)

    def _handle(self, call: Call, event: str, at: datetime) -> None:
        send, wants = self.dispatcher.send, self.dispatcher.wants
        if wants("status_tempo_real"):
            self._status(call, at)
        if call.kind in _LEG_EVENT_KINDS and wants("chamada_tempo_real"):
            send("chamada_tempo_real", payloads.chamada_legs_payload(call))
        if wants("ramal_tempo_real"):
            for side, leg in (("origem", call.origem), ("destino", call.destino)):
                if self._is_ramal(leg) and self._changed(call, "ramal_" + side, leg):
                    send("ramal_tempo_real", payloads.ramal_payload(call, leg, at))
        did = call.kind == "entrante" and wants("chamada_did_tempo_real")
        if did and self._changed(call, "did", call.destino):
            send("chamada_did_tempo_real", payloads.did_payload(call, at))
        if call.conferencia_id is not None:
            self._conference(call, event)
        if event == ENDED:
            self._ended(call, at)

    def _status(self, call: Call, at: datetime) -> None:
        """Webhook "Status Tempo Real" is limited to one request every 2 s per live call.

        A change inside that window is held and the call's state when the window ends is
        sent instead (so intermediate states can be missed, as on the provider); the end
        of the call goes out at once and replaces anything held.
        """
        interval = self.dispatcher.settings.status_interval_ms / 1000
        loop = asyncio.get_running_loop()
        last = self._status_at.get(call.id)
        if call.finished or interval <= 0 or last is None or loop.time() - last >= interval:
            held = self._status_later.pop(call.id, None)
            if held is not None:
                held.cancel()
            self._send_status(call, at)
        elif call.id not in self._status_later:
            self._status_later[call.id] = loop.call_at(last + interval, self._held_status, call)

    def _held_status(self, call: Call) -> None:
        self._status_later.pop(call.id, None)
        if not call.finished and self.dispatcher.wants("status_tempo_real"):
            self._send_status(call, self.context.store.clock())

    def _send_status(self, call: Call, at: datetime) -> None:
        if call.finished:
            self._status_at.pop(call.id, None)
        else:
            self._status_at[call.id] = asyncio.get_running_loop().time()
        payload = payloads.chamada_payload(call, at, self.context.base_url)
        self.dispatcher.send("status_tempo_real", payload)

    def _is_ramal(self, leg: Leg) -> bool:
        return leg.tipo == "ramal" and self.context.store.ramal_by_number(leg.numero) is not None

    def _changed(self, call: Call, key: str, leg: Leg) -> bool:
        """True when the leg's status differs from the last one reported for ``key``."""
        state = (payloads.leg_status(call, leg), leg.answered_at is not None, call.finished)
        if self._sent.get((call.id, key)) == state:
            return False
        self._sent[(call.id, key)] = state
        return True

    def _conference(self, call: Call, event: str) -> None:
        conference = self.context.store.conferences.get(call.conferencia_id or 0)
        if conference is None or not self.dispatcher.wants("conferencia_tempo_real"):
            return
        if event == ANSWERED:
            evento = payloads.ENTERED
        elif event == ENDED and call.destino.answered_at is not None:
            evento = payloads.LEFT
        else:
            return
        self.dispatcher.send(
            "conferencia_tempo_real", payloads.conference_payload(conference, call, evento)
        )

    def _ended(self, call: Call, at: datetime) -> None:
        for key in ("ramal_origem", "ramal_destino", "did"):
            self._sent.pop((call.id, key), None)
        self._status_at.pop(call.id, None)
        base = self.context.base_url
        name = "chamada_did_fim" if call.kind == "entrante" else "chamada_fim"
        if self.dispatcher.wants(name):
            self.dispatcher.send(name, payloads.chamada_payload(call, at, base))
        if call.kind == "entrante":
            self._maybe_voicemail(call, at)
        if self.account.charge(call_price(call, at)):
            self.dispatcher.send("aviso_saldo", payloads.balance_payload(self.account.saldo))

    def _maybe_voicemail(self, call: Call, at: datetime) -> None:
        leg = call.destino
        if leg.answered_at is not None or leg.status not in TO_VOICEMAIL:
            return
        ramal = self.context.store.ramais.get(call.ramal_id_destino or 0)
        if ramal is None or not ramal.voicemail:
            return
        message = self.voicemails.leave(
            ramal.id, ramal.ramal, _national(call.origem.numero), at, call.id
        )
        payload = self.voicemails.payload(message, self.context.base_url)
        self.dispatcher.send("novo_voicemail", payload)
