"""Wires the Qt application: event loop (qasync), settings, login, windows, tray, links."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time

os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6, not another binding

import qasync
from PySide6 import QtWebEngineWidgets  # noqa: F401  (must load before QApplication exists)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.cli import LaunchOptions
from desktop.i18n import install_translator
from desktop.session import SANDBOX_PROFILE
from desktop.settings.model import CustomHosts, Environment, Profile, Role, Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import TokenStore
from desktop.settings.store import LoadResult, SettingsStore
from desktop.shell.application import RamalApplication
from desktop.shell.diagnostics import install_excepthook
from desktop.shell.icons import app_icon
from desktop.shell.logging_setup import register_secret, setup_logging
from desktop.shell.login_dialog import LoginDialog
from desktop.shell.runner import WorkspaceRunner
from desktop.shell.single_instance import SingleInstance
from desktop.shell.theme import apply_theme
from desktop.webphone.startup import prepare_web_engine

log = logging.getLogger(__name__)


async def _login(tokens: TokenStore, paths: AppPaths, lang: str) -> Profile | None:
    """Show the login dialog; the profile chosen (token already in the keychain), or None."""
    dialog = LoginDialog(tokens, paths.encrypted_secrets_file, lang=lang)
    dialog.setWindowIcon(app_icon())
    done: asyncio.Future[Profile | None] = asyncio.get_running_loop().create_future()

    def finish(profile: Profile | None) -> None:
        if not done.done():
            done.set_result(profile)

    dialog.loggedIn.connect(finish)
    dialog.rejected.connect(lambda: finish(None))
    dialog.open()  # never exec(): a nested loop breaks qasync's running tasks
    try:
        return await done
    finally:
        dialog.deleteLater()


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
        )
    return None


async def _main(
    app: QApplication,
    options: LaunchOptions,
    paths: AppPaths,
    lang: str,
    instance: SingleInstance | None,
    loaded: LoadResult,
) -> int:
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
    tokens = TokenStore()
    runner = WorkspaceRunner(app, paths, store, tokens, options, started=started, instance=instance)
    runner.notices = loaded.notices
    if options.quit_after is not None:
        QTimer.singleShot(int(options.quit_after * 1000), quitting.set)

    profile = _command_line_profile(options)
    token = options.token
    saved = profile is None
    login = False
    while True:
        if profile is None and not login:
            profile = settings.active
            if profile is not None and profile.needs_token:
                token = await tokens.get(profile.id)
        if profile is None or (profile.needs_token and not token):
            profile = await _login(tokens, paths, lang)
            if profile is None:
                return 0
            settings = await runner.profiles.add(settings, profile, None)
            token = await tokens.get(profile.id) if profile.needs_token else None
        if token:
            register_secret(token)
        outcome = await runner.run(profile, token, settings, quitting, saved=saved)
        settings = runner.settings or settings
        if outcome.exit_code is not None:
            return outcome.exit_code
        # Another profile, or the login dialog after a log out.
        profile, token, saved, login = outcome.next_profile, None, True, outcome.login


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
    app.setDesktopFileName("ramal-desktop")
    app.setWindowIcon(app_icon())
    # Read once: a damaged file is set aside on reading, and its notice must reach the user.
    loaded = SettingsStore(paths.settings_file).load()
    lang = install_translator(app, os.environ.get("RAMAL_DESKTOP_LANG") or loaded.settings.language)
    install_excepthook(lambda: app.activeWindow())

    instance: SingleInstance | None = None
    if not options.self_test:
        instance = SingleInstance(parent=app)
        if not instance.start(list(options.forwarded)):
            log.info("another %s is running: arguments forwarded to it", APP_NAME)
            return 0
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        code: int = loop.run_until_complete(_main(app, options, paths, lang, instance, loaded))
    if instance is not None:
        instance.close()
    return code
