"""What the agent window needs from the webphone bridge, as a typing Protocol.

:class:`desktop.webphone.webphone.Webphone` satisfies it; tests use a small fake.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget


class WebphoneLike(Protocol):
    """Commands raise ``ProtocolError`` for bad input and ``RuntimeError`` when not ready."""

    @property
    def received(self) -> SignalInstance:
        """Every valid event, as a ``ParsedEvent``."""

    @property
    def health_changed(self) -> SignalInstance:
        """``(health, reason)``: ``starting``, ``ok`` or ``down`` and why."""

    @property
    def failed(self) -> SignalInstance:
        """``(reason)``: the page, its URL or its renderer failed."""

    @property
    def health(self) -> str:
        """The current health value."""

    @property
    def view(self) -> QWidget:
        """The widget showing the webphone's page (for troubleshooting)."""

    def set_frame_visible(self, visible: bool) -> None:
        """Show the provider's frame inside the page."""

    def reload(self) -> None:
        """Load the webphone again with a fresh URL."""

    def conectar(self) -> None:
        """Connect the ramal."""

    def desconectar(self) -> None:
        """Disconnect the ramal."""

    def chama_numero(self, numero: str) -> None:
        """Dial ``numero``."""

    def atender(self) -> None:
        """Answer the ringing call."""

    def desligar(self) -> None:
        """Hang up (or decline a ringing call)."""

    def enviar_dtmf(self, digitos: str) -> None:
        """Send DTMF tones."""

    def mute(self) -> None:
        """Toggle the microphone."""

    def transferir(self, numero: str) -> None:
        """Blind transfer."""

    def transferir_consulta(self, numero: str) -> None:
        """Attended transfer."""

    def gravacao_iniciar(self) -> None:
        """Start a partial recording."""

    def gravacao_parar(self) -> None:
        """Stop the partial recording."""

    def pausar_na_fila(self, fila_id: str | int | None = None) -> None:
        """Pause in one queue, or all when None."""

    def despausar_na_fila(self, fila_id: str | int | None = None) -> None:
        """Unpause in one queue, or all when None."""

    def entrar_na_fila(self, fila_id: str | int) -> None:
        """Join a queue."""

    def sair_da_fila(self, fila_id: str | int) -> None:
        """Leave a queue."""
