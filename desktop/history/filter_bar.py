"""The filter bar: free text, outcome with counts, ramal, minimum talk time, recording."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import name_clear_button, name_combo_box
from desktop.core.outcomes import Outcome
from desktop.history.filters import FilterSpec
from desktop.history.words import outcome_label

__all__ = ["DEBOUNCE_MS", "FilterBar"]

DEBOUNCE_MS = 150
_SHOWN = (
    Outcome.ANSWERED,
    Outcome.MISSED,
    Outcome.REJECTED,
    Outcome.ABANDONED,
    Outcome.FAILED,
    Outcome.ELSEWHERE,
)


class FilterBar(QWidget):
    """Emits ``changed(FilterSpec)`` as the user types (debounced) or clicks."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the controls."""
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search numbers, tags, call id…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search calls"))
        name_clear_button(self.search, self.tr("Clear search"))
        self.ramal = QComboBox(self)
        name_combo_box(self.ramal, self.tr("Ramal"), self)
        self.ramal.addItem(self.tr("All ramais"), "")
        self.min_talk = QSpinBox(self)
        self.min_talk.setRange(0, 36000)
        self.min_talk.setSingleStep(30)
        self.min_talk.setPrefix(self.tr("talk ≥ "))
        self.min_talk.setSuffix(" s")
        self.min_talk.setAccessibleName(self.tr("Minimum talk time in seconds"))
        self.recorded = QCheckBox(self.tr("With recording"), self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.ramal)
        top.addWidget(self.min_talk)
        top.addWidget(self.recorded)

        self.outcomes = QButtonGroup(self)
        self.outcomes.setExclusive(True)
        chips = QHBoxLayout()
        chips.setContentsMargins(0, 0, 0, 0)
        chips.setSpacing(4)
        self.chip_all = self._chip("", chips)
        self.chip_all.setChecked(True)
        self.chips: dict[Outcome, QToolButton] = {o: self._chip(o.value, chips) for o in _SHOWN}
        chips.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(chips)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        self.min_talk.valueChanged.connect(self._timer.start)
        self.ramal.currentIndexChanged.connect(self._emit)
        self.recorded.toggled.connect(self._emit)
        self.outcomes.buttonClicked.connect(self._emit)
        self.set_counts({}, 0)

    def _chip(self, key: str, layout: QHBoxLayout) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(True)
        button.setProperty("outcome", key)
        button.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-radius: 10px; padding: 2px 9px; }"
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.outcomes.addButton(button)
        layout.addWidget(button)
        return button

    def spec(self) -> FilterSpec:
        """The filter the controls describe."""
        checked = self.outcomes.checkedButton()
        key = str(checked.property("outcome") or "") if checked else ""
        return FilterSpec(
            text=self.search.text(),
            outcome=Outcome(key) if key else None,
            ramal=str(self.ramal.currentData() or ""),
            min_talk_seconds=self.min_talk.value(),
            has_recording=self.recorded.isChecked(),
        )

    def set_counts(self, counts: dict[str, int], total: int) -> None:
        """Show how many calls each outcome has under the other filters."""
        self.chip_all.setText(self.tr("All (%1)").replace("%1", str(total)))
        for outcome, button in self.chips.items():
            n = counts.get(outcome.value, 0)
            button.setText(f"{outcome_label(outcome)} ({n})")

    def set_ramais(self, ramais: list[str]) -> None:
        """Offer the ramais present in the data, keeping the current choice."""
        current = str(self.ramal.currentData() or "")
        self.ramal.blockSignals(True)
        while self.ramal.count() > 1:
            self.ramal.removeItem(1)
        for ramal in ramais:
            self.ramal.addItem(ramal, ramal)
        found = self.ramal.findData(current)
        self.ramal.setCurrentIndex(max(0, found))
        self.ramal.blockSignals(False)

    def flush(self) -> None:
        """Apply pending typing now."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    @Slot()
    def _emit(self) -> None:
        self.changed.emit(self.spec())
