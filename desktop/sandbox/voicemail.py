"""Voicemail: messages left for ramais with ``voicemail`` on, and their recordings."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from desktop.sandbox.store import CLIENTE_ID
from desktop.sandbox.timeutil import iso

JsonObject = dict[str, object]

#: Statuses of an incoming call that end in the ramal's voicemail (nobody picked up).
TO_VOICEMAIL: Final = frozenset({"sem resposta", "ocupado"})
RECORDING_PATH: Final = "/recvm/"


@dataclass
class Voicemail:
    """One message in a ramal's voicemail box."""

    id: int
    ramal_id: int
    ramal: str
    numero_telefone: str
    data_mensagem: datetime
    duracao_segundos: int
    call_id: int


@dataclass
class VoicemailBox:
    """Every message left in the account, with signed links to their recordings."""

    messages: dict[int, Voicemail] = field(default_factory=dict)
    next_id: int = 1
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(16))

    def leave(
        self, ramal_id: int, ramal: str, numero: str, at: datetime, call_id: int
    ) -> Voicemail:
        """The caller of ``call_id`` left a message for the ramal."""
        message = Voicemail(
            id=self.next_id,
            ramal_id=ramal_id,
            ramal=ramal,
            numero_telefone=numero,
            data_mensagem=at,
            duracao_segundos=4 + call_id % 20,  # varied, and the same on every run
            call_id=call_id,
        )
        self.messages[message.id] = message
        self.next_id += 1
        return message

    def signature(self, message_id: int) -> str:
        """The ``x`` parameter that authorises the recording link."""
        digest = hmac.new(self.secret, str(message_id).encode(), hashlib.sha256)
        return digest.hexdigest()[:10]

    def check(self, message_id: int, signature: str) -> Voicemail | None:
        """The message when ``signature`` is its own, else None."""
        message = self.messages.get(message_id)
        if message is None or not hmac.compare_digest(self.signature(message_id), signature):
            return None
        return message

    def payload(self, message: Voicemail, base_url: str) -> JsonObject:
        """Webhook "Novo Voicemail" as the docs show it (``ramal`` a string, a link with ``x``)."""
        url = (
            f"{base_url}{RECORDING_PATH}?id={message.id}"
            f"&x={self.signature(message.id)}&cid={CLIENTE_ID}"
        )
        return {
            "id": message.id,
            "ramal_id": message.ramal_id,
            "ramal": message.ramal,
            "numero_telefone": message.numero_telefone,
            "data_mensagem": iso(message.data_mensagem),
            "duracao_segundos": message.duracao_segundos,
            "url_gravacao": url,
        }
