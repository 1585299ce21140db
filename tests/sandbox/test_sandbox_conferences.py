"""Conferências: rooms that several calls join; create, add, get, end, report."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

WaitUntil = Callable[..., object]
Json = dict[str, object]

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
SEED_FORM = {"numero_destino": "4811111111", "url_conferencia": "http://foo.bar/conferencia.mp3"}


def room(api: httpx.Client, conference_id: object) -> Json:
    dados: Json = api.get(f"/conferencia/{conference_id}").json()["dados"]
    return dados


def members(api: httpx.Client, conference_id: object) -> list[Json]:
    chamadas = room(api, conference_id)["chamadas"]
    assert isinstance(chamadas, list)
    return chamadas


def add(api: httpx.Client, conference_id: object, **body: object) -> httpx.Response:
    return api.post(f"/conferencia/{conference_id}", json=body)


@pytest.mark.parametrize(
    ("body", "motivo"),
    [
        ({"numero_destino": "4811111111"}, 10),
        ({"url_conferencia": "http://foo.bar/conferencia.mp3"}, 10),
        ({"numero_destino": "abc", "url_conferencia": "http://foo.bar/c.mp3"}, 11),
        ({"numero_destino": "4811111111", "url_conferencia": "ftp://foo"}, 11),
        ({"numero_destino": "4811111111", "url_conferencia": ["x"]}, 11),
    ],
)
def test_seed_form_validates(api: httpx.Client, body: Json, motivo: int) -> None:
    response = api.post("/conferencia", json=body)
    assert response.status_code == 400
    assert response.json()["motivo"] == motivo


@pytest.mark.parametrize("send", ["nothing", "empty object"])
def test_post_without_number_creates_an_empty_room(api: httpx.Client, send: str) -> None:
    if send == "nothing":  # what the official Python SDK's cria_conferencia() sends
        response = api.post("/conferencia", headers={"Content-Type": "application/json"})
    else:
        response = api.post("/conferencia", json={})
    assert response.status_code == 200, response.text
    created = response.json()
    assert created["sucesso"] is True
    assert created["mensagem"] == "conferencia criado com sucesso"
    dados = room(api, created["dados"]["id"])
    assert set(dados) >= OBJECT_FIELDS
    assert dados["chamadas"] == []
    assert dados["data_termino"] is None


def test_a_three_party_room(
    api: httpx.Client, control: httpx.Client, wait_until: WaitUntil, whole_history: dict[str, str]
) -> None:
    control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    conference_id = api.post("/conferencia").json()["dados"]["id"]
    ids = []
    for numero in ("4832830151", "48999990001", "4000"):
        reply = add(api, str(conference_id), numero=numero, bina="4833330000", gravar_audio=True)
        assert reply.status_code == 200, reply.text
        assert reply.json()["dados"]["conferencia_id"] == conference_id
        ids.append(reply.json()["dados"]["id"])

    calls = members(api, conference_id)
    assert [c["id"] for c in calls] == ids
    for call in calls:
        assert set(call) == CALL_FIELDS
        assert call["conferencia_id"] == conference_id
        assert call["status"] == "chamando"
        assert call["duracao_falada"] is None

    # the far sides answer through the control API, like any sandbox call
    for call_id in ids[:2]:
        assert control.post(f"/calls/{call_id}/answer").status_code == 200
    states = [c["status"] for c in members(api, conference_id)]
    assert states == ["atendida", "atendida", "chamando"]

    # a room's call is a chamada: in GET /chamada/{id} and in the call report
    as_call = api.get(f"/chamada/{ids[0]}").json()["dados"]
    assert as_call["ativa"] is True
    assert as_call["destino"]["numero"] == "4832830151"
    assert as_call["destino"]["bina_destino"] == "4833330000"
    reported = api.get("/chamada/relatorio", params={**whole_history, "destino": "4832830151"})
    assert ids[0] in [c["id"] for c in reported.json()["dados"]["relatorio"]]

    # one leaves, then the room ends: the one still ringing is cancelled
    assert control.post(f"/calls/{ids[1]}/hangup").status_code == 200
    assert api.get(f"/chamada/{ids[1]}").json()["dados"]["ativa"] is False
    assert api.delete(f"/conferencia/{conference_id}").json()["sucesso"] is True
    ended = room(api, conference_id)
    assert ended["data_termino"] is not None
    final = {c["id"]: c for c in ended["chamadas"]}  # type: ignore[union-attr]
    assert [final[i]["status"] for i in ids] == ["atendida", "atendida", "cancelada"]
    for call_id in ids:
        assert api.get(f"/chamada/{call_id}").json()["dados"]["status_geral"] == "finalizada"

    # recordings of the answered, recorded calls download; the unanswered one has none
    for call_id in ids[:2]:
        url = final[call_id]["url_gravacao"]
        assert isinstance(url, str) and url.endswith(f"/chamada/{call_id}/gravacao")
        audio = api.get(f"/chamada/{call_id}/gravacao")
        assert audio.status_code == 200
        assert audio.headers["Content-Type"] == "audio/mpeg"
    assert final[ids[2]]["url_gravacao"] is None
    assert api.get(f"/chamada/{ids[2]}/gravacao").json()["motivo"] == 70


def test_calls_progress_on_their_own(
    api: httpx.Client, control: httpx.Client, wait_until: WaitUntil
) -> None:
    control.post("/settings", json={"auto_answer_ms": 30, "talk_ms": 300})
    conference_id = api.post("/conferencia").json()["dados"]["id"]
    call_id = add(api, conference_id, numero="4811111111").json()["dados"]["id"]
    wait_until(lambda: members(api, conference_id)[0]["status"] == "atendida")
    wait_until(lambda: api.get(f"/chamada/{call_id}").json()["dados"]["ativa"] is False)
    member = members(api, conference_id)[0]
    assert member["status"] == "atendida"
    # a short answered call is billed one minute, written the way the docs write it
    assert member["duracao_cobrada"] == "00:00:60"
    assert room(api, conference_id)["data_termino"] is None  # the room stays open


def test_seed_form_calls_the_number_in(
    api: httpx.Client, control: httpx.Client, wait_until: WaitUntil
) -> None:
    control.post("/settings", json={"auto_answer_ms": 20, "talk_ms": None})
    created = api.post("/conferencia", json={**SEED_FORM, "gravar_conferencia": True}).json()
    conference_id = created["dados"]["id"]
    wait_until(lambda: room(api, conference_id)["status"] == "atendida")
    live = room(api, conference_id)
    assert set(live) >= BUSCAR_FIELDS | OBJECT_FIELDS
    assert live["numero_destino"] == "4811111111"
    assert [c["numero"] for c in live["chamadas"]] == ["4811111111"]  # type: ignore[union-attr]
    add(api, conference_id, numero="4822222222")
    assert len(members(api, conference_id)) == 2
    api.delete(f"/conferencia/{conference_id}")
    again = api.delete(f"/conferencia/{conference_id}")
    assert again.status_code == 400
    assert again.json()["motivo"] == 80


def test_add_accepts_a_form_and_string_values(api: httpx.Client) -> None:
    conference_id = api.post("/conferencia").json()["dados"]["id"]
    reply = api.post(
        f"/conferencia/{conference_id}",
        content=b"numero=4811111111&gravar_audio=true",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert reply.status_code == 200, reply.text
    nulls = add(api, conference_id, numero=4822222222, bina=None, gravar_audio=None)
    assert nulls.status_code == 200, nulls.text
    assert [c["numero"] for c in members(api, conference_id)] == ["4811111111", "4822222222"]


def test_add_refusals(api: httpx.Client) -> None:
    conference_id = api.post("/conferencia").json()["dados"]["id"]
    assert add(api, conference_id).json()["motivo"] == 10
    assert add(api, conference_id, numero="abc").json()["motivo"] == 11
    assert add(api, 999999, numero="4811111111").json()["motivo"] == 60
    api.delete(f"/conferencia/{conference_id}")
    closed = add(api, conference_id, numero="4811111111")
    assert closed.status_code == 400
    assert closed.json()["motivo"] == 80


def test_unknown_conference(api: httpx.Client) -> None:
    assert api.get("/conferencia/1").json()["motivo"] == 60
    assert api.delete("/conferencia/1").status_code == 404


def test_report_lists_rooms(api: httpx.Client, whole_history: dict[str, str]) -> None:
    api.post("/conferencia")
    dados = api.get("/conferencia/relatorio", params=whole_history).json()["dados"]
    rows = dados["relatorio"]
    assert dados["total"] == len(rows) == 13
    assert rows[-1]["chamadas"] == [] and rows[-1]["data_termino"] is None
    for row in rows[:-1]:
        assert set(row) >= BUSCAR_FIELDS | OBJECT_FIELDS
        assert row["data_termino"] is not None
        assert row["chamadas"]
        for call in row["chamadas"]:
            assert call["conferencia_id"] == row["id"]
            if call["status"] != "atendida":
                assert call["duracao_cobrada"] is None
                assert call["duracao_falada"] is None
                assert call["preco"] == 0
                assert call["url_gravacao"] is None


def test_seeded_room_calls_are_chamadas(api: httpx.Client, whole_history: dict[str, str]) -> None:
    rows = api.get("/conferencia/relatorio", params=whole_history).json()["dados"]["relatorio"]
    recorded = [c for r in rows for c in r["chamadas"] if c["url_gravacao"]]
    assert recorded
    call_id = recorded[0]["id"]
    assert api.get(f"/chamada/{call_id}").json()["dados"]["status_geral"] == "finalizada"
    assert api.get(f"/chamada/{call_id}/gravacao").status_code == 200
