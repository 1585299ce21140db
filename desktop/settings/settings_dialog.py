"""The settings dialog: profile, audio, queues and pauses, calls, appearance, startup.

Non-modal friendly: ``open()`` it; OK emits :attr:`SettingsDialog.settingsApplied` with a
new :class:`Settings` (the caller saves and applies it). Profile changes that need the
keychain (add, log out) are requests the caller carries out.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.agent.audio_devices import AudioDevices
from desktop.agent.headset_link import HeadsetLink
from desktop.settings.global_shortcuts_editor import GlobalShortcutsEditor
from desktop.settings.headset_section import HeadsetSection
from desktop.settings.model import (
    MAX_AUTO_ANSWER_SECONDS,
    MAX_WRAP_UP_SECONDS,
    Environment,
    Role,
    ScreenPopTrigger,
    Settings,
    Theme,
    WebphoneNumberFormat,
)
from desktop.settings.pause_reasons_editor import PauseReasonsEditor
from desktop.settings.sound_section import SoundSection
from desktop.shell.screen_pop import ScreenPopError, check_template

__all__ = ["SettingsDialog"]


class SettingsDialog(QDialog):
    """Edits a copy of :class:`Settings`; nothing changes until OK.

    ``audio_devices`` lists the outputs the ring can use (injectable for tests).
    """

    settingsApplied = Signal(object)  # Settings
    addProfileRequested = Signal()
    logoutRequested = Signal(str)  # profile id
    relayPasswordEntered = Signal(str, str)  # profile id, password (for the keychain)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        audio_devices: AudioDevices | None = None,
        headset: HeadsetLink | None = None,
    ) -> None:
        super().__init__(parent)
        self.original = settings
        self._audio_devices = audio_devices
        self.headset_section = HeadsetSection(settings.headset_enabled, headset)
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._profile_tab(), self.tr("Profile"))
        self.tabs.addTab(self._audio_tab(), self.tr("Audio"))
        self.tabs.addTab(self._queues_tab(), self.tr("Queues and pauses"))
        self.tabs.addTab(self._calls_tab(), self.tr("Calls"))
        self.tabs.addTab(self._appearance_tab(), self.tr("Appearance and startup"))
        self.shortcuts_editor = GlobalShortcutsEditor(
            settings.global_shortcuts_on, settings.shortcut_bindings()
        )
        self.tabs.addTab(self.shortcuts_editor, self.tr("Global shortcuts"))
        self.error_label = QLabel(wordWrap=True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(620, 480)

    # Tabs.

    def _profile_tab(self) -> QWidget:
        page = QWidget()
        self.profile_combo = QComboBox()
        for profile in self.original.profiles:
            self.profile_combo.addItem(profile.name, profile.id)
        active = self.original.active
        if active is not None:
            self.profile_combo.setCurrentIndex(self.profile_combo.findData(active.id))
        self.profile_info = QLabel(wordWrap=True)
        # Edited per profile: the combo shows the one chosen above.
        self._number_formats = {p.id: p.webphone_number_format for p in self.original.profiles}
        self.number_format_combo = QComboBox()
        self.number_format_combo.addItem(
            self.tr("Area code + number (4832830151)"), WebphoneNumberFormat.NATIONAL.value
        )
        self.number_format_combo.addItem(
            self.tr("E.164 (+554832830151)"), WebphoneNumberFormat.E164.value
        )
        self.number_format_combo.addItem(
            self.tr("0 + area code + number (04832830151)"),
            WebphoneNumberFormat.TRUNK_PREFIX.value,
        )
        self.number_format_combo.setToolTip(
            self.tr(
                "How Brazilian numbers are sent to the webphone when you dial or transfer. "
                "The provider's examples use area code + number; change it only if your "
                "account's dial plan asks for another form. Ramais always go as they are."
            )
        )
        self.number_format_combo.currentIndexChanged.connect(self._number_format_chosen)
        self.profile_combo.currentIndexChanged.connect(self._show_profile)
        add = QPushButton(self.tr("Add profile…"))
        add.clicked.connect(self.addProfileRequested.emit)
        self.logout_button = QPushButton(self.tr("Log out of this profile"))
        self.logout_button.clicked.connect(self._request_logout)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.logout_button)
        row.addStretch(1)
        form = QFormLayout(page)
        form.addRow(self.tr("Active profile:"), self.profile_combo)
        form.addRow("", self.profile_info)
        form.addRow(self.tr("Number format for the webphone:"), self.number_format_combo)
        form.addRow(row)
        form.addRow(self._relay_group())
        self._show_profile()
        return page

    def _relay_group(self) -> QGroupBox:
        self._relays = {
            p.id: (p.relay_url, p.relay_user, p.relay_account) for p in self.original.profiles
        }
        self._relay_passwords: dict[str, str] = {}
        self._relay_profile: str | None = None
        group = QGroupBox(self.tr("Relay"))
        self.relay_url_edit = QLineEdit()
        self.relay_url_edit.setPlaceholderText("nats://relay.example.com:4222")
        self.relay_user_edit = QLineEdit()
        self.relay_password_edit = QLineEdit()
        self.relay_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.relay_password_edit.setPlaceholderText(self.tr("Unchanged"))
        self.relay_account_edit = QLineEdit()
        self.relay_account_edit.setPlaceholderText("acme")
        form = QFormLayout(group)
        form.addRow(self.tr("Relay URL:"), self.relay_url_edit)
        form.addRow(self.tr("User:"), self.relay_user_edit)
        form.addRow(self.tr("Password:"), self.relay_password_edit)
        form.addRow(self.tr("Account:"), self.relay_account_edit)
        hint = QLabel(
            self.tr(
                "With a relay the consoles follow the board in real time; empty, they poll "
                "the API. The password is kept in the keychain."
            ),
            wordWrap=True,
        )
        form.addRow(hint)
        return group

    def _keep_relay(self) -> None:
        # The fields show one profile at a time: keep what was typed before switching.
        profile_id = self._relay_profile
        if profile_id is None:
            return
        self._relays[profile_id] = (
            self.relay_url_edit.text().strip(),
            self.relay_user_edit.text().strip(),
            self.relay_account_edit.text().strip(),
        )
        password = self.relay_password_edit.text()
        if password:
            self._relay_passwords[profile_id] = password

    def _show_profile(self) -> None:
        self._keep_relay()
        profile = self.original.profile(self.profile_combo.currentData())
        self.logout_button.setEnabled(profile is not None)
        self.number_format_combo.setEnabled(profile is not None)
        for edit in self._relay_edits():
            edit.setEnabled(profile is not None)
        self._relay_profile = profile.id if profile is not None else None
        if profile is None:
            self.profile_info.setText(self.tr("No profile yet."))
            return
        url, user, account = self._relays.get(profile.id, ("", "", ""))
        self.relay_url_edit.setText(url)
        self.relay_user_edit.setText(user)
        self.relay_account_edit.setText(account)
        self.relay_password_edit.setText(self._relay_passwords.get(profile.id, ""))
        chosen = self._number_formats.get(profile.id, profile.webphone_number_format)
        self.number_format_combo.setCurrentIndex(self.number_format_combo.findData(chosen.value))
        roles = {
            Role.AGENT: self.tr("agent"),
            Role.SUPERVISOR: self.tr("supervisor"),
            Role.ADMINISTRATOR: self.tr("administrator"),
        }
        environments = {
            Environment.SANDBOX: self.tr("Sandbox"),
            Environment.TOTALVOICE: self.tr("TotalVoice"),
            Environment.ZENVIA: self.tr("Zenvia Voice"),
            Environment.CUSTOM: self.tr("Custom base URLs"),
        }
        text = self.tr("Environment: %1 · Ramal: %2 · Roles: %3")
        text = text.replace("%1", environments[profile.environment])
        text = text.replace("%2", profile.ramal or "—")
        self.profile_info.setText(
            text.replace("%3", ", ".join(roles[r] for r in Role if r in profile.roles))
        )

    def _relay_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.relay_url_edit,
            self.relay_user_edit,
            self.relay_password_edit,
            self.relay_account_edit,
        )

    def _number_format_chosen(self) -> None:
        profile_id = self.profile_combo.currentData()
        value = self.number_format_combo.currentData()
        if isinstance(profile_id, str) and isinstance(value, str):
            self._number_formats[profile_id] = WebphoneNumberFormat(value)

    def _request_logout(self) -> None:
        profile_id = self.profile_combo.currentData()
        if isinstance(profile_id, str):
            self.logoutRequested.emit(profile_id)

    def _audio_tab(self) -> QWidget:
        page = QWidget()
        s = self.original
        self.ring_combo = QComboBox()
        self.ring_combo.addItem(self.tr("Default ring"), "default")
        self.ring_combo.addItem(self.tr("No sound"), "none")
        if s.ring_sound not in ("default", "none"):
            self.ring_combo.addItem(s.ring_sound, s.ring_sound)
        self.ring_combo.setCurrentIndex(self.ring_combo.findData(s.ring_sound))
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self._choose_ring)
        ring_row = QHBoxLayout()
        ring_row.addWidget(self.ring_combo, 1)
        ring_row.addWidget(browse)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(s.ring_volume)
        self.volume_slider.setAccessibleName(self.tr("Ring volume"))
        self.sound_section = SoundSection(
            s,
            sound=lambda: str(self.ring_combo.currentData()),
            volume=self.volume_slider.value,
            devices=self._audio_devices,
        )
        form = QFormLayout(page)
        form.addRow(self.tr("Ring sound:"), ring_row)
        ring_label = form.labelForField(ring_row)
        if isinstance(ring_label, QLabel):
            ring_label.setBuddy(self.ring_combo)
        self.ring_combo.setAccessibleName(self.tr("Ring sound"))
        browse.setAccessibleName(self.tr("Choose a ring sound file"))
        form.addRow(self.tr("Volume:"), self.volume_slider)
        form.addRow(self.sound_section)
        form.addRow(self.headset_section)
        return page

    def _choose_ring(self) -> None:
        dialog = QFileDialog(self, self.tr("Ring sound"), "", self.tr("Sounds (*.wav)"))
        dialog.fileSelected.connect(self._ring_chosen)
        dialog.open()

    def _ring_chosen(self, path: str) -> None:
        if self.ring_combo.findData(path) < 0:
            self.ring_combo.addItem(path, path)
        self.ring_combo.setCurrentIndex(self.ring_combo.findData(path))

    def _queues_tab(self) -> QWidget:
        page = QWidget()
        self.queues_edit = QPlainTextEdit("\n".join(self.original.queue_ids))
        self.queues_edit.setPlaceholderText(self.tr("One queue id per line"))
        self.queues_edit.setMaximumHeight(90)
        self.reasons_editor = PauseReasonsEditor(self.original.pause_reasons)
        layout = QVBoxLayout(page)
        queues_label = QLabel(self.tr("Queues to join:"))
        queues_label.setBuddy(self.queues_edit)
        reasons_label = QLabel(self.tr("Pause reasons:"))
        reasons_label.setBuddy(self.reasons_editor.table)
        layout.addWidget(queues_label)
        layout.addWidget(self.queues_edit)
        layout.addWidget(reasons_label)
        layout.addWidget(self.reasons_editor, 1)
        return page

    def _calls_tab(self) -> QWidget:
        page = QWidget()
        s = self.original
        self.auto_answer_spin = QSpinBox(minimum=0, maximum=MAX_AUTO_ANSWER_SECONDS)
        self.auto_answer_spin.setSpecialValueText(self.tr("Off"))
        self.auto_answer_spin.setSuffix(self.tr(" s"))
        self.auto_answer_spin.setValue(s.auto_answer_seconds or 0)
        self.wrap_up_spin = QSpinBox(minimum=0, maximum=MAX_WRAP_UP_SECONDS)
        self.wrap_up_spin.setSuffix(self.tr(" s"))
        self.wrap_up_spin.setValue(s.wrap_up_seconds)
        self.screen_pop_edit = QLineEdit(s.screen_pop_url)
        self.screen_pop_edit.setPlaceholderText("https://crm.example/search?phone={numero}")
        self.screen_pop_combo = QComboBox()
        self.screen_pop_combo.addItem(
            self.tr("when a call arrives"), ScreenPopTrigger.INCOMING.value
        )
        self.screen_pop_combo.addItem(
            self.tr("when a call is answered"), ScreenPopTrigger.ANSWERED.value
        )
        self.screen_pop_combo.setCurrentIndex(self.screen_pop_combo.findData(s.screen_pop_on.value))
        self.confirm_links_check = QCheckBox(self.tr("Ask before dialing tel: and callto: links"))
        self.confirm_links_check.setChecked(s.confirm_dial_links)
        self.supervisor_edit = QLineEdit(s.supervisor_number)
        self.supervisor_edit.setPlaceholderText(self.tr("number used to listen and whisper"))
        form = QFormLayout(page)
        form.addRow(self.tr("Auto-answer after:"), self.auto_answer_spin)
        form.addRow(self.tr("Wrap-up time:"), self.wrap_up_spin)
        form.addRow(self.tr("Screen-pop URL:"), self.screen_pop_edit)
        form.addRow(self.tr("Open it:"), self.screen_pop_combo)
        form.addRow(self.confirm_links_check)
        form.addRow(self.tr("Supervisor number:"), self.supervisor_edit)
        return page

    def _appearance_tab(self) -> QWidget:
        page = QWidget()
        s = self.original
        self.language_combo = QComboBox()
        self.language_combo.addItem("Português (Brasil)", "pt_BR")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(s.language))
        self.theme_combo = QComboBox()
        self.theme_combo.addItem(self.tr("Follow the system"), Theme.SYSTEM.value)
        self.theme_combo.addItem(self.tr("Light"), Theme.LIGHT.value)
        self.theme_combo.addItem(self.tr("Dark"), Theme.DARK.value)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(s.theme.value))
        self.minimised_check = QCheckBox(self.tr("Start minimised"))
        self.minimised_check.setChecked(s.start_minimised)
        self.login_start_check = QCheckBox(self.tr("Start when I log in to the computer"))
        self.login_start_check.setChecked(s.start_at_login)
        self.close_to_tray_check = QCheckBox(
            self.tr("Closing the window keeps the app in the tray")
        )
        self.close_to_tray_check.setChecked(s.close_to_tray)
        form = QFormLayout(page)
        form.addRow(self.tr("Language (after restart):"), self.language_combo)
        form.addRow(self.tr("Theme:"), self.theme_combo)
        for check in (self.minimised_check, self.login_start_check, self.close_to_tray_check):
            form.addRow(check)
        return page

    # Result.

    def edited_settings(self) -> Settings:
        """A new :class:`Settings` from the widgets; raises ``ValueError`` for bad input."""
        template = self.screen_pop_edit.text().strip()
        if template:
            check_template(template)
        queues = tuple(
            dict.fromkeys(
                q.strip() for q in self.queues_edit.toPlainText().splitlines() if q.strip()
            )
        )
        reasons = self.reasons_editor.reasons()
        if not reasons:
            raise ValueError(self.tr("Keep at least one pause reason."))
        shortcut_problems = self.shortcuts_editor.problems()
        if shortcut_problems:
            self.tabs.setCurrentWidget(self.shortcuts_editor)
            raise ValueError(shortcut_problems[0])
        active = self.profile_combo.currentData()
        self._keep_relay()
        for url, _, account in self._relays.values():
            if url and not url.startswith(("nats://", "tls://")):
                raise ValueError(self.tr("The relay URL starts with nats:// or tls://."))
            if url and not account:
                raise ValueError(self.tr("Name the relay's account (its --account)."))
        profiles = tuple(
            replace(
                p,
                webphone_number_format=self._number_formats[p.id],
                relay_url=self._relays[p.id][0],
                relay_user=self._relays[p.id][1],
                relay_account=self._relays[p.id][2],
            )
            for p in self.original.profiles
        )
        return replace(
            self.original,
            profiles=profiles,
            active_profile=active if isinstance(active, str) else self.original.active_profile,
            ring_sound=str(self.ring_combo.currentData()),
            ring_volume=self.volume_slider.value(),
            ring_device=self.sound_section.ring_device()[0],
            ring_device_name=self.sound_section.ring_device()[1],
            ring_also_default=self.sound_section.also_default(),
            queue_ids=queues,
            pause_reasons=reasons,
            auto_answer_seconds=self.auto_answer_spin.value() or None,
            wrap_up_seconds=self.wrap_up_spin.value(),
            screen_pop_url=template,
            screen_pop_on=ScreenPopTrigger(self.screen_pop_combo.currentData()),
            language=str(self.language_combo.currentData()),
            theme=Theme(self.theme_combo.currentData()),
            start_minimised=self.minimised_check.isChecked(),
            start_at_login=self.login_start_check.isChecked(),
            close_to_tray=self.close_to_tray_check.isChecked(),
            confirm_dial_links=self.confirm_links_check.isChecked(),
            supervisor_number=self.supervisor_edit.text().strip(),
            global_shortcuts_on=self.shortcuts_editor.is_on(),
            global_shortcuts=tuple(self.shortcuts_editor.bindings().items()),
            headset_enabled=self.headset_section.use_headset(),
        )

    @property
    def error_text(self) -> str:
        """Why OK was refused, if it was."""
        return self.error_label.text()

    def apply(self) -> None:
        """Validate, emit :attr:`settingsApplied` and close; stay open on bad input."""
        try:
            settings = self.edited_settings()
        except ScreenPopError as exc:
            self.error_label.setText(self.tr("Screen-pop URL: %1").replace("%1", str(exc)))
            self.tabs.setCurrentIndex(3)
            return
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        for profile_id, password in self._relay_passwords.items():
            self.relayPasswordEntered.emit(profile_id, password)
        self.settingsApplied.emit(settings)
        self.accept()
