"""The /_sandbox/ control API: health, ring, answer/hangup, faults, settings, silence."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from desktop.sandbox import SandboxThread

WaitUntil = Callable[..., object]


def test_health(control: httpx.Client, sandbox: SandboxThread) -> None:
    assert control.get("/health").json() == {"ok": True, "base_url": sandbox.base_url}


def test_ring_without_a_page_creates_a_call_record(
    api: httpx.Client, control: httpx.Client
) -> None:
    reply = control.post("/ring", json={"ramal": "4000", "numero": "+5548999990000"})
    assert reply.status_code == 200
    body = reply.json()
    assert body["entregue"] is False
    call = api.get(f"/chamada/{body['chamada_id']}").json()["dados"]
    assert call["ativa"] is True
    assert call["origem"]["numero"] == "+5548999990000"
    assert call["origem"]["tipo"] == "movel"
    assert call["destino"]["numero"] == "4000"
    assert call["destino"]["tipo"] == "ramal"
    live = control.get("/calls", params={"ativa": "1"}).json()
    assert [c["id"] for c in live] == [body["chamada_id"]]
    assert live[0]["fase"] == "chamando"
    hung = control.post(f"/calls/{body['chamada_id']}/hangup")
    assert hung.json()["ok"] is True
    done = api.get(f"/chamada/{body['chamada_id']}").json()["dados"]
    assert done["status_geral"] == "finalizada"
    assert done["destino"]["status"] == "sem resposta"
    assert control.post(f"/calls/{body['chamada_id']}/hangup").status_code == 409
    assert control.get("/calls", params={"ativa": "1"}).json() == []


def test_ring_unknown_ramal(control: httpx.Client) -> None:
    assert control.post("/ring", json={"ramal": "9999"}).status_code == 404


def test_answer_and_hangup_api_call(api: httpx.Client, control: httpx.Client) -> None:
    control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    body = {"numero_origem": "4000", "numero_destino": "48999990000"}
    call_id = api.post("/chamada", json=body).json()["dados"]["id"]
    call = api.get(f"/chamada/{call_id}").json()["dados"]
    assert call["ramal_id_origem"] == 76498
    assert call["origem"]["tipo"] == "ramal"
    assert control.post(f"/calls/{call_id}/answer").json()["ok"] is True
    assert control.get(f"/calls/{call_id}").json()["fase"] == "conversando"
    assert control.post(f"/calls/{call_id}/answer").status_code == 409
    control.post(f"/calls/{call_id}/hangup")
    done = api.get(f"/chamada/{call_id}").json()["dados"]
    assert done["destino"]["status"] == "atendida"
    assert done["ativa"] is False
    assert control.post("/calls/1/answer").status_code == 404


def test_calls_lists_what_happened_since_start(api: httpx.Client, control: httpx.Client) -> None:
    assert control.get("/calls").json() == []
    body = {"numero_origem": "4811111111", "numero_destino": "48999990000"}
    call_id = api.post("/chamada", json=body).json()["dados"]["id"]
    assert [c["id"] for c in control.get("/calls").json()] == [call_id]


def test_fault_status_counts_down(api: httpx.Client, control: httpx.Client) -> None:
    params = {"data_inicio": "2024-01-01", "data_fim": "2024-01-02"}
    reply = control.post(
        "/faults", json={"method": "GET", "path": "/chamada/relatorio", "status": 500, "count": 2}
    )
    assert isinstance(reply.json()["id"], int)
    for _ in range(2):
        failed = api.get("/chamada/relatorio", params=params)
        assert failed.status_code == 500
        assert failed.json()["sucesso"] is False
        assert failed.json()["motivo"] == 50
    assert api.get("/chamada/relatorio", params=params).status_code == 200
    assert control.get("/faults").json() == []


def test_fault_matches_method_and_prefix(api: httpx.Client, control: httpx.Client) -> None:
    control.post("/faults", json={"method": "POST", "path": "/ramal", "status": 402})
    assert api.get("/ramal/76498").status_code == 200  # GET is not affected
    failed = api.post("/ramal", json={})
    assert failed.status_code == 402
    assert failed.json()["motivo"] == 9
    assert api.post("/ramal", json={}).status_code == 200


def test_fault_429_with_retry_after(api: httpx.Client, control: httpx.Client) -> None:
    control.post("/faults", json={"path": "/", "status": 429, "retry_after": 3})
    limited = api.get("/ramal/76498")
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "3"
    assert limited.json()["status"] == 429


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        ('{"status": 200, "sucesso": tr', "application/json"),
        ("<html>Bad gateway</html>", "text/html"),
    ],
)
def test_fault_raw_body(
    api: httpx.Client, control: httpx.Client, raw: str, content_type: str
) -> None:
    control.post("/faults", json={"path": "/chamada/3180001", "status": 502, "body": raw})
    response = api.get("/chamada/3180001")
    assert response.status_code == 502
    assert response.text == raw
    assert response.headers["content-type"].startswith(content_type)


def test_fault_raw_body_with_200(api: httpx.Client, control: httpx.Client) -> None:
    control.post("/faults", json={"path": "/chamada/3180001", "body": "{truncated"})
    response = api.get("/chamada/3180001")
    assert response.status_code == 200
    assert response.text == "{truncated"


def test_fault_latency_then_normal_answer(api: httpx.Client, control: httpx.Client) -> None:
    control.post("/faults", json={"path": "/ramal/76498", "delay_ms": 300})
    started = time.monotonic()
    response = api.get("/ramal/76498")
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.3  # the delay happened (a lower bound only)


def test_clear_faults(api: httpx.Client, control: httpx.Client) -> None:
    control.post("/faults", json={"path": "/", "status": 500, "count": 100})
    assert control.delete("/faults").json() == {"ok": True}
    assert api.get("/ramal/76498").status_code == 200


def test_faults_do_not_touch_the_control_api(control: httpx.Client) -> None:
    control.post("/faults", json={"path": "/", "status": 500, "count": 5})
    assert control.get("/health").status_code == 200


def test_bad_fault_spec(control: httpx.Client) -> None:
    assert control.post("/faults", json={"path": "sem-barra"}).status_code == 400
    assert control.post("/faults", json={"path": "/", "status": "x"}).status_code == 400
    assert control.post("/faults", content=b"{").status_code == 400


def test_settings_round_trip(control: httpx.Client) -> None:
    current = control.get("/settings").json()
    assert current["auto_answer_ms"] == 800
    assert current["stats_interval_ms"] == 5000
    assert current["webphone_ttl_s"] == 300
    changed = control.post(
        "/settings", json={"auto_answer_ms": None, "stats_interval_ms": 250, "webphone_ttl_s": 60}
    ).json()
    assert changed["auto_answer_ms"] is None
    assert changed["stats_interval_ms"] == 250
    assert changed["webphone_ttl_s"] == 60
    assert control.post("/settings", json={"stats_interval_ms": "x"}).status_code == 400
    assert control.post("/settings", json={"stats_internet": "ótimo"}).status_code == 400


def test_fail_and_silence_switches(control: httpx.Client) -> None:
    armed = control.post("/ramais/4000/fail", json={"status_erro": "sem saldo"})
    assert armed.json() == {"ok": True, "status_erro": "sem saldo"}
    cleared = control.post("/ramais/4000/fail", json={"status_erro": None})
    assert cleared.json()["status_erro"] is None
    assert control.post("/ramais/9999/fail", json={"status_erro": "x"}).status_code == 404
    assert control.post("/silence", json={"ramal": "4000", "silent": True}).json()["silent"] is True
    assert (
        control.post("/silence", json={"ramal": "4000", "silent": False}).json()["silent"] is False
    )


def test_traffic_generates_live_calls(control: httpx.Client, wait_until: WaitUntil) -> None:
    reply = control.post("/traffic", json={"running": True, "interval_ms": 200})
    assert reply.json()["running"] is True
    wait_until(lambda: control.get("/calls", params={"ativa": "1"}).json())
    assert control.post("/traffic", json={"running": False}).json()["running"] is False
