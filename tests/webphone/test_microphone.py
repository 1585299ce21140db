"""The microphone is granted by the app's permission handler and by nothing else.

Chromium's ``--use-fake-ui-for-media-stream`` answers every media request itself, so the
app's handler is never asked: a test run with it proves nothing about the microphone.
Only the fake *device* is used here (``tests/conftest.py``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePermission
from pytestqt.qtbot import QtBot

from desktop.sandbox.server import SandboxThread
from desktop.webphone import page as page_module
from desktop.webphone.policy import origin_of, permission_allowed

ROOT = Path(__file__).resolve().parents[2]
FAKE_UI = "--use-fake-ui-for-media-stream"
_NOT_SCANNED = {"build", "dist", "node_modules", "__pycache__"}  # and hidden folders
Kind = QWebEnginePermission.PermissionType


class AskedHandler:
    """Wraps the policy the page asks, recording each question; ``deny`` refuses them all."""

    def __init__(self, deny: bool) -> None:
        self.deny = deny
        self.asked: list[tuple[Kind, str, str | None]] = []

    def __call__(self, kind: Kind, origin: QUrl, webphone_origin: str | None) -> bool:
        self.asked.append((kind, origin_of(origin), webphone_origin))
        return False if self.deny else permission_allowed(kind, origin, webphone_origin)


def launch_files() -> list[Path]:
    """Every file here that could start Chromium (prose such as README files aside)."""
    found = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        hidden = any(p.startswith(".") and p != ".github" for p in relative.parts)
        if hidden or _NOT_SCANNED & set(relative.parts) or path.suffix == ".md":
            continue
        if not path.is_file():
            continue
        if path != Path(__file__).resolve():
            found.append(path)
    return found


def test_nothing_lets_chromium_grant_media_by_itself() -> None:
    assert FAKE_UI not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    offenders = [
        str(path.relative_to(ROOT))
        for path in launch_files()
        if FAKE_UI.encode() in path.read_bytes()
    ]
    assert offenders == []


@pytest.mark.webengine
def test_the_apps_handler_grants_the_microphone_to_the_webphone(
    phones: Any, sandbox: SandboxThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler = AskedHandler(deny=False)
    monkeypatch.setattr(page_module, "permission_allowed", handler)
    phone, _ = phones.make("4000")
    granted: list[str] = []
    phone.page.permission_granted.connect(granted.append)
    phones.connect(phone)
    webphone = origin_of(sandbox.base_url)
    assert handler.asked == [(Kind.MediaAudioCapture, webphone, webphone)]
    assert granted == [webphone]


@pytest.mark.webengine
def test_when_the_handler_denies_the_webphone_reports_the_microphone(
    qtbot: QtBot, phones: Any, sandbox: SandboxThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler = AskedHandler(deny=True)
    monkeypatch.setattr(page_module, "permission_allowed", handler)
    phone, _ = phones.make("4000")
    statuses: list[str] = []
    phone.status.connect(statuses.append)
    with (
        qtbot.waitSignal(phone.status_erro, timeout=20_000) as error,
        qtbot.waitSignal(
            phone.page.blocked, check_params_cb=lambda kind, _: kind == "permission"
        ) as blocked,
    ):
        phone.start()
    webphone = origin_of(sandbox.base_url)
    assert handler.asked == [(Kind.MediaAudioCapture, webphone, webphone)]
    assert origin_of(blocked.args[1]) == webphone
    assert "microfone" in error.args[0]  # the sandbox webphone's own words for it
    qtbot.waitUntil(lambda: "desconectado" in statuses, timeout=10_000)
    assert "conectado" not in statuses
