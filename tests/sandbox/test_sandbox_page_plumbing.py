"""The page's server side without a browser: session, actions, event stream, call records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta

import httpx
import pytest


class Page:
    """What the webphone page does over HTTP, driven by hand."""

    def __init__(self, api: httpx.Client, ramal: str = "4000") -> None:
        url = api.get("/webphone", params={"ramal": ramal, "tipo": "embedded"}).json()["dados"][
            "url"
        ]
        html = httpx.get(url).text
        match = re.search(r'"session": "([^"]+)"', html)
        assert match is not None
        self.session = match.group(1)
        self.base = str(api.base_url).rstrip("/")
        self.client = httpx.Client(base_url=self.base, timeout=10)
        self._stream_cm = self.client.stream("GET", "/w3/events", params={"session": self.session})
        self._stream = self._stream_cm.__enter__()
        self._lines: Iterator[str] = self._stream.iter_lines()

    def act(self, action: str, **body: object) -> dict[str, object]:
        reply = self.client.post(f"/w3/api/{action}", params={"session": self.session}, json=body)
        result: dict[str, object] = reply.json()
        return result

    def next_event(self, kind: str) -> dict[str, object]:
        for line in self._lines:
            if line.startswith("data: "):
                event: dict[str, object] = json.loads(line[6:])
                if event["type"] == kind:
                    return event
        raise AssertionError("event stream ended")

    def close(self) -> None:
        self._stream_cm.__exit__(None, None, None)
        self.client.close()


@pytest.fixture
def page(api: httpx.Client) -> Iterator[Page]:
    opened = Page(api)
    yield opened
    opened.close()


def test_config_arrives_first(page: Page) -> None:
    config = page.next_event("config")
    assert config["stats_interval_ms"] == 5000
    assert config["silent"] is False


def test_outgoing_call_is_a_real_record(
    page: Page, api: httpx.Client, control: httpx.Client, today: date
) -> None:
    control.post("/settings", json={"auto_answer_ms": None})
    assert page.act("dial", numero="48999990000")["status_erro"] == "webphone desconectado"
    assert page.act("connect") == {"ok": True}
    dialed = page.act("dial", numero="48999990000")
    call_id = dialed["chamada_id"]
    assert isinstance(call_id, int)
    call = api.get(f"/chamada/{call_id}").json()["dados"]
    assert call["ativa"] is True
    assert call["status_geral"] == "curso"
    assert call["ramal_id_origem"] == 76498
    assert call["origem"] == call["origem"] | {"numero": "4000", "tipo": "ramal"}
    assert call["destino"]["tipo"] == "movel"
    busy = page.act("dial", numero="4001")
    assert busy["ok"] is False
    control.post(f"/calls/{call_id}/answer")
    assert page.next_event("answered")["chamada_id"] == call_id
    assert page.act("dtmf", dtmf="12#")["ok"] is True
    assert page.act("dtmf", dtmf="abc")["ok"] is False
    assert page.act("hangup")["ok"] is True
    done = api.get(f"/chamada/{call_id}").json()["dados"]
    assert done["ativa"] is False
    assert done["status_geral"] == "finalizada"
    assert done["destino"]["status"] == "atendida"
    assert control.get(f"/calls/{call_id}").json()["dtmf"] == "12#"
    rows = api.get(
        "/chamada/relatorio",
        params={"data_inicio": str(today), "data_fim": str(today), "origem": "4000"},
    ).json()["dados"]["relatorio"]
    assert call_id in [r["id"] for r in rows]


def test_far_side_hangup_reaches_the_page(page: Page, control: httpx.Client) -> None:
    page.act("connect")
    call_id = page.act("dial", numero="4832830151")["chamada_id"]
    control.post(f"/calls/{call_id}/hangup")
    assert page.next_event("ended")["chamada_id"] == call_id
    assert page.act("hangup")["ok"] is False  # nothing left to hang up


def test_incoming_ring(page: Page, api: httpx.Client, control: httpx.Client, today: date) -> None:
    page.act("connect")
    rung = control.post("/ring", json={"ramal": "4000", "numero": "+5511988887777"}).json()
    assert rung["entregue"] is True
    event = page.next_event("ring")
    assert event == {
        "type": "ring",
        "chamada_id": rung["chamada_id"],
        "numero": "+5511988887777",
        "destino": "4000",
    }
    assert page.act("answer") == {"ok": True, "chamada_id": rung["chamada_id"]}
    busy = control.post("/ring", json={"ramal": "4000", "numero": "4832830151"}).json()
    assert busy["entregue"] is False
    assert (
        api.get(f"/chamada/{busy['chamada_id']}").json()["dados"]["destino"]["status"] == "ocupado"
    )
    page.act("hangup")
    received = api.get(
        "/ramal/76498/relatorio",
        params={"data_inicio": str(today), "data_fim": str(today)},
    ).json()["dados"]["relatorio"]
    row = next(r for r in received if r["id"] == rung["chamada_id"])
    assert row["numero_origem"] == "+5511988887777"
    assert row["status"] == "atendida"


def test_permissions_and_armed_failure(page: Page, control: httpx.Client) -> None:
    page.act("connect")
    control.post("/ramais/4000/fail", json={"status_erro": "saldo insuficiente"})
    assert page.act("dial", numero="4832830151") == {
        "ok": False,
        "status_erro": "saldo insuficiente",
    }
    assert page.act("dial", numero="4832830151")["ok"] is True  # only the next dial fails


def test_queue_pause_is_recorded(page: Page, api: httpx.Client, today: date) -> None:
    page.act("connect")
    assert page.act("queue_enter", filaId="1") == {"ok": True, "filaId": "1"}
    assert page.act("queue_enter")["ok"] is False
    assert page.act("queue_pause", filaId="1") == {"ok": True, "filaId": "1"}
    window = {
        "data_inicio": (today - timedelta(days=1)).isoformat(),
        "data_fim": today.isoformat(),
    }
    pauses = api.get("/ramal/76498/pausas", params=window).json()["dados"]["relatorio"]
    assert pauses[-1]["pausa_fim"] is None
    assert page.act("queue_unpause") == {"ok": True, "filaId": None}
    pauses = api.get("/ramal/76498/pausas", params=window).json()["dados"]["relatorio"]
    assert pauses[-1]["pausa_fim"] is not None
    assert page.act("queue_leave", filaId="1")["ok"] is True


def test_unknown_session_and_action(page: Page) -> None:
    reply = page.client.post("/w3/api/connect", params={"session": "nope"})
    assert reply.status_code == 404
    assert page.act("explode")["ok"] is False
    assert page.client.get("/w3/events", params={"session": "nope"}).status_code == 404


def test_silence_and_stats_settings_reach_the_page(page: Page, control: httpx.Client) -> None:
    page.next_event("config")
    control.post("/silence", json={"ramal": "4000", "silent": True})
    assert page.next_event("config")["silent"] is True
    control.post("/settings", json={"stats_interval_ms": 1000, "stats_internet": "ruim"})
    config = page.next_event("config")
    assert config["stats_interval_ms"] == 1000
    assert config["internet"] == "ruim"
    assert config["silent"] is True


def test_transfer_and_partial_recording(
    page: Page, api: httpx.Client, control: httpx.Client
) -> None:
    control.post("/ramais/4000/fail", json={"status_erro": None})
    control.post("/settings", json={"auto_answer_ms": 0})
    page.act("connect")
    api.put("/ramal/76498", json={"gravar_audio": False})
    call_id = page.act("dial", numero="4832830151")["chamada_id"]
    page.next_event("answered")
    assert page.act("rec_start") == {"ok": True}
    assert page.act("rec_stop") == {"ok": True}
    assert page.act("transfer_consult", numeroTelefone="4001") == {
        "ok": True,
        "chamada_id": call_id,
    }
    state = control.get(f"/calls/{call_id}").json()
    assert state["fase"] == "finalizada"
    assert state["transferencias"][0]["numero"] == "4001"
    assert state["transferencias"][0]["consulta"] is True
    assert api.get(f"/chamada/{call_id}/gravacao").headers["content-type"] == "audio/mpeg"
    assert page.act("transfer", numeroTelefone="4001")["ok"] is False  # no call any more
