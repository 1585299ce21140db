"""Simulated call-center traffic, observed through the API only (fast speed, seeded)."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import httpx
import pytest

from desktop.sandbox import SandboxThread
from desktop.sandbox.models import DISCONNECT_REASONS
from desktop.sandbox.timeutil import Clock
from desktop.sandbox.traffic_plan import INCOMING, OUTGOING, PAUSE, draw

WaitUntil = Callable[..., object]
FAST = {"speed": 100, "interval_ms": 1000, "seed": 11}
RAMAL_4000_ID = 76498


def _report(api: httpx.Client, since: datetime) -> list[dict[str, object]]:
    """Every call created since ``since``, through the paged report."""
    rows: list[dict[str, object]] = []
    while True:
        params = {
            "data_inicio": since.isoformat(timespec="seconds"),
            "data_fim": (since + timedelta(days=1)).date().isoformat(),
            "posicao": str(len(rows)),
            "limite": "200",
        }
        dados = api.get("/chamada/relatorio", params=params).json()["dados"]
        rows.extend(dados["relatorio"])
        if len(rows) >= dados["total"] or not dados["relatorio"]:
            return rows


def _pauses(api: httpx.Client, ramal_id: int, since: datetime) -> list[dict[str, object]]:
    params = {
        "data_inicio": since.isoformat(timespec="seconds"),
        "data_fim": (since + timedelta(days=1)).date().isoformat(),
    }
    reply = api.get(f"/ramal/{ramal_id}/pausas", params=params).json()
    rows: list[dict[str, object]] = reply["dados"]["relatorio"]
    return rows


def _leg(call: dict[str, object], name: str) -> dict[str, object]:
    leg = call[name]
    assert isinstance(leg, dict)
    return leg


@pytest.fixture
def stop_traffic(control: httpx.Client) -> Iterator[None]:
    yield
    control.post("/traffic", json={"running": False})


class AgentPage:
    """A webphone page of one ramal, loaded and connected (no browser needed)."""

    def __init__(self, api: httpx.Client, ramal: str) -> None:
        dados = api.get("/webphone", params={"ramal": ramal, "tipo": "embedded"}).json()["dados"]
        match = re.search(r'"session": "([^"]+)"', httpx.get(dados["url"]).text)
        assert match is not None
        self.session = match.group(1)
        self.client = httpx.Client(base_url=str(api.base_url).rstrip("/"), timeout=10)
        assert self.act("connect") == {"ok": True}

    def act(self, action: str, **body: object) -> dict[str, object]:
        reply = self.client.post(f"/w3/api/{action}", params={"session": self.session}, json=body)
        result: dict[str, object] = reply.json()
        return result


def test_plans_repeat_for_a_seed_and_cover_every_kind() -> None:
    rng_a, rng_b = random.Random(21), random.Random(21)
    plans = [draw(rng_a) for _ in range(400)]
    assert plans == [draw(rng_b) for _ in range(400)]
    assert {p.kind for p in plans} == {PAUSE, INCOMING, OUTGOING}
    outgoing = {p.outcome for p in plans if p.kind == OUTGOING}
    assert {"atendida", "sem resposta", "ocupado", "falha", "cancelada"} <= outgoing
    for plan in plans:
        assert 12 <= plan.talk_s <= 420
        if plan.kind == OUTGOING:
            assert plan.motivo in DISCONNECT_REASONS[plan.outcome]


def test_state_and_validation(control: httpx.Client) -> None:
    state = control.get("/traffic").json()
    assert state["running"] is False
    assert state["max_live"] == 6 and state["ring_agents"] is False and state["speed"] == 1
    tuned = control.post("/traffic", json={"speed": 2.5, "max_live": 3, "seed": 5}).json()
    assert tuned["running"] is False  # no "running": the state is kept
    assert (tuned["speed"], tuned["max_live"], tuned["seed"]) == (2.5, 3, 5)
    for bad in ({"speed": 0}, {"speed": "x"}, {"max_live": 1.5}, {"ring_agents": "sim"}):
        assert control.post("/traffic", json=bad).status_code == 400


def test_call_center_traffic_through_the_api(
    api: httpx.Client, control: httpx.Client, stop_traffic: None, clock: Clock
) -> None:
    since = clock() - timedelta(seconds=1)
    reply = control.post("/traffic", json={"running": True, "max_live": 4, **FAST}).json()
    assert reply["running"] is True and reply["max_live"] == 4
    seen_live = False
    most_live = 0
    open_pause: tuple[int, object] | None = None
    pause_closed = False
    calls: list[dict[str, object]] = []
    deadline = time.monotonic() + 25
    while time.monotonic() < deadline:
        calls = _report(api, since)
        live = [c for c in calls if c["ativa"]]
        most_live = max(most_live, len(live))
        seen_live = seen_live or any(c["status_geral"] == "curso" for c in live)
        for call in live:
            assert call["status_geral"] in ("criada", "curso")
        state = control.get("/traffic").json()
        if open_pause is None and state["pausas_abertas"]:
            first = state["pausas_abertas"][0]
            rows = _pauses(api, first["ramal_id"], since)
            running = [p for p in rows if p["pausa_fim"] is None]
            if running:
                open_pause = (first["ramal_id"], running[0]["pausa_inicio"])
        elif open_pause is not None and not pause_closed:
            rows = _pauses(api, open_pause[0], since)
            pause_closed = any(
                p["pausa_inicio"] == open_pause[1] and p["pausa_fim"] is not None for p in rows
            )
        finished = [c for c in calls if c["status_geral"] == "finalizada"]
        outcomes = {_leg(c, "destino")["status"] for c in finished}
        incoming = [c for c in finished if _leg(c, "destino")["tipo"] == "ramal"]
        outgoing = [c for c in finished if _leg(c, "origem")["tipo"] == "ramal"]
        if seen_live and pause_closed and len(outcomes) >= 3 and incoming and outgoing:
            break
        time.sleep(0.05)
    assert seen_live, "no live call seen"
    assert 0 < most_live <= 4
    assert open_pause is not None and pause_closed
    assert len(outcomes) >= 3, outcomes
    assert incoming and outgoing
    for call in finished:
        assert call["ativa"] is False
        destino = _leg(call, "destino")
        reasons = DISCONNECT_REASONS.get(str(destino["status"]), ())
        assert destino["motivo_desconexao"] in (*reasons, "19. sem resposta - mas chamou")
        if call["url_gravacao"]:
            assert destino["status"] == "atendida"
    recorded = [c for c in finished if c["url_gravacao"]]
    if recorded:
        audio = api.get(f"/chamada/{recorded[0]['id']}/gravacao")
        assert audio.headers["Content-Type"] == "audio/mpeg"


def test_stopping_stops_new_calls(
    control: httpx.Client, wait_until: WaitUntil, stop_traffic: None
) -> None:
    control.post("/traffic", json={"running": True, **FAST})
    wait_until(lambda: len(control.get("/calls").json()) >= 5)
    assert control.post("/traffic", json={"running": False}).json()["running"] is False
    last = max(c["id"] for c in control.get("/calls").json())
    time.sleep(0.3)
    assert max(c["id"] for c in control.get("/calls").json()) == last
    wait_until(lambda: not control.get("/calls", params={"ativa": "1"}).json(), timeout=15)


def test_ramais_with_an_open_page_are_left_to_their_agent(
    api: httpx.Client,
    control: httpx.Client,
    wait_until: WaitUntil,
    stop_traffic: None,
    clock: Clock,
) -> None:
    since = clock() - timedelta(seconds=1)
    AgentPage(api, "4000")
    control.post("/traffic", json={"running": True, **FAST})
    wait_until(lambda: control.get("/traffic").json()["pausas"] >= 4, timeout=15)
    wait_until(lambda: sum(control.get("/traffic").json()["iniciadas"].values()) >= 25)
    control.post("/traffic", json={"running": False})
    for call in control.get("/calls").json():
        assert "4000" not in (call["origem"], call["destino"])
        assert RAMAL_4000_ID not in (call["ramal_id_origem"], call["ramal_id_destino"])
    assert _pauses(api, RAMAL_4000_ID, since) == []


def test_the_apps_own_ramal_is_left_alone_before_its_page_opens(
    sandbox: SandboxThread,
    api: httpx.Client,
    control: httpx.Client,
    wait_until: WaitUntil,
    stop_traffic: None,
    clock: Clock,
) -> None:
    since = clock() - timedelta(seconds=1)
    assert sandbox.server is not None
    sandbox.server.traffic.agents.add("4000")  # as the app does for its profile's ramal
    state = control.post("/traffic", json={"running": True, **FAST}).json()
    assert state["agentes"] == ["4000"]
    wait_until(lambda: control.get("/traffic").json()["pausas"] >= 4, timeout=15)
    wait_until(lambda: sum(control.get("/traffic").json()["iniciadas"].values()) >= 25)
    control.post("/traffic", json={"running": False})
    for call in control.get("/calls").json():
        assert "4000" not in (call["origem"], call["destino"])
        assert RAMAL_4000_ID not in (call["ramal_id_origem"], call["ramal_id_destino"])
    assert _pauses(api, RAMAL_4000_ID, since) == []


def test_ring_agents_rings_the_page_and_leaves_the_answer_to_the_agent(
    api: httpx.Client, control: httpx.Client, wait_until: WaitUntil, stop_traffic: None
) -> None:
    page = AgentPage(api, "4000")
    control.post("/traffic", json={"running": True, "ring_agents": True, **FAST})

    def rung() -> object:
        sessions = control.get("/webphones").json()
        return next((s["chamada_id"] for s in sessions if s["chamada_id"]), None)

    call_id = wait_until(rung, timeout=15)
    control.post("/traffic", json={"running": False})
    call = api.get(f"/chamada/{call_id}").json()["dados"]
    assert call["ativa"] is True and _leg(call, "destino")["numero"] == "4000"
    assert _leg(call, "destino")["status"] is None  # still ringing: traffic does not answer it
    assert page.act("answer") == {"ok": True, "chamada_id": call_id}
    assert page.act("hangup")["ok"] is True
    ended = api.get(f"/chamada/{call_id}").json()["dados"]
    assert ended["status_geral"] == "finalizada"
    assert _leg(ended, "destino")["status"] == "atendida"
