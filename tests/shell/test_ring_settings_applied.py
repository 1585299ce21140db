"""The phone's ring takes its sound, volume and output from the settings."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.agent.incoming import SoundEffectPlayer
from desktop.session import SANDBOX_PROFILE, Session, open_profile_session
from desktop.settings.model import Role, Settings
from desktop.settings.paths import AppPaths
from desktop.shell.workspace import build_workspace


@pytest.fixture
def session(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[Session]:
    opened = run(qtbot, open_profile_session(SANDBOX_PROFILE, None, seed=5, traffic=False))
    yield opened
    run(qtbot, opened.close())


def test_the_phone_rings_with_the_saved_volume_and_sound(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    profile = replace(SANDBOX_PROFILE, roles=frozenset({Role.AGENT}))
    settings = Settings(ring_volume=30, ring_sound=str(tmp_path / "bell.wav"))
    ws = build_workspace(session, profile, settings, AppPaths.under(tmp_path))
    try:
        assert ws.agent_window is not None
        player = ws.agent_window.incoming.player
        assert isinstance(player, SoundEffectPlayer)
        assert player.effect.volume() == pytest.approx(0.3)  # type: ignore[attr-defined]
        assert player.effect.source().toLocalFile() == str(tmp_path / "bell.wav")  # type: ignore[attr-defined]
    finally:
        run(qtbot, ws.aclose())
