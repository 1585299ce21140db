from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.settings.store import NoticeKind, SettingsNotice
from desktop.shell.notices import notice_text, show_notices


def test_each_notice_says_what_happened_and_where(tmp_path: Path) -> None:
    kept = tmp_path / "settings.json.corrupt-1"
    assert str(kept) in notice_text(SettingsNotice(NoticeKind.CORRUPT, kept))
    assert "theme, language" in notice_text(
        SettingsNotice(NoticeKind.INVALID_FIELDS, fields=("theme", "language"))
    )
    copy = tmp_path / "settings.json.invalid-1"
    invalid = notice_text(SettingsNotice(NoticeKind.INVALID_FIELDS, copy, fields=("profiles[0]",)))
    assert "profiles[0]" in invalid and str(copy) in invalid
    assert "permission denied" in notice_text(
        SettingsNotice(NoticeKind.UNREADABLE, detail="permission denied")
    )
    for kind in (NoticeKind.MIGRATED, NoticeKind.NEWER_VERSION):
        assert str(kept) in notice_text(SettingsNotice(kind, kept, version=1))


def test_notices_are_shown_without_blocking(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert show_notices(parent, ()) is None
    box = show_notices(parent, [SettingsNotice(NoticeKind.CORRUPT, tmp_path / "x")])
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert str(tmp_path / "x") in box.text()
    box.close()
