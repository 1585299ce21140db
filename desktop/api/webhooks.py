"""Webhook addresses on the ramal host: list, set and remove (``/webhook``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from desktop.api.config import Host
from desktop.api.errors import ValidationError
from desktop.api.models.parsing import expect_list, expect_object, parse_str
from desktop.api.transport import ApiTransport

__all__ = ["WEBHOOK_NAMES", "Webhook", "WebhooksApi"]

# Names of the docs (status_tempo_real, chamada_fim, chamada_did_fim, envio_sms) and the
# other sections of the webhook page named in the same style.
WEBHOOK_NAMES: Final = (
    "status_tempo_real",
    "chamada_tempo_real",
    "ramal_tempo_real",
    "chamada_did_tempo_real",
    "conferencia_tempo_real",
    "chamada_fim",
    "chamada_did_fim",
    "novo_voicemail",
    "aviso_saldo",
    "envio_sms",
    "resposta_sms",
)

_NAME: Final = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True, slots=True)
class Webhook:
    """One configured webhook: its name and the address the provider posts to."""

    name: str
    url: str


def _name(value: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not _NAME.match(text):
        raise ValidationError("validation.id", field="webhook", value=value)
    return text


def _url(value: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValidationError("validation.url", field="url")
    return text


class WebhooksApi:
    """``/webhook`` endpoints (ramal host)."""

    def __init__(self, transport: ApiTransport) -> None:
        self._transport = transport

    async def list(self) -> list[Webhook]:
        """The webhooks that have an address (``GET /webhook``)."""
        dados = await self._transport.request("GET", Host.RAMAL, "/webhook")
        if dados is None:
            return []
        rows = expect_list(expect_object(dados, "dados").get("webhooks") or [], "webhooks")
        found: list[Webhook] = []
        for row in rows:
            record = expect_object(row, "webhook")
            name = parse_str(record.get("webhook")) or ""
            url = parse_str(record.get("url")) or ""
            if name and url:
                found.append(Webhook(name, url))
        return found

    async def set(self, name: str, url: str) -> None:
        """Point the webhook ``name`` at ``url`` (``PUT /webhook/{name}``)."""
        await self._transport.request(
            "PUT", Host.RAMAL, f"/webhook/{_name(name)}", json={"url": _url(url)}
        )

    async def delete(self, name: str) -> None:
        """Stop the webhook ``name`` (``DELETE /webhook/{name}``)."""
        await self._transport.request("DELETE", Host.RAMAL, f"/webhook/{_name(name)}")
