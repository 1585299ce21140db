from __future__ import annotations

import wave
from datetime import timedelta
from pathlib import Path

import pytest
from agent_fakes import T0, FakeWebphone
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.agent.actions import enabled_for
from desktop.agent.incoming import IncomingAlert, SoundEffectPlayer, ring_path
from desktop.agent.pause_log import PauseLog
from desktop.agent.preferences import AgentPreferences, PauseReason
from desktop.agent.quality_history import QualityHistory, QualitySample, overall
from desktop.agent.state import ALL_QUEUES, AgentSnapshot, AgentState, CallInfo, Direction
from desktop.agent.state import Quality as Q
from desktop.agent.words import advice_for, duration, pretty_number


def test_pause_log_open_close_and_reminder() -> None:
    log = PauseLog()
    lunch = PauseReason("Lunch", max_minutes=60)
    entry = log.start(lunch, "7", T0)
    assert log.start(lunch, "7", T0 + timedelta(seconds=5)) is entry  # one open per queue
    log.start(PauseReason("Break"), ALL_QUEUES, T0)
    assert not entry.overdue(T0 + timedelta(minutes=59))
    assert entry.overdue(T0 + timedelta(minutes=60))
    log.mark_reminded(entry)
    assert log.current("7") is not None and log.current("7").reminded  # type: ignore[union-attr]
    log.end(ALL_QUEUES, T0 + timedelta(minutes=10))  # "all" closes every open pause
    assert log.open_entries() == ()
    assert [e.seconds(T0) for e in log] == [600, 600]


def test_preferences_are_checked() -> None:
    with pytest.raises(ValueError):
        PauseReason(" ")
    with pytest.raises(ValueError):
        PauseReason("Break", auto_unpause=True)
    with pytest.raises(ValueError):
        AgentPreferences(pause_reasons=())
    with pytest.raises(ValueError):
        AgentPreferences(auto_answer_seconds=-1)
    prefs = AgentPreferences()
    assert prefs.reason("Lunch").max_minutes == 60
    assert prefs.reason("Dentist") == PauseReason("Dentist")


def test_quality_history_window_and_overall() -> None:
    history = QualityHistory(window=timedelta(minutes=1))
    history.add(QualitySample(T0, Q.GOOD, Q.GOOD))
    history.add(QualitySample(T0 + timedelta(seconds=30), Q.GOOD, Q.POOR))
    assert history.latest is not None and history.latest.quality is Q.POOR
    history.add(QualitySample(T0 + timedelta(seconds=61), Q.FAIR, Q.UNKNOWN))
    assert len(history.samples) == 2
    assert history.counts()[Q.FAIR] == 1
    assert overall(Q.UNKNOWN, Q.UNKNOWN) is Q.UNKNOWN
    assert overall(Q.GOOD, Q.FAIR) is Q.FAIR


def test_words() -> None:
    assert duration(0) == "00:00"
    assert duration(65) == "01:05"
    assert duration(3725) == "1:02:05"
    assert pretty_number("+5548999990000") == "+55 48 99999-0000"
    assert pretty_number("+554833334444") == "+55 48 3333-4444"
    assert pretty_number("4001") == "4001"
    assert "credit" in advice_for("Sem saldo na conta")
    assert "Troubleshooting" in advice_for("algo estranho")


def test_enabled_actions_never_allow_dialing_during_a_call() -> None:
    call = CallInfo(Direction.OUTBOUND, "4001", T0)
    for state in AgentState:
        flags = enabled_for(AgentSnapshot(state=state, call=call))
        if state in (AgentState.RINGING, AgentState.DIALING, AgentState.TALKING):
            assert not flags["dial"]
            assert flags["hang_up"]
        assert flags["record"] == (state is AgentState.TALKING)


def test_ring_wav_is_a_short_valid_sound() -> None:
    with wave.open(ring_path()) as sound:
        assert sound.getnchannels() == 1
        assert sound.getsampwidth() == 2
        seconds = sound.getnframes() / sound.getframerate()
    assert 1 < seconds < 5
    assert Path(ring_path()).with_name("make_ring.py").exists()


def test_real_ring_player_follows_the_state(qtbot: QtBot, phone: FakeWebphone) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    alert = IncomingAlert(window)
    player = alert.player
    assert isinstance(player, SoundEffectPlayer)
    if player.effect is not None:
        assert player.effect.source().toLocalFile() == ring_path()
    ringing = AgentSnapshot(
        state=AgentState.RINGING, call=CallInfo(Direction.INBOUND, "+5548999990000", T0)
    )
    alert.update(ringing)
    assert player.is_playing()
    assert window.isVisible()  # brought to the front
    alert.update(AgentSnapshot(state=AgentState.READY))
    assert not player.is_playing()
