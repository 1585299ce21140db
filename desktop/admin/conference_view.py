"""Conferences: start one by calling numbers, follow it, end it; browse past ones."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
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

from desktop.admin.conferences import (
    ConferenceSession,
    ConferenceSettings,
    ConferenceState,
)
from desktop.admin.words import ui_lang
from desktop.api import ConferenceReportRow, ConferencesApi, RamalApiError
from desktop.tasks import cancel_and_wait

__all__ = ["ConferenceView"]

log = logging.getLogger(__name__)
REFRESH_MS = 3000


def _hms(seconds: int | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _when(state_time: Any) -> str:
    return state_time.astimezone().strftime("%d/%m %H:%M:%S") if state_time else "—"


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class ConferenceView(QWidget):
    """Start a conference, call more numbers, see each call's state, end it; past ones below."""

    def __init__(
        self,
        api: ConferencesApi,
        *,
        today: Callable[[], date] = date.today,
        refresh_ms: int = REFRESH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._api, self._today = api, today
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self.session: ConferenceSession | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(lambda: self._start("refresh", self.refresh()))

        explain = QLabel(self.tr(
            "Each number is called with its own POST /conferencia, as the API documents it: "
            "the call plays the audio file and the API returns a conference id. The documented "
            "API has no way to add a number to an existing conference id, so every number "
            "called here gets its own conference record; this screen follows them together "
            "and ends them together."), self)  # fmt: skip
        explain.setWordWrap(True)
        explain.setStyleSheet("color: palette(mid);")

        setup = QGroupBox(self.tr("New conference"), self)
        form = QFormLayout(setup)
        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText(self.tr("DDD + number, e.g. 4832830151"))
        self.number_edit.returnPressed.connect(self.call_number)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://…/conferencia.mp3")
        self.bina_edit = QLineEdit(self)
        self.bina_edit.setPlaceholderText(self.tr("optional: number shown to who is called"))
        self.record_check = QCheckBox(self.tr("Record (gravar_conferencia)"), self)
        self.answer_check = QCheckBox(self.tr("Wait for a key press (resposta_usuario)"), self)
        self.call_button = QPushButton(self.tr("Call number"), self)
        self.call_button.clicked.connect(self.call_number)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number_edit, 1)
        number_row.addWidget(self.call_button)
        form.addRow(self.tr("Audio URL (MP3) *"), self.url_edit)
        form.addRow(self.tr("Caller ID (bina)"), self.bina_edit)
        flags = QHBoxLayout()
        flags.addWidget(self.record_check)
        flags.addWidget(self.answer_check)
        flags.addStretch()
        form.addRow("", flags)
        form.addRow(self.tr("Number to call *"), number_row)

        self.live_status = QLabel(self)
        self.live_status.setWordWrap(True)
        live_headers = [self.tr("Conference"), self.tr("Number"), self.tr("Status"),
                        self.tr("Talk time"), self.tr("Started"), self.tr("Ended")]  # fmt: skip
        self.live = _table(self, live_headers)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(lambda: self._start("refresh", self.refresh()))
        self.end_button = QPushButton(self.tr("End conference…"), self)
        self.end_button.clicked.connect(self.confirm_end)
        self.new_button = QPushButton(self.tr("New session"), self)
        self.new_button.clicked.connect(self.new_session)
        live_bar = QHBoxLayout()
        live_bar.addWidget(self.live_status, 1)
        for button in (self.refresh_button, self.end_button, self.new_button):
            live_bar.addWidget(button)
        live_box = QGroupBox(self.tr("Current conference"), self)
        live_layout = QVBoxLayout(live_box)
        live_layout.addWidget(self.live, 1)
        live_layout.addLayout(live_bar)

        past_box = QGroupBox(self.tr("Past conferences"), self)
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
        past_headers = [self.tr("Conference"), self.tr("Number"), self.tr("Created"),
                        self.tr("Status"), self.tr("Talk time"), self.tr("Price")]  # fmt: skip
        self.past = _table(self, past_headers)
        self.past.doubleClicked.connect(lambda _i: self.follow_past())
        past_bar = QHBoxLayout()
        for widget in (QLabel(self.tr("From"), self), self.start_date, QLabel(self.tr("to"), self),
                       self.end_date, self.search_button):  # fmt: skip
            past_bar.addWidget(widget)
        past_bar.addWidget(self.past_status, 1)
        past_layout = QVBoxLayout(past_box)
        past_layout.addLayout(past_bar)
        past_layout.addWidget(self.past, 1)

        left = QVBoxLayout()
        left.addWidget(setup)
        left.addWidget(explain)
        left.addWidget(live_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(past_box, 1)
        self._show_session()

    def _start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        old = self._tasks.get(name)
        if old is not None and not old.done():
            old.cancel()
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks[name] = task
        return task

    def _settings(self) -> ConferenceSettings:
        return ConferenceSettings(
            url_conferencia=self.url_edit.text().strip(),
            gravar_conferencia=self.record_check.isChecked(),
            resposta_usuario=self.answer_check.isChecked(),
            bina=self.bina_edit.text().strip() or None,
        )

    def call_number(self) -> None:
        """Call the typed number into the current conference session (starting one)."""
        number = self.number_edit.text().strip()
        if not number:
            self.live_status.setText(self.tr("Type the number to call."))
            return
        if not self.url_edit.text().strip():
            self.live_status.setText(self.tr("The audio URL is required by the API."))
            return
        self._start("call", self.call(number))

    async def call(self, number: str) -> None:
        """``POST /conferencia`` for ``number``; the new record joins the session."""
        if self.session is None or not self.session.active:
            self.session = ConferenceSession(self._api, self._settings())
        self.call_button.setEnabled(False)
        try:
            conference_id = await self.session.call(number)
        except RamalApiError as error:
            self.live_status.setText(self.tr("Could not call %1: %2").replace("%1", number)
                                     .replace("%2", error.user_message(ui_lang())))  # fmt: skip
            return
        finally:
            self.call_button.setEnabled(True)
        self.number_edit.clear()
        self.live_status.setText(self.tr("Calling %1 (conference %2)…").replace("%1", number)
                                 .replace("%2", str(conference_id)))  # fmt: skip
        self._lock_settings(True)
        self._timer.start()
        await self.refresh()

    async def refresh(self) -> None:
        """Read every conference of the session again."""
        if self.session is None:
            return
        await self.session.refresh()
        self._show_session()
        if not self.session.active:
            self._timer.stop()
            self.live_status.setText(self.tr("The conference has ended."))
        else:
            text = self.tr("%1 call(s) in the conference; refreshing every %2 s.")
            seconds = str(self._timer.interval() // 1000)
            self.live_status.setText(
                text.replace("%1", str(len(self.session.ids))).replace("%2", seconds)
            )

    def _show_session(self) -> None:
        states = self.session.states if self.session else []
        self.live.setRowCount(sum(max(1, len(s.participants)) for _n, s, _e in states))
        row = 0
        for number, state, error in states:
            for cells in self._rows(number, state, error):
                for column, text in enumerate(cells):
                    self.live.setItem(row, column, QTableWidgetItem(text))
                row += 1
        active = self.session is not None and self.session.active
        self.end_button.setEnabled(active)
        self.new_button.setEnabled(self.session is not None and not active)
        self.refresh_button.setEnabled(self.session is not None)

    def _rows(
        self, number: str, state: ConferenceState, error: RamalApiError | None
    ) -> list[list[str]]:
        ended = {True: _when(state.ended_at) if state.ended_at else self.tr("yes"),
                 False: "", None: "?"}[state.ended]  # fmt: skip
        if error is not None:
            return [[str(state.id), number, error.user_message(ui_lang()), "", "", ended]]
        if not state.participants:
            return [[str(state.id), number, self.tr("calling…"), "", "", ended]]
        return [
            [str(state.id), p.numero or number, p.status or self.tr("calling…"),
             _hms(p.talk_seconds), _when(p.started), ended]
            for p in state.participants
        ]  # fmt: skip

    def _lock_settings(self, locked: bool) -> None:
        for widget in (self.url_edit, self.bina_edit, self.record_check, self.answer_check):
            widget.setEnabled(not locked)

    def confirm_end(self) -> QMessageBox | None:
        """Ask, then end every conference record of the session."""
        if self.session is None:
            return None
        ids = ", ".join(str(i) for i in self.session.ids)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("End conference"),
            self.tr("End the conference and hang up every call (conference ids: %1)?")
            .replace("%1", ids),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )  # fmt: skip
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda result: (
                self._start("end", self.end()) if result == QMessageBox.StandardButton.Yes else None
            )
        )
        box.open()
        return box

    async def end(self) -> None:
        """``DELETE /conferencia/{id}`` for every record not yet ended."""
        if self.session is None:
            return
        failed = await self.session.end_all()
        await self.refresh()
        if failed:
            template = self.tr("Could not end %1: %2")
            self.live_status.setText("; ".join(
                template.replace("%1", str(cid)).replace("%2", error.user_message(ui_lang()))
                for cid, error in failed))  # fmt: skip
        else:
            self._timer.stop()
            self.live_status.setText(self.tr("The conference has ended."))

    def new_session(self) -> None:
        """Forget the ended session and unlock the settings."""
        self._timer.stop()
        self.session = None
        self._lock_settings(False)
        self.live_status.clear()
        self._show_session()

    async def load_past(self) -> None:
        """``GET /conferencia/relatorio`` for the chosen dates (every page)."""
        start, end = (self._py_date(e.date()) for e in (self.start_date, self.end_date))
        self.search_button.setEnabled(False)
        self.past_status.setText(self.tr("Loading…"))
        try:
            rows = await self._report(start, end)
        except RamalApiError as error:
            self.past_status.setText(error.user_message(ui_lang()))
            return
        finally:
            self.search_button.setEnabled(True)
        rows.sort(key=lambda r: (r.data_criacao is None, r.data_criacao), reverse=True)
        self.past.setRowCount(len(rows))
        for index, r in enumerate(rows):
            cells = [str(r.id), r.numero_destino or "", _when(r.data_criacao),
                     "" if r.status is None else str(r.status), _hms(r.duracao_falada_segundos),
                     "" if r.preco is None else f"R$ {r.preco:.2f}".replace(".", ",")]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.past.setItem(index, column, item)
        self.past_status.setText(self.tr("%1 conference(s).").replace("%1", str(len(rows))))

    @staticmethod
    def _py_date(value: QDate) -> date:
        return date(value.year(), value.month(), value.day())

    async def _report(self, start: date, end: date) -> list[ConferenceReportRow]:
        return await self._api.report(start, end).fetch_all()

    def follow_past(self) -> None:
        """Show the selected past conference in the live table (read and refreshed)."""
        row = self.past.currentRow()
        item = self.past.item(row, 0) if row >= 0 else None
        if item is None:
            return
        conference_id = item.data(Qt.ItemDataRole.UserRole)
        number_item = self.past.item(row, 1)
        number = number_item.text() if number_item is not None else ""

        if self.session is None or not self.session.active:
            self.session = ConferenceSession(self._api, self._settings())
        self.session.track(number, conference_id)
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
