"""Conferências: create, get (both documented shapes), end, report."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

WaitUntil = Callable[..., object]

BUSCAR_FIELDS = {
    "id",
    "numero_destino",
    "data_criacao",
    "data_inicio",
    "tipo",
    "status",
    "duracao_segundos",
    "duracao",
    "duracao_cobrada_segundos",
    "duracao_cobrada",
    "duracao_falada_segundos",
    "duracao_falada",
    "preco",
    "url_conferencia",
    "resposta_usuario",
    "resposta",
}
OBJECT_FIELDS = {"id", "data_criacao", "data_termino", "chamadas"}
CALL_FIELDS = {
    "id",
    "conferencia_id",
    "url_gravacao",
    "numero",
    "data_criacao",
    "cli",
    "duracao",
    "duracao_cobrada",
    "duracao_falada",
    "status",
    "preco",
    "data_inicio",
}


@pytest.mark.parametrize(
    ("body", "motivo"),
    [
        ({}, 10),
        ({"numero_destino": "4811111111"}, 10),
        ({"url_conferencia": "http://foo.bar/conferencia.mp3"}, 10),
        ({"numero_destino": "abc", "url_conferencia": "http://foo.bar/c.mp3"}, 11),
        ({"numero_destino": "4811111111", "url_conferencia": "ftp://foo"}, 11),
        ({"numero_destino": "4811111111", "url_conferencia": ["x"]}, 11),
    ],
)
def test_create_validates(api: httpx.Client, body: dict[str, object], motivo: int) -> None:
    response = api.post("/conferencia", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == motivo


def test_create_get_end(api: httpx.Client, control: httpx.Client, wait_until: WaitUntil) -> None:
    control.post("/settings", json={"auto_answer_ms": 20})
    created = api.post(
        "/conferencia",
        json={"numero_destino": "4811111111", "url_conferencia": "http://foo.bar/conferencia.mp3"},
    ).json()
    assert created["mensagem"] == "conferencia criado com sucesso"
    conference_id = created["dados"]["id"]

    def fetch() -> dict[str, object]:
        dados: dict[str, object] = api.get(f"/conferencia/{conference_id}").json()["dados"]
        return dados

    wait_until(lambda: fetch()["status"] == "atendida")
    live = fetch()
    assert set(live) >= BUSCAR_FIELDS | OBJECT_FIELDS
    assert live["data_termino"] is None
    chamadas = live["chamadas"]
    assert isinstance(chamadas, list) and len(chamadas) == 1
    assert set(chamadas[0]) == CALL_FIELDS
    assert chamadas[0]["conferencia_id"] == conference_id

    ended = api.delete(f"/conferencia/{conference_id}")
    assert ended.json()["sucesso"] is True
    after = fetch()
    assert after["data_termino"] is not None
    # a short answered call is billed one minute, written the way the docs write it
    assert after["duracao_cobrada"] == "00:00:60"
    assert after["duracao_cobrada_segundos"] == 60
    again = api.delete(f"/conferencia/{conference_id}")
    assert again.status_code == 400
    assert again.json()["motivo"] == 80


def test_unknown_conference(api: httpx.Client) -> None:
    assert api.get("/conferencia/1").json()["motivo"] == 60
    assert api.delete("/conferencia/1").status_code == 404


def test_report_rows(api: httpx.Client, whole_history: dict[str, str]) -> None:
    dados = api.get("/conferencia/relatorio", params=whole_history).json()["dados"]
    rows = dados["relatorio"]
    assert dados["total"] == len(rows) == 12
    for row in rows:
        assert set(row) >= BUSCAR_FIELDS
        assert row["data_termino"] is not None
    unanswered = [r for r in rows if r["status"] != "atendida"]
    for row in unanswered:
        assert row["duracao_cobrada"] is None
        assert row["duracao_falada_segundos"] is None
        assert row["preco"] == 0
