"""Ramal CRUD on the ramal host, with the docs' quirks."""

from __future__ import annotations

import httpx
import pytest

RAMAL_FIELDS = {
    "id",
    "ramal",
    "login",
    "senha",
    "bina",
    "webphone_key",
    "ligacao_externa",
    "ligacao_celular",
    "gravar_audio",
    "acesso_gravacoes",
    "webphone",
    "ura_id",
    "voicemail",
    "tags",
}


def test_create_without_fields_like_the_docs_curl(api: httpx.Client) -> None:
    response = api.post("/ramal", json={"ramal": "", "login": "", "senha": ""})
    assert response.status_code == 200
    body = response.json()
    assert body["mensagem"] == "ramal criado com sucesso"
    dados = body["dados"]
    assert set(dados) == RAMAL_FIELDS
    assert isinstance(dados["ramal"], int)  # int on create, string elsewhere (docs quirk)
    assert dados["webphone"] is True
    assert dados["ligacao_externa"] is False
    assert dados["bina"] is None
    assert dados["tags"] is None
    assert dados["ura_id"] is None
    assert "@" in dados["login"]
    fetched = api.get(f"/ramal/{dados['id']}").json()["dados"]
    assert fetched["ramal"] == str(dados["ramal"])


def test_create_get_update_delete(api: httpx.Client) -> None:
    created = api.post(
        "/ramal",
        json={
            "ramal": 4321,
            "login": "novo@empresa.com.br",
            "senha": "segredo1",
            "bina": "4832830151",
            "gravar_audio": True,
            "webphone": "false",
            "ura_id": 12,
        },
    ).json()["dados"]
    assert created["ramal"] == 4321
    assert created["gravar_audio"] is True
    assert created["webphone"] is False
    assert created["ura_id"] == 12
    ramal_id = created["id"]

    update = api.put(f"/ramal/{ramal_id}", json={"senha": "4321789", "tags": "suporte"})
    assert update.status_code == 200
    assert update.json()["mensagem"] == "dados atualizados com sucesso"
    assert update.json()["dados"] is None
    after = api.get(f"/ramal/{ramal_id}").json()["dados"]
    assert after["senha"] == "4321789"
    assert after["tags"] == "suporte"
    assert after["login"] == "novo@empresa.com.br"  # untouched
    assert after["ramal"] == "4321"

    removed = api.delete(f"/ramal/{ramal_id}")
    assert removed.json()["mensagem"] == "Ramal Removido"
    assert removed.json()["dados"] is None
    gone = api.get(f"/ramal/{ramal_id}")
    assert gone.status_code == 404
    assert gone.json()["motivo"] == 60
    assert api.delete(f"/ramal/{ramal_id}").json()["motivo"] == 60
    assert api.put(f"/ramal/{ramal_id}", json={"senha": "x"}).json()["motivo"] == 60


@pytest.mark.parametrize(
    "body",
    [{"ramal": "4000"}, {"ramal": 4001}, {"login": "ANA.SOUZA@empresa-exemplo.com.br"}],
)
def test_duplicates_are_motivo_20(api: httpx.Client, body: dict[str, object]) -> None:
    response = api.post("/ramal", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == 20


def test_update_to_a_taken_number_is_motivo_20(api: httpx.Client) -> None:
    assert api.put("/ramal/76498", json={"ramal": "4001"}).json()["motivo"] == 20
    assert api.put("/ramal/76498", json={"ramal": "4000"}).json()["sucesso"] is True


@pytest.mark.parametrize(
    "body",
    [
        {"ramal": "abc"},
        {"ramal": [4000]},
        {"login": "sem-arroba"},
        {"gravar_audio": "talvez"},
        {"webphone": 7},
        {"ura_id": "x"},
        {"senha": {"a": 1}},
    ],
)
def test_bad_types_are_motivo_11(api: httpx.Client, body: dict[str, object]) -> None:
    response = api.post("/ramal", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == 11
    assert api.put("/ramal/76498", json=body).json()["motivo"] == 11


def test_seeded_ramal(api: httpx.Client) -> None:
    dados = api.get("/ramal/76498").json()["dados"]
    assert set(dados) == RAMAL_FIELDS
    assert dados["ramal"] == "4000"
    assert dados["login"].endswith("@empresa-exemplo.com.br")
    assert dados["tags"] == "vendas"
