"""End to end: while a fresh page is on its way, the page it replaces no longer speaks."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.agent.controller import AgentController
from desktop.agent.state import AgentState
from desktop.api.models.webphone import WebphoneUrl

pytestmark = pytest.mark.webengine


def test_a_call_ringing_in_the_page_being_replaced_is_not_shown(
    qtbot: QtBot, phones: Any, control: Any
) -> None:
    """Phone ▸ Reconnect while the traffic rings: the old page rings until the new one loads."""
    release = asyncio.Event()

    def held_after_the_first(fetcher: Any) -> Callable[[], Awaitable[WebphoneUrl]]:
        async def fetch() -> WebphoneUrl:
            if fetcher.urls:
                await release.wait()
            url: WebphoneUrl = await fetcher()
            return url

        return fetch

    phone, fetcher = phones.make("4006", wrap=held_after_the_first)
    controller = AgentController(phone)
    phones.connect(phone)
    qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.READY, timeout=10_000)
    rings: list[str] = []
    phone.chegandoChamada.connect(lambda _n, _d, call: rings.append(call))
    drops: list[str] = []
    phone.dropped.connect(lambda reason, _n: drops.append(reason))

    controller.reconnect()
    qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.CONNECTING, timeout=10_000)
    # The old page is still loaded (its replacement waits for its URL) and still rings.
    rung = control.post("/_sandbox/ring", {"ramal": "4006", "numero": "+5548999990006"})
    assert rung["entregue"] is True
    qtbot.waitUntil(lambda: bool(rings or "old-page" in drops), timeout=10_000)
    assert rings == []
    assert controller.snapshot.state is AgentState.CONNECTING

    release.set()
    qtbot.waitUntil(lambda: controller.snapshot.state is AgentState.READY, timeout=20_000)
    assert len(fetcher.urls) == 2
    assert rings == []
    controller.shutdown()
