"""The Settings dialog for screen readers: every section's controls named."""

from __future__ import annotations

from accessible_tree import unnamed_controls
from pytestqt.qtbot import QtBot

from desktop.agent.preferences import PauseReason
from desktop.settings import Environment, Profile, Settings
from desktop.settings.pause_reasons_editor import PauseReasonsEditor
from desktop.settings.settings_dialog import SettingsDialog


def _settings() -> Settings:
    return Settings(
        profiles=(
            Profile("pa", "Prod", Environment.TOTALVOICE, "4000"),
            Profile("pb", "Sandbox", Environment.SANDBOX, "4001"),
        ),
        active_profile="pa",
        pause_reasons=(PauseReason("Break", 15), PauseReason("Lunch", 60)),
    )


def test_every_section_of_the_settings_is_named(qtbot: QtBot) -> None:
    dialog = SettingsDialog(_settings())
    qtbot.addWidget(dialog)
    missing = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        page = dialog.tabs.tabText(index)
        missing += [f"{page}: {path}" for path in unnamed_controls(dialog.tabs.widget(index))]
    assert missing == []
    assert dialog.tabs.count() >= 5
    assert unnamed_controls(dialog) == []


def test_the_pause_reasons_editor_is_named(qtbot: QtBot) -> None:
    editor = PauseReasonsEditor((PauseReason("Break", 15),))
    qtbot.addWidget(editor)
    assert unnamed_controls(editor) == []
