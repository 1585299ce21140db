"""Bad deliveries get a 4xx, publish nothing and are counted by reason; health and readiness."""

from __future__ import annotations

import asyncio
import json

import pytest
from nats.js import JetStreamContext
from relay_helpers import SECRET, NatsServer, RunningRelay, run_relay, settings_for, stream_count
from relay_payloads import RAMAL_TEMPO_REAL, RINGING

from desktop.relay.server import BODY_LIMIT


@pytest.mark.parametrize(
    ("name", "body", "secret", "status", "reason"),
    [
        ("status_tempo_real", RINGING, "wrong-secret", 404, "secret"),
        ("status_tempo_real", RINGING, "s3cret-pat", 404, "secret"),
        ("envio_de_fax", RINGING, None, 404, "webhook"),
        ("status_tempo_real", b"{not json", None, 400, "json"),
        ("status_tempo_real", b"\xff\xfe\x00", None, 400, "json"),
        ("status_tempo_real", [RINGING], None, 422, "payload"),
        ("status_tempo_real", {**RINGING, "id": None}, None, 422, "payload"),
        ("ramal_tempo_real", {**RAMAL_TEMPO_REAL, "ramal": None}, None, 422, "payload"),
        ("ramal_tempo_real", {**RAMAL_TEMPO_REAL, "ramal": "90.*"}, None, 422, "payload"),
        ("conferencia_tempo_real", {"conferencia_id": "a.b"}, None, 422, "payload"),
        ("aviso_saldo", {"saldo": "muito"}, None, 422, "payload"),
        ("aviso_saldo", b"{" + b" " * BODY_LIMIT + b"}", None, 413, "size"),
    ],
)
async def test_bad_delivery_is_refused_and_counted(
    relay: RunningRelay,
    js: JetStreamContext,
    name: str,
    body: object,
    secret: str | None,
    status: int,
    reason: str,
) -> None:
    response = await (relay.post(name, body, secret) if secret else relay.post(name, body))
    assert response.status == status
    assert relay.metrics.rejected == {reason: 1}
    assert await stream_count(js) == 0
    _, metrics = await relay.get("/metrics")
    assert f'ramal_relay_webhooks_rejected_total{{reason="{reason}"}} 1' in metrics


async def test_health_and_readiness(nats_server: NatsServer) -> None:
    runner, relay = await run_relay(settings_for(nats_server.url, publish_timeout=0.5))
    try:
        await _health_and_readiness(relay, nats_server)
    finally:
        await relay.http.close()
        await runner.cleanup()


async def _health_and_readiness(relay: RunningRelay, nats_server: NatsServer) -> None:
    assert await relay.get("/healthz") == (200, "ok\n")
    assert (await relay.get("/readyz"))[0] == 200
    nats_server.stop()
    for _ in range(200):
        status, _ = await relay.get("/readyz")
        if status == 503:
            break
        await asyncio.sleep(0.05)
    assert status == 503
    assert (await relay.get("/healthz"))[0] == 200  # alive, just not ready
    response = await relay.post("status_tempo_real", RINGING)
    assert response.status == 503  # the provider will deliver it again


async def test_deliveries_beside_the_route_are_answered_as_the_router_would(
    relay: RunningRelay, js: JetStreamContext
) -> None:
    body = json.dumps(RINGING).encode()
    base = f"{relay.base_url}/hooks/{SECRET}"
    for url in (f"{base}/status_tempo_real/extra", f"{relay.base_url}/hooks//status_tempo_real"):
        async with relay.http.post(url, data=body) as response:
            assert response.status == 404, url
    async with relay.http.get(f"{base}/status_tempo_real") as response:
        assert response.status == 405
    assert relay.metrics.received == 0
    assert await stream_count(js) == 0
    # A client that waits for "100 Continue" before sending the body gets it.
    async with relay.http.post(f"{base}/status_tempo_real", data=body, expect100=True) as response:
        assert response.status == 200
    assert relay.metrics.received == 1
    assert await stream_count(js) == 1
