"""Server side of the simulated webphone: page sessions, their event streams and actions."""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from desktop.sandbox.engine import ANSWERED, ENDED, RINGING, CallEngine
from desktop.sandbox.models import Call, Ramal
from desktop.sandbox.store import Store, classify

JsonObject = dict[str, object]

_NUMBER: Final = re.compile(r"^\+?[0-9*#]{2,20}$")
_DTMF: Final = re.compile(r"^[0-9*#]{1,32}$")
_QUEUE_ID: Final = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_GONE_AFTER_S: Final = 3.0  # an event stream may drop and reconnect; after this the page is gone


class ActionError(Exception):
    """A page action that cannot be done; the page shows it as ``status_erro``."""


@dataclass
class Session:
    """One loaded webphone page."""

    id: str
    ramal_id: int
    ramal: str
    events: asyncio.Queue[JsonObject | None] = field(default_factory=asyncio.Queue)
    connected: bool = False
    streams: int = 0
    closed: bool = False
    call_id: int | None = None

    def to_json(self) -> JsonObject:
        """Internal view for ``/_sandbox/webphones``."""
        return {
            "session": self.id,
            "ramal": self.ramal,
            "ramal_id": self.ramal_id,
            "conectado": self.connected,
            "online": self.streams > 0 and not self.closed,
            "chamada_id": self.call_id,
        }


def _text(body: JsonObject, key: str, pattern: re.Pattern[str], *, required: bool) -> str | None:
    value = body.get(key)
    if value is None or value == "":
        if required:
            raise ActionError(f"{key} não informado")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ActionError(f"{key} inválido")
    text = str(value).strip()
    if not pattern.match(text):
        raise ActionError(f"{key} inválido: {text[:30]}")
    return text


def _dialable(body: JsonObject, key: str) -> str:
    """A number as the provider's examples send it, or the refusal the page shows.

    ``DDD + número``, a ramal, or ``+`` for other countries; a Brazilian number in E.164
    is never in the examples and is refused like a number the provider cannot dial.
    """
    numero = _text(body, key, _NUMBER, required=True) or ""
    if numero.startswith("+55"):
        raise ActionError(f"número inválido: {numero} (informe DDD + número)")
    return numero


class WebphoneHub:
    """Keeps page sessions and turns page actions and call events into each other."""

    def __init__(self, store: Store, engine: CallEngine) -> None:
        self.store = store
        self.engine = engine
        self.sessions: dict[str, Session] = {}
        engine.subscribe(self._on_call_event)

    def open(self, ramal: Ramal) -> Session:
        """A page was loaded for ``ramal``."""
        session = Session(id=secrets.token_urlsafe(18), ramal_id=ramal.id, ramal=ramal.ramal)
        self.sessions[session.id] = session
        self.push(session, self.config_event(session))
        return session

    def get(self, session_id: str) -> Session | None:
        """A live session by id."""
        session = self.sessions.get(session_id)
        return session if session is not None and not session.closed else None

    def push(self, session: Session, event: JsonObject) -> None:
        """Queue an event for the page's event stream."""
        if not session.closed:
            session.events.put_nowait(event)

    def config_event(self, session: Session) -> JsonObject:
        """Stats settings for one page."""
        settings = self.store.settings
        return {
            "type": "config",
            "stats_interval_ms": settings.stats_interval_ms,
            "silent": session.ramal in self.store.silent,
            "internet": settings.stats_internet,
            "computador": settings.stats_computador,
        }

    def broadcast_config(self) -> None:
        """Send the current stats settings to every page."""
        for session in self.sessions.values():
            self.push(session, self.config_event(session))

    def stream_opened(self, session: Session) -> None:
        """The page attached its event stream."""
        session.streams += 1

    def stream_closed(self, session: Session) -> None:
        """The event stream closed; unless the page reconnects soon, it is gone."""
        session.streams -= 1
        if session.streams <= 0 and not session.closed:
            loop = asyncio.get_running_loop()
            loop.call_later(_GONE_AFTER_S, self._maybe_gone, session)

    def _maybe_gone(self, session: Session) -> None:
        if session.streams > 0 or session.closed:
            return
        session.closed, session.connected = True, False
        call = self.store.calls.get(session.call_id) if session.call_id else None
        session.call_id = None
        if call is not None:
            self.engine.hangup(call)
        self.sessions.pop(session.id, None)

    def close_all(self) -> None:
        """Server shutdown: end every event stream."""
        for session in self.sessions.values():
            session.closed = True
            session.events.put_nowait(None)

    def receiving_session(self, ramal: Ramal) -> Session | None:
        """The newest connected page of ``ramal`` that is free for a call."""
        candidates = [
            s
            for s in self.sessions.values()
            if s.ramal_id == ramal.id and s.connected and not s.closed and s.call_id is None
        ]
        return candidates[-1] if candidates else None

    def ramal_busy(self, ramal: Ramal) -> bool:
        """True when a page of the ramal is in a call."""
        return any(
            s.call_id is not None and not s.closed
            for s in self.sessions.values()
            if s.ramal_id == ramal.id
        )

    def ring(self, ramal: Ramal, numero: str) -> tuple[Call, bool]:
        """Ring ``ramal`` from ``numero``; returns the call and whether a page got it."""
        session = self.receiving_session(ramal)
        call = self.engine.incoming(ramal, numero)
        if session is None:
            return call, False
        session.call_id = call.id
        self.push(
            session,
            {"type": "ring", "chamada_id": call.id, "numero": numero, "destino": ramal.ramal},
        )
        return call, True

    def _on_call_event(self, call: Call, event: str) -> None:
        if event == RINGING:
            return
        for session in self.sessions.values():
            if session.call_id != call.id:
                continue
            if event == ANSWERED:
                self.push(session, {"type": "answered", "chamada_id": call.id})
            elif event == ENDED:
                session.call_id = None
                self.push(session, {"type": "ended", "chamada_id": call.id})

    # actions posted by the page

    def _ramal(self, session: Session) -> Ramal:
        ramal = self.store.ramais.get(session.ramal_id)
        if ramal is None:
            raise ActionError("ramal removido")
        return ramal

    def _current_call(self, session: Session, body: JsonObject) -> Call:
        """The session's call, which must be the one the page names in ``chamada_id``.

        The caller may hang up and the next call ring the same page before the page has
        heard of either: an answer or a hang-up the page meant for the call it shows must
        not act on the next one.
        """
        call = self.store.calls.get(session.call_id) if session.call_id else None
        if call is None or call.finished:
            raise ActionError("nenhuma chamada em andamento")
        named = body.get("chamada_id")
        if named is not None and str(named) != str(call.id):
            raise ActionError(f"a chamada {str(named)[:20]} já terminou")
        return call

    def act(self, session: Session, action: str, body: JsonObject) -> JsonObject:
        """Run a page action; raises :class:`ActionError` for refusals."""
        actions: dict[str, Callable[[Session, JsonObject], JsonObject]] = {
            "connect": self._do_connect,
            "disconnect": self._do_disconnect,
            "dial": self._do_dial,
            "answer": self._do_answer,
            "hangup": self._do_hangup,
            "dtmf": self._do_dtmf,
            "mute": self._do_mute,
            "transfer": self._do_transfer,
            "transfer_consult": self._do_transfer_consult,
            "rec_start": self._do_rec_start,
            "rec_stop": self._do_rec_stop,
            "queue_enter": self._do_queue_enter,
            "queue_leave": self._do_queue_leave,
            "queue_pause": self._do_queue_pause,
            "queue_unpause": self._do_queue_unpause,
        }
        handler = actions.get(action)
        if handler is None:
            raise ActionError(f"ação desconhecida: {action[:30]}")
        return handler(session, body)

    def _do_connect(self, session: Session, body: JsonObject) -> JsonObject:
        self._ramal(session)
        session.connected = True
        return {"ok": True}

    def _do_disconnect(self, session: Session, body: JsonObject) -> JsonObject:
        if session.call_id is not None:
            self._do_hangup(session, body)
        session.connected = False
        return {"ok": True}

    def _do_dial(self, session: Session, body: JsonObject) -> JsonObject:
        numero = _dialable(body, "numero")
        ramal = self._ramal(session)
        if not session.connected:
            raise ActionError("webphone desconectado")
        if session.call_id is not None:
            raise ActionError("já existe uma chamada em andamento")
        failure = self.store.fail_next_dial.pop(ramal.ramal, None)
        if failure:
            raise ActionError(failure)
        tipo = classify(numero, self.store.ramal_numbers())
        if tipo != "ramal" and not ramal.ligacao_externa:
            raise ActionError("ramal sem permissão para ligações externas")
        if tipo == "movel" and not ramal.ligacao_celular:
            raise ActionError("ramal sem permissão para ligar para celular")
        call = self.engine.dial_from_ramal(ramal, numero)
        session.call_id = call.id
        return {"ok": True, "chamada_id": call.id}

    def _do_answer(self, session: Session, body: JsonObject) -> JsonObject:
        call = self._current_call(session, body)
        if call.kind != "entrante" or call.destino.answered_at is not None:
            raise ActionError("nenhuma chamada chegando para atender")
        self.engine.agent_answers(call)
        return {"ok": True, "chamada_id": call.id}

    def _do_hangup(self, session: Session, body: JsonObject) -> JsonObject:
        call = self._current_call(session, body)
        session.call_id = None
        if call.kind == "entrante" and call.destino.answered_at is None:
            self.engine.hangup(call, unanswered=("ocupado", "21. chamada rejeitada"))
        else:
            self.engine.hangup(call, unanswered=("cancelada", "16. normal"))
        return {"ok": True, "chamada_id": call.id}

    def _do_dtmf(self, session: Session, body: JsonObject) -> JsonObject:
        digits = _text(body, "dtmf", _DTMF, required=True) or ""
        call = self._current_call(session, body)
        call.dtmf += digits
        return {"ok": True}

    def _do_mute(self, session: Session, body: JsonObject) -> JsonObject:
        call = self._current_call(session, body)
        call.muted = bool(body.get("muted", not call.muted))
        return {"ok": True, "muted": call.muted}

    def _transfer(self, session: Session, body: JsonObject, consult: bool) -> JsonObject:
        numero = _dialable(body, "numeroTelefone")
        call = self._current_call(session, body)
        if not call.answered:
            raise ActionError("a chamada ainda não foi atendida")
        perna = "destino" if call.kind != "entrante" else "origem"
        session.call_id = None
        self.engine.transfer(call, numero, perna)
        call.transferencias[-1]["consulta"] = consult
        return {"ok": True, "chamada_id": call.id}

    def _do_transfer(self, session: Session, body: JsonObject) -> JsonObject:
        return self._transfer(session, body, consult=False)

    def _do_transfer_consult(self, session: Session, body: JsonObject) -> JsonObject:
        return self._transfer(session, body, consult=True)

    def _do_rec_start(self, session: Session, body: JsonObject) -> JsonObject:
        self._current_call(session, body).gravar = True
        return {"ok": True}

    def _do_rec_stop(self, session: Session, body: JsonObject) -> JsonObject:
        self._current_call(session, body)
        return {"ok": True}  # the part recorded so far is kept

    def _do_queue_enter(self, session: Session, body: JsonObject) -> JsonObject:
        fila = _text(body, "filaId", _QUEUE_ID, required=True) or ""
        self.store.queues.setdefault(session.ramal_id, set()).add(fila)
        return {"ok": True, "filaId": fila}

    def _do_queue_leave(self, session: Session, body: JsonObject) -> JsonObject:
        fila = _text(body, "filaId", _QUEUE_ID, required=True) or ""
        self.store.queues.setdefault(session.ramal_id, set()).discard(fila)
        self.store.end_pauses(session.ramal_id, fila, self.store.clock())
        return {"ok": True, "filaId": fila}

    def _do_queue_pause(self, session: Session, body: JsonObject) -> JsonObject:
        fila = _text(body, "filaId", _QUEUE_ID, required=False)
        self.store.start_pause(session.ramal_id, fila, self.store.clock())
        return {"ok": True, "filaId": fila}

    def _do_queue_unpause(self, session: Session, body: JsonObject) -> JsonObject:
        fila = _text(body, "filaId", _QUEUE_ID, required=False)
        self.store.end_pauses(session.ramal_id, fila, self.store.clock())
        return {"ok": True, "filaId": fila}
