"""The supervisor console keeps the relay's coach status: told, renewed, ended."""

from __future__ import annotations

import asyncio
from typing import Any

from instants import NOON

from desktop.core.board import CallPhase, Changes, LiveCall, RamalLive, RamalState, Snapshot
from desktop.core.board_stream import RelayUnavailable
from desktop.supervisor.coach_status import CoachReporter

CALL = LiveCall(77, "11999990000", "4001", "4001", "", "", CallPhase.TALKING, NOON)


class Sent:
    def __init__(self, fail: bool = False) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.fail = fail

    async def __call__(self, subject: str, body: dict[str, Any]) -> dict[str, Any]:
        assert subject == "pedido.acme.supervisor.escuta"
        self.bodies.append(body)
        if self.fail:
            raise RelayUnavailable("no responders")
        return {"ok": True}

    @property
    def modes(self) -> list[int]:
        return [b["modo"] for b in self.bodies]


def _changes(calls: list[LiveCall], supervisor: RamalState) -> Changes:
    leg = RamalLive(9, "4009", "sup", (), supervisor)
    return Changes(Snapshot(NOON, {9: leg}, {c.id: c for c in calls}))


async def test_told_on_start_and_ended_when_the_supervisors_leg_hangs_up() -> None:
    sent = Sent()
    reporter = CoachReporter(sent, "acme", "Ana", renew=3600)
    reporter.started(2, CALL, "4009")
    reporter.follow(_changes([CALL], RamalState.RINGING))  # the supervisor's phone rings
    reporter.follow(_changes([CALL], RamalState.TALKING))
    await asyncio.sleep(0)
    assert sent.bodies == [{"supervisor": "Ana", "ramal": "4001", "chamada_id": 77, "modo": 2}]
    reporter.follow(_changes([CALL], RamalState.FREE))  # hung up; the agent's call goes on
    await reporter.aclose()
    assert sent.modes == [2, 0]
    assert not reporter.active


async def test_ended_when_the_call_leaves_the_board_and_renewed_meanwhile() -> None:
    sent = Sent()
    reporter = CoachReporter(sent, "acme", "Ana", renew=0.05)
    reporter.started(1, CALL, "+5511988887777")  # a phone that is not a ramal
    await asyncio.sleep(0.12)
    assert sent.modes.count(1) >= 2  # renewed
    reporter.follow(_changes([], RamalState.FREE))
    await asyncio.sleep(0.1)
    renewals = len(sent.bodies)
    await asyncio.sleep(0.1)
    assert sent.modes[-1] == 0 and len(sent.bodies) == renewals  # no renewal after the end
    await reporter.aclose()


async def test_a_relay_away_is_not_an_error_and_closing_ends_what_is_open() -> None:
    sent = Sent(fail=True)
    reporter = CoachReporter(sent, "acme", "Ana", renew=3600)
    reporter.started(3, CALL, "4009")
    await reporter.aclose()
    assert sent.modes == [3, 0]
