"""Chamada endpoints: create/validate, progress, hangup, escuta, transfer, avaliar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta

import httpx
import pytest

from desktop.sandbox.timeutil import Clock

WaitUntil = Callable[..., object]

LEG_FIELDS = {
    "data_inicio",
    "numero",
    "tipo",
    "status",
    "duracao_segundos",
    "duracao",
    "duracao_cobrada_segundos",
    "duracao_cobrada",
    "duracao_falada_segundos",
    "duracao_falada",
    "preco",
    "motivo_desconexao",
}
CALL_FIELDS = {
    "id",
    "data_criacao",
    "ativa",
    "url_gravacao",
    "cliente_id",
    "conta_id",
    "ramal_id_origem",
    "tags",
    "status_geral",
    "origem",
    "destino",
}
LEG_STATUSES = {
    None,
    "atendida",
    "sem resposta",
    "ocupado",
    "congestionado",
    "falha",
    "cancelada",
    "não existe",
}
SEEDED_CALL = 3180001


def create(api: httpx.Client, **fields: object) -> int:
    body = {"numero_origem": "4832830151", "numero_destino": "48999990000", **fields}
    response = api.post("/chamada", json=body)
    assert response.status_code == 200, response.text
    payload = response.json()
    assert payload["mensagem"] == "chamada criada com sucesso"
    assert set(payload["dados"]) == {"id"}
    assert isinstance(payload["dados"]["id"], int)
    return int(payload["dados"]["id"])


def get(api: httpx.Client, call_id: int) -> dict[str, object]:
    response = api.get(f"/chamada/{call_id}")
    assert response.status_code == 200
    dados: dict[str, object] = response.json()["dados"]
    return dados


def check_call_shape(call: dict[str, object]) -> None:
    assert set(call) >= CALL_FIELDS
    assert isinstance(call["ativa"], bool)
    assert call["status_geral"] in ("criada", "curso", "finalizada")
    for side, bina in (("origem", "bina_origem"), ("destino", "bina_destino")):
        leg = call[side]
        assert isinstance(leg, dict)
        assert LEG_FIELDS | {bina} <= set(leg)
        assert leg["status"] in LEG_STATUSES
        assert leg["tipo"] in ("ramal", "movel", "fixo")
        assert isinstance(leg["duracao_segundos"], int)
        assert len(str(leg["duracao"])) == 8 and str(leg["duracao"])[2] == ":"
        assert isinstance(leg["preco"], (int, float))


@pytest.mark.parametrize(
    ("body", "motivo"),
    [
        ({}, 10),
        ({"numero_origem": "4811111111"}, 10),
        ({"numero_destino": "4811111111"}, 10),
        ({"numero_origem": "", "numero_destino": "4811111111"}, 10),
        ({"numero_origem": ["4811111111"], "numero_destino": "4811111112"}, 11),
        ({"numero_origem": "4811111111", "numero_destino": {"n": 1}}, 11),
        ({"numero_origem": True, "numero_destino": "4811111112"}, 11),
        ({"numero_origem": "abc", "numero_destino": "4811111112"}, 11),
        ({"numero_origem": "4811111111", "numero_destino": "4811111112", "gravar_audio": "x"}, 11),
        ({"numero_origem": "4811111111", "numero_destino": "4811111112", "data_criacao": "x"}, 11),
        ({"numero_origem": "4811111111", "numero_destino": "4811111112", "tags": [1]}, 11),
    ],
)
def test_create_validates(api: httpx.Client, body: dict[str, object], motivo: int) -> None:
    response = api.post("/chamada", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == motivo
    assert response.json()["sucesso"] is False


def test_create_accepts_every_documented_field(api: httpx.Client) -> None:
    call_id = create(
        api,
        gravar_audio="true",
        bina_origem="4832830151",
        bina_destino="4832830152",
        tags="clienteUm",
        detecta_caixa_origem="true",
    )
    call = get(api, call_id)
    check_call_shape(call)
    assert call["tags"] == "clienteUm"
    assert call["origem"]["bina_origem"] == "4832830151"  # type: ignore[index]
    assert call["destino"]["bina_destino"] == "4832830152"  # type: ignore[index]


def test_call_progresses_on_its_own(api: httpx.Client, fast: None, wait_until: WaitUntil) -> None:
    call_id = create(api, gravar_audio=True)
    first = get(api, call_id)
    assert first["status_geral"] == "curso"
    assert first["ativa"] is True
    done = wait_until(lambda: (c := get(api, call_id))["status_geral"] == "finalizada" and c)
    assert isinstance(done, dict)
    check_call_shape(done)
    assert done["ativa"] is False
    assert done["origem"]["status"] == "atendida"
    assert done["destino"]["status"] == "atendida"
    assert done["destino"]["motivo_desconexao"] == "16. normal"
    base = str(api.base_url).rstrip("/")
    assert done["url_gravacao"] == f"{base}/chamada/{call_id}/gravacao"


def test_scheduled_call_waits_then_runs(
    api: httpx.Client, wait_until: WaitUntil, clock: Clock
) -> None:
    when = clock().astimezone(UTC) + timedelta(seconds=1)
    call_id = create(api, data_criacao=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    first = get(api, call_id)
    assert first["status_geral"] == "criada"
    assert first["ativa"] is False
    assert first["destino"]["data_inicio"] is None  # type: ignore[index]
    wait_until(lambda: get(api, call_id)["status_geral"] == "curso")
    assert get(api, call_id)["ativa"] is True


def test_hangup_active_call_then_not_active(
    api: httpx.Client, control: httpx.Client, wait_until: WaitUntil
) -> None:
    control.post("/settings", json={"auto_answer_ms": None})
    call_id = create(api)
    response = api.delete(f"/chamada/{call_id}")
    assert response.status_code == 200
    assert response.json()["mensagem"] == "encerrando chamada"
    assert response.json()["dados"] is None
    call = get(api, call_id)
    assert call["status_geral"] == "finalizada"
    assert call["ativa"] is False
    again = api.delete(f"/chamada/{call_id}")
    assert again.status_code == 400
    assert again.json()["motivo"] == 80


def test_hangup_finished_or_unknown(api: httpx.Client) -> None:
    assert api.delete(f"/chamada/{SEEDED_CALL}").json()["motivo"] == 80
    unknown = api.delete("/chamada/999999999")
    assert unknown.status_code == 404
    assert unknown.json()["motivo"] == 60
    missing = api.get("/chamada/999999999")
    assert missing.status_code == 404
    assert missing.json()["motivo"] == 60


@pytest.mark.parametrize(
    ("body", "motivo"),
    [
        ({}, 10),
        ({"numero": "4811111111"}, 10),
        ({"modo": 1}, 10),
        ({"numero": "4811111111", "modo": 4}, 11),
        ({"numero": "4811111111", "modo": "dois"}, 11),
        ({"numero": "4811111111", "modo": 0}, 11),
    ],
)
def test_escuta_validates(api: httpx.Client, body: dict[str, object], motivo: int) -> None:
    response = api.post(f"/chamada/{SEEDED_CALL}/escuta", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == motivo


def test_escuta_needs_an_active_call(api: httpx.Client, control: httpx.Client) -> None:
    finished = api.post(f"/chamada/{SEEDED_CALL}/escuta", json={"numero": "4811111111", "modo": 1})
    assert finished.json()["motivo"] == 80
    control.post("/settings", json={"auto_answer_ms": None})
    call_id = create(api)
    for modo in (1, 2, "3"):
        response = api.post(
            f"/chamada/{call_id}/escuta", json={"numero": "4811111111", "modo": modo}
        )
        assert response.status_code == 200
        assert response.json()["mensagem"] == "escuta criada com sucesso"
    by_query = api.get(f"/chamada/{call_id}/escuta", params={"numero": "4811111111", "modo": "1"})
    assert by_query.json()["sucesso"] is True
    state = control.get(f"/calls/{call_id}").json()
    assert [e["modo"] for e in state["escutas"]] == [1, 2, 3, 1]


@pytest.mark.parametrize(
    ("body", "motivo"),
    [
        ({}, 10),
        ({"numero": "4811111111"}, 10),
        ({"perna": "origem"}, 10),
        ({"numero": "4811111111", "perna": "meio"}, 11),
    ],
)
def test_transfer_validates(api: httpx.Client, body: dict[str, object], motivo: int) -> None:
    response = api.post(f"/chamada/{SEEDED_CALL}/transfer", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == motivo


def test_transfer_active_call(api: httpx.Client, control: httpx.Client) -> None:
    body = {"numero": "4811111111", "perna": "destino"}
    assert api.post(f"/chamada/{SEEDED_CALL}/transfer", json=body).json()["motivo"] == 80
    control.post("/settings", json={"auto_answer_ms": None})
    call_id = create(api)
    response = api.post(f"/chamada/{call_id}/transfer", json=body)
    assert response.json()["mensagem"] == "a chamada está sendo transferida"
    assert get(api, call_id)["ativa"] is False
    assert control.get(f"/calls/{call_id}").json()["transferencias"][0]["perna"] == "destino"


@pytest.mark.parametrize(
    ("body", "motivo"),
    [
        ({}, 10),
        ({"comentario": "boa"}, 10),
        ({"nota": 5}, 10),
        ({"nota": 6, "comentario": "x"}, 11),
        ({"nota": 0, "comentario": "x"}, 11),
        ({"nota": "cinco", "comentario": "x"}, 11),
        ({"nota": 4.5, "comentario": "x"}, 11),
        ({"nota": 5, "comentario": "x" * 1001}, 11),
        ({"nota": 5, "comentario": 12}, 11),
    ],
)
def test_avaliar_validates(api: httpx.Client, body: dict[str, object], motivo: int) -> None:
    response = api.post(f"/chamada/{SEEDED_CALL}/avaliar", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == motivo


def test_avaliar_stores_the_rating(api: httpx.Client, control: httpx.Client) -> None:
    ok = api.post(f"/chamada/{SEEDED_CALL}/avaliar", json={"nota": 4, "comentario": "x" * 1000})
    assert ok.json()["mensagem"] == "chamada avaliada com sucesso"
    # the docs' curl example sends the rating as "numero", as a string
    curl_style = api.post(
        f"/chamada/{SEEDED_CALL}/avaliar", json={"numero": "5", "comentario": "ok"}
    )
    assert curl_style.json()["sucesso"] is True
    assert control.get(f"/calls/{SEEDED_CALL}").json()["avaliacao"] == {
        "nota": 5,
        "comentario": "ok",
    }
    by_query = api.get(f"/chamada/{SEEDED_CALL}/avaliar", params={"nota": "3", "comentario": ""})
    assert by_query.json()["sucesso"] is True
    unknown = api.post("/chamada/999999999/avaliar", json={"nota": 4, "comentario": "x"})
    assert unknown.json()["motivo"] == 60


def test_seeded_calls_follow_the_docs(api: httpx.Client, whole_history: dict[str, str]) -> None:
    params = {**whole_history, "limite": "200"}
    rows = api.get("/chamada/relatorio", params=params).json()["dados"]["relatorio"]
    for row in rows:
        check_call_shape(row)
    assert any(r["origem"]["data_inicio"] is None and r["origem"]["status"] for r in rows)
    assert any(r["origem"]["status"] is None for r in rows)
    assert any(r["tags"] is None for r in rows)
    assert any(r["url_gravacao"] for r in rows)
    assert any(r["ramal_id_origem"] for r in rows)
    assert {type(r["destino"]["preco"]) for r in rows} == {int, float}
    statuses = {r["destino"]["status"] for r in rows}
    assert {"atendida", "sem resposta", "ocupado"} <= statuses
    assert any(r["destino"]["motivo_desconexao"] == "16. normal" for r in rows)
