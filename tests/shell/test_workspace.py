from __future__ import annotations

import asyncio
import gc
import logging
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.history.panel import HistoryPanel
from desktop.session import SANDBOX_PROFILE, Session, open_profile_session
from desktop.settings.model import Role, Settings
from desktop.settings.paths import AppPaths
from desktop.shell.workspace import Workspace, build_workspace
from desktop.supervisor.kpi_view import KpiView

T = TypeVar("T")


@pytest.fixture
def session(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[Session]:
    opened = run(qtbot, open_profile_session(SANDBOX_PROFILE, None, seed=5, traffic=False))
    yield opened
    run(qtbot, opened.close())


def _build(session: Session, tmp_path: Path, roles: frozenset[Role]) -> Workspace:
    profile = replace(SANDBOX_PROFILE, roles=roles)
    return build_workspace(session, profile, Settings(), AppPaths.under(tmp_path))


def test_every_role_gets_every_panel_and_its_menus(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    ws = _build(session, tmp_path, frozenset(Role))
    try:
        assert ws.window.panel_keys == ["phone", "history", "supervisor", "admin"]
        menus = [a.text().replace("&", "") for a in ws.window.menuBar().actions()]
        assert menus[0] == "File" and menus[-1] == "Help"
        assert {"Call", "Supervision", "Administration"} <= set(menus)
        assert not ws.agent_window or not ws.agent_window.menuBar().isVisible()
    finally:
        run(qtbot, ws.aclose())


def test_an_agent_sees_only_the_phone_and_its_own_history(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    ws = _build(session, tmp_path, frozenset({Role.AGENT}))
    try:
        assert ws.window.panel_keys == ["phone", "history"]
        assert ws.history is not None and ws.history.source.ramal == "4000"
    finally:
        run(qtbot, ws.aclose())


def test_admin_links_open_the_history_and_kpi_views_of_a_ramal(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    ws = _build(session, tmp_path, frozenset({Role.ADMINISTRATOR}))
    try:
        assert ws.window.panel_keys == ["history", "admin"]
        assert ws.admin is not None
        page = run(qtbot, session.client.ramais.report_page(date(2010, 1, 1), date.today()))
        ramal = page.items[0]
        assert ramal.ramal is not None
        ws.admin.openReceivedCalls.emit(int(ramal.id), ramal.ramal)
        ws.admin.openPauses.emit(int(ramal.id), ramal.ramal)
        history, kpis = ws.extra
        assert isinstance(history, HistoryPanel) and history.source.ramal == ramal.ramal
        assert isinstance(kpis, KpiView)
        qtbot.waitUntil(lambda: kpis.report is not None, timeout=20_000)
        assert kpis.report is not None
        assert [p.ramal for p in kpis.report.pauses] == [ramal.ramal]
        history.close()  # the user closes its window: stopped, then deleted
        qtbot.waitUntil(lambda: not shiboken6.isValid(history), timeout=10_000)
        assert ws.extra == [kpis] and not ws.closing_apart
    finally:
        run(qtbot, ws.aclose())


def test_closing_while_history_refreshes_stops_every_task_first(
    qtbot: QtBot,
    session: Session,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    assert session.sandbox is not None
    session.sandbox.context.faults.add(  # the report answers long after the app has quit
        {"method": "GET", "path": "/chamada/relatorio", "delay_ms": 60_000, "count": 100}
    )
    ws = _build(session, tmp_path, frozenset(Role))
    history = ws.history
    assert history is not None
    button = history.refresh_button
    refresh = history.reload()
    qtbot.waitUntil(lambda: not button.isEnabled(), timeout=10_000)  # fetching
    assert not refresh.done()
    caplog.set_level(logging.WARNING)
    run(qtbot, ws.aclose())
    assert refresh.cancelled()
    assert button.isEnabled()  # its ``finally`` ran while the widgets were alive
    ws.window.close()
    ws.window.deleteLater()
    run(qtbot, session.close())
    qtbot.wait(50)
    del ws, history, refresh
    gc.collect()
    messages = [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "destroyed but it is pending" in m or "task failed" in m]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert unraisable == []


def test_the_sandbox_menu_turns_the_simulated_traffic_on_and_off(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    assert session.sandbox is not None
    traffic = session.sandbox.traffic
    ws = _build(session, tmp_path, frozenset({Role.SUPERVISOR}))
    try:
        menus = [a.text().replace("&", "") for a in ws.window.menuBar().actions()]
        assert menus[-2:] == ["Sandbox", "Help"]
        action = ws.sandbox_traffic
        assert action is not None and action.isCheckable()
        assert not action.isChecked() and not traffic.running  # started quiet
        action.trigger()
        assert action.isChecked() and traffic.running
        action.trigger()
        assert not action.isChecked() and not traffic.running
    finally:
        run(qtbot, ws.aclose())
