"""Webhooks: configured through ``/webhook``, POSTed by the sandbox like the provider's.

A real aiohttp receiver listens on a real loopback port; each webhook is pointed at its own
path so every payload can be checked against its example in ``webhooks.md``.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import httpx
import pytest
from aiohttp import web
from relay.relay_payloads import AVISO_SALDO, CHAMADA_TEMPO_REAL, RAMAL_TEMPO_REAL
from relay.relay_payloads import CHAMADA_DID_TEMPO_REAL as DID_TEMPO_REAL
from relay.relay_payloads import CONFERENCIA_TEMPO_REAL as CONFERENCIA
from relay.relay_payloads import NOVO_VOICEMAIL as VOICEMAIL
from totalvoice.cliente import Cliente

from desktop.sandbox import SandboxThread, webhook_payloads
from desktop.sandbox.models import Call, Leg
from desktop.sandbox.timeutil import BRT

Json = dict[str, object]
WaitUntil = Callable[..., object]

# The examples of webhooks.md, verbatim (``null`` where the example has null).
STATUS_TEMPO_REAL = {
    "id": 37785949,
    "data_criacao": "2019-09-06T13:48:19-03:00",
    "ativa": True,
    "url_gravacao": None,
    "cliente_id": 91227,
    "conta_id": 91227,
    "ramal_id_origem": 86453,
    "tags": None,
    "status_geral": "curso",
    "origem": {
        "data_inicio": None,
        "numero": "4000",
        "tipo": "ramal",
        "status": "chamando",
        "duracao_segundos": 10,
        "duracao": "00:00:10",
        "duracao_cobrada_segundos": None,
        "duracao_cobrada": None,
        "duracao_falada_segundos": None,
        "duracao_falada": None,
        "preco": None,
        "motivo_desconexao": "indefinido",
    },
    "destino": {
        "data_inicio": None,
        "numero": "48988888888",
        "tipo": "movel",
        "status": "preparando",
        "duracao_segundos": 9,
        "duracao": "00:00:09",
        "duracao_cobrada_segundos": None,
        "duracao_cobrada": None,
        "duracao_falada_segundos": None,
        "duracao_falada": None,
        "preco": None,
        "motivo_desconexao": "indefinido",
    },
    "gravacoes_parciais": [],
}
FIM_CHAMADA = {
    "id": 37721262,
    "data_criacao": "2019-09-06T11:19:11-03:00",
    "ativa": False,
    "url_gravacao": "https://api.evoline.com.br/rec/?id=37721262&x=7a8718b28b&cid=2150",
    "cliente_id": 2150,
    "conta_id": 2150,
    "ramal_id_origem": 62291,
    "tags": None,
    "status_geral": "finalizada",
    "origem": {
        "data_inicio": None,
        "numero": "9998",
        "tipo": "ramal",
        "status": None,
        "duracao_segundos": 0,
        "duracao": "00:00:00",
        "duracao_cobrada_segundos": 0,
        "duracao_cobrada": "00:00:00",
        "duracao_falada_segundos": 0,
        "duracao_falada": "00:00:00",
        "preco": 0,
        "motivo_desconexao": "indefinido",
    },
    "destino": {
        "data_inicio": "2019-09-06T11:19:11-03:00",
        "numero": "48988888888",
        "tipo": "movel",
        "status": "atendida",
        "duracao_segundos": 24,
        "duracao": "00:00:24",
        "duracao_cobrada_segundos": 60,
        "duracao_cobrada": "00:01:00",
        "duracao_falada_segundos": 14,
        "duracao_falada": "00:00:14",
        "preco": 0.35,
        "motivo_desconexao": "16. normal",
    },
    "gravacoes_parciais": [],
}

OFFSET_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-03:00$")
NAIVE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
#: "caso a ligação não tenha sido atendida este atributo não vem"
OPTIONAL = frozenset({"data_atendimento"})


def _kind(value: object) -> str:
    if isinstance(value, str):
        if OFFSET_TIME.match(value):
            return "time-offset"
        if NAIVE_TIME.match(value):
            return "time-naive"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def assert_shape(payload: object, example: object, where: str = "payload") -> None:
    """Same keys in the same order and the same kinds of value as the docs' example.

    A null in the example (or the payload) stands for "not known yet": either side may
    have a value there. Numbers are numbers whether int or float, as in the docs. Keys
    in ``OPTIONAL`` may be absent.
    """
    if isinstance(example, dict):
        assert isinstance(payload, dict), f"{where}: {payload!r} is not an object"
        expected = [k for k in example if k in payload or k not in OPTIONAL]
        assert list(payload) == expected, f"{where}: keys {list(payload)}"
        for key in expected:
            assert_shape(payload[key], example[key], f"{where}.{key}")
        return
    if example is None or payload is None:
        return
    assert _kind(payload) == _kind(example), f"{where}: {payload!r} vs {example!r}"


@dataclass
class Received:
    """One POST that reached the receiver."""

    path: str
    body: Json
    content_type: str
    at: float


@dataclass
class Receiver:
    """A webhook receiver on a real loopback port, in its own thread and loop."""

    base_url: str = ""
    received: list[Received] = field(default_factory=list)
    status: int = 200
    hold: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, name: str) -> str:
        return f"{self.base_url}/{name}"

    def bodies(self, name: str) -> list[Json]:
        with self.lock:
            return [r.body for r in self.received if r.path == "/" + name]

    def wait_for(
        self, wait_until: WaitUntil, name: str, check: Callable[[Json], bool] = lambda b: True
    ) -> Json:
        found = wait_until(lambda: next((b for b in self.bodies(name) if check(b)), None))
        assert isinstance(found, dict)
        return found


@pytest.fixture
def no_traffic(control: httpx.Client) -> None:
    """Only the calls a test makes send webhooks."""
    assert control.post("/traffic", json={"running": False}).status_code == 200


@pytest.fixture
def receiver(no_traffic: None) -> Iterator[Receiver]:
    state = Receiver()
    state.hold.set()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    runner_box: list[web.AppRunner] = []

    async def handle(request: web.Request) -> web.Response:
        body = await request.json()
        while not state.hold.is_set():  # a slow receiver: holds the request open
            await asyncio.sleep(0.02)
        with state.lock:
            state.received.append(
                Received(request.path, body, request.content_type, time.monotonic())
            )
        return web.Response(status=state.status, text="ok")

    async def serve() -> None:
        app = web.Application()
        app.router.add_post("/{name}", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runner_box.append(runner)
        state.base_url = f"http://127.0.0.1:{runner.addresses[0][1]}"
        ready.set()

    def main() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(serve())
        loop.run_forever()
        loop.run_until_complete(runner_box[0].cleanup())
        loop.close()

    thread = threading.Thread(target=main, daemon=True)
    thread.start()
    assert ready.wait(10)
    yield state
    state.hold.set()
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)


def hook(api: httpx.Client, receiver: Receiver, *names: str) -> None:
    for name in names:
        reply = api.put(f"/webhook/{name}", json={"url": receiver.url(name)})
        assert reply.status_code == 200, reply.text
        assert reply.json()["dados"] is None


def deliveries(control: httpx.Client) -> Json:
    result: Json = control.get("/webhooks").json()
    return result


# configuration


def test_configuration_lists_only_webhooks_with_a_url(api: httpx.Client) -> None:
    assert api.get("/webhook").json()["dados"] == {"webhooks": []}
    assert api.put("/webhook/chamada_fim", json={"url": "https://example.com/fim"}).json() == {
        "status": 200,
        "sucesso": True,
        "motivo": 0,
        "mensagem": "webhook configurado com sucesso",
        "dados": None,
    }
    api.put("/webhook/status_tempo_real", json={"url": "http://127.0.0.1:9/s"})
    listed = api.get("/webhook").json()["dados"]["webhooks"]
    assert listed == [
        {"webhook": "status_tempo_real", "url": "http://127.0.0.1:9/s"},
        {"webhook": "chamada_fim", "url": "https://example.com/fim"},
    ]
    removed = api.delete("/webhook/chamada_fim").json()
    assert removed["sucesso"] is True and removed["dados"] is None
    assert [w["webhook"] for w in api.get("/webhook").json()["dados"]["webhooks"]] == [
        "status_tempo_real"
    ]


def test_every_documented_name_is_accepted(api: httpx.Client) -> None:
    names = [
        "status_tempo_real",
        "chamada_tempo_real",
        "chamada_fim",
        "chamada_did_tempo_real",
        "chamada_did_fim",
        "ramal_tempo_real",
        "conferencia_tempo_real",
        "novo_voicemail",
        "aviso_saldo",
        "envio_sms",
    ]
    for name in names:
        reply = api.put(f"/webhook/{name}", json={"url": f"https://x.test/{name}"})
        assert reply.status_code == 200
    assert [w["webhook"] for w in api.get("/webhook").json()["dados"]["webhooks"]] == names


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "motivo"),
    [
        ("PUT", "/webhook/nao_existe", {"url": "https://x.test/"}, 404, 60),
        ("DELETE", "/webhook/nao_existe", None, 404, 60),
        ("PUT", "/webhook/chamada_fim", {}, 400, 10),
        ("PUT", "/webhook/chamada_fim", {"url": ""}, 400, 10),
        ("PUT", "/webhook/chamada_fim", {"url": "ftp://x.test/"}, 400, 11),
        ("PUT", "/webhook/chamada_fim", {"url": "https://"}, 400, 11),
        ("PUT", "/webhook/chamada_fim", {"url": 42}, 400, 11),
        ("PUT", "/webhook/chamada_fim", {"url": "javascript:alert(1)"}, 400, 11),
    ],
)
def test_bad_configuration_is_refused_with_the_envelope(
    api: httpx.Client, method: str, path: str, body: Json | None, status: int, motivo: int
) -> None:
    reply = api.request(method, path, json=body)
    assert reply.status_code == status
    envelope = reply.json()
    assert envelope["sucesso"] is False
    assert envelope["motivo"] == motivo
    assert api.get("/webhook").json()["dados"]["webhooks"] == []


def test_configuration_needs_the_token(sandbox: object, api: httpx.Client) -> None:
    reply = httpx.put(
        str(api.base_url).rstrip("/") + "/webhook/chamada_fim", json={"url": "https://x.test/"}
    )
    assert reply.status_code == 403
    assert reply.json()["motivo"] == 40


# delivery of calls made through the API


def test_api_call_sends_real_time_events_and_the_end(
    api: httpx.Client, control: httpx.Client, fast: None, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "status_tempo_real", "chamada_tempo_real", "chamada_fim")
    hook(api, receiver, "ramal_tempo_real")
    control.post("/webhooks", json={"status_interval_ms": 0})  # every change, unthrottled
    call_id = api.post(
        "/chamada", json={"numero_origem": "4000", "numero_destino": "48988887777", "tags": "x1"}
    ).json()["dados"]["id"]
    end = receiver.wait_for(wait_until, "chamada_fim")
    assert_shape(end, FIM_CHAMADA)
    assert end["id"] == call_id and end["ativa"] is False and end["status_geral"] == "finalizada"
    assert end["tags"] == "x1"
    destino = end["destino"]
    assert isinstance(destino, dict)
    assert destino["status"] == "atendida" and destino["motivo_desconexao"] == "16. normal"
    assert destino["duracao_cobrada_segundos"] == 60 and destino["preco"] == 0.35

    def statuses() -> list[tuple[object, object, object]]:
        return [
            (b["status_geral"], b["origem"]["status"], b["destino"]["status"])
            for b in receiver.bodies("status_tempo_real")
            if b["id"] == call_id
        ]

    wait_until(lambda: ("finalizada", "atendida", "atendida") in statuses())
    assert statuses()[:3] == [
        ("curso", "chamando", "preparando"),
        ("curso", "atendida", "chamando"),
        ("curso", "atendida", "atendida"),
    ]
    for body in receiver.bodies("status_tempo_real"):
        assert_shape(body, STATUS_TEMPO_REAL)
    first = receiver.bodies("status_tempo_real")[0]
    origem = first["origem"]
    assert isinstance(origem, dict) and origem["preco"] is None

    legs = [b for b in receiver.bodies("chamada_tempo_real") if b["id"] == call_id]
    assert legs, "no leg events"
    assert_shape(legs[0], CHAMADA_TEMPO_REAL)  # destino not dialled yet: tipo and numero only
    assert legs[0]["tags"] == "x1"
    wait_until(lambda: len(receiver.bodies("chamada_tempo_real")) >= 4)
    last = receiver.bodies("chamada_tempo_real")[-1]
    assert last["destino"] == {
        **{k: last["destino"][k] for k in ("data_inicio", "data_criacao")},
        "tipo": "movel",
        "ativo": False,
        "numero": "48988887777",
        "status": "atendida",
    }

    ramal_events = receiver.wait_for(
        wait_until, "ramal_tempo_real", lambda b: b["status"] == "atendida" and not b["ativo"]
    )
    assert_shape(ramal_events, RAMAL_TEMPO_REAL)
    assert ramal_events["ramal"] == 4000 and ramal_events["id"] == str(call_id)
    assert ramal_events["motivo_desconexao"] == "16. normal"
    ringing = receiver.bodies("ramal_tempo_real")[0]
    assert "data_atendimento" not in ringing  # the docs: absent while not answered
    assert ringing["status"] == "chamando"

    assert all(r.content_type == "application/json" for r in receiver.received)
    history = deliveries(control)
    counters = history["contadores"]
    assert isinstance(counters, dict) and counters["falhas"] == 0
    assert counters["entregues"] == len(receiver.received)


def test_status_is_limited_per_call_like_the_provider(
    api: httpx.Client, control: httpx.Client, fast: None, receiver: Receiver, wait_until: WaitUntil
) -> None:
    # "Limitado em 1 request a cada 2s por chamada ativa": changes inside the window are
    # held (and replaced by newer ones); the end goes out at once.
    assert deliveries(control)["settings"]["status_interval_ms"] == 2000
    control.post("/webhooks", json={"status_interval_ms": 600_000})
    hook(api, receiver, "status_tempo_real", "chamada_fim")
    call_id = api.post(
        "/chamada", json={"numero_origem": "4000", "numero_destino": "48988887777"}
    ).json()["dados"]["id"]
    receiver.wait_for(wait_until, "chamada_fim")
    wait_until(lambda: len(receiver.bodies("status_tempo_real")) >= 2)
    seen = [(b["id"], b["status_geral"]) for b in receiver.bodies("status_tempo_real")]
    assert seen == [(call_id, "curso"), (call_id, "finalizada")]


def test_a_held_status_is_sent_when_the_window_ends(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    control.post("/webhooks", json={"status_interval_ms": 1000})
    hook(api, receiver, "status_tempo_real")
    call_id = api.post(
        "/chamada", json={"numero_origem": "48991112222", "numero_destino": "4832830151"}
    ).json()["dados"]["id"]
    control.post(f"/calls/{call_id}/answer")
    answered = receiver.wait_for(
        wait_until, "status_tempo_real", lambda b: b["destino"]["status"] == "atendida"
    )
    assert answered["ativa"] is True and answered["status_geral"] == "curso"
    control.post(f"/calls/{call_id}/hangup")


def test_hangup_through_the_api_ends_with_the_unanswered_legs(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    control.post("/settings", json={"auto_answer_ms": None})
    hook(api, receiver, "chamada_fim")
    call_id = api.post(
        "/chamada", json={"numero_origem": "4001", "numero_destino": "4832830151"}
    ).json()["dados"]["id"]
    assert api.delete(f"/chamada/{call_id}").status_code == 200
    end = receiver.wait_for(wait_until, "chamada_fim")
    assert_shape(end, FIM_CHAMADA)
    assert end["origem"]["status"] == "cancelada"
    assert end["destino"]["status"] is None  # never dialled


# calls rung, answered and hung up through the control API: DID calls


def test_control_ring_sends_did_and_ramal_events(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_tempo_real", "chamada_did_fim", "ramal_tempo_real")
    hook(api, receiver, "status_tempo_real", "chamada_fim")
    rung = control.post("/ring", json={"ramal": "4002", "numero": "+5548999990000"}).json()
    call_id = rung["chamada_id"]
    ringing = receiver.wait_for(wait_until, "chamada_did_tempo_real")
    assert_shape(ringing, DID_TEMPO_REAL)
    assert "data_atendimento" not in ringing
    assert ringing["status"] == "chamando" and ringing["ativo"] is True
    assert ringing["ramal"] == 4002 and ringing["id"] == str(call_id)
    assert control.post(f"/calls/{call_id}/hangup").status_code == 200
    end = receiver.wait_for(wait_until, "chamada_did_fim")
    assert_shape(end, FIM_CHAMADA)
    assert end["id"] == call_id
    assert end["destino"]["status"] == "sem resposta"
    last = receiver.wait_for(wait_until, "chamada_did_tempo_real", lambda b: not b["ativo"])
    assert last["status"] == "sem resposta"
    ramal = receiver.wait_for(wait_until, "ramal_tempo_real", lambda b: b["status"] != "chamando")
    assert ramal["ativo"] is False
    assert ramal["ramal"] == 4002 and ramal["motivo_desconexao"] == "19. sem resposta - mas chamou"
    # an incoming call ends in chamada_did_fim, never in chamada_fim
    wait_until(lambda: len(receiver.bodies("status_tempo_real")) >= 2)
    assert receiver.bodies("chamada_fim") == []


def test_control_answer_and_hangup_of_an_outgoing_call(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    hook(api, receiver, "status_tempo_real", "chamada_fim")
    call_id = api.post(
        "/chamada", json={"numero_origem": "48991112222", "numero_destino": "4832830151"}
    ).json()["dados"]["id"]
    assert control.post(f"/calls/{call_id}/answer").status_code == 200
    answered = receiver.wait_for(
        wait_until,
        "status_tempo_real",
        lambda b: b["destino"]["status"] == "atendida",
    )
    assert answered["ativa"] is True
    assert control.post(f"/calls/{call_id}/hangup").status_code == 200
    end = receiver.wait_for(wait_until, "chamada_fim")
    assert end["id"] == call_id
    assert end["destino"]["status"] == "atendida"


# webphone calls, through the page's own HTTP plumbing (no browser, no Qt)


class Page:
    """A webphone page session driven by hand."""

    def __init__(self, api: httpx.Client, ramal: str) -> None:
        dados = api.get("/webphone", params={"ramal": ramal, "tipo": "embedded"}).json()["dados"]
        match = re.search(r'"session": "([^"]+)"', httpx.get(dados["url"]).text)
        assert match is not None
        self.session = match.group(1)
        self.base = str(api.base_url).rstrip("/")

    def act(self, action: str, **body: object) -> Json:
        reply = httpx.post(
            f"{self.base}/w3/api/{action}", params={"session": self.session}, json=body
        )
        result: Json = reply.json()
        return result


def test_webphone_outgoing_and_incoming_calls(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    control.post("/settings", json={"auto_answer_ms": None})
    hook(api, receiver, "ramal_tempo_real", "chamada_tempo_real", "chamada_fim")
    hook(api, receiver, "chamada_did_tempo_real", "chamada_did_fim")
    page = Page(api, "4003")
    assert page.act("connect")["ok"] is True
    dialled = page.act("dial", numero="4832830151")
    call_id = dialled["chamada_id"]
    ringing = receiver.wait_for(wait_until, "chamada_tempo_real")
    assert_shape(ringing, {**CHAMADA_TEMPO_REAL, "destino": CHAMADA_TEMPO_REAL["origem"]})
    assert ringing["origem"]["ativo"] is True  # the agent is on the line
    assert ringing["destino"]["status"] == "chamando"
    assert control.post(f"/calls/{call_id}/answer").status_code == 200
    receiver.wait_for(
        wait_until,
        "chamada_tempo_real",
        lambda b: b["destino"]["status"] == "atendida",
    )
    assert page.act("hangup")["ok"] is True
    end = receiver.wait_for(wait_until, "chamada_fim")
    assert end["id"] == call_id and end["ramal_id_origem"] is not None

    rung = control.post("/ring", json={"ramal": "4003", "numero": "48999990000"}).json()
    assert rung["entregue"] is True
    assert page.act("answer")["ok"] is True
    answered = receiver.wait_for(
        wait_until, "chamada_did_tempo_real", lambda b: b["status"] == "atendida"
    )
    assert_shape(answered, DID_TEMPO_REAL)
    assert answered["ativo"] is True and answered["id"] == str(rung["chamada_id"])
    assert page.act("hangup")["ok"] is True
    did_end = receiver.wait_for(wait_until, "chamada_did_fim")
    assert did_end["id"] == rung["chamada_id"]
    wait_until(lambda: len(receiver.bodies("ramal_tempo_real")) >= 5)
    ramal_states = [
        (b["status"], b["ativo"])
        for b in receiver.bodies("ramal_tempo_real")
        if b["id"] == str(rung["chamada_id"])
    ]
    assert ramal_states == [("chamando", False), ("atendida", True), ("atendida", False)]


# conferences, voicemail, balance


def test_conference_reports_numbers_entering_and_leaving(
    api: httpx.Client, fast: None, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "conferencia_tempo_real")
    room = api.post("/conferencia").json()["dados"]["id"]
    added = api.post(f"/conferencia/{room}", json={"numero": "48988888888"}).json()["dados"]
    entered = receiver.wait_for(wait_until, "conferencia_tempo_real")
    assert_shape(entered, CONFERENCIA)
    assert entered["evento_conferencia"] == "Entrou"
    assert entered["conferencia_id"] == room and entered["chamada_id"] == str(added["id"])
    assert entered["numero"] == "48988888888"
    left = receiver.wait_for(
        wait_until, "conferencia_tempo_real", lambda b: b["evento_conferencia"] == "Saiu"
    )
    assert_shape(left, CONFERENCIA)
    assert left["chamada_id"] == entered["chamada_id"]


def test_unanswered_call_to_a_ramal_with_voicemail_leaves_a_message(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    ramal = next(
        r
        for r in api.get(
            "/ramal/relatorio", params={"data_inicio": "2020-01-01", "data_fim": "2020-01-02"}
        ).json()["dados"]["relatorio"]
        if r["voicemail"]
    )
    hook(api, receiver, "novo_voicemail")
    other = next(n for n in ("4000", "4001") if n != ramal["ramal"])
    for number in (ramal["ramal"], other):  # the other ramal has no voicemail
        rung = control.post("/ring", json={"ramal": number, "numero": "+556136271444"}).json()
        control.post(f"/calls/{rung['chamada_id']}/hangup")
    message = receiver.wait_for(wait_until, "novo_voicemail")
    assert_shape(message, VOICEMAIL)
    assert message["ramal"] == ramal["ramal"] and message["ramal_id"] == ramal["id"]
    assert message["numero_telefone"] == "6136271444"
    audio = httpx.get(str(message["url_gravacao"]))
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/mpeg"
    assert audio.content[0] == 0xFF  # an MPEG audio frame
    forged = str(message["url_gravacao"]).replace("x=", "x=0")
    assert httpx.get(forged).status_code == 404
    # answered calls and calls the caller gave up on leave nothing
    rung = control.post("/ring", json={"ramal": ramal["ramal"], "numero": "4832830151"}).json()
    api.delete(f"/chamada/{rung['chamada_id']}")
    wait_until(lambda: control.get(f"/calls/{rung['chamada_id']}").json()["fase"] == "finalizada")
    assert len(receiver.bodies("novo_voicemail")) == 1


def test_balance_and_account(api: httpx.Client, control: httpx.Client, no_traffic: None) -> None:
    assert api.get("/saldo").json()["dados"] == {"saldo": 100.0}
    conta = api.get("/conta").json()["dados"]
    assert conta["saldo"] == 100.0 and conta["valor_aviso_saldo_baixo"] == 10.0
    assert isinstance(conta["id"], int)
    assert (
        control.post("/conta", json={"saldo": 12.5, "valor_aviso_saldo_baixo": 5}).json()["saldo"]
        == 12.5
    )
    assert api.get("/saldo").json()["dados"] == {"saldo": 12.5}
    assert control.post("/conta", json={"saldo": "muito"}).status_code == 400


def test_low_balance_warning_fires_once_when_the_threshold_is_crossed(
    api: httpx.Client, control: httpx.Client, fast: None, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "aviso_saldo", "chamada_fim")
    control.post("/conta", json={"saldo": 10.5, "valor_aviso_saldo_baixo": 10})
    for _ in range(3):  # 0.35 each (one minute to a mobile)
        api.post("/chamada", json={"numero_origem": "4000", "numero_destino": "48988887777"})
    wait_until(lambda: len(receiver.bodies("chamada_fim")) == 3)
    warning = receiver.wait_for(wait_until, "aviso_saldo")
    assert_shape(warning, AVISO_SALDO)
    assert warning == {"saldo": "9.8000"}
    assert receiver.bodies("aviso_saldo") == [warning]
    assert api.get("/saldo").json()["dados"]["saldo"] == 9.45


# simulated traffic


def test_simulated_traffic_sends_webhooks(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "status_tempo_real", "ramal_tempo_real")
    control.post("/traffic", json={"running": True, "interval_ms": 20, "speed": 200, "seed": 3})
    wait_until(lambda: len(receiver.bodies("ramal_tempo_real")) >= 5, timeout=30)
    control.post("/traffic", json={"running": False})
    for body in receiver.bodies("status_tempo_real"):
        assert_shape(body, STATUS_TEMPO_REAL)
    for body in receiver.bodies("ramal_tempo_real"):
        assert_shape(body, RAMAL_TEMPO_REAL)


def test_sms_webhook_is_accepted_but_never_sent(
    api: httpx.Client, fast: None, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "envio_sms", "chamada_fim")
    api.post("/chamada", json={"numero_origem": "4000", "numero_destino": "4832830151"})
    receiver.wait_for(wait_until, "chamada_fim")
    assert receiver.bodies("envio_sms") == []


# misbehaving deliveries (the control API)


def _ring_and_hang_up(control: httpx.Client, times: int) -> list[int]:
    ids = []
    for _ in range(times):
        rung = control.post("/ring", json={"ramal": "4005", "numero": "4832830151"}).json()
        control.post(f"/calls/{rung['chamada_id']}/hangup")
        ids.append(rung["chamada_id"])
    return ids


def test_duplicates_are_sent_and_listed(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_fim")
    assert control.post("/webhooks", json={"duplicate": 1}).json()["settings"]["duplicate"] == 1
    first, second = _ring_and_hang_up(control, 2)
    wait_until(lambda: len(receiver.bodies("chamada_did_fim")) == 3)
    assert [b["id"] for b in receiver.bodies("chamada_did_fim")] == [first, first, second]
    state = deliveries(control)
    assert state["contadores"]["duplicadas"] == 1
    rows = state["entregas"]
    assert isinstance(rows, list)
    assert [(r["payload"]["id"], r["copia"]) for r in rows] == [
        (first, False),
        (first, True),
        (second, False),
    ]


def test_failures_are_not_sent_and_recorded(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_fim")
    control.post("/webhooks", json={"fail": 1})
    first, second = _ring_and_hang_up(control, 2)
    receiver.wait_for(wait_until, "chamada_did_fim")
    rows = deliveries(control)["entregas"]
    assert isinstance(rows, list)
    assert [(r["payload"]["id"], r["estado"]) for r in rows] == [
        (first, "falhou"),
        (second, "entregue"),
    ]
    assert [b["id"] for b in receiver.bodies("chamada_did_fim")] == [second]
    # the receiver's own errors are recorded too, and nothing is retried
    receiver.status = 500
    (third,) = _ring_and_hang_up(control, 1)
    wait_until(lambda: len(deliveries(control)["entregas"]) == 3)
    last = deliveries(control)["entregas"][-1]
    assert last["estado"] == "falhou" and last["status_http"] == 500 and last["erro"] == "HTTP 500"
    assert [b["id"] for b in receiver.bodies("chamada_did_fim")] == [second, third]
    assert deliveries(control)["contadores"]["falhas"] == 2


def test_an_unreachable_receiver_is_a_failure(
    api: httpx.Client, control: httpx.Client, no_traffic: None, wait_until: WaitUntil
) -> None:
    api.put("/webhook/chamada_did_fim", json={"url": "http://127.0.0.1:9/nobody"})
    _ring_and_hang_up(control, 1)
    wait_until(lambda: deliveries(control)["entregas"])
    row = deliveries(control)["entregas"][0]
    assert row["estado"] == "falhou" and row["status_http"] is None and row["erro"]


def test_delay_holds_each_delivery_back(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_fim")
    control.post("/webhooks", json={"delay_ms": 400})
    _ring_and_hang_up(control, 1)
    receiver.wait_for(wait_until, "chamada_did_fim")
    row = deliveries(control)["entregas"][0]
    assert row["estado"] == "entregue" and row["espera_ms"] >= 400


def test_reorder_shuffles_a_window_of_deliveries(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_fim")
    control.post("/webhooks", json={"reorder": 4, "seed": 11, "timeout_ms": 120_000})
    receiver.hold.clear()  # deliveries queue up behind the first, so windows fill
    ids = _ring_and_hang_up(control, 5)
    wait_until(lambda: len(deliveries(control)["pendentes"]) == 5)
    receiver.hold.set()
    wait_until(lambda: len(receiver.bodies("chamada_did_fim")) == 5)
    got = [b["id"] for b in receiver.bodies("chamada_did_fim")]
    assert sorted(got) == ids  # every one arrives once…
    assert got != ids  # …but not in the order they happened


def test_a_slow_receiver_never_holds_up_the_api_and_old_deliveries_are_dropped(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "status_tempo_real")
    control.post("/settings", json={"auto_answer_ms": None})
    control.post("/webhooks", json={"max_pending": 3, "timeout_ms": 120_000})
    receiver.hold.clear()  # the receiver answers nothing until told
    made = [
        api.post("/chamada", json={"numero_origem": "4000", "numero_destino": "4832830151"})
        for _ in range(6)
    ]
    assert all(reply.status_code == 200 for reply in made)  # while a delivery hangs
    state = deliveries(control)
    assert len(state["pendentes"]) == 4  # 1 being sent + 3 queued
    assert state["contadores"]["descartadas"] == 2
    receiver.hold.set()
    wait_until(lambda: len(receiver.bodies("status_tempo_real")) == 4)
    call_ids = [reply.json()["dados"]["id"] for reply in made]
    assert [b["id"] for b in receiver.bodies("status_tempo_real")] == [
        call_ids[0],
        *call_ids[3:],
    ]


def test_a_receiver_slower_than_the_timeout_fails_and_the_queue_goes_on(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_fim")
    control.post("/webhooks", json={"timeout_ms": 200})
    receiver.hold.clear()
    first, second = _ring_and_hang_up(control, 2)
    wait_until(lambda: len(deliveries(control)["entregas"]) == 2)
    rows = deliveries(control)["entregas"]
    assert [(r["payload"]["id"], r["erro"]) for r in rows] == [
        (first, "tempo esgotado"),
        (second, "tempo esgotado"),
    ]


def test_deleting_a_webhook_stops_its_deliveries(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_fim", "ramal_tempo_real")
    _ring_and_hang_up(control, 1)
    receiver.wait_for(wait_until, "chamada_did_fim")
    assert api.delete("/webhook/chamada_did_fim").status_code == 200
    (later,) = _ring_and_hang_up(control, 1)
    receiver.wait_for(
        wait_until,
        "ramal_tempo_real",
        lambda b: b["id"] == str(later) and b["status"] != "chamando",
    )
    assert len(receiver.bodies("chamada_did_fim")) == 1


def test_reset_and_bad_settings(
    api: httpx.Client, control: httpx.Client, receiver: Receiver, wait_until: WaitUntil
) -> None:
    hook(api, receiver, "chamada_did_fim")
    control.post("/webhooks", json={"delay_ms": 5, "fail": 3, "duplicate": 0.5, "seed": 1})
    _ring_and_hang_up(control, 1)
    wait_until(lambda: deliveries(control)["entregas"])
    reset = control.delete("/webhooks").json()
    assert reset["entregas"] == [] and reset["pendentes"] == []
    assert reset["settings"]["fail"] == 0 and reset["settings"]["duplicate"] == 0
    assert reset["contadores"]["enfileiradas"] == 0
    assert reset["webhooks"] == {"chamada_did_fim": receiver.url("chamada_did_fim")}
    for bad in (
        {"fail": -1},
        {"delay_ms": "muito"},
        {"duplicate": 1.5},
        {"reorder": True},
        {"max_pending": 0},
        {"nada": 1},
    ):
        reply = control.post("/webhooks", json=bad)
        assert reply.status_code == 400, bad
        assert "error" in reply.json()
    assert control.post("/webhooks", content=b"{").status_code == 400


# the payload builders on a fixed clock


def _fixed_call() -> Call:
    created = datetime(2019, 9, 6, 14, 21, 33, tzinfo=BRT)
    origem = Leg(numero="48988888888", tipo="movel", started_at=created)
    destino = Leg(numero="48966663333", tipo="movel")
    return Call(
        id=37794869,
        data_criacao=created,
        origem=origem,
        destino=destino,
        cliente_id=2150,
        conta_id=2150,
        kind="api",
        status_geral="curso",
        ativa=True,
    )


def test_leg_events_write_the_call_in_utc_and_the_legs_in_local_time() -> None:
    assert webhook_payloads.chamada_legs_payload(_fixed_call()) == {
        **CHAMADA_TEMPO_REAL,
        "origem": {**CHAMADA_TEMPO_REAL["origem"], "data_criacao": "2019-09-06T14:21:33"},
    }


def test_ramal_and_balance_payloads_keep_the_docs_types() -> None:
    call = _fixed_call()
    call.destino = Leg(
        numero="9000",
        tipo="ramal",
        started_at=datetime(2019, 9, 6, 14, 36, 55, tzinfo=BRT),
        answered_at=datetime(2019, 9, 6, 14, 37, 3, tzinfo=BRT),
    )
    at = datetime(2019, 9, 6, 14, 37, 13, tzinfo=BRT)
    payload = webhook_payloads.ramal_payload(call, call.destino, at)
    assert payload == {
        "data_atendimento": "2019-09-06T14:37:03",
        "duracao_falada_segundos": 10,
        "ativo": True,
        "data_criacao": "2019-09-06T14:36:55",
        "tipo": "ramal",
        "motivo_desconexao": "indefinido",
        "id": "37794869",
        "ramal": 9000,
        "status": "atendida",
        "duracao_segundos": 18,
    }
    assert webhook_payloads.balance_payload(56.8616) == AVISO_SALDO
    assert webhook_payloads.balance_payload(9.8) == {"saldo": "9.8000"}


def test_the_official_sdk_configures_webhooks_and_reads_the_account(
    sandbox: SandboxThread, no_traffic: None
) -> None:
    """``totalvoice`` (PyPI) ``minha_conta``: get/editar/delete_webhook, get_saldo, get_conta."""
    client = Cliente(sandbox.token, sandbox.base_url)
    client.host = sandbox.base_url  # the SDK ignores the host it is given
    conta = client.minha_conta
    assert json.loads(conta.editar_webhook("chamada_fim", "https://crm.test/fim"))["sucesso"]
    listed = json.loads(conta.get_webhook())["dados"]["webhooks"]
    assert listed == [{"webhook": "chamada_fim", "url": "https://crm.test/fim"}]
    assert json.loads(conta.delete_webhook("chamada_fim"))["sucesso"]
    assert json.loads(conta.get_webhook())["dados"]["webhooks"] == []
    refused = json.loads(conta.editar_webhook("nao_existe", "https://crm.test/"))
    assert (refused["status"], refused["motivo"]) == (404, 60)
    assert json.loads(conta.get_saldo())["dados"] == {"saldo": 100.0}
    assert json.loads(conta.get_conta())["dados"]["valor_aviso_saldo_baixo"] == 10.0
