"""The Ramais tab: the account's ramais, search, CRUD, CSV import, webphone link, reports."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import Announcer, name_clear_button
from desktop.admin.import_dialog import ImportDialog
from desktop.admin.ramal_form import RamalFormDialog
from desktop.admin.ramal_table_model import (
    RAMAL_ROLE,
    RamalColumn,
    RamalFilterModel,
    RamalTableModel,
)
from desktop.admin.words import ui_lang
from desktop.api import (
    RamaisApi,
    Ramal,
    RamalApiError,
    RamalInput,
    WebphoneApi,
    WebphoneType,
    WebphoneUrl,
)
from desktop.api.redaction import redact_url
from desktop.tasks import cancel_and_wait

__all__ = ["RamaisView"]

log = logging.getLogger(__name__)
#: ``/ramal/relatorio`` filters by creation date; this start covers every ramal.
LIST_SINCE = date(2010, 1, 1)
_WIDTHS = {RamalColumn.RAMAL: 70, RamalColumn.LOGIN: 250, RamalColumn.BINA: 110,
           RamalColumn.URA_ID: 50, RamalColumn.TAGS: 110, RamalColumn.ID: 60}  # fmt: skip


class RamaisView(QWidget):
    """Every ramal of the account with create, edit, delete and bulk import."""

    openReceivedCalls = Signal(int, str)
    openPauses = Signal(int, str)

    def __init__(
        self,
        ramais: RamaisApi,
        webphone: WebphoneApi,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._api, self._webphone, self._today = ramais, webphone, today
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._link: WebphoneUrl | None = None
        self.dialog: QDialog | None = None
        self.model = RamalTableModel()
        self.proxy = RamalFilterModel()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search ramal, login, caller ID, tags…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search ramais"))
        name_clear_button(self.search, self.tr("Clear search"))
        self.announcer = Announcer(self, self.tr("Latest change of the ramais"))
        self.search.textChanged.connect(self._search)
        self.new_button = QPushButton(self.tr("New ramal…"), self)
        self.new_button.clicked.connect(self.new_ramal)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(self.tr("Import CSV…"), self)
        self.import_button.clicked.connect(self.import_csv)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RamalColumn.RAMAL, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Ramais of the account"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between rows
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in _WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(RamalColumn.LOGIN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        self.selected_label = QLabel(self)
        self.link_edit = QLineEdit(self)
        self.link_edit.setReadOnly(True)
        self.link_edit.setAccessibleName(self.tr("Webphone link of the selected ramal"))
        self.link_edit.setPlaceholderText(self.tr("Webphone link: press Get link"))
        self.link_button = QPushButton(self.tr("Get link"), self)
        self.link_button.clicked.connect(self.fetch_link)
        self.reveal_button = QPushButton(self.tr("Reveal"), self)
        self.reveal_button.setCheckable(True)
        self.reveal_button.setAccessibleName(self.tr("Reveal the webphone link"))
        self.reveal_button.toggled.connect(self._show_link)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.clicked.connect(self.copy_link)
        self.copy_button.setAccessibleName(self.tr("Copy the webphone link"))
        self.link_expiry = QLabel(self)
        self.calls_button = QPushButton(self.tr("Received calls"), self)
        self.calls_button.clicked.connect(lambda: self._open_report(self.openReceivedCalls))
        self.pauses_button = QPushButton(self.tr("Pauses"), self)
        self.pauses_button.clicked.connect(lambda: self._open_report(self.openPauses))

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (self.new_button, self.edit_button, self.delete_button,
                       self.import_button, self.refresh_button):  # fmt: skip
            bar.addWidget(button)
        details = QHBoxLayout()
        details.addWidget(self.selected_label)
        link_label = QLabel(self.tr("Webphone:"), self)
        link_label.setBuddy(self.link_edit)
        details.addWidget(link_label)
        details.addWidget(self.link_edit, 1)
        for widget in (self.link_button, self.reveal_button, self.copy_button, self.link_expiry,
                       self.calls_button, self.pauses_button):  # fmt: skip
            details.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(details)
        layout.addWidget(self.status)
        self._selected(QModelIndex(), QModelIndex())

    # -- list -------------------------------------------------------------------------------
    def _start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        old = self._tasks.get(name)
        if old is not None and not old.done():
            old.cancel()
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks[name] = task
        return task

    def refresh(self) -> None:
        """Reload the list in the background."""
        self._start("load", self.load())

    async def load(self) -> None:
        """Read every ramal (``GET /ramal/relatorio``, paged) into the table."""
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Loading ramais…"))
        try:
            rows = await self._api.report(LIST_SINCE, self._today()).fetch_all(
                progress=lambda done, total: self.status.setText(
                    self.tr("Loading ramais… %1").replace(
                        "%1", f"{done}/{total}" if total is not None else str(done))
                )
            )  # fmt: skip
        except RamalApiError as error:
            self.status.setText(self.tr("Could not load the ramais: %1").replace(
                "%1", error.user_message(ui_lang())))  # fmt: skip
            return
        finally:
            self.refresh_button.setEnabled(True)
        current = self.selected()
        self.model.set_ramais(rows)
        self.status.setText(self.tr("%1 ramal(s).").replace("%1", str(len(rows))))
        if current is not None:
            self.select(current.id)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)

    def selected(self) -> Ramal | None:
        """The ramal of the current row."""
        index = self.table.currentIndex()
        ramal = self.proxy.data(index, RAMAL_ROLE) if index.isValid() else None
        return ramal if isinstance(ramal, Ramal) else None

    def select(self, ramal_id: int | str) -> bool:
        """Make a ramal the current row; False when it is not shown."""
        row = self.model.row_of(ramal_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        return True

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self.proxy.data(current, RAMAL_ROLE) if current.isValid() else None
        ramal = found if isinstance(found, Ramal) else None
        for button in (self.edit_button, self.delete_button, self.link_button,
                       self.calls_button, self.pauses_button):  # fmt: skip
            button.setEnabled(ramal is not None)
        self.selected_label.setText(
            self.tr("Ramal %1").replace("%1", ramal.ramal or str(ramal.id)) if ramal else ""
        )
        self._set_link(None)

    # -- create / edit / delete ---------------------------------------------------------------
    def new_ramal(self) -> RamalFormDialog:
        """Open the create form (non-modal)."""
        dialog = RamalFormDialog(self._api.create, None, self)
        dialog.saved.connect(self._created)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> RamalFormDialog | None:
        """Open the edit form of the selected ramal."""
        ramal = self.selected()
        if ramal is None:
            return None

        async def save(body: RamalInput) -> Ramal:
            await self._api.edit(ramal.id, body)
            return await self._api.get(ramal.id)

        dialog = RamalFormDialog(save, ramal, self)
        dialog.saved.connect(self._edited)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _created(self, ramal: object) -> None:
        if isinstance(ramal, Ramal):
            self.status.setText(self.tr("Ramal %1 created.").replace("%1", ramal.ramal or "?"))
            self.announcer.announce(self.status.text())
            self._start("load", self._reload_and_select(ramal.id))

    def _edited(self, ramal: object) -> None:
        if isinstance(ramal, Ramal):
            self.status.setText(self.tr("Ramal %1 saved.").replace("%1", ramal.ramal or "?"))
            self.announcer.announce(self.status.text())
            self._start("load", self._reload_and_select(ramal.id))

    async def _reload_and_select(self, ramal_id: int | str) -> None:
        message = self.status.text()
        await self.load()
        self.select(ramal_id)
        self.status.setText(message)

    def delete_selected(self) -> QMessageBox | None:
        """Ask, naming the ramal, then delete it."""
        ramal = self.selected()
        if ramal is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete ramal"),
            self.tr("Delete ramal %1 (%2)? Its user will no longer be able to make or "
                    "receive calls. This cannot be undone.")
            .replace("%1", ramal.ramal or str(ramal.id)).replace("%2", ramal.login or "—"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )  # fmt: skip
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.finished.connect(
            lambda result: (
                self._start("delete", self.delete(ramal))
                if result == QMessageBox.StandardButton.Yes
                else None
            )
        )
        self._open(box)
        return box

    async def delete(self, ramal: Ramal) -> None:
        """``DELETE /ramal/{id}`` and reload."""
        name = ramal.ramal or str(ramal.id)
        try:
            await self._api.delete(ramal.id)
        except RamalApiError as error:
            self.status.setText(self.tr("Could not delete ramal %1: %2").replace("%1", name)
                                .replace("%2", error.user_message(ui_lang())))  # fmt: skip
            self.announcer.announce(self.status.text(), assertive=True)
            return
        await self.load()
        self.status.setText(self.tr("Ramal %1 deleted.").replace("%1", name))
        self.announcer.announce(self.status.text())

    def import_csv(self) -> ImportDialog:
        """Open the CSV import (dry-run preview first)."""
        rows = self.model.ramais()
        dialog = ImportDialog(
            self._api.create,
            existing_ramais=[r.ramal for r in rows if r.ramal],
            existing_logins=[r.login for r in rows if r.login],
            parent=self,
        )
        dialog.finished_import.connect(lambda _report: self.refresh())
        self._open(dialog)
        return dialog

    # -- webphone link and reports ------------------------------------------------------------
    def fetch_link(self) -> None:
        """Ask for a fresh webphone link of the selected ramal."""
        ramal = self.selected()
        if ramal is not None:
            self._start("link", self.load_link(ramal))

    async def load_link(self, ramal: Ramal) -> None:
        """``GET /webphone`` for the ramal; the link is kept in memory only, never logged."""
        try:
            link = await self._webphone.get_url(id_ramal=ramal.id, tipo=WebphoneType.EMBEDDED)
        except RamalApiError as error:
            self.status.setText(self.tr("Could not get the webphone link: %1").replace(
                "%1", error.user_message(ui_lang())))  # fmt: skip
            return
        self._set_link(link)

    def _set_link(self, link: WebphoneUrl | None) -> None:
        self._link = link
        self.reveal_button.setEnabled(link is not None)
        self.copy_button.setEnabled(link is not None)
        if link is None:
            self.reveal_button.setChecked(False)
        expiry = link.expires.astimezone().strftime("%H:%M") if link and link.expires else ""
        self.link_expiry.setText(self.tr("valid until %1").replace("%1", expiry) if expiry else "")
        self._show_link(self.reveal_button.isChecked())

    def _show_link(self, revealed: bool) -> None:
        if self._link is None:
            self.link_edit.clear()
            return
        self.link_edit.setText(self._link.url if revealed else redact_url(self._link.url))
        self.reveal_button.setText(self.tr("Hide") if revealed else self.tr("Reveal"))

    def copy_link(self) -> None:
        """Put the full link on the clipboard (it expires; see the time shown)."""
        if self._link is None:
            return
        if self._link.is_expired():
            self.status.setText(self.tr("The link expired: press Get link again."))
            return
        QGuiApplication.clipboard().setText(self._link.url)
        self.status.setText(self.tr("Webphone link copied. It carries the ramal's key: share it "
                                    "only with its user."))  # fmt: skip

    def _open_report(self, signal: Any) -> None:
        ramal = self.selected()
        if ramal is not None and isinstance(ramal.id, int):
            signal.emit(ramal.id, ramal.ramal or "")

    def shutdown(self) -> None:
        """Cancel the background work."""
        for task in self._tasks.values():
            task.cancel()

    async def aclose(self) -> None:
        """Stop, and wait for its work and its dialogs' to end, before widgets are deleted."""
        self.shutdown()
        await cancel_and_wait(*self._tasks.values())
        for dialog in self.findChildren(RamalFormDialog) + self.findChildren(ImportDialog):
            await dialog.aclose()
