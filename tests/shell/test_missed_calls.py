"""Missed calls: counted from snapshots, a badge on the tray and the launcher, cleared when seen."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.agent.state import AgentSnapshot, AgentState, CallInfo, Direction
from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.core.outcomes import Outcome
from desktop.history.cache import HistoryCache
from desktop.history.panel import HistoryPanel
from desktop.history.source import HistorySource
from desktop.shell.icons import named_icon
from desktop.shell.missed_calls import (
    LauncherEntry,
    MissedCalls,
    badge_icon,
    badge_text,
    track_missed_calls,
)
from desktop.shell.tray import TrayIcon, TrayState

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def inbound(number: str, at: datetime, **changes: object) -> CallInfo:
    return CallInfo(Direction.INBOUND, number, at, **changes)  # type: ignore[arg-type]


def missed_ring(missed: MissedCalls, number: str, at: datetime) -> None:
    missed.follow(AgentSnapshot(AgentState.RINGING, inbound(number, at)))
    missed.follow(AgentSnapshot(AgentState.ENDED, inbound(number, at, ended_at=at)))
    missed.follow(AgentSnapshot(AgentState.READY))


def image(tray: TrayIcon) -> QImage:
    return tray.tray.icon().pixmap(32, 32).toImage()


def test_unanswered_rings_count_and_answered_ones_do_not(qapp: QApplication) -> None:
    missed = MissedCalls()
    counts: list[int] = []
    missed.changed.connect(counts.append)
    missed_ring(missed, "+5548999990001", T0)
    assert missed.count == 1

    answered = inbound("+5548999990002", T0, answered_at=T0 + timedelta(seconds=3))
    missed.follow(AgentSnapshot(AgentState.RINGING, inbound("+5548999990002", T0)))
    missed.follow(AgentSnapshot(AgentState.TALKING, answered))
    missed.follow(AgentSnapshot(AgentState.ENDED, answered))
    outbound = CallInfo(Direction.OUTBOUND, "4001", T0)
    missed.follow(AgentSnapshot(AgentState.DIALING, outbound))
    missed.follow(AgentSnapshot(AgentState.ENDED, outbound))
    assert missed.count == 1

    missed_ring(missed, "+5548999990003", T0 + timedelta(minutes=1))
    assert missed.count == 2
    missed.seen()
    assert missed.count == 0
    assert counts == [1, 2, 0]


def test_the_tray_icon_carries_the_count(qtbot: QtBot) -> None:
    tray = TrayIcon()
    tray.set_state(TrayState.READY)
    plain = image(tray)
    tray.set_missed(3)
    assert tray.missed_count == 3
    badged = image(tray)
    assert badged != plain
    assert "Missed calls: 3" in tray.tray.toolTip()
    assert tray.missed_action.isVisible()
    tray.set_state(TrayState.PAUSED)  # a new state keeps the badge
    paused_badged = image(tray)
    tray.set_missed(0)
    assert image(tray) != paused_badged
    tray.set_state(TrayState.READY)
    assert image(tray) == plain
    assert not tray.missed_action.isVisible()
    assert "Missed" not in tray.tray.toolTip()


def test_badge_shapes(qapp: QApplication) -> None:
    assert badge_text(7) == "7"
    assert badge_text(100) == "99+"
    base = named_icon("tray-ready")
    assert badge_icon(base, 0) is base
    one, many = badge_icon(base, 1), badge_icon(base, 100)
    assert one.pixmap(32, 32).toImage() != many.pixmap(32, 32).toImage()


class FakeAgent(QObject):
    changed = Signal(object)
    declined = Signal()


@pytest.fixture
def history(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[HistoryPanel]:
    client = TotalVoiceClient(
        "x", ApiConfig(hosts=ApiHosts.single("http://127.0.0.1:9"), max_retries=0)
    )
    panel = HistoryPanel(HistorySource(client), HistoryCache(None))
    yield panel
    if shiboken6.isValid(panel):  # a test's tab widget may have taken and deleted it
        panel.cancel_fetch()
    run(qtbot, client.aclose())


def test_history_shown_with_the_missed_filter_clears_the_badge(
    qtbot: QtBot, history: HistoryPanel
) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QTabWidget(), "Phone")
    tabs.addTab(history, "History")
    tabs.show()
    qtbot.waitExposed(tabs)
    agent = FakeAgent()
    shown: list[int] = []
    missed = track_missed_calls(agent, history, [shown.append])  # type: ignore[arg-type]
    for minute in range(2):
        at = T0 + timedelta(minutes=minute)
        agent.changed.emit(AgentSnapshot(AgentState.RINGING, inbound("+5548999990001", at)))
        agent.changed.emit(AgentSnapshot(AgentState.READY))
    assert shown == [1, 2]
    agent.changed.emit(AgentSnapshot(AgentState.RINGING, inbound("+5548999990009", T0)))
    agent.declined.emit()  # refused by the agent: History calls it rejected, not missed
    agent.changed.emit(AgentSnapshot(AgentState.ENDED, inbound("+5548999990009", T0)))
    assert missed.count == 2

    tabs.setCurrentWidget(history)  # History, but every outcome: not seen yet
    assert missed.count == 2
    tabs.setCurrentIndex(0)
    history.show_missed()  # the filter while History is hidden: not seen either
    assert missed.count == 2
    assert history.filter_bar.spec().outcome is Outcome.MISSED
    tabs.setCurrentWidget(history)
    assert missed.count == 0
    assert shown == [1, 2, 0]


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if not sys.platform.startswith("linux"):
        pytest.skip("the launcher badge is a Linux desktop signal")
    assert daemon, "dbus-daemon is missing (Debian package dbus-daemon)"
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_launcher_entry_signal_carries_the_count(private_bus: str) -> None:
    from jeepney import MatchRule, message_bus
    from jeepney.io.blocking import open_dbus_connection

    listener = open_dbus_connection(bus=private_bus)
    try:
        rule = MatchRule(type="signal", interface=LauncherEntry.INTERFACE, member="Update")
        listener.send_and_get_reply(message_bus.AddMatch(rule))
        entry = LauncherEntry(address=private_bus)
        received = []
        with listener.filter(rule) as queue:
            assert entry.update(4)
            received.append(listener.recv_until_filtered(queue, timeout=10))
            assert entry.update(0)
            received.append(listener.recv_until_filtered(queue, timeout=10))
        entry.close()
    finally:
        listener.close()
    first, cleared = (message.body for message in received)
    assert first == (
        "application://br.com.ramaldesktop.RamalDesktop.desktop",
        {"count": ("x", 4), "count-visible": ("b", True)},
    )
    assert cleared[1] == {"count": ("x", 0), "count-visible": ("b", False)}
    assert received[0].header.fields[1] == entry.path  # HeaderFields.path


def test_no_session_bus_leaves_the_tray_badge_alone() -> None:
    entry = LauncherEntry(address="unix:path=/nonexistent/ramal-bus")
    assert entry.update(2) is False
    assert entry.update(3) is False  # tried once, then quiet
