from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from keyring_fakes import MemoryKeyring
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.settings import (
    AppPaths,
    Environment,
    KeychainUnavailableError,
    Panel,
    Profile,
    ProfileService,
    Role,
    Settings,
    SettingsStore,
    TokenStore,
    open_encrypted_fallback,
    visible_panels,
)
from desktop.settings.encrypted_file import EncryptedFileKeyring, WrongPassphraseError
from desktop.settings.secrets import SERVICE, is_secure_backend


def test_tokens_go_to_the_keychain_under_the_profile_id(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, memory_keyring: MemoryKeyring
) -> None:
    tokens = TokenStore()
    assert tokens.available()
    run(qtbot, tokens.set("p1", " secret-token "))
    assert memory_keyring.items == {(SERVICE, "p1"): "secret-token"}
    assert run(qtbot, tokens.get("p1")) == "secret-token"
    assert run(qtbot, tokens.delete("p1")) is True
    assert run(qtbot, tokens.delete("p1")) is False
    assert run(qtbot, tokens.get("p1")) is None


def test_no_keychain_is_a_clear_error(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, no_keyring: None
) -> None:
    tokens = TokenStore()
    assert not tokens.available()
    with pytest.raises(KeychainUnavailableError, match="no secure keychain"):
        run(qtbot, tokens.set("p1", "secret"))


def test_plain_text_backends_are_never_used_silently() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    assert not is_secure_backend(PlaintextKeyring())
    assert is_secure_backend(MemoryKeyring())


def test_encrypted_fallback_round_trip(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, no_keyring: None
) -> None:
    path = tmp_path / "secrets.enc.json"
    tokens = TokenStore()
    tokens.use_backend(run(qtbot, open_encrypted_fallback(path, "a long passphrase")))
    run(qtbot, tokens.set("p1", "the-token-value"))
    assert "the-token-value" not in path.read_text()
    again = TokenStore(run(qtbot, open_encrypted_fallback(path, "a long passphrase")))
    assert run(qtbot, again.get("p1")) == "the-token-value"
    with pytest.raises(WrongPassphraseError):
        run(qtbot, open_encrypted_fallback(path, "not the passphrase"))
    with pytest.raises(ValueError):
        EncryptedFileKeyring(path, "short")


def test_log_out_wipes_token_and_local_data(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = AppPaths.under(tmp_path).ensure()
    service = ProfileService(SettingsStore(paths.settings_file), TokenStore(), paths)
    prod = Profile("pprod", "Prod", Environment.TOTALVOICE, "4000")
    sandbox = Profile("psand", "Sandbox", Environment.SANDBOX, "4000", frozenset(Role))
    settings = run(qtbot, service.add(Settings(), prod, "tok-prod"))
    settings = run(qtbot, service.add(settings, sandbox, None, activate=False))
    assert settings.active == prod
    assert run(qtbot, service.token_of(prod)) == "tok-prod"
    assert run(qtbot, service.token_of(sandbox)) is None
    settings = run(qtbot, service.switch(settings, "psand"))
    assert SettingsStore(paths.settings_file).load().settings.active_profile == "psand"

    data = paths.profile_data_dir("pprod")
    cache = paths.profile_cache_dir("pprod")
    for folder in (data, cache):
        folder.mkdir(parents=True)
        (folder / "history.sqlite").write_text("x")
    kept = run(qtbot, service.log_out(settings, "pprod"))
    assert kept.profile("pprod") == prod
    assert memory_keyring.items == {}
    assert not data.exists() and not cache.exists()
    forgotten = run(qtbot, service.log_out(kept, "pprod", forget=True))
    assert [p.id for p in forgotten.profiles] == ["psand"]
    assert SettingsStore(paths.settings_file).load().settings.profile("pprod") is None


def test_a_profile_needing_a_token_is_not_saved_without_one(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, no_keyring: None
) -> None:
    paths = AppPaths.under(tmp_path)
    service = ProfileService(SettingsStore(paths.settings_file), TokenStore(), paths)
    prod = Profile("pprod", "Prod", Environment.TOTALVOICE, "4000")
    with pytest.raises(KeychainUnavailableError):
        run(qtbot, service.add(Settings(), prod, "tok"))
    assert not paths.settings_file.exists()


def test_a_profile_whose_token_the_login_stored_is_remembered(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = AppPaths.under(tmp_path)
    tokens = TokenStore()
    service = ProfileService(SettingsStore(paths.settings_file), tokens, paths)
    prod = Profile("pprod", "Prod", Environment.TOTALVOICE, "4000")
    with pytest.raises(ValueError):  # no token stored yet: nothing saved
        run(qtbot, service.remember(Settings(), prod))
    assert not paths.settings_file.exists()
    run(qtbot, tokens.set("pprod", "tok-prod"))  # what the login dialog does first
    settings = run(qtbot, service.remember(Settings(), prod))
    assert settings.active == prod
    assert SettingsStore(paths.settings_file).load().settings.active == prod
    assert memory_keyring.items == {(SERVICE, "pprod"): "tok-prod"}


def test_roles_decide_the_panels() -> None:
    assert visible_panels(frozenset({Role.AGENT})) == (Panel.PHONE, Panel.HISTORY)
    assert visible_panels(frozenset({Role.SUPERVISOR})) == (Panel.HISTORY, Panel.SUPERVISOR)
    assert visible_panels(frozenset(Role)) == tuple(Panel)
    assert visible_panels(frozenset()) == ()


def test_profile_hosts_per_environment() -> None:
    assert Profile("a1", "S", Environment.SANDBOX).api_hosts() is None
    tv = Profile("a2", "T", Environment.TOTALVOICE).api_hosts()
    assert tv is not None and tv.v1 == "https://api.totalvoice.com.br"
    zv = Profile("a3", "Z", Environment.ZENVIA).api_hosts()
    assert zv is not None and zv.ramal == "https://voice-api.zenvia.com"
