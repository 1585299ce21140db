"""Runs one profile's workspace: session, window, tray, links, settings, until it ends."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QInputDialog

from desktop.agent.controller import AgentController
from desktop.agent.state import AgentSnapshot, AgentState, Direction
from desktop.launch_options import LaunchOptions
from desktop.session import Session, open_profile_session
from desktop.settings.model import Profile, ScreenPopTrigger, Settings
from desktop.settings.paths import AppPaths
from desktop.settings.profiles import ProfileService
from desktop.settings.secrets import SecretStoreError, TokenStore, relay_password_key
from desktop.settings.settings_dialog import SettingsDialog
from desktop.settings.sound_section import apply_ring_settings
from desktop.settings.store import SettingsNotice, SettingsStore
from desktop.shell.application import RamalApplication
from desktop.shell.autostart import set_start_at_login
from desktop.shell.diagnostics import copy_diagnostics, open_log_folder
from desktop.shell.links import LinkError, dial_request_from_args
from desktop.shell.logging_setup import register_secret
from desktop.shell.missed_calls import LauncherEntry, track_missed_calls
from desktop.shell.notices import show_notices
from desktop.shell.screen_pop import open_screen_pop
from desktop.shell.self_test import SANDBOX_TEST_NUMBER, SelfTestReport, run_self_test
from desktop.shell.single_instance import SingleInstance
from desktop.shell.theme import apply_theme
from desktop.shell.tray import CloseToTray, TrayIcon
from desktop.shell.window_state import WindowStateStore
from desktop.shell.workspace import Workspace, build_workspace
from desktop.tasks import cancel_and_wait

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a workspace ended: quit with ``exit_code``, or go on with another profile.

    ``login`` asks for the login dialog next (log out, new profile), filled in with
    ``next_profile`` when there is one (the profile just logged out of).
    """

    exit_code: int | None = None
    next_profile: Profile | None = None
    login: bool = False


class WorkspaceRunner(QObject):
    """Owns what lives as long as one profile is open, and answers the window's requests."""

    def __init__(
        self,
        app: QApplication,
        paths: AppPaths,
        store: SettingsStore,
        tokens: TokenStore,
        options: LaunchOptions,
        *,
        started: float,
        instance: SingleInstance | None = None,
    ) -> None:
        super().__init__()
        self.app, self.paths, self.store, self.options = app, paths, store, options
        self.tokens = tokens
        self.profiles = ProfileService(store, tokens, paths)
        self.instance = instance
        self.settings: Settings | None = None
        self._started = started
        self._ws: Workspace | None = None
        self._profile: Profile | None = None
        self._saved = True
        self._ended: asyncio.Future[Outcome] | None = None
        self._last_state = AgentState.DISCONNECTED
        self._tray: TrayIcon | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        #: Notices about the settings file, shown once the first window is up.
        self.notices: tuple[SettingsNotice, ...] = ()
        # The launch's own link is dialled once, by the first profile opened; links from
        # other launches reach whichever profile is open (connected once, not per run).
        self._launch_args = list(options.forwarded)
        if instance is not None:
            instance.messageReceived.connect(self._on_forwarded)
        if isinstance(app, RamalApplication):
            app.linkOpened.connect(self._on_link_opened)

    # --- lifecycle ----------------------------------------------------------------------

    async def run(
        self,
        profile: Profile,
        token: str | None,
        settings: Settings,
        quitting: asyncio.Event,
        *,
        saved: bool,
    ) -> Outcome:
        """Open ``profile`` and block until the user quits, switches profile or logs out."""
        self.settings, self._profile, self._saved = settings, profile, saved
        self._last_state = AgentState.DISCONNECTED
        loop = asyncio.get_running_loop()
        self._ended = loop.create_future()
        session = await open_profile_session(
            profile, token, seed=self.options.seed, traffic=self.options.sandbox_traffic
        )
        if session.sandbox is not None:
            register_secret(session.sandbox.token)
        tray = TrayIcon() if TrayIcon.is_available() and not self.options.self_test else None
        ws = build_workspace(
            session,
            profile,
            settings,
            self.paths,
            relay_password=await self._relay_password(profile),
        )
        self._ws, self._tray = ws, tray
        window_state = WindowStateStore(self.paths.window_state_file)
        window_state.restore_window("main", ws.window)
        close_to_tray = CloseToTray(ws.window, tray, settings.close_to_tray) if tray else None
        self._connect(ws, session, tray)
        ws.window.set_status(f"{profile.name} · {session.base_url}")
        if tray is not None:
            tray.show()
        if (self.options.minimised or settings.start_minimised) and tray is not None:
            ws.window.hide()
        else:
            ws.window.show()
        log.info("window ready after %.0f ms", (time.perf_counter() - self._started) * 1000)
        show_notices(ws.window, self.notices)
        self.notices = ()

        waiter = asyncio.ensure_future(quitting.wait())
        try:
            if self.options.self_test:
                return await self._self_test(ws, session)
            if ws.webphone is not None:
                ws.webphone.start()
            self._spawn(_apply_shortcuts(ws, settings))
            launch_args, self._launch_args = self._launch_args, []
            self._handle_args(launch_args)
            ended = self._ended
            pending: list[asyncio.Future[Any]] = [waiter, ended]
            await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            return ended.result() if ended.done() else Outcome(exit_code=0)
        finally:
            waiter.cancel()
            window_state.save_window("main", ws.window)
            window_state.sync()
            if close_to_tray is not None:
                close_to_tray.allow_close()
            await cancel_and_wait(*self._tasks)
            await ws.aclose()
            ws.window.close()
            ws.window.deleteLater()
            if tray is not None:
                tray.hide()
            self._ws, self._tray = None, None
            await session.close()

    def _end(self, outcome: Outcome) -> None:
        if self._ended is not None and not self._ended.done():
            self._ended.set_result(outcome)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- wiring -------------------------------------------------------------------------

    def _connect(self, ws: Workspace, session: Session, tray: TrayIcon | None) -> None:
        window = ws.window
        window.quitRequested.connect(lambda: self._end(Outcome(exit_code=0)))
        window.settingsRequested.connect(self._open_settings)
        window.switchProfileRequested.connect(self._choose_profile)
        window.logoutRequested.connect(lambda: self._spawn(self._log_out()))
        window.openLogsRequested.connect(lambda: open_log_folder(self.paths.log_dir))
        window.copyDiagnosticsRequested.connect(self._copy_diagnostics)
        agent = ws.agent
        if agent is not None:
            agent.changed.connect(self._on_agent_changed)
            self._track_missed_calls(ws, agent, tray)
        if tray is None:
            return
        tray.toggleWindowRequested.connect(
            lambda: window.hide() if window.isVisible() else window.bring_to_front()
        )
        tray.notificationClicked.connect(window.bring_to_front)
        tray.quitRequested.connect(lambda: self._end(Outcome(exit_code=0)))
        if agent is None:
            return
        agent.changed.connect(tray.set_snapshot)
        agent.error.connect(tray.notify_failure)
        tray.answerRequested.connect(agent.answer)
        tray.hangupRequested.connect(agent.hang_up)

        def pause(on: bool) -> None:
            reasons = agent.preferences.pause_reasons  # as configured now, not at start
            if on and reasons:
                agent.pause(None, reasons[0])
            elif not on:
                agent.unpause(None)

        tray.pauseRequested.connect(pause)

    def _track_missed_calls(
        self, ws: Workspace, agent: AgentController, tray: TrayIcon | None
    ) -> None:
        badges: list[Callable[[int], object]] = [] if tray is None else [tray.set_missed]
        if LauncherEntry.supported():
            badges.append(LauncherEntry().update)
        track_missed_calls(agent, ws.history, badges)
        history = ws.history
        if history is not None and tray is not None:

            def show_missed() -> None:
                ws.window.bring_to_front()
                ws.window.show_panel("history")
                history.show_missed()

            tray.missedCallsRequested.connect(show_missed)

    def _on_agent_changed(self, snapshot: AgentSnapshot) -> None:
        """Raise the window, notify and screen-pop when a call rings or is answered."""
        previous, self._last_state = self._last_state, snapshot.state
        ws, settings, call = self._ws, self.settings, snapshot.call
        if ws is None or settings is None or call is None or previous is snapshot.state:
            return
        if snapshot.state is AgentState.RINGING:
            ws.window.bring_to_front()
            ws.window.show_panel("phone")
            if self._tray is not None:
                self._tray.notify_incoming(call.number)
        trigger = {
            AgentState.RINGING: ScreenPopTrigger.INCOMING,
            AgentState.TALKING: ScreenPopTrigger.ANSWERED,
        }.get(snapshot.state)
        if (
            trigger is not None
            and trigger is settings.screen_pop_on
            and settings.screen_pop_url
            and call.direction is Direction.INBOUND
        ):
            profile = self._profile
            open_screen_pop(
                settings.screen_pop_url,
                call.number,
                call.chamada_id,
                profile.ramal if profile else None,
            )

    # --- links and other launches ---------------------------------------------------------

    def _on_link_opened(self, link: str) -> None:
        self._on_forwarded([link])

    def _on_forwarded(self, args: list[str]) -> None:
        if self._ws is not None:
            self._ws.window.bring_to_front()
        self._handle_args(args)

    def _handle_args(self, args: list[str]) -> None:
        ws = self._ws
        try:
            request = dial_request_from_args(args)
        except LinkError as exc:
            log.warning("link ignored: %s", exc)
            if ws is not None and ws.agent is not None:
                ws.agent.error.emit(str(exc))
            return
        if request is None or ws is None:
            return
        if ws.agent is None:
            log.warning("a number to dial arrived, but this profile has no phone")
            return
        ws.window.show_panel("phone")
        ws.agent.dial_link(request.number)

    # --- menus ----------------------------------------------------------------------------

    async def _relay_password(self, profile: Profile) -> str:
        if not profile.uses_relay or not profile.relay_user:
            return ""
        try:
            return await self.tokens.get(relay_password_key(profile.id)) or ""
        except SecretStoreError as exc:
            log.warning("relay password unavailable: %s", exc)
            return ""

    async def _store_relay_password(self, profile_id: str, password: str) -> None:
        try:
            await self.tokens.set(relay_password_key(profile_id), password)
        except (SecretStoreError, ValueError) as exc:
            log.warning("relay password not stored: %s", exc)

    def _open_settings(self) -> None:
        if self._ws is None or self.settings is None:
            return
        dialog = SettingsDialog(self.settings, self._ws.window, headset=self._ws.headset)
        shortcuts = self._ws.shortcuts
        if shortcuts is not None:
            dialog.shortcuts_editor.set_registration_problems(shortcuts.problems)
            # Pressing a global key in a key field must record it, not run the command.
            self._spawn(shortcuts.suspend())
            dialog.finished.connect(lambda _r: self._spawn(self._resume_shortcuts()))
        dialog.settingsApplied.connect(lambda s: self._spawn(self._apply_settings(s)))
        dialog.addProfileRequested.connect(lambda: self._end(Outcome(login=True)))
        dialog.logoutRequested.connect(lambda _id: self._spawn(self._log_out()))
        dialog.relayPasswordEntered.connect(
            lambda pid, password: self._spawn(self._store_relay_password(pid, password))
        )
        dialog.open()

    async def _resume_shortcuts(self) -> None:
        if self._ws is not None and self.settings is not None:
            await _apply_shortcuts(self._ws, self.settings)

    async def _apply_settings(self, settings: Settings) -> None:
        old, self.settings = self.settings, settings
        await self.store.save_async(settings)
        apply_theme(self.app, settings.theme)
        ws = self._ws
        if ws is not None and ws.agent is not None:
            ws.agent.set_preferences(settings.agent_preferences())
        if ws is not None and ws.agent_window is not None:
            apply_ring_settings(ws.agent_window.incoming.player, settings)
        if ws is not None:  # the desktop may ask the user first: the rest need not wait
            self._spawn(_apply_shortcuts(ws, settings))
        if ws is not None and ws.headset is not None:
            ws.headset.set_enabled(settings.headset_enabled)
        profile = settings.profile(self._profile.id) if self._profile is not None else None
        if ws is not None and ws.webphone is not None and profile is not None:
            ws.webphone.set_number_format(profile.webphone_number_format)
        if old is None or old.start_at_login != settings.start_at_login:
            try:
                set_start_at_login(settings.start_at_login)
            except OSError as exc:
                log.warning("start at login not changed: %s", exc)
                if ws is not None:
                    ws.window.statusBar().showMessage(
                        self.tr("Could not change “start at login”: %1").replace("%1", str(exc)),
                        10_000,
                    )
        if ws is not None and old is not None and old.language != settings.language:
            ws.window.statusBar().showMessage(
                self.tr("The new language applies the next time the app starts."), 10_000
            )

    def _choose_profile(self) -> None:
        ws, settings = self._ws, self.settings
        if ws is None or settings is None:
            return
        new = self.tr("New profile…")
        names = [p.name for p in settings.profiles] + [new]
        dialog = QInputDialog(ws.window)
        dialog.setWindowTitle(self.tr("Switch profile"))
        dialog.setLabelText(self.tr("Profile:"))
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(False)

        def chosen(name: str) -> None:
            profile = next((p for p in settings.profiles if p.name == name), None)
            if profile is None:  # "New profile…": the login dialog makes one
                self._end(Outcome(login=True))
            elif profile.id != (self._profile.id if self._profile else None):
                self._spawn(self._switch_to(profile))

        dialog.textValueSelected.connect(chosen)
        dialog.open()

    async def _switch_to(self, profile: Profile) -> None:
        if self.settings is not None:
            self.settings = await self.profiles.switch(self.settings, profile.id)
        self._end(Outcome(next_profile=profile))

    async def _log_out(self) -> None:
        profile, settings = self._profile, self.settings
        outcome = Outcome(login=True)
        if profile is not None and settings is not None and self._saved:
            self.settings = await self.profiles.log_out(settings, profile.id)
            if profile.needs_token:  # logging in again keeps the profile, with a new token
                outcome = Outcome(next_profile=profile, login=True)
        self._end(outcome)

    def _copy_diagnostics(self) -> None:
        copy_diagnostics(self.settings, self.paths)
        if self._ws is not None:
            self._ws.window.statusBar().showMessage(
                self.tr("Diagnostics copied to the clipboard."), 5000
            )

    # --- self-test ------------------------------------------------------------------------

    async def _self_test(self, ws: Workspace, session: Session) -> Outcome:
        report = SelfTestReport(started=self._started)
        report.mark("window")
        if ws.webphone is None:
            report.failed_step, report.reason = "webphone", "this profile has no ramal/agent role"
        else:
            number = SANDBOX_TEST_NUMBER if session.is_sandbox else self.options.self_test_dial
            await run_self_test(ws.webphone, session.client, report, dial=number)
        print(report.to_json(), flush=True)
        return Outcome(exit_code=0 if report.ok else 1)


async def _apply_shortcuts(ws: Workspace, settings: Settings) -> None:
    """Register the settings' global shortcuts (a notice in the phone for each refusal)."""
    if ws.shortcuts is not None:
        await ws.shortcuts.apply(settings.global_shortcuts_on, settings.shortcut_bindings())
