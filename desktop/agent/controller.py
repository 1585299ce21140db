"""The agent window's behaviour: webphone events in, snapshots out, commands checked."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.agent.call_details import CallDetailsFetcher, FetchCall
from desktop.agent.input_words import command_problem, number_problem
from desktop.agent.pause_log import PauseLog
from desktop.agent.preferences import AgentPreferences, PauseReason
from desktop.agent.quality_history import QualityHistory, QualitySample
from desktop.agent.state import (
    ALL_QUEUES,
    AgentSnapshot,
    AgentState,
    AgentStateMachine,
    quality_of,
)
from desktop.agent.webphone_like import WebphoneLike
from desktop.agent.words import reason_words, webphone_down, webphone_error
from desktop.api.phone import PhoneNumberError, normalize_phone
from desktop.webphone.protocol import Event, ParsedEvent, ProtocolError

__all__ = ["AgentController", "Clock", "FetchCall", "utc_now"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

_CAN_DIAL = (AgentState.READY, AgentState.ENDED)
_OFFLINE = (AgentState.DISCONNECTED, AgentState.CONNECTING)


def utc_now() -> datetime:
    """The wall clock, timezone-aware."""
    return datetime.now(UTC)


class AgentController(QObject):
    """Owns the agent's state machine and speaks to the webphone for the widgets.

    The state moves only on webphone events (plus the mute/recording flags the protocol
    never acknowledges). Commands are checked first: a refused one becomes ``error``
    with what to do, never an exception. ``clock`` drives every time (tests pass a fake
    one and call :meth:`tick`); ``fetch_call`` fetches the call record when the call
    gets its ``chamada_id``.
    """

    changed = Signal(object)  # AgentSnapshot, emitted only when it changed
    ticked = Signal(object)  # datetime, once a second, for the timers on screen
    error = Signal(str)  # what went wrong and what to do about it
    recovered = Signal()  # the webphone works again after being down
    dial_confirmation = Signal(str)  # a link asks to dial this (normalised) number
    call_details = Signal(object)  # what fetch_call returned for the current call
    call_details_failed = Signal(str)
    pause_overdue = Signal(str, int)  # reason (translated), its limit in minutes
    pause_after_call_changed = Signal(bool)
    pauses_changed = Signal()  # the pause log changed
    preferences_changed = Signal(object)  # AgentPreferences
    quality_sampled = Signal()  # a stats_webphone report was added to the history
    declined = Signal()  # the agent refused the ringing call: it is not a missed one

    def __init__(
        self,
        webphone: WebphoneLike,
        preferences: AgentPreferences | None = None,
        *,
        fetch_call: FetchCall | None = None,
        clock: Clock = utc_now,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._webphone = webphone
        self._prefs = preferences or AgentPreferences()
        self._clock = clock
        self._machine = AgentStateMachine()
        self._snap = self._machine.snapshot
        self._pause_log = PauseLog()
        self._quality = QualityHistory()
        self._pending_reasons: dict[str, PauseReason] = {}
        self._pause_after_call: PauseReason | None = None
        self._ringing_since: datetime | None = None
        self._auto_answered = False
        self._details = CallDetailsFetcher(fetch_call, self)
        self._details.fetched.connect(self.call_details)
        self._details.failed.connect(self.call_details_failed)
        self._down = False

        webphone.received.connect(self._on_event)
        webphone.health_changed.connect(self._on_health)
        webphone.failed.connect(self._on_failed)
        if webphone.health == "starting":
            self._publish(self._machine.connect_requested())
        self._timer = QTimer(self, interval=tick_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # --- state ---------------------------------------------------------------------

    @property
    def snapshot(self) -> AgentSnapshot:
        """The current state."""
        return self._snap

    @property
    def webphone(self) -> WebphoneLike:
        """The webphone bridge this controller drives."""
        return self._webphone

    @property
    def preferences(self) -> AgentPreferences:
        """The agent's preferences."""
        return self._prefs

    def set_preferences(self, preferences: AgentPreferences) -> None:
        """Use new preferences from now on (auto-answer, wrap-up, reasons, queues)."""
        if preferences != self._prefs:
            self._prefs = preferences
            self.preferences_changed.emit(preferences)

    @property
    def pause_log(self) -> PauseLog:
        """The pauses of this session with their reasons."""
        return self._pause_log

    @property
    def quality_history(self) -> QualityHistory:
        """Call-quality samples of the last minutes."""
        return self._quality

    @property
    def pause_after_call(self) -> PauseReason | None:
        """The reason of the pause queued for the end of the call, if any."""
        return self._pause_after_call

    def now(self) -> datetime:
        """The controller's clock."""
        return self._clock()

    def tick(self) -> None:
        """Once a second: wrap-up, auto-answer, pause limits, timers on screen."""
        now = self._clock()
        self._publish(self._machine.tick(now, self._prefs.wrap_up_seconds))
        self._check_auto_answer(now)
        self._check_pause_limits(now)
        self._quality.prune(now)
        self.ticked.emit(now)

    def shutdown(self) -> None:
        """Stop the timer and any fetch in progress."""
        self._timer.stop()
        self._details.cancel()

    async def aclose(self) -> None:
        """Stop the timer, and wait for a fetch in progress to end."""
        self._timer.stop()
        await self._details.aclose()

    # --- commands ------------------------------------------------------------------

    def dial(self, text: str) -> str | None:
        """Dial what the agent typed or pasted; returns the problem to show, or None."""
        if self._snap.state not in _CAN_DIAL:
            return self.tr("You can dial when the phone is ready and no call is in progress.")
        try:
            number = normalize_phone(text)
        except PhoneNumberError as exc:
            return number_problem(exc, text)
        if not self._send(lambda: self._webphone.chama_numero(number)):
            return self.tr("The call was not placed: see the message above.")
        self._publish(self._machine.dial_requested(number))
        return None

    def dial_link(self, text: str) -> None:
        """Dial a number from a ``tel:`` link, asking first when the preferences say so."""
        try:
            number = normalize_phone(text)
        except PhoneNumberError as exc:
            self.error.emit(
                self.tr("The link has no valid number: %1").replace("%1", number_problem(exc, text))
            )
            return
        if self._prefs.confirm_link_dial:
            self.dial_confirmation.emit(number)
            return
        problem = self.dial(number)
        if problem is not None:
            self.error.emit(problem)

    def answer(self) -> bool:
        """Answer the ringing call."""
        return self._snap.state is AgentState.RINGING and self._send(self._webphone.atender)

    def decline(self) -> bool:
        """Refuse the ringing call (the protocol hangs it up)."""
        return self._snap.state is AgentState.RINGING and self.hang_up()

    def hang_up(self) -> bool:
        """End the call (or stop ringing/dialing)."""
        ringing = self._snap.state is AgentState.RINGING
        sent = self._snap.in_call and self._send(self._webphone.desligar)
        if sent and ringing:
            self.declined.emit()
        return sent

    def send_dtmf(self, digits: str) -> bool:
        """Send keypad tones during a call."""
        if self._snap.state is not AgentState.TALKING:
            return False
        return self._send(lambda: self._webphone.enviar_dtmf(digits))

    def toggle_mute(self) -> bool:
        """Mute or unmute the microphone."""
        if not self._snap.in_call or not self._send(self._webphone.mute):
            return False
        self._publish(self._machine.mute_toggled())
        return True

    def set_recording(self, on: bool) -> bool:
        """Start or stop a partial recording of the call."""
        if self._snap.state is not AgentState.TALKING:
            return False
        command = self._webphone.gravacao_iniciar if on else self._webphone.gravacao_parar
        if not self._send(command):
            return False
        self._publish(self._machine.recording_requested(on))
        return True

    def toggle_recording(self) -> bool:
        """Start the partial recording, or stop it."""
        return self.set_recording(not self._snap.recording)

    def transfer(self, text: str, *, attended: bool) -> str | None:
        """Transfer the call (blind or attended); returns the problem to show, or None."""
        if self._snap.state is not AgentState.TALKING:
            return self.tr("There is no call in progress to transfer.")
        try:
            number = normalize_phone(text)
        except PhoneNumberError as exc:
            return number_problem(exc, text)
        send = self._webphone.transferir_consulta if attended else self._webphone.transferir
        if not self._send(lambda: send(number)):
            return self.tr("The transfer was not sent: see the message in the window.")
        return None

    def join_queue(self, fila_id: str) -> bool:
        """Enter queue ``fila_id``."""
        fila_id = fila_id.strip()
        if not self._send(lambda: self._webphone.entrar_na_fila(fila_id)):
            return False
        self._machine.queue_command("join", fila_id)
        return True

    def leave_queue(self, fila_id: str) -> bool:
        """Leave queue ``fila_id``."""
        if not self._send(lambda: self._webphone.sair_da_fila(fila_id)):
            return False
        self._machine.queue_command("leave", fila_id)
        return True

    def pause(self, fila_id: str | None, reason: PauseReason) -> bool:
        """Pause in one queue, or in all of them (None), for ``reason``."""
        if not self._send(lambda: self._webphone.pausar_na_fila(fila_id)):
            return False
        self._pending_reasons[fila_id or ALL_QUEUES] = reason
        self._machine.queue_command("pause", fila_id)
        return True

    def unpause(self, fila_id: str | None) -> bool:
        """End the pause in one queue, or in all of them (None)."""
        if not self._send(lambda: self._webphone.despausar_na_fila(fila_id)):
            return False
        self._machine.queue_command("unpause", fila_id)
        return True

    def set_pause_after_call(self, reason: PauseReason | None) -> None:
        """Pause in every queue when the current call ends (None cancels)."""
        if reason == self._pause_after_call:
            return
        self._pause_after_call = reason
        self.pause_after_call_changed.emit(reason is not None)

    def finish_wrap_up(self) -> None:
        """Be ready now instead of waiting for the wrap-up time."""
        self._publish(self._machine.tick(self._clock(), 0))

    def connect_phone(self) -> bool:
        """Connect the ramal (``conectar``)."""
        if not self._send(self._webphone.conectar):
            return False
        self._publish(self._machine.connect_requested())
        return True

    def disconnect_phone(self) -> bool:
        """Disconnect the ramal (``desconectar``); no reconnection follows."""
        if not self._send(self._webphone.desconectar):
            return False
        self._publish(self._machine.disconnect_requested())
        return True

    def reconnect(self) -> None:
        """Load the webphone again with a fresh URL."""
        self._webphone.reload()

    def _send(self, command: Callable[[], None]) -> bool:
        try:
            command()
        except ProtocolError as exc:
            self.error.emit(
                self.tr("The command was refused: %1.").replace("%1", command_problem(exc))
            )
            return False
        except RuntimeError as exc:  # the bridge's WebphoneUnavailable
            log.info("webphone command while not ready: %s", exc)
            self.error.emit(
                self.tr(
                    "The webphone is not ready yet (%1). Wait until the top of the window "
                    "says “Ready”, or use Phone ▸ Reconnect."
                ).replace("%1", str(exc))
            )
            return False
        return True

    # --- events --------------------------------------------------------------------

    def _on_event(self, event: object) -> None:
        if not isinstance(event, ParsedEvent):
            return
        now = self._clock()
        if event.event is Event.STATS_WEBPHONE:
            internet = quality_of(event.fields.get("internet"))
            computer = quality_of(event.fields.get("computador"))
            self._quality.add(QualitySample(now, internet, computer))
            self.quality_sampled.emit()
        elif event.event is Event.STATUS_ERRO:
            self.error.emit(webphone_error(event.fields["status_erro"]))
        self._publish(self._machine.apply(event, now))

    def _on_health(self, health: str, reason: str) -> None:
        if health == "down":
            self._down = True
            self.error.emit(webphone_down(reason or self.tr("no reason given")))
        elif health == "starting":
            self._page_gone()  # a fresh page: not connected (and no call) until it says so
            self._publish(self._machine.connect_requested())
        elif health == "ok" and self._down:
            self._down = False
            self.recovered.emit()

    def _on_failed(self, reason: str) -> None:
        self._page_gone()
        self.error.emit(webphone_down(reason))

    def _page_gone(self) -> None:
        if self._snap.state not in _OFFLINE:
            lost = ParsedEvent(Event.STATUS, {"status": "desconectado"})
            self._publish(self._machine.apply(lost, self._clock()))

    # --- what follows a change -----------------------------------------------------

    def _publish(self, snap: AgentSnapshot) -> None:
        if snap == self._snap:
            return
        old, self._snap = self._snap, snap
        now = self._clock()
        if self._pause_log.follow(old, snap, self._pending_reasons, now):
            self.pauses_changed.emit()
        self.changed.emit(snap)
        # Commands last: a webphone answering at once must not reorder the snapshots.
        self._after_change(old, snap, now)

    def _after_change(self, old: AgentSnapshot, snap: AgentSnapshot, now: datetime) -> None:
        if snap.state is AgentState.RINGING:
            started = snap.call.started_at if snap.call else None
            if (
                old.state is not AgentState.RINGING
                or old.call is None
                or (old.call.started_at != started)
            ):
                self._ringing_since = now
                self._auto_answered = False
            self._check_auto_answer(now)
        else:
            self._ringing_since = None
        if old.in_call and snap.state is AgentState.ENDED and self._pause_after_call:
            reason, self._pause_after_call = self._pause_after_call, None
            self.pause_after_call_changed.emit(False)
            self.pause(None, reason)
        call = snap.call
        if call is not None and call.chamada_id and call.ended_at is None:
            self._details.request(call.chamada_id)

    def _check_auto_answer(self, now: datetime) -> None:
        delay = self._prefs.auto_answer_seconds
        since = self._ringing_since
        if delay is None or since is None or self._auto_answered:
            return
        if (now - since).total_seconds() >= delay:
            self._auto_answered = True
            self.answer()

    def _check_pause_limits(self, now: datetime) -> None:
        for entry in self._pause_log.open_entries():
            if entry.reminded or not entry.overdue(now):
                continue
            self._pause_log.mark_reminded(entry)
            limit = entry.reason.max_minutes or 0
            self.pause_overdue.emit(reason_words(entry.reason), limit)
            if entry.reason.auto_unpause:
                self.unpause(None if entry.queue == ALL_QUEUES else entry.queue)
