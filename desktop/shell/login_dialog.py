"""The login dialog: token, ramal, environment and roles, checked before anything is kept.

The token is validated with a real API call, then stored in the OS keychain only.

Non-modal friendly: ``open()`` it and listen to :attr:`LoginDialog.loggedIn`. With no
keychain on the machine the dialog says so and offers, as an explicit choice, a file
encrypted with a passphrase; it never stores the token in plain text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.api import ApiConfig, ApiHosts, RamalApiError, TotalVoiceClient, ValidationError
from desktop.settings.encrypted_file import EncryptedFileKeyring, SecretFileError
from desktop.settings.model import CustomHosts, Environment, Profile, Role, new_profile_id
from desktop.settings.secrets import (
    KeychainUnavailableError,
    SecretStoreError,
    TokenStore,
    open_encrypted_fallback,
)

__all__ = ["LoginDialog", "Validate", "validate_with_client"]

Validate = Callable[[ApiHosts, str], Awaitable[None]]
"""Checks a token against hosts; returns when it works, raises ``RamalApiError`` otherwise."""


async def validate_with_client(hosts: ApiHosts, token: str) -> None:
    """Validate ``token`` with one cheap request (no retries: the user is waiting)."""
    config = ApiConfig(hosts=hosts, max_retries=0, timeout=15.0, connect_timeout=8.0)
    async with TotalVoiceClient(token, config) as client:
        await client.validate_token()


class LoginDialog(QDialog):
    """Asks for the account, checks the token, stores it, then emits :attr:`loggedIn`.

    ``loggedIn`` carries the :class:`Profile` (its token already in the keychain, or none
    needed for the sandbox). ``tokens`` may be switched to the encrypted file when the
    user opts in; the caller keeps using the same :class:`TokenStore`.
    """

    loggedIn = Signal(object)  # Profile

    _ENVIRONMENTS = (Environment.TOTALVOICE, Environment.ZENVIA, Environment.CUSTOM)

    def __init__(
        self,
        tokens: TokenStore,
        secrets_file: Path,
        validate: Validate = validate_with_client,
        *,
        profile: Profile | None = None,
        lang: str = "pt_BR",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tokens = tokens
        self.secrets_file = secrets_file
        self.validate = validate
        self.lang = lang
        self.profile: Profile | None = None
        self._editing = profile
        self._task: asyncio.Future[None] | None = None
        self.setWindowTitle(self.tr("Log in — %1").replace("%1", APP_NAME))
        self._build()
        if profile is not None:
            self._load(profile)
        self._on_environment()
        self._refresh_keychain_notice()

    # Layout.

    def _build(self) -> None:
        self.name_edit = QLineEdit(placeholderText=self.tr("e.g. Production"))
        self.token_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Access-Token of the account"))
        self.ramal_edit = QLineEdit(placeholderText=self.tr("number or id, e.g. 4000"))
        self.environment_combo = QComboBox()
        names = {
            Environment.TOTALVOICE: self.tr("TotalVoice (api.totalvoice.com.br)"),
            Environment.ZENVIA: self.tr("Zenvia Voice (voice-api.zenvia.com)"),
            Environment.CUSTOM: self.tr("Custom base URLs"),
        }
        for env in self._ENVIRONMENTS:
            self.environment_combo.addItem(names[env], env.value)
        self.environment_combo.currentIndexChanged.connect(self._on_environment)
        self.v1_edit = QLineEdit(placeholderText="https://api.totalvoice.com.br")
        self.ramal_host_edit = QLineEdit(placeholderText="https://api2.totalvoice.com.br")
        self.voice_edit = QLineEdit(placeholderText="https://voice-api.zenvia.com")
        self.custom_box = QGroupBox(self.tr("Base URLs"))
        custom_form = QFormLayout(self.custom_box)
        custom_form.addRow(self.tr("Calls (v1):"), self.v1_edit)
        custom_form.addRow(self.tr("Ramais:"), self.ramal_host_edit)
        custom_form.addRow(self.tr("Voice API:"), self.voice_edit)
        self.role_checks = {
            Role.AGENT: QCheckBox(self.tr("Agent")),
            Role.SUPERVISOR: QCheckBox(self.tr("Supervisor")),
            Role.ADMINISTRATOR: QCheckBox(self.tr("Administrator")),
        }
        self.role_checks[Role.AGENT].setChecked(True)
        roles = QHBoxLayout()
        for check in self.role_checks.values():
            roles.addWidget(check)
        form = QFormLayout()
        form.addRow(self.tr("Profile name:"), self.name_edit)
        form.addRow(self.tr("Access token:"), self.token_edit)
        form.addRow(self.tr("Ramal:"), self.ramal_edit)
        form.addRow(self.tr("Environment:"), self.environment_combo)
        form.addRow(self.tr("Roles:"), roles)

        self.keychain_box = QGroupBox(self.tr("No keychain available"))
        self.keychain_label = QLabel(wordWrap=True)
        self.fallback_check = QCheckBox(
            self.tr("Store the token in a file encrypted with a passphrase instead")
        )
        self.passphrase_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("passphrase (at least 8 characters)"))
        self.confirm_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.confirm_edit.setPlaceholderText(self.tr("repeat the passphrase"))
        self.fallback_check.toggled.connect(self._on_fallback_toggled)
        box = QVBoxLayout(self.keychain_box)
        for widget in (self.keychain_label, self.fallback_check, self.passphrase_edit):
            box.addWidget(widget)
        box.addWidget(self.confirm_edit)

        self.status_label = QLabel(wordWrap=True)
        self.status_label.setAccessibleName(self.tr("Login status"))
        self.sandbox_button = QPushButton(self.tr("Try the sandbox"))
        self.sandbox_button.setToolTip(self.tr("A simulated account on this computer"))
        self.sandbox_button.clicked.connect(self.try_sandbox)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        self.buttons.addButton(self.sandbox_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.custom_box)
        layout.addWidget(self.keychain_box)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def _load(self, profile: Profile) -> None:
        self.name_edit.setText(profile.name)
        self.ramal_edit.setText(profile.ramal)
        if profile.environment in self._ENVIRONMENTS:
            self.environment_combo.setCurrentIndex(self._ENVIRONMENTS.index(profile.environment))
        if profile.custom_hosts is not None:
            self.v1_edit.setText(profile.custom_hosts.v1)
            self.ramal_host_edit.setText(profile.custom_hosts.ramal)
            self.voice_edit.setText(profile.custom_hosts.voice)
        for role, check in self.role_checks.items():
            check.setChecked(role in profile.roles)

    # State.

    @property
    def status_text(self) -> str:
        """The message shown to the user (errors and progress)."""
        return self.status_label.text()

    @property
    def busy(self) -> bool:
        """True while the token is being checked or stored."""
        return self._task is not None and not self._task.done()

    def environment(self) -> Environment:
        """The environment chosen in the combo box."""
        return Environment(self.environment_combo.currentData())

    def _on_environment(self) -> None:
        self.custom_box.setVisible(self.environment() is Environment.CUSTOM)

    def _refresh_keychain_notice(self) -> None:
        existing = EncryptedFileKeyring.exists(self.secrets_file)
        missing = not self.tokens.available()
        self.keychain_box.setVisible(missing)
        if existing:
            self.keychain_label.setText(
                self.tr(
                    "This computer has no keychain. Your tokens are in a file encrypted with "
                    "your passphrase; enter it to continue."
                )
            )
            self.fallback_check.setChecked(True)
        else:
            self.keychain_label.setText(
                self.tr(
                    "This computer has no keychain (on Linux: no Secret Service such as GNOME "
                    "Keyring or KWallet is running), so the token cannot be stored safely. "
                    "Install or start one and try again, or choose the encrypted file below."
                )
            )
        self._on_fallback_toggled(self.fallback_check.isChecked())

    def _on_fallback_toggled(self, checked: bool) -> None:
        self.passphrase_edit.setVisible(checked)
        self.confirm_edit.setVisible(checked and not EncryptedFileKeyring.exists(self.secrets_file))

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.login_button,
            self.sandbox_button,
            self.token_edit,
            self.environment_combo,
            self.keychain_box,
        ):
            widget.setEnabled(not busy)

    def _show(self, text: str) -> None:
        self.status_label.setText(text)

    # Actions.

    def try_sandbox(self) -> None:
        """Log in to the embedded sandbox: no token, every role."""
        self.profile = Profile(
            id=self._editing.id if self._editing else new_profile_id(),
            name=self.tr("Sandbox"),
            environment=Environment.SANDBOX,
            ramal="4000",
            roles=frozenset(Role),
        )
        self.loggedIn.emit(self.profile)
        self.accept()

    def _collect(self) -> tuple[Profile, ApiHosts, str] | None:
        token = self.token_edit.text().strip()
        ramal = self.ramal_edit.text().strip()
        roles = frozenset(r for r, check in self.role_checks.items() if check.isChecked())
        if not token:
            self._show(self.tr("Enter the account's access token."))
            return None
        if not roles:
            self._show(self.tr("Choose at least one role."))
            return None
        if Role.AGENT in roles and not ramal:
            self._show(self.tr("Agents need a ramal (number or id)."))
            return None
        env = self.environment()
        custom = None
        if env is Environment.CUSTOM:
            custom = CustomHosts(
                self.v1_edit.text().strip(),
                self.ramal_host_edit.text().strip(),
                self.voice_edit.text().strip(),
            )
        profile = Profile(
            id=self._editing.id if self._editing else new_profile_id(),
            name=self.name_edit.text().strip() or self.environment_combo.currentText(),
            environment=env,
            ramal=ramal,
            roles=roles,
            custom_hosts=custom,
        )
        try:
            hosts = profile.api_hosts()
        except ValidationError as exc:
            self._show(exc.user_message(self.lang))
            return None
        assert hosts is not None
        return profile, hosts, token

    def submit(self) -> None:
        """Check the form, then validate and store the token in the background."""
        if self.busy:
            return
        collected = self._collect()
        if collected is None:
            return
        if (
            not self.tokens.available()
            and self.fallback_check.isChecked()
            and not self._passphrase_ok()
        ):
            return
        self._task = asyncio.ensure_future(self._login(*collected))

    def _passphrase_ok(self) -> bool:
        passphrase = self.passphrase_edit.text()
        if len(passphrase) < 8:
            self._show(self.tr("The passphrase needs at least 8 characters."))
            return False
        if self.confirm_edit.isVisible() and passphrase != self.confirm_edit.text():
            self._show(self.tr("The two passphrases differ."))
            return False
        return True

    async def _login(self, profile: Profile, hosts: ApiHosts, token: str) -> None:
        self._set_busy(True)
        self._show(self.tr("Checking the token…"))
        try:
            try:
                await self.validate(hosts, token)
            except RamalApiError as exc:
                self._show(exc.user_message(self.lang))
                return
            if not self.tokens.available():
                if not self.fallback_check.isChecked():
                    self._refresh_keychain_notice()
                    self._show(self.tr("The token works, but there is no keychain to keep it."))
                    return
                try:
                    backend = await open_encrypted_fallback(
                        self.secrets_file, self.passphrase_edit.text()
                    )
                except (SecretFileError, ValueError) as exc:
                    self._show(
                        self.tr("Could not open the encrypted file: %1").replace("%1", str(exc))
                    )
                    return
                self.tokens.use_backend(backend)
            try:
                await self.tokens.set(profile.id, token)
            except KeychainUnavailableError:
                self._refresh_keychain_notice()
                self._show(self.tr("The token works, but there is no keychain to keep it."))
                return
            except SecretStoreError as exc:
                self._show(
                    self.tr("The keychain refused to store the token: %1").replace("%1", str(exc))
                )
                return
        finally:
            self._set_busy(False)
        self.profile = profile
        self._show("")
        self.loggedIn.emit(profile)
        self.accept()

    def reject(self) -> None:
        """Cancel a check in progress and close."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().reject()
