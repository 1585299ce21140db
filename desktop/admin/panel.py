"""The Administration panel: tabs Ramais and Conferências."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.admin.balance_banner import BalanceBanner
from desktop.admin.conference_view import ConferenceView
from desktop.admin.ramais_view import RamaisView
from desktop.api import CallsApi, ConferencesApi, RamaisApi, TotalVoiceClient, WebphoneApi

__all__ = ["AdminPanel"]


class AdminPanel(QWidget):
    """Ramal administration and conferences.

    ``openReceivedCalls(ramal_id, ramal)`` and ``openPauses(ramal_id, ramal)`` ask the
    window to show those reports in the History and Supervisor views.
    """

    openReceivedCalls = Signal(int, str)
    openPauses = Signal(int, str)

    def __init__(
        self,
        ramais: RamaisApi,
        conferencias: ConferencesApi,
        webphone: WebphoneApi,
        chamadas: CallsApi,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ramais = RamaisView(ramais, webphone, today=today, parent=self)
        self.conferences = ConferenceView(
            conferencias, chamadas, ramais=self.ramais.model.ramais, today=today, parent=self
        )
        self.ramais.model.modelReset.connect(self.conferences.reload_ramais)
        self.ramais.openReceivedCalls.connect(self.openReceivedCalls)
        self.ramais.openPauses.connect(self.openPauses)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.ramais, self.tr("Ramais"))
        self.tabs.addTab(self.conferences, self.tr("Conferences"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.balance = BalanceBanner()
        layout.addWidget(self.balance)
        layout.addWidget(self.tabs)
        self._loaded = False
        new = QAction(self.tr("New ramal…"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self._new)
        imp = QAction(self.tr("Import ramais from CSV…"), self)
        imp.triggered.connect(self._import)
        refresh = QAction(self.tr("Refresh ramais"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.ramais.refresh)
        self._actions = (new, imp, refresh)

    @classmethod
    def from_client(cls, client: TotalVoiceClient, parent: QWidget | None = None) -> AdminPanel:
        """The panel on one API client."""
        return cls(
            client.ramais, client.conferencias, client.webphone, client.chamadas, parent=parent
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Load the ramal list the first time the panel is shown."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.ramais.refresh()

    def actions(self) -> list[QAction]:
        """Menu actions: new ramal, CSV import, refresh (the same objects every call)."""
        return list(self._actions)

    def _new(self) -> None:
        self.tabs.setCurrentWidget(self.ramais)
        self.ramais.new_ramal()

    def _import(self) -> None:
        self.tabs.setCurrentWidget(self.ramais)
        self.ramais.import_csv()

    def shutdown(self) -> None:
        """Cancel background work (call before the loop stops)."""
        self.ramais.shutdown()
        self.conferences.shutdown()

    async def aclose(self) -> None:
        """Cancel background work and wait for it, before the widgets are deleted."""
        await self.ramais.aclose()
        await self.conferences.aclose()
