"""The /webhook endpoint group against respx: list, set, delete and refused input."""

from __future__ import annotations

import json

import httpx
import pytest
import respx
from api_samples import RAMAL, envelope

from desktop.api import TotalVoiceClient, ValidationError
from desktop.api.webhooks import Webhook


async def test_list_reads_names_and_urls(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    dados = {
        "webhooks": [
            {"webhook": "status_tempo_real", "url": "https://relay.example/hooks/s/status"},
            {"webhook": "chamada_fim", "url": None},
            {"webhook": "ramal_tempo_real", "url": "https://relay.example/hooks/s/ramal"},
        ]
    }
    router.get(f"{RAMAL}/webhook").mock(return_value=httpx.Response(200, json=envelope(dados)))
    assert await api.webhooks.list() == [
        Webhook("status_tempo_real", "https://relay.example/hooks/s/status"),
        Webhook("ramal_tempo_real", "https://relay.example/hooks/s/ramal"),
    ]


async def test_list_of_none_is_empty(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    router.get(f"{RAMAL}/webhook").mock(return_value=httpx.Response(200, json=envelope(None)))
    assert await api.webhooks.list() == []


async def test_set_puts_the_url(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    route = router.put(f"{RAMAL}/webhook/ramal_tempo_real").mock(
        return_value=httpx.Response(200, json=envelope(None))
    )
    await api.webhooks.set("ramal_tempo_real", "https://relay.example/hooks/s/ramal_tempo_real")
    body = json.loads(route.calls.last.request.content)
    assert body == {"url": "https://relay.example/hooks/s/ramal_tempo_real"}


async def test_delete(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    route = router.delete(f"{RAMAL}/webhook/aviso_saldo").mock(
        return_value=httpx.Response(200, json=envelope(None))
    )
    await api.webhooks.delete("aviso_saldo")
    assert route.called


@pytest.mark.parametrize("name", ["../conta", "Status", "", "a b"])
async def test_bad_names_send_nothing(
    api: TotalVoiceClient, router: respx.MockRouter, name: str
) -> None:
    with pytest.raises(ValidationError):
        await api.webhooks.set(name, "https://relay.example/x")
    with pytest.raises(ValidationError):
        await api.webhooks.delete(name)
    assert not router.calls


async def test_bad_url_sends_nothing(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    with pytest.raises(ValidationError):
        await api.webhooks.set("chamada_fim", "ftp://relay.example/x")
    assert not router.calls
