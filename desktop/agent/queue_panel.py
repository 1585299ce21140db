"""Queues: membership, pauses with their reasons and timers, and "pause after this call"."""

from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import name_combo_box
from desktop.agent.actions import ActionButton
from desktop.agent.pause_log import PauseLog
from desktop.agent.preferences import PauseReason
from desktop.agent.state import ALL_QUEUES, AgentSnapshot, AgentState
from desktop.agent.theme import AMBER, GREEN, MUTED_TEXT, icon
from desktop.agent.words import duration, reason_with_limit, reason_words

_OFFLINE = (AgentState.DISCONNECTED, AgentState.CONNECTING)


class QueuePanel(QFrame):
    """Lists the agent's queues (from the preferences and those joined by id).

    Pausing asks for a reason first (a menu of the configured reasons). Requests go
    out as signals; what shows comes only from snapshots and the pause log.
    """

    join_requested = Signal(str)
    leave_requested = Signal(str)
    pause_requested = Signal(str, object)  # filaId ("" for every queue), PauseReason
    unpause_requested = Signal(str)  # filaId ("" for every queue)
    pause_after_call_toggled = Signal(bool)

    def __init__(
        self,
        queue_ids: tuple[str, ...],
        reasons: tuple[PauseReason, ...],
        pause_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._configured = tuple(queue_ids)
        self._reasons = reasons
        self._snap = AgentSnapshot()
        self._log = PauseLog()
        self._rows: list[str] = []
        self._status_items: list[QTableWidgetItem] = []
        self._timer_items: list[QTableWidgetItem] = []
        self.reason_menu = QMenu(self)
        self.reason_menu.setAccessibleName(self.tr("Why are you pausing?"))
        self.reason_menu.aboutToHide.connect(self._menu_closing)
        self._reason_target = ""
        self._reason_anchor: QWidget | None = None

        title = QLabel(self.tr("QUEUES"))
        title.setObjectName("cardTitle")
        self.pause_status = QLabel()
        self.pause_status.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.pause_timer = QLabel()
        self.pause_timer.setStyleSheet(f"font-size: 16pt; color: {AMBER};")
        self.pause_all_button = ActionButton(pause_action, self.tr("Pause…"))
        self.pause_all_button.setIcon(pause_action.icon())
        self.after_call = QCheckBox(self.tr("Pause after this call"))
        self.after_call.setAccessibleDescription(
            self.tr("When the current call ends, pause with the reason chosen beside")
        )
        self.after_call.toggled.connect(self.pause_after_call_toggled)
        self.after_call_reason = QComboBox()
        name_combo_box(self.after_call_reason, self.tr("Reason of the pause after the call"), self)
        self.after_call_reason.setAccessibleDescription(
            self.tr("Reason of the pause after the call")
        )

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Queue"), self.tr("Status"), self.tr("Paused for"), ""]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setAccessibleName(self.tr("Queues"))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(40)

        self.join_field = QLineEdit()
        self.join_field.setPlaceholderText(self.tr("Queue id"))
        self.join_field.setAccessibleName(self.tr("Queue to join"))
        self.join_field.setAccessibleDescription(self.tr("Type a queue id and press Enter"))
        self.join_field.setMaxLength(64)
        self.join_field.returnPressed.connect(self._join_typed)
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.clicked.connect(self._join_typed)

        status_row = QHBoxLayout()
        status_col = QVBoxLayout()
        status_col.setSpacing(0)
        status_col.addWidget(self.pause_status)
        status_col.addWidget(self.pause_timer)
        status_row.addLayout(status_col, 1)
        status_row.addWidget(self.pause_all_button, 0, Qt.AlignmentFlag.AlignVCenter)
        after_row = QHBoxLayout()
        after_row.addWidget(self.after_call)
        after_row.addWidget(self.after_call_reason, 1)
        join_row = QHBoxLayout()
        join_row.addWidget(self.join_field, 1)
        join_row.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(status_row)
        layout.addLayout(after_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(join_row)
        self.set_preferences(queue_ids, reasons)

    def set_preferences(self, queue_ids: tuple[str, ...], reasons: tuple[PauseReason, ...]) -> None:
        """Show these queues (plus any joined) and offer these pause reasons."""
        self._configured = tuple(queue_ids)
        self._reasons = reasons
        self.after_call_reason.clear()
        for reason in reasons:
            self.after_call_reason.addItem(reason_with_limit(reason), reason)
        self.set_snapshot(self._snap, self._log, datetime.now().astimezone())

    # --- requests ------------------------------------------------------------------

    def choose_reason(self, fila_id: str, anchor: QWidget | None = None) -> None:
        """Pop up the reasons; picking one asks to pause ``fila_id`` ("" for all)."""
        self._reason_target = fila_id
        self.reason_menu.clear()
        heading = self.reason_menu.addAction(self.tr("Why are you pausing?"))
        heading.setEnabled(False)
        for reason in self._reasons:
            action = self.reason_menu.addAction(reason_with_limit(reason))
            action.setData(reason)
            action.triggered.connect(lambda _c=False, r=reason: self._reason_chosen(r))
        widget = anchor or self.pause_all_button
        self._reason_anchor = widget
        self.reason_menu.popup(widget.mapToGlobal(QPoint(0, widget.height())))

    def _menu_closing(self) -> None:
        # Keyboard users carry on from the button that opened the menu, once it is gone.
        QTimer.singleShot(0, self._focus_anchor)

    def _focus_anchor(self) -> None:
        anchor, self._reason_anchor = self._reason_anchor, None
        if anchor is not None and anchor.isVisible() and anchor.isEnabled():
            anchor.window().activateWindow()
            anchor.setFocus(Qt.FocusReason.PopupFocusReason)

    def _reason_chosen(self, reason: PauseReason) -> None:
        self.pause_requested.emit(self._reason_target, reason)

    def selected_after_call_reason(self) -> PauseReason:
        """The reason chosen for the pause after the call."""
        data = self.after_call_reason.currentData()
        return data if isinstance(data, PauseReason) else self._reasons[0]

    def set_pause_after_call(self, on: bool) -> None:
        """Show whether a pause is queued for the end of the call."""
        self.after_call.blockSignals(True)
        self.after_call.setChecked(on)
        self.after_call.blockSignals(False)

    def _join_typed(self) -> None:
        fila_id = self.join_field.text().strip()
        if fila_id:
            self.join_requested.emit(fila_id)
            self.join_field.clear()

    # --- display -------------------------------------------------------------------

    def queue_ids(self) -> list[str]:
        """The rows shown: configured queues first, then the others joined."""
        joined = [q.fila_id for q in self._snap.queues]
        return list(self._configured) + sorted(set(joined) - set(self._configured))

    def set_snapshot(self, snap: AgentSnapshot, log: PauseLog, now: datetime) -> None:
        """Show memberships and pauses from ``snap`` and their reasons from ``log``."""
        self._snap, self._log = snap, log
        online = snap.state not in _OFFLINE
        ids = self.queue_ids()
        if ids != self._rows:
            self._rebuild(ids)
        for row, fila_id in enumerate(ids):
            member = snap.queue(fila_id)
            paused = member is not None and (
                member.paused_since is not None or snap.paused_all_since is not None
            )
            join = self._button(row, "join")
            join.setText(self.tr("Leave") if member else self.tr("Join"))
            join.setAccessibleName(
                (self.tr("Leave queue %1") if member else self.tr("Join queue %1")).replace(
                    "%1", fila_id
                )
            )
            join.setEnabled(online)
            pause = self._button(row, "pause")
            pause.setText(self.tr("Resume") if paused else self.tr("Pause…"))
            pause.setAccessibleName(
                (self.tr("Resume queue %1") if paused else self.tr("Pause queue %1")).replace(
                    "%1", fila_id
                )
            )
            pause.setEnabled(online and member is not None)
        self.join_button.setEnabled(online)
        self.join_field.setEnabled(online)
        self.after_call.setEnabled(online)
        self.pause_all_button.setText(self.tr("Resume work") if snap.paused else self.tr("Pause…"))
        self.pause_all_button.setIcon(icon("play" if snap.paused else "pause"))
        self.set_now(now)

    def _rebuild(self, ids: list[str]) -> None:
        self._rows = ids
        self._status_items = [QTableWidgetItem() for _ in ids]
        self._timer_items = [QTableWidgetItem() for _ in ids]
        self.table.setRowCount(len(ids))
        for row, fila_id in enumerate(ids):
            self.table.setItem(row, 0, QTableWidgetItem(fila_id))
            self.table.setItem(row, 1, self._status_items[row])
            self.table.setItem(row, 2, self._timer_items[row])
            cell = QWidget()
            box = QHBoxLayout(cell)
            box.setContentsMargins(4, 2, 4, 2)
            box.setSpacing(6)
            for name in ("join", "pause"):
                button = QPushButton()
                button.setObjectName(name)
                button.setStyleSheet("padding: 3px 10px;")
                button.clicked.connect(lambda _c=False, f=fila_id, n=name: self._row_clicked(f, n))
                box.addWidget(button)
            self.table.setCellWidget(row, 3, cell)
        self._order_focus()

    def _order_focus(self) -> None:
        # Row buttons are made after the field below the table: Tab must still go down.
        chain = self.focus_chain
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    @property
    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in the order Tab visits them."""
        chain: list[QWidget] = [self.pause_all_button, self.after_call, self.after_call_reason]
        for row in range(len(self._rows)):
            chain += [self._button(row, "join"), self._button(row, "pause")]
        return [*chain, self.join_field, self.join_button]

    def _button(self, row: int, name: str) -> QPushButton:
        cell = self.table.cellWidget(row, 3)
        button = cell.findChild(QPushButton, name)
        assert button is not None
        return button

    def row_button(self, fila_id: str, name: str) -> QPushButton:
        """The ``join`` or ``pause`` button of ``fila_id``'s row."""
        return self._button(self._rows.index(fila_id), name)

    def _row_clicked(self, fila_id: str, name: str) -> None:
        member = self._snap.queue(fila_id)
        if name == "join":
            (self.leave_requested if member else self.join_requested).emit(fila_id)
        elif member is not None and (member.paused_since or self._snap.paused_all_since):
            self.unpause_requested.emit(fila_id)
        else:
            self.choose_reason(fila_id, self.row_button(fila_id, "pause"))

    def set_now(self, now: datetime) -> None:
        """Refresh the pause timers (called every second)."""
        snap = self._snap
        all_since = snap.paused_all_since
        if all_since is not None:
            entry = self._log.current(ALL_QUEUES)
            reason = reason_words(entry.reason) if entry else ""
            self.pause_status.setText(self.tr("Paused: %1").replace("%1", reason).rstrip(": "))
            self.pause_status.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {AMBER};")
            self.pause_timer.setText(duration(int((now - all_since).total_seconds())))
            self.pause_timer.show()
        else:
            working = bool(snap.queues) and snap.state not in _OFFLINE
            self.pause_status.setText(
                self.tr("Taking calls") if working else self.tr("Not in any queue")
            )
            colour = GREEN if working else MUTED_TEXT
            self.pause_status.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {colour};")
            self.pause_timer.hide()
        for row, fila_id in enumerate(self._rows):
            member = snap.queue(fila_id)
            since = None
            if member is not None:
                since = member.paused_since or all_since
            status, colour = self.tr("Not in queue"), MUTED_TEXT
            if member is not None and since is None:
                status, colour = self.tr("Available"), GREEN
            elif member is not None:
                entry = self._log.current(fila_id if member.paused_since else ALL_QUEUES)
                status = self.tr("Paused")
                if entry is not None:
                    status += f" · {reason_words(entry.reason)}"
                colour = AMBER
            self._status_items[row].setText(status)
            self._status_items[row].setForeground(QColor(colour))
            timer = "" if since is None else duration(int((now - since).total_seconds()))
            self._timer_items[row].setText(timer)
