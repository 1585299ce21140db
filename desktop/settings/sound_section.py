"""The settings' Sound section: which output rings, a test ring, the call's devices."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from desktop.agent.audio_devices import (
    AudioDevices,
    CallDevicesInfo,
    decode_device_id,
    device_id_bytes,
    encode_device_id,
)
from desktop.agent.incoming import RingPlayer, SoundEffectPlayer
from desktop.settings.model import Settings

__all__ = ["TEST_RING_MS", "SoundSection", "apply_ring_settings"]

TEST_RING_MS: Final = 3000


def apply_ring_settings(player: RingPlayer, settings: Settings) -> None:
    """Give ``player`` the ring sound, volume and output of ``settings``."""
    if isinstance(player, SoundEffectPlayer):
        player.configure(
            sound=settings.ring_sound,
            volume=settings.ring_volume,
            device_id=decode_device_id(settings.ring_device),
            also_default=settings.ring_also_default,
        )


class SoundSection(QGroupBox):
    """Chooses the ring's output (remembered even while unplugged) and tests it.

    ``sound`` and ``volume`` read the ring sound and volume being edited, so the test
    ring sounds as the calls will. ``devices`` and ``make_player`` are injectable so
    tests run without sound hardware.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        sound: Callable[[], str],
        volume: Callable[[], int],
        devices: AudioDevices | None = None,
        make_player: Callable[[AudioDevices], SoundEffectPlayer] | None = None,
        test_ms: int = TEST_RING_MS,
        platform: str = sys.platform,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Sound"), parent)
        self.setAccessibleName(self.tr("Sound"))
        self._sound = sound
        self._volume = volume
        self._devices = devices or AudioDevices(self)
        self._make_player = make_player or (lambda d: SoundEffectPlayer(devices=d))
        self._player: SoundEffectPlayer | None = None
        self._remembered = (settings.ring_device, settings.ring_device_name)
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName(self.tr("Ring output"))
        self.device_combo.setToolTip(
            self.tr(
                "Where the ring plays, e.g. the speakers while the call is in the headset. "
                "An output that is not connected is kept: the ring uses the system default "
                "until it is back."
            )
        )
        self.also_default_check = QCheckBox(self.tr("Also ring on the system default output"))
        self.also_default_check.setAccessibleName(self.tr("Also ring on the default output"))
        self.also_default_check.setChecked(settings.ring_also_default)
        self.test_button = QPushButton(self.tr("Test ringer"))
        self.test_button.setAccessibleName(self.tr("Test ringer"))
        self.test_button.clicked.connect(self._test_clicked)
        self._test_timer = QTimer(self, singleShot=True, interval=test_ms)
        self._test_timer.timeout.connect(self.stop_test)
        self.call_devices = CallDevicesInfo(self._devices, platform=platform)
        row = QHBoxLayout()
        row.addWidget(self.device_combo, 1)
        row.addWidget(self.test_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Ring on:"), row)
        form.addRow(self.also_default_check)
        form.addRow(self.call_devices)
        self._fill(settings.ring_device)
        self.device_combo.currentIndexChanged.connect(self._chosen)
        self._devices.changed.connect(self._devices_changed)

    def ring_device(self) -> tuple[str, str]:
        """The chosen output as settings keep it: (base64 id, name); ``("", "")`` default."""
        data = self.device_combo.currentData()
        if not isinstance(data, str) or not data:
            return "", ""
        found = self._devices.find_output(decode_device_id(data))
        if found is not None:
            return data, found.description()
        return self._remembered if data == self._remembered[0] else (data, "")

    def also_default(self) -> bool:
        """Ring on the default output too."""
        return self.also_default_check.isChecked()

    @property
    def testing(self) -> bool:
        """True while the test ring plays."""
        return self._player is not None and self._player.is_playing()

    def start_test(self) -> None:
        """Ring for a few seconds on the chosen output with the edited sound and volume."""
        if self._player is None:
            self._player = self._make_player(self._devices)
        device_id, _ = self.ring_device()
        self._player.configure(
            sound=self._sound(),
            volume=self._volume(),
            device_id=decode_device_id(device_id),
            also_default=self.also_default(),
        )
        self._player.play()
        self._test_timer.start()
        self.test_button.setText(self.tr("Stop"))
        self.test_button.setAccessibleName(self.tr("Stop the test ring"))

    def stop_test(self) -> None:
        """Silence the test ring."""
        self._test_timer.stop()
        if self._player is not None:
            self._player.stop()
        self.test_button.setText(self.tr("Test ringer"))
        self.test_button.setAccessibleName(self.tr("Test ringer"))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: D102
        self.stop_test()  # the dialog closed or another tab is shown
        super().hideEvent(event)

    def _test_clicked(self) -> None:
        if self.testing:
            self.stop_test()
        else:
            self.start_test()

    def _chosen(self) -> None:
        # Remember the name too, so the choice survives being unplugged while open.
        device_id, name = self.ring_device()
        if device_id:
            self._remembered = (device_id, name)

    def _devices_changed(self) -> None:
        # The test ring's player follows the devices by itself; only the list changes.
        current = self.device_combo.currentData()
        self._fill(current if isinstance(current, str) else "")

    def _fill(self, selected: str) -> None:
        combo = self.device_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("System default"), "")
        for device in self._devices.outputs():
            combo.addItem(device.description(), encode_device_id(device_id_bytes(device)))
        remembered_id, remembered_name = self._remembered
        if remembered_id and combo.findData(remembered_id) < 0:
            name = remembered_name or self.tr("Unnamed output")
            combo.addItem(self.tr("%1 (not connected)").replace("%1", name), remembered_id)
        index = combo.findData(selected)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
