"""Notices a dead or silent webphone and asks for a reload when no call is in progress."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.webphone.protocol import Event, ParsedEvent

__all__ = ["Health", "Watchdog"]

_CALL_STATUSES = frozenset({"chamando", "conversando"})
_END_STATUSES = frozenset({"encerrada", "desconectado"})


class Health(StrEnum):
    """The webphone's health as the tray and the header show it."""

    STARTING = "starting"  # loading, or loaded and not yet connected
    OK = "ok"  # connected (or disconnected because the agent asked)
    DOWN = "down"  # broken; ``reason`` says why, a reload is scheduled or waits for the call


class Watchdog(QObject):
    """Tracks liveness from the webphone's own events.

    Down when the render process dies, the page fails to load, ``stats_webphone`` stops
    for ``silence_ms``, or ``desconectado`` arrives while the agent wants to be
    connected. Then it emits ``recover(reason)`` after a back-off delay that doubles on
    every failed attempt (``retry_ms`` = first delay, cap) and resets on ``conectado``.
    While a call is in progress the reload waits for the call to end.
    """

    health_changed = Signal(str, str)  # Health value, reason
    recover = Signal(str)  # reason

    def __init__(
        self,
        *,
        silence_ms: int = 15_000,
        retry_ms: tuple[int, int] = (1_000, 60_000),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._health = Health.STARTING
        self._reason = ""
        self._retry_first, self._retry_cap = retry_ms
        self._attempts = 0
        self._call_active = False
        self._pending = False
        self._heard = False
        self._wanted = True
        self._last_error = ""
        self._silent_down = False  # down only because stats stopped: stats coming back heal it
        self._silence = QTimer(self, singleShot=True, interval=silence_ms)
        self._silence.timeout.connect(self._on_silence)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._on_retry)
        self._stopped = False

    @property
    def health(self) -> Health:
        """Current health."""
        return self._health

    @property
    def reason(self) -> str:
        """Why the webphone is down (empty otherwise)."""
        return self._reason

    @property
    def call_active(self) -> bool:
        """True between the start of a call (ringing or dialing) and its end."""
        return self._call_active

    @property
    def retry_delay_ms(self) -> int | None:
        """Delay of the scheduled reload, or None when none is scheduled."""
        return self._retry.interval() if self._retry.isActive() else None

    @property
    def recovery_pending(self) -> bool:
        """True when a reload waits for the current call to end."""
        return self._pending

    def loading(self) -> None:
        """A fresh load started: not connected yet, the silence clock starts now."""
        if self._stopped:
            return
        self._retry.stop()
        self._pending = False
        self._heard = False
        self._call_active = False
        self._silent_down = False
        self._set(Health.STARTING, "")
        if self._wanted:
            self._silence.start()

    def agent_wants_connection(self, wanted: bool) -> None:
        """The agent asked to connect (True) or to disconnect (False)."""
        self._wanted = wanted
        if not wanted:
            self._silence.stop()
        elif not self._stopped:
            self._silence.start()

    def observe(self, event: ParsedEvent) -> None:
        """Update liveness and call state from a valid event."""
        if self._stopped:
            return
        self._heard = True
        if event.event is Event.STATS_WEBPHONE:
            if self._wanted:
                self._silence.start()
            if self._silent_down:
                self._silent_down = False
                self._pending = False
                self._retry.stop()
                self._set(Health.OK, "")
        elif event.event is Event.STATUS_ERRO:
            self._last_error = event.fields["status_erro"]
        elif event.event is Event.CHEGANDO_CHAMADA:
            self._call_active = True
        elif event.event is Event.STATUS:
            self._on_status(event.fields["status"])

    def failed(self, reason: str, *, call_lost: bool = False) -> None:
        """Something broke; ``call_lost`` when no call can survive it (renderer gone)."""
        if self._stopped:
            return
        if call_lost:
            self._call_active = False
        self._silent_down = False
        self._silence.stop()
        self._set(Health.DOWN, reason)
        if self._call_active:
            self._pending = True
            self._retry.stop()
            return
        self._schedule()

    def stop(self) -> None:
        """Stop every timer; nothing is emitted afterwards."""
        self._stopped = True
        self._silence.stop()
        self._retry.stop()

    def _on_status(self, status: str) -> None:
        if status in _CALL_STATUSES:
            self._call_active = True
            if self._health is Health.STARTING:
                self._set(Health.OK, "")
            return
        if status == "conectado":
            self._attempts = 0
            self._last_error = ""
            self._set(Health.OK, "")
            return
        if status not in _END_STATUSES:
            return  # unknown statuses are shown by the UI, they say nothing about health
        was_in_call = self._call_active
        self._call_active = False
        if status == "desconectado" and self._wanted:
            if self._last_error:
                reason = QCoreApplication.translate(
                    "Webphone", "the webphone disconnected: %1"
                ).replace("%1", self._last_error)
            else:
                reason = QCoreApplication.translate("Webphone", "the webphone disconnected")
            self.failed(reason)
            return
        if status == "desconectado":
            self._set(Health.OK, "")
        if was_in_call and self._pending:
            self._pending = False
            self._schedule()

    def _schedule(self) -> None:
        delay = min(self._retry_cap, self._retry_first * (2**self._attempts))
        self._attempts = min(self._attempts + 1, 16)
        self._retry.start(delay)

    def _on_silence(self) -> None:
        if self._heard:
            seconds = round(self._silence.interval() / 1000)
            self.failed(
                QCoreApplication.translate(
                    "Webphone", "no signal from the webphone for %1 s"
                ).replace("%1", str(seconds))
            )
            self._silent_down = True
        else:
            self.failed(QCoreApplication.translate("Webphone", "the webphone did not respond"))

    def _on_retry(self) -> None:
        if self._call_active:
            self._pending = True
            return
        self.recover.emit(
            self._reason or QCoreApplication.translate("Webphone", "reloading the webphone")
        )

    def _set(self, health: Health, reason: str) -> None:
        if (health, reason) == (self._health, self._reason):
            return
        self._health = health
        self._reason = reason
        self.health_changed.emit(health.value, reason)
