"""Bulk creation runner and conference sessions (no Qt)."""

from __future__ import annotations

import asyncio

import pytest
from admin_support import make_client

from desktop.admin.bulk_create import BulkCreate, RowOutcome, failures_csv
from desktop.admin.conferences import ConferenceSession, ConferenceSettings
from desktop.admin.csv_import import parse_csv
from desktop.api import ApiError, NetworkError, NetworkErrorKind, Ramal, RamalInput, ValidationError
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
def conf_sandbox() -> SandboxThread:
    with SandboxThread(token="conf-token") as running:
        yield running  # type: ignore[misc]


async def test_conference_session_lifecycle(conf_sandbox: SandboxThread) -> None:
    async with make_client(conf_sandbox) as client:
        session = ConferenceSession(
            client.conferencias,
            ConferenceSettings("https://example.com/conf.mp3", gravar_conferencia=True),
        )
        first = await session.call("48 3283-0151")
        second = await session.call("48999990001")
        assert first != second
        await session.refresh()
        states = session.states
        assert [n for n, _s, _e in states] == ["48 3283-0151", "48999990001"]
        assert all(s.ended is False and s.participants for _n, s, _e in states)
        assert states[0][1].participants[0].numero == "4832830151"
        assert session.active
        assert await session.end_all() == []
        await session.refresh()
        assert not session.active
        assert all(s.ended_at is not None for _n, s, _e in session.states)
        # Ending again is harmless (motivo 80 "já encerrada" counts as ended).
        await session.end(first)
        with pytest.raises(ValidationError):
            await session.call("not a number")
        assert len(session.ids) == 2
