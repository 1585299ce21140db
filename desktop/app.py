"""Wires the Qt application: event loop (qasync), settings, login, windows, tray, links."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from enum import Enum, auto
from typing import Any, TypeVar

os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6, not another binding

import qasync
from PySide6 import QtWebEngineWidgets  # noqa: F401  (must load before QApplication exists)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop import APP_NAME, __version__
from desktop.app_id import APP_ID
from desktop.heap import freeze_startup_objects
from desktop.i18n import install_translator
from desktop.launch_options import LaunchOptions
from desktop.session import SANDBOX_PROFILE
from desktop.settings.encrypted_file import EncryptedFileKeyring
from desktop.settings.model import CustomHosts, Environment, Profile, Role, Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import SecretStoreError, TokenStore
from desktop.settings.store import LoadResult, SettingsStore
from desktop.shell.application import RamalApplication
from desktop.shell.autostart import migrate_autostart
from desktop.shell.diagnostics import install_excepthook
from desktop.shell.icons import app_icon
from desktop.shell.link_defaults import migrate_link_defaults
from desktop.shell.logging_setup import register_secret, setup_logging
from desktop.shell.login_dialog import LoginDialog
from desktop.shell.notices import show_notices
from desktop.shell.passphrase_dialog import PassphraseDialog
from desktop.shell.runner import WorkspaceRunner
from desktop.shell.single_instance import SingleInstance
from desktop.shell.theme import apply_theme
from desktop.webphone.startup import prepare_web_engine

log = logging.getLogger(__name__)


_T = TypeVar("_T")


class _Then(Enum):
    """What the user chose instead of giving a passphrase."""

    LOGIN = auto()
    QUIT = auto()


async def _answer(dialog: QDialog, done: asyncio.Future[_T], quitting: asyncio.Event) -> _T | None:
    """Open ``dialog`` and wait for ``done`` (None when the app quits first)."""
    dialog.setWindowIcon(app_icon())
    dialog.open()  # never exec(): a nested loop breaks qasync's running tasks
    waiter = asyncio.ensure_future(quitting.wait())
    try:
        pending: list[asyncio.Future[Any]] = [done, waiter]
        await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        return done.result() if done.done() else None
    finally:
        waiter.cancel()
        dialog.close()
        dialog.deleteLater()


def _settle(done: asyncio.Future[_T], value: _T) -> None:
    if not done.done():
        done.set_result(value)


class _Start:
    """What comes before a workspace: the stored token, the passphrase, the login dialog."""

    def __init__(
        self, tokens: TokenStore, paths: AppPaths, lang: str, runner: WorkspaceRunner
    ) -> None:
        self.tokens, self.paths, self.lang, self.runner = tokens, paths, lang, runner

    def _show_notices(self, dialog: QDialog) -> None:
        # The first window the user sees tells what happened to the settings file.
        show_notices(dialog, self.runner.notices)
        self.runner.notices = ()

    async def login(self, quitting: asyncio.Event, editing: Profile | None) -> Profile | None:
        """Show the login dialog; the profile chosen (its token stored), or None."""
        dialog = LoginDialog(
            self.tokens, self.paths.encrypted_secrets_file, profile=editing, lang=self.lang
        )
        done: asyncio.Future[Profile | None] = asyncio.get_running_loop().create_future()
        dialog.loggedIn.connect(lambda profile: _settle(done, profile))
        dialog.rejected.connect(lambda: _settle(done, None))
        self._show_notices(dialog)
        return await _answer(dialog, done, quitting)

    async def passphrase(self, quitting: asyncio.Event) -> EncryptedFileKeyring | _Then:
        """Ask for the encrypted file's passphrase: the opened file, or what to do instead."""
        log.info("tokens in the encrypted file: asking for its passphrase")
        dialog = PassphraseDialog(self.paths.encrypted_secrets_file)
        done: asyncio.Future[EncryptedFileKeyring | _Then] = (
            asyncio.get_running_loop().create_future()
        )
        dialog.unlocked.connect(lambda backend: _settle(done, backend))
        dialog.loginRequested.connect(lambda: _settle(done, _Then.LOGIN))
        dialog.rejected.connect(lambda: _settle(done, _Then.QUIT))
        self._show_notices(dialog)
        answer = await _answer(dialog, done, quitting)
        return _Then.QUIT if answer is None else answer

    async def stored_token(self, profile: Profile, quitting: asyncio.Event) -> str | _Then:
        """The token of a saved profile, or what to do without it (log in, quit).

        With no keychain, or none holding the token, the encrypted file (when the user
        opted into it earlier) is opened with the passphrase asked now.
        """
        token: str | None = None
        if self.tokens.available():
            try:
                token = await self.tokens.get(profile.id)
            except SecretStoreError as exc:
                log.warning("token of profile %s not read: %s", profile.id, exc)
        opted_in = EncryptedFileKeyring.exists(self.paths.encrypted_secrets_file)
        if token or self.tokens.uses_encrypted_file or not opted_in:
            return token or _Then.LOGIN
        answer = await self.passphrase(quitting)
        if isinstance(answer, _Then):
            return answer
        self.tokens.use_backend(answer)
        try:
            token = await self.tokens.get(profile.id)
        except SecretStoreError as exc:
            log.warning("token of profile %s not read: %s", profile.id, exc)
        return token or _Then.LOGIN


def _command_line_profile(options: LaunchOptions) -> Profile | None:
    """``--sandbox`` or ``--api-url``: a profile for this run only, never saved."""
    if options.embedded_sandbox:
        return SANDBOX_PROFILE
    if options.api_url is not None:
        url = options.api_url.rstrip("/")
        return Profile(
            id="command-line",
            name=url,
            environment=Environment.CUSTOM,
            ramal=os.environ.get("RAMAL_DESKTOP_RAMAL", "4000"),
            roles=frozenset(Role),
            custom_hosts=CustomHosts(url, url, url),
            relay_url=os.environ.get("RAMAL_DESKTOP_RELAY", ""),
            relay_account=os.environ.get("RAMAL_DESKTOP_RELAY_ACCOUNT", ""),
        )
    return None


def read_settings(app: QApplication, paths: AppPaths) -> tuple[LoadResult, str]:
    """Read the settings file and install the language it names; the settings and language.

    Read once: a damaged file is set aside on reading, and its notice must reach the user.
    """
    loaded = SettingsStore(paths.settings_file).load()
    lang = install_translator(app, os.environ.get("RAMAL_DESKTOP_LANG") or loaded.settings.language)
    return loaded, lang


async def app_main(
    app: QApplication,
    options: LaunchOptions,
    paths: AppPaths,
    loaded: LoadResult,
    lang: str,
    *,
    tokens: TokenStore | None = None,
    instance: SingleInstance | None = None,
) -> int:
    """The app from the first dialog to the last window; returns the exit code.

    ``tokens`` is the OS keychain unless given; the encrypted file replaces it in there
    once the user opens it.
    """
    # The app ends by leaving this coroutine, never by app.quit(): qasync stops its loop on
    # quit, and the cleanup below must still run on a live loop.
    started = time.perf_counter()
    quitting = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)
    app.aboutToQuit.connect(quitting.set)
    store = SettingsStore(paths.settings_file)
    settings: Settings = loaded.settings
    for notice in loaded.notices:
        log.warning("settings: %s %s %s", notice.kind, notice.path, notice.fields)
    apply_theme(app, settings.theme)
    tokens = tokens if tokens is not None else TokenStore()
    runner = WorkspaceRunner(app, paths, store, tokens, options, started=started, instance=instance)
    runner.notices = loaded.notices
    before = _Start(tokens, paths, lang, runner)
    if options.quit_after is not None:
        QTimer.singleShot(int(options.quit_after * 1000), quitting.set)

    profile = _command_line_profile(options)
    token = options.token
    saved = profile is None
    wanted, login = settings.active, False
    while True:
        if saved:
            # A saved profile opens with its stored token; without one, the login dialog.
            profile, token = None, None
            if wanted is not None and not login:
                found = await before.stored_token(wanted, quitting) if wanted.needs_token else ""
                if found is _Then.QUIT:
                    return 0
                if isinstance(found, str):
                    profile, token = wanted, found or None
            if profile is None:
                editing = wanted if wanted is not None and wanted.needs_token else None
                profile = await before.login(quitting, editing)
                if profile is None:
                    return 0
                # The dialog stored the token already; the profile is saved with it.
                settings = await runner.profiles.remember(settings, profile)
                token = await tokens.get(profile.id) if profile.needs_token else None
        assert profile is not None
        if token:
            register_secret(token)
        outcome = await runner.run(profile, token, settings, quitting, saved=saved)
        settings = runner.settings or settings
        if outcome.exit_code is not None:
            return outcome.exit_code
        # Another profile, or the login dialog after a log out.
        saved, wanted, login = True, outcome.next_profile, outcome.login


def run(options: LaunchOptions) -> int:
    """Start the Qt application and block until it quits; returns the exit code."""
    paths = AppPaths.default().ensure()
    level = os.environ.get("RAMAL_DESKTOP_LOG", "INFO")
    setup_logging(paths.log_dir, level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its request lines carry URLs
    prepare_web_engine()  # Chromium reads its schemes and flags once, before the app exists
    app = QApplication.instance() or RamalApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Ramal Desktop")
    app.setDesktopFileName(APP_ID)
    try:
        migrate_autostart()
    except OSError as exc:
        log.warning("autostart entry not renamed to the application id: %s", exc)
    try:
        migrate_link_defaults()
    except OSError as exc:
        log.warning("tel:/callto: default not renamed to the application id: %s", exc)
    app.setWindowIcon(app_icon())
    loaded, lang = read_settings(app, paths)
    install_excepthook(lambda: app.activeWindow())

    instance: SingleInstance | None = None
    if not options.self_test:
        instance = SingleInstance(parent=app)
        if not instance.start(list(options.forwarded)):
            log.info("another %s is running: arguments forwarded to it", APP_NAME)
            return 0
    freeze_startup_objects()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        code: int = loop.run_until_complete(
            app_main(app, options, paths, loaded, lang, instance=instance)
        )
    if instance is not None:
        instance.close()
    return code
