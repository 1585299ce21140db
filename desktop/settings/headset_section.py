"""The Headset section of the settings: use it or not, which ones are in use, test lights."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.agent.headset_link import HeadsetLink

__all__ = ["HeadsetSection"]


class HeadsetSection(QGroupBox):
    """Edits ``headset_enabled``; shows the headsets of ``headset`` (None: no phone open)."""

    def __init__(self, enabled: bool, headset: HeadsetLink | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Headset"))
        self._headset = headset
        self.use_check = QCheckBox(self.tr("Use the call buttons and lights of a USB headset"))
        self.use_check.setAccessibleName(self.tr("Use a USB headset"))
        self.use_check.setChecked(enabled)
        self.devices_label = QLabel(wordWrap=True)
        self.devices_label.setAccessibleName(self.tr("Headsets detected"))
        self.test_button = QPushButton(self.tr("Test lights"))
        self.test_button.setAccessibleName(self.tr("Test the headset's lights"))
        self.test_button.setToolTip(
            self.tr("Lights every indicator of the headset for two seconds.")
        )
        self.test_button.clicked.connect(self._test)
        self.result_label = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.result_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.use_check)
        layout.addWidget(self.devices_label)
        layout.addLayout(row)
        if headset is not None:
            headset.devices_changed.connect(self._show_devices)
        self._show_devices()

    def use_headset(self) -> bool:
        """The choice made here."""
        return self.use_check.isChecked()

    def _show_devices(self) -> None:
        names = self._headset.device_names if self._headset is not None else []
        if self._headset is None:
            text = self.tr("Headsets are looked for while the phone is open.")
        elif names:
            text = self.tr("In use: %1").replace("%1", ", ".join(names))
        elif self._headset.enabled:
            text = self.tr("No headset with call buttons found. Plug one in: it shows up here.")
        else:
            text = self.tr("Headsets are not used.")
        self.devices_label.setText(text)
        self.test_button.setEnabled(bool(names))

    def _test(self) -> None:
        if self._headset is not None and self._headset.test_lights():
            self.result_label.setText(self.tr("Every light of the headset should be on now."))
        else:
            self.result_label.setText(self.tr("No headset to test."))
