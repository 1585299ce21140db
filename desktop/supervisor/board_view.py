"""The live board view: filters, the ramal table, the live calls table and call actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import name_clear_button, name_combo_box
from desktop.core.board import LiveCall, RamalLive, RamalState
from desktop.supervisor.actions import ActionKind
from desktop.supervisor.board_model import BoardColumn, BoardFilter, BoardModel, state_text
from desktop.supervisor.calls_model import CallColumn, CallsModel

__all__ = ["BoardView"]


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setHighlightSections(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between rows
    return view


class BoardView(QWidget):
    """Lays out the board; the panel wires models and actions."""

    actionRequested = Signal(object, object)  # ActionKind, LiveCall
    acknowledgeRequested = Signal(object)  # RamalLive whose raised hand the supervisor saw

    def __init__(self, board: BoardModel, calls: CallsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.calls = calls
        self.proxy = BoardFilter(self)
        self.proxy.setSourceModel(board)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("SupervisorBoard", "Ramal or login")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self.search.textChanged.connect(self.proxy.set_text)
        self.tag = QComboBox()
        self.tag.setMinimumWidth(140)
        self.tag.addItem(QCoreApplication.translate("SupervisorBoard", "All tags"), "")
        self.tag.currentIndexChanged.connect(self._tag_chosen)
        self.state = QComboBox()
        self.state.addItem(QCoreApplication.translate("SupervisorBoard", "All states"), None)
        self.state.addItem(
            QCoreApplication.translate("SupervisorBoard", "In call or ringing"), "busy"
        )
        for state in RamalState:
            self.state.addItem(state_text(state), int(state))
        self.state.currentIndexChanged.connect(self._state_chosen)
        self.sort = QComboBox()
        self.sort.addItem(
            QCoreApplication.translate("SupervisorBoard", "Sort by state"), int(BoardColumn.STATE)
        )
        self.sort.addItem(
            QCoreApplication.translate("SupervisorBoard", "Sort by time in state"),
            int(BoardColumn.TIME),
        )
        self.sort.addItem(
            QCoreApplication.translate("SupervisorBoard", "Sort by ramal"), int(BoardColumn.RAMAL)
        )
        self.sort.currentIndexChanged.connect(self._sort_chosen)
        self.search.setAccessibleName(
            QCoreApplication.translate("SupervisorBoard", "Filter by ramal or login")
        )
        name_clear_button(
            self.search, QCoreApplication.translate("SupervisorBoard", "Clear filter")
        )
        name_combo_box(self.tag, QCoreApplication.translate("SupervisorBoard", "Tag"), self)
        name_combo_box(self.state, QCoreApplication.translate("SupervisorBoard", "State"), self)
        name_combo_box(self.sort, QCoreApplication.translate("SupervisorBoard", "Sort order"), self)
        filter_label = QLabel(QCoreApplication.translate("SupervisorBoard", "Filter:"))
        filter_label.setBuddy(self.search)
        bar.addWidget(filter_label)
        bar.addWidget(self.search)
        bar.addWidget(self.tag)
        bar.addWidget(self.state)
        bar.addWidget(self.sort)
        # Raised hands come through the relay only: hidden while the board is polled.
        self.acknowledge = QPushButton(
            QCoreApplication.translate("SupervisorBoard", "Acknowledge raised hand")
        )
        self.acknowledge.setObjectName("acknowledgeHand")
        self.acknowledge.setToolTip(
            QCoreApplication.translate(
                "SupervisorBoard", "Tell the agent of the selected ramal that you saw the request"
            )
        )
        self.acknowledge.setEnabled(False)
        self.acknowledge.clicked.connect(self._acknowledge)
        bar.addWidget(self.acknowledge)
        bar.addStretch(1)
        self.feed_status = QLabel()
        self.feed_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.feed_status)
        self.feed_mode = QLabel()
        self.feed_mode.setObjectName("feedMode")
        bar.addWidget(self.feed_mode)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.board_table = _table(board)
        self.board_table.setModel(self.proxy)
        self.board_table.setSortingEnabled(True)
        self.board_table.setAccessibleName(
            QCoreApplication.translate("SupervisorBoard", "Ramais and their state")
        )
        header = self.board_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = (70, 240, 110, 150, 130, 100, 60, 75, 80, 105, 230)
        for column, width in zip(BoardColumn, widths, strict=True):
            self.board_table.setColumnWidth(column, width)
        header.setSectionResizeMode(int(BoardColumn.LOGIN), QHeaderView.ResizeMode.Stretch)
        self.board_table.sortByColumn(int(BoardColumn.STATE), Qt.SortOrder.AscendingOrder)
        self.board_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.board_table.customContextMenuRequested.connect(self._board_menu)
        splitter.addWidget(self.board_table)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        actions = QHBoxLayout()
        self.calls_title = QLabel()
        actions.addWidget(self.calls_title)
        actions.addStretch(1)
        self.buttons: dict[ActionKind, QPushButton] = {}
        labels = {
            ActionKind.LISTEN: QCoreApplication.translate("SupervisorBoard", "Listen"),
            ActionKind.WHISPER: QCoreApplication.translate("SupervisorBoard", "Whisper"),
            ActionKind.BARGE: QCoreApplication.translate("SupervisorBoard", "Barge in"),
            ActionKind.TRANSFER: QCoreApplication.translate("SupervisorBoard", "Transfer…"),
            ActionKind.HANGUP: QCoreApplication.translate("SupervisorBoard", "Hang up…"),
        }
        for kind, label in labels.items():
            button = QPushButton(label)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=kind: self._request(k))
            actions.addWidget(button)
            self.buttons[kind] = button
        lower_layout.addLayout(actions)
        self.calls_table = _table(calls)
        self.calls_table.setModel(calls)
        self.calls_table.setAccessibleName(
            QCoreApplication.translate("SupervisorBoard", "Calls in progress")
        )
        call_widths = (90, 130, 130, 70, 90, 110, 120, 80)
        for call_column, width in zip(CallColumn, call_widths, strict=True):
            self.calls_table.setColumnWidth(call_column, width)
        self.calls_table.horizontalHeader().setStretchLastSection(True)
        self.calls_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.calls_table.doubleClicked.connect(lambda _index: self._request(ActionKind.LISTEN))
        lower_layout.addWidget(self.calls_table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.source_hint = QLabel()
        self.set_pushed(False)
        self.source_hint.setWordWrap(True)
        self.source_hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.source_hint)
        self.board_table.selectionModel().selectionChanged.connect(self._board_selected)
        board.dataChanged.connect(self._hand_changed)
        # A row reached with the keyboard is current before it is selected: follow it too.
        self.board_table.selectionModel().currentRowChanged.connect(self._board_selected)
        calls.rowsInserted.connect(self._calls_changed)
        calls.rowsRemoved.connect(self._calls_changed)
        board.rowsInserted.connect(self._refresh_tags)
        self._calls_changed()

    def selected_call(self) -> LiveCall | None:
        """The live call selected in the lower table."""
        rows = self.calls_table.selectionModel().selectedRows()
        return self.calls.call_at(rows[0].row()) if rows else None

    def select_call(self, call_id: int | str) -> bool:
        """Select a live call by id."""
        for row, call in enumerate(self.calls.calls()):
            if call.id == call_id:
                self.calls_table.selectionModel().select(
                    self.calls.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _request(self, kind: ActionKind) -> None:
        call = self.selected_call()
        if call is not None:
            self.actionRequested.emit(kind, call)

    def _selection_changed(self) -> None:
        has_call = self.selected_call() is not None
        for button in self.buttons.values():
            button.setEnabled(has_call)

    def selected_ramal(self) -> RamalLive | None:
        """The ramal selected in the board."""
        rows = self.board_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.board.row_at(self.proxy.mapToSource(rows[0]).row())

    def _hand_changed(self) -> None:
        ramal = self.selected_ramal()
        self.acknowledge.setEnabled(ramal is not None and ramal.hand_waiting)

    def _acknowledge(self) -> None:
        ramal = self.selected_ramal()
        if ramal is not None and ramal.hand_waiting:
            self.acknowledgeRequested.emit(ramal)

    def _board_menu(self, point: QPoint) -> None:
        if not self.acknowledge.isVisible():
            return
        index = self.board_table.indexAt(point)
        if not index.isValid():
            return
        ramal = self.board.row_at(self.proxy.mapToSource(index).row())
        menu = QMenu(self)
        action = menu.addAction(self.acknowledge.text())
        action.setEnabled(ramal.hand_waiting)
        action.triggered.connect(lambda: self.acknowledgeRequested.emit(ramal))
        menu.popup(self.board_table.viewport().mapToGlobal(point))

    def set_pushed(self, pushed: bool, *, relay_away: bool = False) -> None:
        """Explain where the state comes from: the relay's board, or derived from reports.

        ``relay_away``: the console follows a relay that cannot be reached now, so what
        only the relay carries (raised hands, who is coaching) is missing until it returns.
        """
        self.acknowledge.setVisible(pushed)
        self.board_table.setColumnHidden(int(BoardColumn.HAND), not pushed)
        if pushed:
            text = QCoreApplication.translate(
                "SupervisorBoard",
                "State comes from the relay as the provider reports each change; pauses from "
                "the agents' phones at once, and the relay's polling; 'No activity today' means "
                "no change was seen.",
            )
        else:
            text = QCoreApplication.translate(
                "SupervisorBoard",
                "State is derived: live calls come from today's call report, pauses from each "
                "ramal's pause report; 'No activity today' means no call or pause was seen.",
            )
        if relay_away and not pushed:
            text += " " + QCoreApplication.translate(
                "SupervisorBoard",
                "The relay cannot be reached: raised hands and who is coaching are not shown "
                "until it answers again.",
            )
        self.source_hint.setText(text)

    def _board_selected(self) -> None:
        self._hand_changed()
        rows = self.board_table.selectionModel().selectedRows()
        index = rows[0] if rows else self.board_table.currentIndex()
        if not index.isValid():
            return
        source = self.proxy.mapToSource(index)
        ramal = self.board.row_at(source.row())
        if ramal.call_id is not None:
            self.select_call(ramal.call_id)

    def _calls_changed(self) -> None:
        self.calls_title.setText(
            QCoreApplication.translate("SupervisorBoard", "Calls in progress: {count}").format(
                count=self.calls.rowCount()
            )
        )
        self._selection_changed()

    def _refresh_tags(self) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(QCoreApplication.translate("SupervisorBoard", "All tags"), "")
        for tag in self.board.tags():
            self.tag.addItem(tag, tag)
        found = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, found))
        self.tag.blockSignals(False)

    def _tag_chosen(self) -> None:
        self.proxy.set_tag(str(self.tag.currentData() or ""))

    def _state_chosen(self) -> None:
        data = self.state.currentData()
        if data == "busy":
            self.proxy.set_states((RamalState.TALKING, RamalState.RINGING))
        elif isinstance(data, int):
            self.proxy.set_states((RamalState(data),))
        else:
            self.proxy.set_states(())

    def _sort_chosen(self) -> None:
        column = int(self.sort.currentData())
        order = (
            Qt.SortOrder.DescendingOrder
            if column == int(BoardColumn.TIME)
            else Qt.SortOrder.AscendingOrder
        )
        self.board_table.sortByColumn(column, order)
