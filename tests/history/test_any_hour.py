"""The History panel's "Today" has calls whatever the hour and date (the sandbox's clock)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from instants import INSTANTS
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.history.cache import HistoryCache
from desktop.history.panel import HistoryPanel
from desktop.history.ranges import Preset
from desktop.history.source import HistorySource
from desktop.sandbox.server import SandboxThread
from desktop.sandbox.timeutil import clock_from


@pytest.fixture
def in_sao_paulo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The panel's days are the computer's: here, a computer in São Paulo."""
    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("instant", INSTANTS.values(), ids=INSTANTS.keys())
def test_today_has_calls_at_any_hour(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    in_sao_paulo: None,
    tmp_path: Path,
    instant: datetime,
) -> None:
    with SandboxThread(clock=clock_from(instant)) as sandbox:
        client = TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
        panel = HistoryPanel(
            HistorySource(client), HistoryCache(None), today=lambda: instant.date()
        )
        qtbot.addWidget(panel)
        panel.preset.setCurrentIndex(panel.preset.findData(Preset.TODAY.value))
        assert panel.period() == (instant.date(), instant.date())
        task = panel.task("load")
        assert task is not None
        qtbot.waitUntil(task.done, timeout=10_000)
        rows = panel.model.rows()
        assert len(rows) >= 3
        run(qtbot, panel.aclose())
        run(qtbot, client.aclose())
