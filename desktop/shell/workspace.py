"""Builds the panels a profile may see and connects them to each other."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from desktop.admin.panel import AdminPanel
from desktop.agent.controller import AgentController
from desktop.agent.global_shortcuts import GlobalShortcuts
from desktop.agent.headset_link import HeadsetLink
from desktop.agent.relay_link import AgentLink
from desktop.agent.support_panel import AgentSupport, SupportPanel
from desktop.agent.window import AgentWindow
from desktop.api import WebphoneType, WebphoneUrl
from desktop.core.board_stream import BoardStream, RelayTarget
from desktop.core.relay_names import AccountNames
from desktop.history.cache import HistoryCache
from desktop.history.panel import HistoryPanel
from desktop.history.source import HistorySource
from desktop.sandbox.server import SandboxServer
from desktop.session import Session
from desktop.settings.model import Profile, Role, Settings
from desktop.settings.paths import AppPaths
from desktop.settings.sound_section import apply_ring_settings
from desktop.shell.logging_setup import register_secret
from desktop.shell.main_window import MainWindow
from desktop.shell.relay_notices import RelayNotices
from desktop.supervisor.kpi_view import KpiView
from desktop.supervisor.panel import SupervisorPanel
from desktop.supervisor.ramal_report import ramal_kpi_loader
from desktop.supervisor.relay_feed import RelayFeed
from desktop.supervisor.sources import ClientSource
from desktop.webphone.webphone import Webphone

log = logging.getLogger(__name__)


def relay_target(profile: Profile, password: str, *, board: bool = True) -> RelayTarget:
    """Where the profile's relay is (``board`` False: its events only)."""
    if password:
        register_secret(password)
    events = ""
    if not board and not profile.has_role(Role.ADMINISTRATOR):
        events = AccountNames(profile.relay_account).voicemail(profile.ramal)
    return RelayTarget(
        [u.strip() for u in profile.relay_url.split(",") if u.strip()],
        profile.relay_account,
        user=profile.relay_user,
        password=password,
        board=board,
        events=events,
    )


def relay_feed(session: Session, profile: Profile, password: str) -> RelayFeed | None:
    """The board pushed by the profile's relay (polling while it is away); None without one."""
    if not profile.uses_relay:
        return None
    stream = BoardStream(relay_target(profile, password))
    return RelayFeed(stream, ClientSource(session.client), clock=_now)


def _relay_notices(workspace: Workspace, profile: Profile, password: str) -> None:
    voicemail = workspace.agent_window.voicemail if workspace.agent_window else None
    balance = workspace.admin.balance if workspace.admin else None
    if not profile.uses_relay or (voicemail is None and balance is None):
        return
    notices = RelayNotices(profile.ramal, voicemail, balance)
    feed = workspace.supervisor.feed if workspace.supervisor else None
    if isinstance(feed, RelayFeed):
        feed.subscribe_events(notices)
    elif workspace.agent_support is not None and balance is None:
        # An agent alone: its voicemails come on the phone's own relay link.
        workspace.agent_support.link.subscribe_events(notices)
    else:
        notices.follow(BoardStream(relay_target(profile, password, board=False)))
    workspace.relay_notices = notices


def _agent_support(workspace: Workspace, profile: Profile, password: str) -> None:
    """Coach status, raised hand and pushed pauses: only with a relay."""
    window, controller = workspace.agent_window, workspace.agent
    if not profile.uses_relay or window is None or controller is None:
        return
    link = AgentLink(relay_target(profile, password, board=False), profile.ramal)
    panel = SupportPanel()
    window.call_panel.support_slot.addWidget(panel)
    support = AgentSupport(link, panel, controller, window.announcer, window)
    workspace.agent_support = support
    support.start()


def _now() -> datetime:
    return datetime.now(UTC).astimezone()


@dataclass(slots=True)
class Workspace:
    """What the main window shows for one profile, and what must be closed with it."""

    window: MainWindow
    webphone: Webphone | None = None
    agent: AgentController | None = None
    agent_window: AgentWindow | None = None
    shortcuts: GlobalShortcuts | None = None
    headset: HeadsetLink | None = None
    history: HistoryPanel | None = None
    admin: AdminPanel | None = None
    supervisor: SupervisorPanel | None = None
    relay_notices: RelayNotices | None = None
    agent_support: AgentSupport | None = None
    extra: list[QWidget] = field(default_factory=list)
    # Sandbox → Simulated traffic (on the embedded sandbox only).
    sandbox_traffic: QAction | None = None
    # Panels shown apart whose window was closed, being stopped before they are deleted.
    closing_apart: set[asyncio.Task[None]] = field(default_factory=set)

    async def aclose(self) -> None:
        """Stop every panel before its widgets are deleted: its tasks cancelled and awaited."""
        if self.relay_notices is not None:
            await self.relay_notices.aclose()
        if self.agent_support is not None:
            await self.agent_support.aclose()
        for widget in list(self.extra):
            await _close_apart(widget)
        if self.closing_apart:
            await asyncio.gather(*self.closing_apart)
        if self.history is not None:
            await self.history.aclose()
        if self.supervisor is not None:
            await self.supervisor.aclose()
        if self.admin is not None:
            await self.admin.aclose()
        if self.shortcuts is not None:
            await self.shortcuts.aclose()
        if self.headset is not None:
            await self.headset.aclose()
        if self.agent is not None:
            await self.agent.aclose()
        if self.webphone is not None:
            self.webphone.close()


def _webphone(session: Session, profile: Profile, paths: AppPaths) -> Webphone:
    async def fetch_url() -> WebphoneUrl:
        fresh = await session.client.webphone.get_url(
            ramal=profile.ramal, tipo=WebphoneType.EMBEDDED
        )
        for value in fresh.secret_values():  # the signed URL's secrets never reach the logs
            register_secret(value)
        return fresh

    return Webphone(
        fetch_url,
        paths.profile_data_dir(profile.id) / "webphone",
        number_format=profile.webphone_number_format,
    )


def build_workspace(
    session: Session,
    profile: Profile,
    settings: Settings,
    paths: AppPaths,
    *,
    tray: QSystemTrayIcon | None = None,
    relay_password: str = "",
) -> Workspace:
    """Create the main window with the panels of ``profile``'s roles.

    With a relay set on the profile the supervisor's board is pushed by it
    (``relay_password`` read from the keychain by the caller).
    """
    window = MainWindow(profile.name)
    workspace = Workspace(window)
    dial: Callable[[str], None] | None = None
    if profile.has_role(Role.AGENT) and profile.ramal:
        webphone = _webphone(session, profile, paths)
        controller = AgentController(
            webphone, settings.agent_preferences(), fetch_call=session.client.chamadas.get
        )
        agent_window = AgentWindow(controller, ramal=profile.ramal, tray=tray)
        apply_ring_settings(agent_window.incoming.player, settings)
        # The phone's menus join the main menu bar; its own bar would sit inside the tab.
        menus = [m for a in agent_window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
        agent_window.menuBar().hide()
        window.add_panel(
            "phone", QCoreApplication.translate("MainWindow", "Phone"), agent_window, menus
        )
        workspace.webphone, workspace.agent = webphone, controller
        workspace.agent_window = agent_window
        workspace.shortcuts = GlobalShortcuts(controller, parent=agent_window)
        workspace.shortcuts.attach(agent_window)
        workspace.headset = HeadsetLink(controller, parent=agent_window)
        workspace.headset.set_enabled(settings.headset_enabled)

        def dial(number: str) -> None:
            window.show_panel("phone")
            problem = controller.dial(number)
            if problem is not None:
                controller.error.emit(problem)  # shown in the phone's banner

    # Supervisors and administrators see every call; an agent sees the calls of the ramal.
    everything = profile.has_role(Role.SUPERVISOR) or profile.has_role(Role.ADMINISTRATOR)
    source = HistorySource(session.client, ramal=None if everything else profile.ramal or None)
    cache = HistoryCache(paths.profile_cache_dir(profile.id) / "history.sqlite3")
    recordings = paths.profile_data_dir(profile.id) / "recordings"
    history = HistoryPanel(source, cache, dial=dial, recordings_dir=recordings)
    window.add_panel("history", QCoreApplication.translate("MainWindow", "History"), history)
    workspace.history = history

    if profile.has_role(Role.SUPERVISOR):
        supervisor = SupervisorPanel(
            session.client,
            supervisor_number=settings.supervisor_number or profile.ramal,
            who=profile.name,
            audit_dir=paths.profile_data_dir(profile.id),
            feed=relay_feed(session, profile, relay_password),
        )
        menu = QMenu(QCoreApplication.translate("MainWindow", "&Supervision"), window)
        menu.addActions(supervisor.actions())
        window.add_panel(
            "supervisor",
            QCoreApplication.translate("MainWindow", "Supervision"),
            supervisor,
            [menu],
        )
        workspace.supervisor = supervisor
        supervisor.start()

    if profile.has_role(Role.ADMINISTRATOR):
        admin = AdminPanel.from_client(session.client)
        menu = QMenu(QCoreApplication.translate("MainWindow", "&Administration"), window)
        menu.addActions(admin.actions())
        window.add_panel(
            "admin", QCoreApplication.translate("MainWindow", "Administration"), admin, [menu]
        )
        workspace.admin = admin

        def received_calls(ramal_id: int, ramal: str) -> None:
            # The history view itself, filtered to what that ramal received.
            panel = HistoryPanel(
                HistorySource(session.client, ramal=ramal, ramal_id=ramal_id),
                HistoryCache(None),
                dial=dial,
            )
            _show_apart(
                workspace,
                panel,
                QCoreApplication.translate("MainWindow", "Calls of ramal %1").replace("%1", ramal),
            )

        def pauses(ramal_id: int, ramal: str) -> None:
            # The supervisor's KPI view (with its pause list) for this one ramal.
            loader = ramal_kpi_loader(session.client, ramal_id, lambda: datetime.now(UTC))
            view = KpiView(loader, date.today)
            title = QCoreApplication.translate("MainWindow", "Pauses and KPIs of ramal %1").replace(
                "%1", ramal
            )
            _show_apart(workspace, view, title)
            view.reload()

        admin.openReceivedCalls.connect(received_calls)
        admin.openPauses.connect(pauses)

    _agent_support(workspace, profile, relay_password)
    _relay_notices(workspace, profile, relay_password)
    if session.sandbox is not None:
        workspace.sandbox_traffic = _sandbox_menu(window, session.sandbox)
    return workspace


def _sandbox_menu(window: MainWindow, sandbox: SandboxServer) -> QAction:
    """The Sandbox menu, before Help; returns its checkable Simulated traffic action."""
    menu = QMenu(QCoreApplication.translate("MainWindow", "Sand&box"), window)
    traffic = menu.addAction(QCoreApplication.translate("MainWindow", "Simulated &traffic"))
    traffic.setCheckable(True)
    traffic.setChecked(sandbox.traffic.running)
    traffic.setStatusTip(
        QCoreApplication.translate(
            "MainWindow",
            "Customers call the demo ramais, they call out and pause; your own ramal is left "
            "to you.",
        )
    )
    traffic.toggled.connect(lambda on: sandbox.traffic.start() if on else sandbox.traffic.stop())
    bar = window.menuBar()
    bar.insertMenu(bar.actions()[-1], menu)  # Help stays last
    return traffic


def _show_apart(workspace: Workspace, panel: HistoryPanel | KpiView, title: str) -> None:
    """Show a panel in a window of its own; closing it stops its tasks, then deletes it."""
    panel.setWindowTitle(title)
    panel.setWindowFlag(Qt.WindowType.Window)
    panel.resize(1200, 700)
    panel.installEventFilter(_ApartCloser(workspace, panel))
    workspace.extra.append(panel)
    panel.show()


async def _close_apart(panel: QWidget) -> None:
    if not shiboken6.isValid(panel):
        return
    if isinstance(panel, HistoryPanel | KpiView):
        await panel.aclose()
    if shiboken6.isValid(panel):  # the await let other events run
        panel.hide()
        panel.deleteLater()


class _ApartCloser(QObject):
    """Once a panel shown apart is closed, stop its tasks, then delete it."""

    def __init__(self, workspace: Workspace, panel: QWidget) -> None:
        super().__init__(panel)
        self._workspace, self._panel = workspace, panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Start stopping the panel when its window closes."""
        if watched is self._panel and event.type() is QEvent.Type.Close:
            extra = self._workspace.extra
            if self._panel in extra:
                extra.remove(self._panel)
                task = asyncio.ensure_future(_close_apart(self._panel))
                self._workspace.closing_apart.add(task)
                task.add_done_callback(self._workspace.closing_apart.discard)
        return False
