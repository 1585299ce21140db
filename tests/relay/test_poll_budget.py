"""The relay's polling within a budget: paused and busy ramais first, counters per day."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime, timedelta
from typing import Any, cast

from desktop.api.models import Call, CallLeg, CallStatus, LegStatus, Pause, Ramal
from desktop.api.models.parsing import PROVIDER_TZ
from desktop.core.board_rows import BoardRow
from desktop.relay.board_bucket import BoardBucket
from desktop.relay.jetstream import EventStream
from desktop.relay.metrics import RelayMetrics
from desktop.relay.poller import DEFAULT_BUDGET, Poller
from desktop.relay.relay_core import Relay

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=PROVIDER_TZ)


class ManualClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


class Stream:
    async def publish(self, subject: str, body: bytes, msg_id: str) -> bool:
        return True


class Board:
    def __init__(self) -> None:
        self.rows: dict[str, BoardRow] = {}

    def offer(self, row: BoardRow, *, yield_to_call: bool = False) -> bool:
        self.rows[row.ramal] = row
        return True

    def offer_all(self, rows: Any) -> int:
        return sum(self.offer(row) for row in rows)


class Source:
    """Thirty ramais; 4001 is paused since 11:00; today's calls as given."""

    def __init__(self, calls: list[Call]) -> None:
        self.calls_today = calls
        self.asked: Counter[str] = Counter()

    async def ramais(self, today: datetime) -> list[Ramal]:
        self.asked["ramais"] += 1
        return [Ramal(id=n, ramal=str(4000 + n)) for n in range(30)]

    async def pauses(self, ramal_id: int | str, since: datetime, until: datetime) -> list[Pause]:
        self.asked[str(4000 + int(ramal_id))] += 1
        if ramal_id == 1:
            return [Pause(NOON - timedelta(hours=1), None, None)]
        return []

    async def calls(self, since: datetime, until: datetime) -> list[Call]:
        self.asked["calls"] += 1
        return [c for c in self.calls_today if c.data_criacao and since <= c.data_criacao]


def _relay(clock: ManualClock) -> tuple[Relay, Board]:
    board = Board()
    relay = Relay(
        "acme", cast(EventStream, Stream()), cast(BoardBucket, board), RelayMetrics(), clock
    )
    return relay, board


def _answered(call_id: int, ramal: str, at: datetime) -> Call:
    return Call(
        id=call_id,
        data_criacao=at,
        ativa=False,
        status_geral=CallStatus.FINALIZADA,
        origem=CallLeg(numero="48999990000", duracao_segundos=30),
        destino=CallLeg(numero=ramal, status=LegStatus.ATENDIDA, duracao_segundos=30),
    )


async def test_paused_and_busy_ramais_are_read_more_often() -> None:
    clock = ManualClock(NOON)
    relay, _ = _relay(clock)
    source = Source([])
    poller = Poller(source, relay, clock)
    assert poller.spacing >= 60 / 54  # the default costs less than one polling console
    for _ in range(32):  # the list, the call report, then every ramal once
        await poller.step()
        clock.at += timedelta(seconds=1)
    assert source.asked["ramais"] == 1 and source.asked["calls"] == 1
    assert all(source.asked[str(4000 + n)] == 1 for n in range(30))
    relay.active["4002"] = clock.at  # a call event just now
    for _ in range(60):
        await poller.step()
        clock.at += timedelta(seconds=1)
    paused, busy = source.asked["4001"], source.asked["4002"]
    others = max(source.asked[str(4000 + n)] for n in range(3, 30))
    assert paused > busy > others >= 2


async def test_the_loop_keeps_to_its_budget() -> None:
    clock = ManualClock(NOON)
    relay, _ = _relay(clock)
    source = Source([])
    poller = Poller(source, relay, clock, budget=600)  # one request every 0.1 s
    task = asyncio.create_task(poller.run())
    await asyncio.sleep(1.0)
    task.cancel()
    assert sum(source.asked.values()) <= 12
    assert DEFAULT_BUDGET < 54


async def test_counters_come_from_the_report_and_start_again_each_day() -> None:
    clock = ManualClock(NOON)
    relay, board = _relay(clock)
    morning = [_answered(n, "4003", NOON - timedelta(hours=2, minutes=n)) for n in range(3)]
    source = Source(morning)
    poller = Poller(source, relay, clock)
    await poller.step()  # the ramal list
    await poller.step()  # today's call report
    assert board.rows["4003"].counts.received == 3
    assert board.rows["4003"].counts.answered == 3
    clock.at = NOON + timedelta(days=1)  # the next day: nothing yet
    await poller.step()  # the ramal list again (it is due)
    await poller.step()  # the new day's report
    assert source.asked["calls"] == 2
    assert board.rows["4003"].counts.received == 0
    assert relay.day.counts("4003").answered == 0
