"""Conferences: open a room, call numbers into it, follow each call, end it; past rooms."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import name_combo_box
from desktop.admin.conference_words import clock, hms, money, state_colour, state_text
from desktop.admin.conferences import (
    ConferenceRoom,
    ParticipantState,
    RoomState,
    recent_numbers,
)
from desktop.admin.words import ui_lang
from desktop.api import CallsApi, Conference, ConferencesApi, Ramal, RamalApiError
from desktop.tasks import cancel_and_wait

__all__ = ["ConferenceView"]

log = logging.getLogger(__name__)
REFRESH_MS = 2000
RECENT_DAYS = 7


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between rows
    return table


class ConferenceView(QWidget):
    """A conference room: several numbers called into one room, each followed live."""

    def __init__(
        self,
        api: ConferencesApi,
        calls: CallsApi,
        *,
        ramais: Callable[[], Sequence[Ramal]] = list,
        today: Callable[[], date] = date.today,
        refresh_ms: int = REFRESH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._api, self._calls, self._ramais, self._today = api, calls, ramais, today
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._recent_loaded = False
        self.room: ConferenceRoom | None = None
        self.saved: list[Path] = []
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(lambda: self._start("refresh", self.refresh()))

        room_box = QGroupBox(self.tr("Conference room"), self)
        self.new_button = QPushButton(self.tr("New room"), self)
        self.new_button.clicked.connect(lambda: self._start("open", self.open_room()))
        self.room_label = QLabel(self.tr("No room open."), self)
        self.end_button = QPushButton(self.tr("End room…"), self)
        self.end_button.clicked.connect(self.confirm_end)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.room_label, 1)
        top.addWidget(self.end_button)

        self.bina_edit = QLineEdit(self)
        self.bina_edit.setPlaceholderText(self.tr("optional: number shown to who is called"))
        self.record_check = QCheckBox(self.tr("Record the calls"), self)
        options = QHBoxLayout()
        bina_label = QLabel(self.tr("Caller ID (bina)"), self)
        bina_label.setBuddy(self.bina_edit)
        self.bina_edit.setAccessibleName(self.tr("Caller ID (bina)"))
        options.addWidget(bina_label)
        options.addWidget(self.bina_edit, 1)
        options.addWidget(self.record_check)

        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText(self.tr("Number or ramal, e.g. 48 3283-0151"))
        self.number_edit.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(self.tr("Call into the room"), self)
        self.add_button.clicked.connect(self.add_typed)
        self.ramal_combo = QComboBox(self)
        self.ramal_combo.activated.connect(lambda i: self._pick(self.ramal_combo, i))
        self.recent_combo = QComboBox(self)
        self.recent_combo.activated.connect(lambda i: self._pick(self.recent_combo, i))
        self.number_edit.setAccessibleName(self.tr("Number to call into the room"))
        name_combo_box(self.ramal_combo, self.tr("Call a ramal into the room"), self)
        name_combo_box(self.recent_combo, self.tr("Call a recent number into the room"), self)
        adding = QHBoxLayout()
        adding.addWidget(self.number_edit, 1)
        adding.addWidget(self.add_button)
        pickers = QHBoxLayout()
        pickers.addWidget(self.ramal_combo, 1)
        pickers.addWidget(self.recent_combo, 1)

        headers = [self.tr("Number"), self.tr("State"), self.tr("Talk time"),
                   self.tr("Started"), self.tr("Price"), self.tr("Recording")]  # fmt: skip
        self.participants = _table(self, headers)
        self.participants.setAccessibleName(self.tr("Calls in the room"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.summary = QLabel(self)
        self.save_button = QPushButton(self.tr("Save recordings…"), self)
        self.save_button.clicked.connect(self.choose_folder)
        footer = QHBoxLayout()
        footer.addWidget(self.summary, 1)
        footer.addWidget(self.save_button)
        room_layout = QVBoxLayout(room_box)
        for row in (top, options, adding, pickers):
            room_layout.addLayout(row)
        room_layout.addWidget(self.participants, 1)
        room_layout.addLayout(footer)
        room_layout.addWidget(self.status)

        past_box = QGroupBox(self.tr("Past rooms"), self)
        self.start_date, self.end_date = QDateEdit(self), QDateEdit(self)
        for edit in (self.start_date, self.end_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        now = self._today()
        week_ago = now - timedelta(days=7)
        self.start_date.setDate(QDate(week_ago.year, week_ago.month, week_ago.day))
        self.end_date.setDate(QDate(now.year, now.month, now.day))
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.clicked.connect(lambda: self._start("past", self.load_past()))
        self.past_status = QLabel(self)
        past_headers = [self.tr("Room"), self.tr("Created"), self.tr("Ended"),
                        self.tr("Calls"), self.tr("Price")]  # fmt: skip
        self.past = _table(self, past_headers)
        self.past.setToolTip(self.tr("Double-click a room to open it"))
        self.past.setAccessibleName(self.tr("Past rooms"))
        self.past.setAccessibleDescription(self.tr("Double-click a room to open it"))
        self.start_date.setAccessibleName(self.tr("Rooms from"))
        self.end_date.setAccessibleName(self.tr("Rooms to"))
        self.past.doubleClicked.connect(lambda _i: self.open_selected_past())
        past_bar = QHBoxLayout()
        for widget in (QLabel(self.tr("From"), self), self.start_date, QLabel(self.tr("to"), self),
                       self.end_date, self.search_button):  # fmt: skip
            past_bar.addWidget(widget)
        past_bar.addStretch()
        past_layout = QVBoxLayout(past_box)
        past_layout.addLayout(past_bar)
        past_layout.addWidget(self.past, 1)
        past_layout.addWidget(self.past_status)

        layout = QHBoxLayout(self)
        layout.addWidget(room_box, 3)
        layout.addWidget(past_box, 2)
        self.reload_ramais()
        self._set_recent([])
        self._show()

    # -- plumbing ---------------------------------------------------------------------------
    def _start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        old = self._tasks.get(name)
        if old is not None and not old.done():
            old.cancel()
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks[name] = task
        return task

    def _error(self, template: str, error: RamalApiError) -> None:
        self.status.setText(template.replace("%1", error.user_message(ui_lang())))

    def showEvent(self, event: QShowEvent) -> None:
        """Load the recent calls' numbers the first time the screen is shown."""
        super().showEvent(event)
        if not self._recent_loaded:
            self._recent_loaded = True
            self._start("recent", self.load_recent())

    # -- where numbers come from ------------------------------------------------------------
    def reload_ramais(self) -> None:
        """Offer the account's ramais (as last loaded in the Ramais tab)."""
        self.ramal_combo.clear()
        self.ramal_combo.addItem(self.tr("Add a ramal…"), None)
        for ramal in sorted(self._ramais(), key=lambda r: r.ramal or ""):
            if ramal.ramal:
                label = f"{ramal.ramal} — {ramal.login}" if ramal.login else ramal.ramal
                self.ramal_combo.addItem(label, ramal.ramal)

    def _set_recent(self, numbers: list[str]) -> None:
        self.recent_combo.clear()
        self.recent_combo.addItem(self.tr("Add from recent calls…"), None)
        for number in numbers:
            self.recent_combo.addItem(number, number)

    async def load_recent(self) -> None:
        """Numbers of the latest calls in History (the newest page of the last days)."""
        end = self._today()
        start = end - timedelta(days=RECENT_DAYS)
        try:
            first = await self._calls.report_page(start, end, limite=1)
            total = first.total or 0
            page = await self._calls.report_page(
                start, end, posicao=max(0, total - 200), limite=200
            )
        except RamalApiError as error:
            log.info("recent calls unavailable: %s", error)
            return
        self._set_recent(recent_numbers(page.items))

    def _pick(self, combo: QComboBox, index: int) -> None:
        number = combo.itemData(index)
        combo.setCurrentIndex(0)
        if isinstance(number, str) and number:
            self._start("add", self.add(number))

    # -- the room -----------------------------------------------------------------------------
    async def open_room(self) -> None:
        """Open a new, empty room (the current one must be over)."""
        if self.room is not None and not self.room.ended:
            self.status.setText(self.tr("End the current room before opening another."))
            return
        self.new_button.setEnabled(False)
        room = ConferenceRoom(self._api, self._calls)
        try:
            await room.open()
        except RamalApiError as error:
            self._error(self.tr("Could not open a room: %1"), error)
            return
        finally:
            self.new_button.setEnabled(True)
        self.room, self.saved = room, []
        self.status.setText(self.tr("Room open: call numbers into it."))
        self._timer.start()
        self._show()

    def add_typed(self) -> None:
        """Call the typed number into the room."""
        number = self.number_edit.text().strip()
        if not number:
            self.status.setText(self.tr("Type the number to call."))
            return
        self._start("add", self.add(number))

    async def add(self, number: str) -> None:
        """Call ``number`` into the room, opening one first when none is open."""
        if self.room is None or self.room.ended:
            await self.open_room()
            if self.room is None or self.room.ended:
                return
        self.add_button.setEnabled(False)
        try:
            await self.room.add(
                number,
                bina=self.bina_edit.text().strip() or None,
                gravar_audio=self.record_check.isChecked() or None,
            )
        except RamalApiError as error:
            self._error(self.tr("Could not call %2: %1").replace("%2", number), error)
            return
        finally:
            self.add_button.setEnabled(True)
        if self.number_edit.text().strip() == number:
            self.number_edit.clear()
        self.status.setText(self.tr("Calling %1 into the room…").replace("%1", number))
        self._timer.start()
        await self.refresh()

    async def refresh(self) -> None:
        """Read the room and every call in it again."""
        if self.room is None or self.room.id is None:
            return
        try:
            state = await self.room.refresh()
        except RamalApiError as error:
            self._error(self.tr("Could not read the room: %1"), error)
            return
        if state.ended:
            self._timer.stop()
        self._show()

    def _show(self) -> None:
        state = self.room.state if self.room else None
        people = state.participants if state else ()
        self.participants.setRowCount(len(people))
        for row, p in enumerate(people):
            cells = [p.numero, state_text(p.state), hms(p.talk_seconds), clock(p.started),
                     money(p.price), self.tr("yes") if p.recording_url else ""]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setForeground(state_colour(p.state))
                    item.setToolTip(p.status or "")
                self.participants.setItem(row, column, item)
        is_open = state is not None and not state.ended
        self.end_button.setEnabled(is_open)
        self.add_button.setEnabled(True)
        self.room_label.setText(self._room_text(state))
        over = state is not None and state.ended
        self.save_button.setVisible(over and bool(state and state.recordings))
        self.summary.setText(self._summary(state) if over and state else "")

    def _room_text(self, state: RoomState | None) -> str:
        if state is None:
            return self.tr("No room open.")
        if state.ended:
            return self.tr("Room %1 — ended at %2").replace("%1", str(state.id)).replace(
                "%2", clock(state.ended_at))  # fmt: skip
        talking = sum(1 for p in state.participants if p.state is ParticipantState.ANSWERED)
        return (self.tr("Room %1 — open, %2 in the room").replace("%1", str(state.id))
                .replace("%2", str(talking)))  # fmt: skip

    def _summary(self, state: RoomState) -> str:
        return (self.tr("Total cost: %1 · %2 recording(s)")
                .replace("%1", money(state.total_price))
                .replace("%2", str(len(state.recordings))))  # fmt: skip

    def confirm_end(self) -> QMessageBox | None:
        """Ask, then end the room and hang up every call in it."""
        if self.room is None or self.room.id is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("End room"),
            self.tr("End room %1 and hang up every call in it?").replace("%1", str(self.room.id)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda result: (
                self._start("end", self.end()) if result == QMessageBox.StandardButton.Yes else None
            )
        )
        box.open()
        return box

    async def end(self) -> None:
        """``DELETE /conferencia/{id}``, then show the room as it ended."""
        if self.room is None:
            return
        try:
            await self.room.end()
        except RamalApiError as error:
            self._error(self.tr("Could not end the room: %1"), error)
            return
        self._timer.stop()
        self.status.setText(self.tr("The room has ended."))
        self._show()

    # -- recordings -----------------------------------------------------------------------
    def choose_folder(self) -> QFileDialog:
        """Ask for a folder, then save the room's recordings into it."""
        dialog = QFileDialog(self, self.tr("Save recordings to"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(
            lambda folder: self._start("save", self.save_recordings(Path(folder)))
        )
        dialog.open()
        return dialog

    async def save_recordings(self, folder: Path) -> None:
        """Download every recording of the room into ``folder``."""
        state = self.room.state if self.room else None
        if state is None:
            return
        self.save_button.setEnabled(False)
        saved: list[Path] = []
        try:
            for p in state.recordings:
                target = folder / f"conferencia-{state.id}-{p.call_id}.mp3"
                saved.append(await self._calls.download_recording(p.call_id, target))
        except RamalApiError as error:
            self._error(self.tr("Could not save the recordings: %1"), error)
            return
        finally:
            self.save_button.setEnabled(True)
        self.saved = saved
        self.status.setText(self.tr("%1 recording(s) saved in %2").replace(
            "%1", str(len(saved))).replace("%2", str(folder)))  # fmt: skip

    # -- past rooms -----------------------------------------------------------------------
    async def load_past(self) -> None:
        """``GET /conferencia/relatorio`` for the chosen dates (every page)."""
        start, end = (self._py_date(e.date()) for e in (self.start_date, self.end_date))
        self.search_button.setEnabled(False)
        self.past_status.setText(self.tr("Loading…"))
        try:
            rooms = await self._api.report(start, end).fetch_all()
        except RamalApiError as error:
            self.past_status.setText(error.user_message(ui_lang()))
            return
        finally:
            self.search_button.setEnabled(True)
        rooms.sort(key=lambda r: r.data_criacao.timestamp() if r.data_criacao else 0.0)
        rooms.reverse()
        self.past.setRowCount(len(rooms))
        for index, room in enumerate(rooms):
            self._past_row(index, room)
        self.past_status.setText(self.tr("%1 room(s).").replace("%1", str(len(rooms))))

    def _past_row(self, index: int, room: Conference) -> None:
        ended = clock(room.data_termino) if room.ended else self.tr("open")
        cells = [str(room.id), clock(room.data_criacao), ended, str(len(room.chamadas)),
                 money(room.total_price)]  # fmt: skip
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, room.id)
            self.past.setItem(index, column, item)

    @staticmethod
    def _py_date(value: QDate) -> date:
        return date(value.year(), value.month(), value.day())

    def open_selected_past(self) -> None:
        """Show the selected past room (followed live if it is still open)."""
        row = self.past.currentRow()
        item = self.past.item(row, 0) if row >= 0 else None
        if item is None:
            return
        if self.room is not None and not self.room.ended:
            self.status.setText(self.tr("End the current room before opening another."))
            return
        self.room, self.saved = ConferenceRoom(self._api, self._calls, item.data(
            Qt.ItemDataRole.UserRole)), []  # fmt: skip
        self._timer.start()
        self._start("refresh", self.refresh())

    def shutdown(self) -> None:
        """Stop refreshing and cancel the background work."""
        self._timer.stop()
        for task in self._tasks.values():
            task.cancel()

    async def aclose(self) -> None:
        """Stop, and wait for the background work to end, before the widgets are deleted."""
        self.shutdown()
        await cancel_and_wait(*self._tasks.values())
