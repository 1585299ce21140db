from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.agent.state import AgentSnapshot, AgentState, CallInfo, Direction, QueueState
from desktop.settings.model import Theme
from desktop.shell.icons import app_icon, icon_path
from desktop.shell.theme import apply_theme, effective_scheme
from desktop.shell.tray import CloseToTray, TrayIcon, TrayState, tray_state_for

NOW = datetime(2025, 1, 1, 12, 0)


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[QApplication]:
    palette, style = qapp.palette(), qapp.style().name()
    yield qapp
    qapp.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _window_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


def test_forced_dark_and_light(restore_theme: QApplication) -> None:
    app = restore_theme
    assert apply_theme(app, Theme.DARK) == Qt.ColorScheme.Dark
    assert _window_lightness(app) < 128
    assert effective_scheme(app, Theme.DARK) == Qt.ColorScheme.Dark
    assert apply_theme(app, Theme.LIGHT) == Qt.ColorScheme.Light
    assert _window_lightness(app) > 128


def test_system_follows_the_os(restore_theme: QApplication) -> None:
    app = restore_theme
    apply_theme(app, Theme.DARK)
    scheme = apply_theme(app, Theme.SYSTEM)
    os_scheme = app.styleHints().colorScheme()
    assert scheme == (
        Qt.ColorScheme.Dark if os_scheme == Qt.ColorScheme.Dark else Qt.ColorScheme.Light
    )
    assert (_window_lightness(app) < 128) == (scheme == Qt.ColorScheme.Dark)


def _snap(state: AgentState, paused: bool = False) -> AgentSnapshot:
    call = (
        CallInfo(Direction.INBOUND, "+5548999990000", NOW)
        if state in (AgentState.RINGING, AgentState.TALKING, AgentState.DIALING)
        else None
    )
    queues = (QueueState("10", NOW, paused_since=NOW if paused else None),)
    return AgentSnapshot(state=state, call=call, queues=queues)


@pytest.mark.parametrize(
    ("state", "paused", "expected"),
    [
        (AgentState.DISCONNECTED, False, TrayState.OFFLINE),
        (AgentState.CONNECTING, True, TrayState.OFFLINE),
        (AgentState.READY, False, TrayState.READY),
        (AgentState.READY, True, TrayState.PAUSED),
        (AgentState.ENDED, False, TrayState.READY),
        (AgentState.RINGING, True, TrayState.RINGING),
        (AgentState.DIALING, False, TrayState.IN_CALL),
        (AgentState.TALKING, True, TrayState.IN_CALL),
    ],
)
def test_tray_state_mapping(state: AgentState, paused: bool, expected: TrayState) -> None:
    assert tray_state_for(_snap(state, paused)) is expected


def test_every_tray_state_has_an_icon(qapp: QApplication) -> None:
    for state in TrayState:
        assert icon_path(f"tray-{state.value}").is_file()
    assert not app_icon().isNull()


def test_tray_actions_follow_the_state(qtbot: QtBot) -> None:
    tray = TrayIcon()
    tray.set_snapshot(_snap(AgentState.RINGING))
    assert tray.state is TrayState.RINGING
    assert "+5548999990000" in tray.tray.toolTip()
    assert tray.answer_action.isEnabled() and tray.hangup_action.isEnabled()
    assert not tray.pause_action.isEnabled()
    with qtbot.waitSignal(tray.answerRequested):
        tray.answer_action.trigger()
    tray.set_state(TrayState.READY)
    assert not tray.answer_action.isEnabled() and tray.pause_action.isEnabled()
    with qtbot.waitSignal(tray.pauseRequested) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [True]
    assert not tray.pause_action.isChecked()  # ticks only when the pause event arrives
    tray.set_state(TrayState.PAUSED)
    assert tray.pause_action.isChecked()
    with qtbot.waitSignal(tray.pauseRequested) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [False]
    with qtbot.waitSignal(tray.quitRequested):
        tray.quit_action.trigger()


def test_close_hides_to_tray_only_when_enabled(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    tray = TrayIcon()
    tray.tray.isVisible = lambda: True  # type: ignore[method-assign]  # offscreen has no tray
    guard = CloseToTray(window, tray, enabled=True)
    window.show()
    event = QCloseEvent()
    assert guard.eventFilter(window, event)
    assert not event.isAccepted() and not window.isVisible()
    assert tray.window_action.text() == "Show window"
    guard.enabled = False
    assert not guard.eventFilter(window, QCloseEvent())
    guard.enabled = True
    guard.allow_close()
    assert not guard.eventFilter(window, QEvent(QEvent.Type.Close))
