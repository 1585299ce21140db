from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.agent.preferences import PauseReason
from desktop.settings import Environment, Profile, ScreenPopTrigger, Settings, Theme
from desktop.settings.settings_dialog import SettingsDialog


def _settings() -> Settings:
    return Settings(
        profiles=(
            Profile("pa", "Prod", Environment.TOTALVOICE, "4000"),
            Profile("pb", "Sandbox", Environment.SANDBOX, "4001"),
        ),
        active_profile="pa",
        pause_reasons=(PauseReason("Break", 15),),
    )


def test_edits_come_back_as_new_settings(qtbot: QtBot) -> None:
    dialog = SettingsDialog(_settings())
    qtbot.addWidget(dialog)
    dialog.profile_combo.setCurrentIndex(1)
    dialog.volume_slider.setValue(20)
    dialog.queues_edit.setPlainText("10\n\n20\n10\n")
    dialog.reasons_editor.add_row(PauseReason("Lunch"))
    dialog.reasons_editor.set_row(1, "Lunch", 60, True)
    dialog.auto_answer_spin.setValue(4)
    dialog.wrap_up_spin.setValue(30)
    dialog.screen_pop_edit.setText("https://crm.example/search?phone={numero}")
    dialog.screen_pop_combo.setCurrentIndex(1)
    dialog.theme_combo.setCurrentIndex(2)
    dialog.language_combo.setCurrentIndex(1)
    dialog.close_to_tray_check.setChecked(False)
    dialog.confirm_links_check.setChecked(False)
    dialog.supervisor_edit.setText(" 4099 ")
    with qtbot.waitSignal(dialog.settingsApplied) as blocker:
        dialog.apply()
    s = blocker.args[0]
    assert isinstance(s, Settings)
    assert s.active_profile == "pb" and s.ring_volume == 20 and s.queue_ids == ("10", "20")
    assert s.pause_reasons == (PauseReason("Break", 15), PauseReason("Lunch", 60, True))
    assert s.auto_answer_seconds == 4 and s.wrap_up_seconds == 30
    assert s.screen_pop_on is ScreenPopTrigger.ANSWERED and s.theme is Theme.DARK
    assert s.language == "en" and not s.close_to_tray and not s.confirm_dial_links
    assert s.supervisor_number == "4099"
    assert s.agent_preferences().auto_answer_seconds == 4


def test_auto_answer_zero_means_off_and_bad_screen_pop_is_refused(qtbot: QtBot) -> None:
    dialog = SettingsDialog(_settings())
    qtbot.addWidget(dialog)
    dialog.screen_pop_edit.setText("javascript:alert({numero})")
    with qtbot.assertNotEmitted(dialog.settingsApplied):
        dialog.apply()
    assert "http" in dialog.error_text
    dialog.screen_pop_edit.setText("")
    with qtbot.waitSignal(dialog.settingsApplied) as blocker:
        dialog.apply()
    assert blocker.args[0].auto_answer_seconds is None


def test_logout_and_add_are_requests(qtbot: QtBot) -> None:
    dialog = SettingsDialog(_settings())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.logoutRequested) as blocker:
        dialog.logout_button.click()
    assert blocker.args == ["pa"]
    assert "Environment: TotalVoice ·" in dialog.profile_info.text()
