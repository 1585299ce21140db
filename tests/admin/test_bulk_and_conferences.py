"""Bulk creation runner and conference rooms (no Qt)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from admin_support import make_client

from desktop.admin.bulk_create import BulkCreate, RowOutcome, failures_csv
from desktop.admin.conferences import (
    ConferenceRoom,
    ParticipantState,
    participant_state,
    recent_numbers,
)
from desktop.admin.csv_import import parse_csv
from desktop.api import (
    ApiError,
    Call,
    CallLeg,
    ConferenceCall,
    LegStatus,
    LegType,
    NetworkError,
    NetworkErrorKind,
    Ramal,
    RamalInput,
    ValidationError,
)
from desktop.api.models.parsing import parse_enum
from desktop.sandbox.server import SandboxThread


def _rows(n: int, bad: bool = True) -> str:
    lines = ["ramal;login"] + [f"{5000 + i};u{i}@x.com.br" for i in range(n)]
    if bad:
        lines.append("5x;nope")
    return "\n".join(lines) + "\n"


async def test_bulk_bounded_concurrency_and_results() -> None:
    in_flight = peak = 0

    async def create(body: RamalInput) -> Ramal:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        if body.ramal == "5003":
            raise ApiError(400, 20, "ramal 5003 já existe")
        if body.ramal == "5004":
            raise NetworkError(NetworkErrorKind.TIMEOUT, "127.0.0.1")
        return Ramal(id=int(body.ramal or 0), ramal=body.ramal)

    seen: list[RowOutcome] = []
    parsed = parse_csv(_rows(10))
    report = await BulkCreate(
        create, concurrency=3, on_result=lambda r: seen.append(r.outcome)
    ).run(parsed.rows)
    assert peak == 3
    assert len(report.results) == 11 == len(seen)
    assert report.count(RowOutcome.CREATED) == 8
    assert report.count(RowOutcome.FAILED) == 1
    assert report.count(RowOutcome.UNKNOWN) == 1
    assert report.count(RowOutcome.INVALID) == 1
    failed = next(r for r in report.results if r.outcome is RowOutcome.FAILED)
    assert failed.problems[0].field == "ramal"
    text = failures_csv(report, lambda p: p.kind.value)
    lines = text.strip().splitlines()
    assert lines[0].startswith("linha;resultado;ramal;login;senha")
    assert len(lines) == 4


async def test_bulk_cancel_marks_unsent_rows() -> None:
    started = asyncio.Event()
    release = asyncio.Event()

    async def create(body: RamalInput) -> Ramal:
        started.set()
        await release.wait()
        return Ramal(id=1, ramal=body.ramal)

    runner = BulkCreate(create, concurrency=2)
    task = asyncio.ensure_future(runner.run(parse_csv(_rows(6, bad=False)).rows))
    await started.wait()
    runner.cancel()
    release.set()
    report = await task
    assert report.count(RowOutcome.CREATED) == 2
    assert report.count(RowOutcome.CANCELLED) == 4
    assert len(report.failures) == 4


@pytest.fixture(scope="module")
def conf_sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(token="conf-token") as running:
        yield running


def test_participant_states() -> None:
    def state(status: str | None, **flags: bool) -> ParticipantState:
        call = ConferenceCall(id=1, status=parse_enum(LegStatus, status))
        return participant_state(call, **{"room_ended": False, "finished": False, **flags})

    assert state("chamando") is ParticipantState.CALLING
    assert state(None) is ParticipantState.CALLING
    assert state("atendida") is ParticipantState.ANSWERED
    assert state("atendida", finished=True) is ParticipantState.LEFT
    assert state("atendida", room_ended=True) is ParticipantState.LEFT
    assert state("ocupado") is ParticipantState.NOT_ANSWERED
    assert state("sem resposta") is ParticipantState.NOT_ANSWERED
    assert state("chamando", room_ended=True) is ParticipantState.NOT_ANSWERED
    assert state("algo novo") is ParticipantState.NOT_ANSWERED


def test_recent_numbers_newest_first_without_ramais() -> None:
    def call(day: int, origem: str, destino: str) -> Call:
        return Call(
            id=day,
            data_criacao=datetime(2026, 11, day, tzinfo=UTC),
            origem=CallLeg(numero=origem, tipo=LegType.RAMAL if len(origem) == 4 else "movel"),
            destino=CallLeg(numero=destino, tipo=LegType.RAMAL if len(destino) == 4 else "fixo"),
        )

    calls = [call(1, "4000", "4832830151"), call(3, "48999990001", "4001"),
             call(2, "4002", "4832830151")]  # fmt: skip
    assert recent_numbers(calls) == ["48999990001", "4832830151"]
    assert recent_numbers(calls, limit=1) == ["48999990001"]


async def test_one_room_three_calls(conf_sandbox: SandboxThread) -> None:
    with httpx.Client(base_url=conf_sandbox.base_url + "/_sandbox") as control:
        control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    async with make_client(conf_sandbox) as client:
        room = ConferenceRoom(client.conferencias, client.chamadas)
        room_id = await room.open()
        assert await room.open() == room_id  # one room, however often it is opened
        ids = [await room.add(n, gravar_audio=True) for n in ("48 3283-0151", "48999990001")]
        ids.append(await room.add("4001"))
        state = await room.refresh()
        assert state.id == room_id and not state.ended
        assert [p.numero for p in state.participants] == ["4832830151", "48999990001", "4001"]
        assert [p.call_id for p in state.participants] == ids
        assert {p.state for p in state.participants} == {ParticipantState.CALLING}

        with httpx.Client(base_url=conf_sandbox.base_url + "/_sandbox") as control:
            for call_id in ids[:2]:
                control.post(f"/calls/{call_id}/answer")
            control.post(f"/calls/{ids[1]}/hangup")
        state = await room.refresh()
        assert [p.state for p in state.participants] == [
            ParticipantState.ANSWERED,
            ParticipantState.LEFT,
            ParticipantState.CALLING,
        ]
        assert state.live

        ended = await room.end()
        assert ended.ended and room.ended and not ended.live
        assert [p.state for p in ended.participants] == [
            ParticipantState.LEFT,
            ParticipantState.LEFT,
            ParticipantState.NOT_ANSWERED,
        ]
        assert [p.call_id for p in ended.recordings] == ids[:2]
        assert ended.total_price is not None and ended.total_price > 0
        assert (await room.end()).ended  # ending again is harmless (motivo 80)
        with pytest.raises(ApiError) as info:
            await room.add("4002")
        assert info.value.motivo == 80
        with pytest.raises(ValidationError):
            await ConferenceRoom(client.conferencias, client.chamadas, room_id).add("abc")
