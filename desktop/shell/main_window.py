"""The main window: one tab per panel the profile's roles allow, menus, status line."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.agent.mic_check import open_mic_check


class MainWindow(QMainWindow):
    """Hosts the panels (Phone, History, Supervisor, Administration) as tabs.

    The window holds no behaviour of its own: menu choices become signals that the app
    wiring answers, and panels bring their own menus.
    """

    settingsRequested = Signal()
    switchProfileRequested = Signal()
    logoutRequested = Signal()
    quitRequested = Signal()
    openLogsRequested = Signal()
    copyDiagnosticsRequested = Signal()
    closing = Signal()

    def __init__(self, profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} — {profile_name}")
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)
        self._panels: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._status = QLabel()
        self.statusBar().addPermanentWidget(self._status)

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._add(file_menu, self.tr("&Settings…"), self.settingsRequested, "Ctrl+,")
        self._add(file_menu, self.tr("S&witch profile…"), self.switchProfileRequested)
        self._add(file_menu, self.tr("&Log out"), self.logoutRequested)
        file_menu.addSeparator()
        quit_action = self._add(file_menu, self.tr("&Quit"), self.quitRequested)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._help_menu = QMenu(self.tr("&Help"), self)
        self._add(self._help_menu, self.tr("Open &log folder"), self.openLogsRequested)
        self._add(self._help_menu, self.tr("&Copy diagnostics"), self.copyDiagnosticsRequested)
        mic = self._help_menu.addAction(self.tr("&Microphone test…"))
        mic.triggered.connect(lambda: open_mic_check(self))
        self._help_menu.addSeparator()
        about = self._help_menu.addAction(self.tr("&About %1").replace("%1", APP_NAME))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        bar.addMenu(self._help_menu)

    def _add(
        self, menu: QMenu, text: str, signal: SignalInstance, shortcut: str | None = None
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(signal.emit)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def add_panel(self, key: str, title: str, widget: QWidget, menus: Iterable[QMenu] = ()) -> None:
        """Add a panel as a tab; its menus go before Help in the menu bar."""
        self._panels[key] = widget
        self.tabs.addTab(widget, title)
        for menu in menus:
            self.menuBar().insertMenu(self._help_menu.menuAction(), menu)

    def panel(self, key: str) -> QWidget | None:
        """The panel registered under ``key``."""
        return self._panels.get(key)

    @property
    def panel_keys(self) -> list[str]:
        """Keys of the panels shown, in tab order."""
        return list(self._panels)

    def show_panel(self, key: str) -> None:
        """Bring the panel ``key`` to the front (and the window with it)."""
        widget = self._panels.get(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def set_status(self, text: str) -> None:
        """The permanent text at the right of the status bar (connection, profile)."""
        self._status.setText(text)

    def bring_to_front(self) -> None:
        """Show, un-minimise and raise the window (incoming call, link from another launch)."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        """The About box, with the version single-sourced from the package metadata."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            self.tr(
                "%1 %2\nSoftphone and supervisor console for the TotalVoice / Zenvia Voice API."
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Tell the app the window is going away (it saves geometry, may quit)."""
        self.closing.emit()
        super().closeEvent(event)
