"""Test doubles for the agent window: a webphone that records commands, a settable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.webphone.protocol import build_command, parse_event

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


class FakeWebphone(QObject):
    """Same signals and commands as the real Webphone; commands are recorded, not sent.

    Commands are validated with the real protocol (bad input raises ProtocolError). With
    ``ready = False`` they raise RuntimeError like the bridge's WebphoneUnavailable. The
    test plays the webphone's part by emitting events with :meth:`emit_event`.
    """

    received = Signal(object)
    health_changed = Signal(str, str)
    failed = Signal(str)

    def __init__(self, health: str = "starting") -> None:
        super().__init__()
        self.health = health
        self.ready = True
        self.commands: list[tuple[str, dict[str, object]]] = []
        self.frame_visible = False
        self.reloads = 0
        self._view = QLabel("webphone page")

    # --- what the window reads --------------------------------------------------
    @property
    def view(self) -> QWidget:
        return self._view

    def set_frame_visible(self, visible: bool) -> None:
        self.frame_visible = visible

    def reload(self) -> None:
        self.reloads += 1

    # --- the test plays the page -----------------------------------------------
    def emit_event(self, message: str, **fields: Any) -> None:
        self.received.emit(parse_event({"message": message, **fields}))

    def status(self, value: str) -> None:
        self.emit_event("status", status=value)

    def set_health(self, health: str, reason: str = "") -> None:
        self.health = health
        self.health_changed.emit(health, reason)

    def names(self) -> list[str]:
        return [name for name, _ in self.commands]

    def clear(self) -> None:
        self.commands.clear()

    # --- commands ---------------------------------------------------------------
    def _record(self, command: str, **fields: object) -> None:
        message = build_command(command, **fields)
        if not self.ready:
            raise RuntimeError("the webphone is not ready yet")
        message.pop("message")
        self.commands.append((command, message))

    def conectar(self) -> None:
        self._record("conectar")

    def desconectar(self) -> None:
        self._record("desconectar")

    def chama_numero(self, numero: str) -> None:
        self._record("chamaNumero", numero=numero)

    def atender(self) -> None:
        self._record("answer")

    def desligar(self) -> None:
        self._record("hangup")

    def enviar_dtmf(self, digitos: str) -> None:
        self._record("enviaDTMF", dtmf=digitos)

    def mute(self) -> None:
        self._record("mute")

    def transferir(self, numero: str) -> None:
        self._record("transferir", numeroTelefone=numero)

    def transferir_consulta(self, numero: str) -> None:
        self._record("transferirConsulta", numeroTelefone=numero)

    def gravacao_iniciar(self) -> None:
        self._record("recStart")

    def gravacao_parar(self) -> None:
        self._record("recStop")

    def pausar_na_fila(self, fila_id: str | int | None = None) -> None:
        self._record("pausarNaFila", filaId=fila_id)

    def despausar_na_fila(self, fila_id: str | int | None = None) -> None:
        self._record("despausarNaFila", filaId=fila_id)

    def entrar_na_fila(self, fila_id: str | int) -> None:
        self._record("entrarNaFila", filaId=fila_id)

    def sair_da_fila(self, fila_id: str | int) -> None:
        self._record("sairDaFila", filaId=fila_id)


class FakePlayer:
    """A ring player that remembers whether it rings."""

    def __init__(self) -> None:
        self.playing = False
        self.plays = 0

    def play(self) -> None:
        self.playing = True
        self.plays += 1

    def stop(self) -> None:
        self.playing = False

    def is_playing(self) -> bool:
        return self.playing
