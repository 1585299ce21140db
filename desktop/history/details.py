"""The details pane: both legs with every documented field, the raw JSON, the player."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import Call, CallLeg, parse_call
from desktop.core.outcomes import Outcome
from desktop.history.formatting import brl, duration, local_time
from desktop.history.player import RecordingPlayer
from desktop.history.rows import HistoryRow, partial_recordings
from desktop.history.words import direction_label, outcome_label, outcome_sentence

__all__ = ["DetailsPane"]


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "—"
    yes, no = (
        QCoreApplication.translate("History", "yes"),
        QCoreApplication.translate("History", "no"),
    )
    return yes if value else no


class DetailsPane(QWidget):
    """What the selected call was, with its actions."""

    playRequested = Signal(str)  # call id
    downloadRequested = Signal(str)
    rateRequested = Signal(str)
    callBackRequested = Signal(str)  # number

    def __init__(self, parent: QWidget | None = None) -> None:
        """Empty until :meth:`show_call`."""
        super().__init__(parent)
        self._row: HistoryRow | None = None
        self._raw = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Select a call to see its details."), self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        outer.addWidget(self.sentence)

        actions = QHBoxLayout()
        self.call_back = QPushButton(self.tr("Call back"), self)
        self.copy_number = QPushButton(self.tr("Copy number"), self)
        self.rate = QPushButton(self.tr("Rate…"), self)
        for button in (self.call_back, self.copy_number, self.rate):
            actions.addWidget(button)
        actions.addStretch(1)
        outer.addLayout(actions)

        recording = QGroupBox(self.tr("Recording"), self)
        rec_layout = QVBoxLayout(recording)
        rec_buttons = QHBoxLayout()
        self.play = QPushButton(self.tr("Listen"), recording)
        self.download = QPushButton(self.tr("Download…"), recording)
        rec_buttons.addWidget(self.play)
        rec_buttons.addWidget(self.download)
        rec_buttons.addStretch(1)
        rec_layout.addLayout(rec_buttons)
        self.player = RecordingPlayer(recording)
        rec_layout.addWidget(self.player)
        self.recording_note = QLabel(recording)
        self.recording_note.setWordWrap(True)
        rec_layout.addWidget(self.recording_note)
        outer.addWidget(recording)
        self.recording_box = recording

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self.body = QVBoxLayout(body)
        self.call_form = self._group(self.tr("Call"))
        self.origin_form = self._group(self.tr("Origin leg"))
        self.destination_form = self._group(self.tr("Destination leg"))
        raw_box = QGroupBox(self.tr("Raw JSON"), body)
        raw_layout = QVBoxLayout(raw_box)
        self.raw_view = QPlainTextEdit(raw_box)
        self.raw_view.setReadOnly(True)
        self.raw_view.setAccessibleName(self.tr("Raw JSON of the call"))
        self.raw_view.setFont(QFont("monospace"))
        self.raw_view.setMinimumHeight(120)
        self.copy_json = QPushButton(self.tr("Copy JSON"), raw_box)
        raw_layout.addWidget(self.raw_view)
        raw_layout.addWidget(self.copy_json)
        self.body.addWidget(raw_box)
        self.body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.call_back.clicked.connect(self._call_back)
        self.copy_number.clicked.connect(self._copy_number)
        self.rate.clicked.connect(lambda: self._emit(self.rateRequested))
        self.play.clicked.connect(lambda: self._emit(self.playRequested))
        self.download.clicked.connect(lambda: self._emit(self.downloadRequested))
        self.copy_json.clicked.connect(self._copy_json)
        self.show_call(None, "")

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addWidget(box)
        return form

    def set_can_dial(self, enabled: bool) -> None:
        """Hide "Call back" when no webphone is available."""
        self.call_back.setVisible(enabled)

    def current(self) -> HistoryRow | None:
        """The call shown."""
        return self._row

    def show_call(self, row: HistoryRow | None, raw: str) -> None:
        """Show a call (``None`` clears the pane)."""
        self._row, self._raw = row, raw
        for form in (self.call_form, self.origin_form, self.destination_form):
            while form.rowCount():
                form.removeRow(0)
        self.player.unload()
        has_row = row is not None
        for widget in (self.call_back, self.copy_number, self.rate, self.copy_json):
            widget.setEnabled(has_row)
        self.recording_box.setVisible(has_row)
        if row is None:
            self.title.setText(self.tr("Select a call to see its details."))
            self.sentence.clear()
            self.raw_view.clear()
            return
        self.title.setText(
            f"{outcome_label(row.outcome)} · {direction_label(row.direction)} · "
            f"{local_time(row.created)}"
        )
        self.sentence.setText(outcome_sentence(row))
        self.call_back.setText(
            self.tr("Call back")
            if row.outcome is not Outcome.MISSED
            else self.tr("Call back (missed)")
        )
        self.play.setEnabled(row.has_recording)
        self.download.setEnabled(row.has_recording)
        try:
            record = json.loads(raw) if raw else {}
        except ValueError:
            record = {}
        self.raw_view.setPlainText(json.dumps(record, ensure_ascii=False, indent=2))
        self._fill(row, record)

    def _fill(self, row: HistoryRow, record: object) -> None:
        call: Call | None = None
        if row.source == "chamada" and isinstance(record, dict):
            try:
                call = parse_call(record)
            except ValueError:
                call = None
        form = self.call_form
        form.addRow(self.tr("ID"), self._value(row.call_id))
        form.addRow(self.tr("Created"), self._value(local_time(row.created)))
        form.addRow(self.tr("Ramal"), self._value(row.ramal or "—"))
        form.addRow(self.tr("Talk time"), self._value(duration(row.talk_seconds) or "—"))
        form.addRow(self.tr("Total time"), self._value(duration(row.total_seconds) or "—"))
        form.addRow(self.tr("Price"), self._value(brl(row.price) or "—"))
        form.addRow(self.tr("Tags"), self._value(row.tags or "—"))
        rating = "★" * row.rating if row.rating else "—"
        if row.rating_comment:
            rating += f" — {row.rating_comment}"
        form.addRow(self.tr("Rating"), self._value(rating))
        if call is not None:
            form.addRow(self.tr("Status"), self._value(str(call.status_geral or "—")))
            form.addRow(self.tr("Active"), self._value(_yes_no(call.ativa)))
            form.addRow(
                self.tr("Client / account"), self._value(f"{call.cliente_id} / {call.conta_id}")
            )
            form.addRow(self.tr("Origin ramal id"), self._value(str(call.ramal_id_origem or "—")))
            self._leg(self.origin_form, call.origem)
            self._leg(self.destination_form, call.destino)
        else:
            self._leg(
                self.destination_form,
                CallLeg(
                    numero=row.destination,
                    status=row.destination_status or None,
                    duracao_segundos=row.total_seconds,
                    preco=row.price,
                ),
            )
            self.origin_form.addRow(self.tr("Number"), self._value(row.origin))
        partials = partial_recordings(record)
        notes = []
        if not row.has_recording:
            notes.append(self.tr("This call has no recording."))
        if partials:
            notes.append(
                self.tr("Partial recordings:") + " " + ", ".join(p.label for p in partials)
            )
        self.recording_note.setText(" ".join(notes))
        self.recording_note.setVisible(bool(notes))

    def _leg(self, form: QFormLayout, leg: CallLeg) -> None:
        rows = [
            (self.tr("Number"), leg.numero or "—"),
            (self.tr("Type"), str(leg.tipo or "—")),
            (self.tr("Status"), str(leg.status or "—")),
            (self.tr("Started"), local_time(leg.data_inicio) or "—"),
            (self.tr("Duration"), duration(leg.duracao_segundos) or "—"),
            (self.tr("Billed"), duration(leg.duracao_cobrada_segundos) or "—"),
            (self.tr("Talked"), duration(leg.duracao_falada_segundos) or "—"),
            (self.tr("Price"), brl(leg.preco) or "—"),
            (self.tr("Disconnect reason"), leg.motivo_desconexao or "—"),
            (self.tr("Caller ID (BINA)"), leg.bina_origem or leg.bina_destino or "—"),
        ]
        for label, value in rows:
            form.addRow(label, self._value(value))

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            label.textInteractionFlags() | label.textInteractionFlags().TextSelectableByMouse
        )
        return label

    def _emit(self, signal: SignalInstance) -> None:
        if self._row is not None:
            signal.emit(self._row.call_id)

    @Slot()
    def _call_back(self) -> None:
        if self._row is not None and self._row.other_party:
            self.callBackRequested.emit(self._row.other_party)

    @Slot()
    def _copy_number(self) -> None:
        if self._row is not None:
            QGuiApplication.clipboard().setText(self._row.other_party)

    @Slot()
    def _copy_json(self) -> None:
        QGuiApplication.clipboard().setText(self.raw_view.toPlainText())
