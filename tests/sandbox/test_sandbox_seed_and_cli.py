"""Deterministic seeded data, and ``python -m desktop.sandbox`` as a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta

import httpx
import pytest
from instants import INSTANTS

from desktop.sandbox import SandboxThread
from desktop.sandbox.seed import CALLS, DAYS, populate
from desktop.sandbox.store import Store
from desktop.sandbox.timeutil import BRT, hms, hms_sixty

#: The moment both servers of a comparison start at: the seeded data is placed relative to it.
STARTED = datetime(2026, 6, 15, 10, 30, 15, tzinfo=BRT)
WINDOW = {
    "data_inicio": (STARTED - timedelta(days=40)).date().isoformat(),
    "data_fim": (STARTED + timedelta(days=1)).date().isoformat(),
}


def started() -> datetime:
    return STARTED


def snapshot(base_url: str, token: str) -> dict[str, object]:
    headers = {"Access-Token": token}
    with httpx.Client(base_url=base_url, headers=headers) as client:
        ramais = client.get("/ramal/relatorio", params=WINDOW).json()["dados"]["relatorio"]
        calls = []
        for posicao in (0, 200):
            params = {**WINDOW, "posicao": str(posicao), "limite": "200"}
            calls += client.get("/chamada/relatorio", params=params).json()["dados"]["relatorio"]
        pauses = client.get("/ramal/76500/pausas", params=WINDOW).json()["dados"]
        conferences = client.get("/conferencia/relatorio", params=WINDOW).json()["dados"]
    for call in calls:  # recording URLs name the port
        call["url_gravacao"] = bool(call["url_gravacao"])
    for conference in conferences["relatorio"]:
        for member in conference["chamadas"]:
            member["url_gravacao"] = bool(member["url_gravacao"])
    return {"ramais": ramais, "calls": calls, "pauses": pauses, "conferences": conferences}


def test_same_seed_same_data() -> None:
    with (
        SandboxThread(seed=42, clock=started) as one,
        SandboxThread(seed=42, clock=started) as two,
    ):
        first = snapshot(one.base_url, one.token)
        second = snapshot(two.base_url, two.token)
    assert first == second
    rooms: list[dict[str, list[dict[str, object]]]] = first["conferences"]["relatorio"]  # type: ignore[index]
    in_rooms = {c["id"] for room in rooms for c in room["chamadas"]}
    calls: list[dict[str, object]] = first["calls"]  # type: ignore[assignment]
    assert len(calls) == 360 + len(in_rooms)  # the rooms' calls are chamadas too
    assert in_rooms <= {c["id"] for c in calls}


def test_other_seed_other_data() -> None:
    with SandboxThread(seed=1, clock=started) as one, SandboxThread(seed=2, clock=started) as two:
        first = snapshot(one.base_url, one.token)
        second = snapshot(two.base_url, two.token)
    assert first["calls"] != second["calls"]
    assert first["ramais"] != second["ramais"]


def test_default_seed_is_fixed() -> None:
    with SandboxThread(clock=started) as one, SandboxThread(clock=started) as two:
        assert snapshot(one.base_url, one.token) == snapshot(two.base_url, two.token)


@pytest.mark.parametrize("instant", INSTANTS.values(), ids=INSTANTS.keys())
def test_today_has_activity_at_any_hour(instant: datetime) -> None:
    store = Store()
    populate(store, None, instant)
    calls = list(store.calls.values())
    assert len([c for c in calls if c.conferencia_id is None]) == CALLS  # rooms' calls aside
    today = [c for c in calls if c.data_criacao.date() == instant.date()]
    assert len(today) >= 3  # even five minutes after midnight
    assert any(c.ramal_id_origem or c.ramal_id_destino for c in today)  # a ramal worked
    assert [p for p in store.pauses if p.inicio.date() == instant.date()]
    for call in calls:  # every seeded call has ended by the time the sandbox starts
        moments = [call.data_criacao, call.origem.ended_at, call.destino.ended_at]
        assert all(m is None or m <= instant for m in moments)
        assert call.data_criacao > instant - timedelta(days=DAYS)
    assert all(p.fim is not None and p.fim <= instant for p in store.pauses)
    days = {c.data_criacao.date() for c in calls}
    assert len(days) >= DAYS - 8  # earlier days too (weekends are quieter)


def test_duration_formats() -> None:
    assert hms(0) == "00:00:00"
    assert hms(3725) == "01:02:05"
    assert hms_sixty(60) == "00:00:60"
    assert hms_sixty(120) == "00:01:60"
    assert hms_sixty(45) == "00:00:45"


def test_module_runs_as_a_subprocess() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.sandbox",
            "--port",
            "0",
            "--token",
            "cli-token",
            "--seed",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        health = httpx.get(base_url + "/_sandbox/health").json()
        assert health == {"ok": True, "base_url": base_url}
        ramal = httpx.get(base_url + "/ramal/76498", headers={"Access-Token": "cli-token"})
        assert ramal.json()["dados"]["ramal"] == "4000"
        assert httpx.get(base_url + "/ramal/76498").status_code == 403
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=15)
    assert code == 0
