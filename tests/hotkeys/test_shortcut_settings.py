"""Global shortcuts in the settings: stored per machine, edited on their own Settings page."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from desktop.hotkeys.bindings import DEFAULT_SHORTCUTS, HotkeyAction
from desktop.settings.codec import settings_from_dict, settings_to_dict
from desktop.settings.model import Environment, Profile, Settings
from desktop.settings.settings_dialog import SettingsDialog


def test_missing_keys_read_as_the_defaults() -> None:
    settings, problems = settings_from_dict({"global_shortcuts": {"mute": "Ctrl+Alt+Shift+U"}})
    assert problems == []
    assert settings.global_shortcuts_on is True
    assert settings.shortcut_bindings() == {
        **dict(DEFAULT_SHORTCUTS),
        HotkeyAction.MUTE: "Ctrl+Alt+Shift+U",
    }
    assert settings_from_dict({})[0].global_shortcuts == DEFAULT_SHORTCUTS


def test_round_trip_and_bad_values_fall_back_one_by_one() -> None:
    edited = replace(
        Settings(),
        global_shortcuts_on=False,
        global_shortcuts=((HotkeyAction.ANSWER, "Meta+F9"), (HotkeyAction.HANG_UP, "")),
    )
    back, problems = settings_from_dict(settings_to_dict(edited))
    assert problems == []
    assert back.global_shortcuts_on is False
    assert back.shortcut_bindings()[HotkeyAction.ANSWER] == "Meta+F9"
    assert back.shortcut_bindings()[HotkeyAction.HANG_UP] == ""  # cleared stays cleared
    bad, problems = settings_from_dict(
        {"global_shortcuts_on": "yes", "global_shortcuts": {"answer": 7}}
    )
    assert problems == ["global_shortcuts_on", "global_shortcuts.answer"]
    assert bad.shortcut_bindings() == dict(DEFAULT_SHORTCUTS)


def _dialog(qtbot: QtBot) -> SettingsDialog:
    settings = Settings().with_profile(Profile("pa", "A", Environment.SANDBOX))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    return dialog


def test_the_page_edits_every_action_and_comes_back_in_the_settings(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    editor = dialog.shortcuts_editor
    assert dialog.tabs.tabText(dialog.tabs.indexOf(editor)) == "Global shortcuts"
    assert editor.bindings() == dict(DEFAULT_SHORTCUTS)
    assert editor.edits[HotkeyAction.ANSWER].accessibleName() == "Answer"
    editor.edits[HotkeyAction.ANSWER].setKeySequence(QKeySequence("Ctrl+Alt+Shift+J"))
    editor.enabled_check.setChecked(False)
    edited = dialog.edited_settings()
    assert edited.global_shortcuts_on is False
    assert edited.shortcut_bindings()[HotkeyAction.ANSWER] == "Ctrl+Alt+Shift+J"


def test_conflicts_are_said_in_words_and_ok_is_refused(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    editor = dialog.shortcuts_editor
    editor.edits[HotkeyAction.MUTE].setKeySequence(QKeySequence("Ctrl+Alt+Shift+A"))
    editor.edits[HotkeyAction.PAUSE].setKeySequence(QKeySequence("P"))
    assert editor.problems_label.text().splitlines() == [
        "P (Pause or resume work) needs Ctrl, Alt or Meta: alone it would take the key "
        "from typing.",
        "Ctrl+Alt+Shift+A is used by both Answer and Mute or unmute.",
        "Ctrl+Alt+Shift+A is used by both Mute or unmute and Answer.",
    ]
    dialog.apply()
    assert dialog.result() == 0 and dialog.error_text.startswith("P (Pause or resume work)")
    assert dialog.tabs.currentWidget() is editor
    editor.restore_defaults()
    assert editor.problems_label.text() == ""


def test_keys_another_application_holds_are_shown_on_the_page(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    taken = "Ctrl+Alt+Shift+A (Answer) is already taken by another application."
    dialog.shortcuts_editor.set_registration_problems([taken])
    assert dialog.shortcuts_editor.problems_label.text() == taken
