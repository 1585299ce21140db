from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyring_fakes import MemoryKeyring
from pytestqt.qtbot import QtBot

from desktop.api import ApiHosts
from desktop.sandbox.server import SandboxThread
from desktop.settings.encrypted_file import EncryptedFileKeyring
from desktop.settings.model import Environment, Profile, Role
from desktop.settings.secrets import SERVICE, TokenStore
from desktop.shell.login_dialog import LoginDialog, validate_with_client


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as running:
        yield running


def _dialog(qtbot: QtBot, tmp_path: Path, tokens: TokenStore) -> LoginDialog:
    dialog = LoginDialog(tokens, tmp_path / "secrets.enc.json", lang="en")
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog: LoginDialog, base_url: str, token: str) -> None:
    dialog.name_edit.setText("Work")
    dialog.token_edit.setText(token)
    dialog.ramal_edit.setText("4000")
    dialog.environment_combo.setCurrentIndex(dialog._ENVIRONMENTS.index(Environment.CUSTOM))
    for edit in (dialog.v1_edit, dialog.ramal_host_edit, dialog.voice_edit):
        edit.setText(base_url)
    dialog.role_checks[Role.SUPERVISOR].setChecked(True)


def _wait_idle(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)


def test_good_token_is_checked_then_saved_in_the_keychain(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    sandbox: SandboxThread,
) -> None:
    dialog = _dialog(qtbot, tmp_path, TokenStore())
    dialog.open()
    assert not dialog.keychain_box.isVisible()
    _fill(dialog, sandbox.base_url, sandbox.token)
    with qtbot.waitSignal(dialog.loggedIn, timeout=15_000) as blocker:
        dialog.submit()
    profile = blocker.args[0]
    assert isinstance(profile, Profile)
    assert profile.environment is Environment.CUSTOM and profile.ramal == "4000"
    assert profile.roles == {Role.AGENT, Role.SUPERVISOR}
    assert profile.api_hosts() == ApiHosts.single(sandbox.base_url)
    assert memory_keyring.items == {(SERVICE, profile.id): sandbox.token}
    assert not dialog.isVisible()
    assert not (tmp_path / "secrets.enc.json").exists()


def test_bad_token_is_explained_and_nothing_is_saved(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    sandbox: SandboxThread,
) -> None:
    dialog = _dialog(qtbot, tmp_path, TokenStore())
    _fill(dialog, sandbox.base_url, "wrong-token")
    with qtbot.assertNotEmitted(dialog.loggedIn, wait=0):
        dialog.submit()
        _wait_idle(qtbot, dialog)
    assert "token" in dialog.status_text.lower()
    assert memory_keyring.items == {}
    assert dialog.login_button.isEnabled()


def test_unreachable_host_is_explained(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot, tmp_path, TokenStore())
    _fill(dialog, "http://127.0.0.1:1", "some-token")
    dialog.submit()
    _wait_idle(qtbot, dialog)
    assert "127.0.0.1" in dialog.status_text
    assert memory_keyring.items == {}


def test_form_problems_are_reported_before_any_call(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    calls: list[str] = []

    async def validate(hosts: ApiHosts, token: str) -> None:
        calls.append(token)

    dialog = LoginDialog(TokenStore(), tmp_path / "s.json", validate, lang="en")
    qtbot.addWidget(dialog)
    dialog.submit()
    assert "token" in dialog.status_text
    dialog.token_edit.setText("abc")
    dialog.submit()
    assert "ramal" in dialog.status_text
    _fill(dialog, "ftp://nope", "abc")
    dialog.submit()
    assert dialog.status_text and not dialog.busy
    assert calls == []


def test_sandbox_is_one_click(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, no_keyring: None
) -> None:
    dialog = _dialog(qtbot, tmp_path, TokenStore())
    with qtbot.waitSignal(dialog.loggedIn) as blocker:
        dialog.sandbox_button.click()
    profile = blocker.args[0]
    assert profile.environment is Environment.SANDBOX
    assert not profile.needs_token and profile.roles == frozenset(Role)


def test_without_keychain_the_user_is_told_and_can_opt_into_the_encrypted_file(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    no_keyring: None,
    sandbox: SandboxThread,
) -> None:
    tokens = TokenStore()
    dialog = _dialog(qtbot, tmp_path, tokens)
    dialog.show()
    assert dialog.keychain_box.isVisible()
    assert "no keychain" in dialog.keychain_label.text()
    assert not dialog.passphrase_edit.isVisible()
    _fill(dialog, sandbox.base_url, sandbox.token)
    dialog.submit()
    _wait_idle(qtbot, dialog)
    assert "no keychain" in dialog.status_text
    assert not (tmp_path / "secrets.enc.json").exists()

    dialog.fallback_check.setChecked(True)
    dialog.passphrase_edit.setText("correct horse")
    dialog.confirm_edit.setText("correct horse battery")
    dialog.submit()
    assert "differ" in dialog.status_text
    dialog.confirm_edit.setText("correct horse")
    with qtbot.waitSignal(dialog.loggedIn, timeout=15_000) as blocker:
        dialog.submit()
    profile = blocker.args[0]
    secrets_file = tmp_path / "secrets.enc.json"
    assert tokens.uses_encrypted_file
    assert sandbox.token not in secrets_file.read_text()
    reopened = EncryptedFileKeyring(secrets_file, "correct horse")
    assert reopened.get_password(SERVICE, profile.id) == sandbox.token


def test_validate_with_client_accepts_the_sandbox_token(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    task = asyncio.ensure_future(
        validate_with_client(ApiHosts.single(sandbox.base_url), sandbox.token)
    )
    qtbot.waitUntil(task.done, timeout=15_000)
    assert task.result() is None
