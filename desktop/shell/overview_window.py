"""The first window: where the app is connected and the ramais of the account."""

from __future__ import annotations

import asyncio
import logging
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.api import Ramal, RamalApiError
from desktop.session import Session
from desktop.shell.ramal_model import RamalTableModel

log = logging.getLogger(__name__)

#: The ramal report filters by creation date; this start covers every account.
_ALL_TIME = date(2000, 1, 1)


class OverviewWindow(QMainWindow):
    """Shows the connection (sandbox or account) and lists the account's ramais."""

    #: Emitted after each load attempt: number of ramais, or -1 on failure.
    loaded = Signal(int)

    def __init__(self, session: Session, lang: str = "pt_BR") -> None:
        super().__init__()
        self._session = session
        self._lang = lang
        self._task: asyncio.Task[None] | None = None
        where = self.tr("Sandbox") if session.is_sandbox else session.base_url
        self.setWindowTitle(f"{APP_NAME} — {where}")
        self.resize(1000, 620)

        self._state = QLabel(self.tr("Connecting…"))
        self._state.setObjectName("connectionState")
        self._state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error = QLabel()
        self._error.setObjectName("errorBanner")
        self._error.setWordWrap(True)
        self._error.setStyleSheet(
            "QLabel#errorBanner { background: #fdecea; color: #611a15; padding: 8px;"
            " border-radius: 4px; }"
        )
        self._error.hide()
        self._refresh = QPushButton(self.tr("&Refresh"))
        self._refresh.clicked.connect(self.refresh)

        self.model = RamalTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        header = QHBoxLayout()
        header.addWidget(self._state, 1)
        header.addWidget(self._refresh)
        title = QLabel(self.tr("Ramais of the account"))
        title.setStyleSheet("font-weight: bold; font-size: 14px;")
        layout = QVBoxLayout()
        layout.addLayout(header)
        layout.addWidget(self._error)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    @property
    def state_text(self) -> str:
        """The connection line as the user reads it."""
        return self._state.text()

    @property
    def error_text(self) -> str:
        """The error banner text ('' when hidden)."""
        return self._error.text()

    def refresh(self) -> None:
        """(Re)load the ramais; a load still running is cancelled first."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = asyncio.ensure_future(self._load())

    async def _load(self) -> None:
        self._refresh.setEnabled(False)
        self._state.setText(self.tr("Connecting to %1…").replace("%1", self._session.base_url))
        try:
            ramais: list[Ramal] = [
                r
                async for r in self._session.client.ramais.iter_report(
                    data_inicio=_ALL_TIME, data_fim=date.today()
                )
            ]
        except RamalApiError as exc:
            log.warning("loading ramais failed: %s", exc)
            self._state.setText(self.tr("Not connected"))
            self._error.setText(exc.user_message(self._lang))
            self._error.show()
            self.loaded.emit(-1)
            return
        finally:
            self._refresh.setEnabled(True)
        self._error.hide()
        self._error.clear()
        if self._session.is_sandbox:
            text = self.tr("Connected to the sandbox at %1 — %n ramal(s)", "", len(ramais))
        else:
            text = self.tr("Connected to %1 — %n ramal(s)", "", len(ramais))
        self._state.setText(text.replace("%1", self._session.base_url))
        log.info("%d ramais loaded from %s", len(ramais), self._session.base_url)
        self.model.set_ramais(ramais)
        self.loaded.emit(len(ramais))

    def shutdown(self) -> None:
        """Cancel background work before the event loop stops."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
