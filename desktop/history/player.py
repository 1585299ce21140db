"""A small recording player: play/pause, seek bar, speed 1×/1.5×/2×, volume."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from desktop.accessibility import name_combo_box
from desktop.history.formatting import clock

__all__ = ["RecordingPlayer"]

SPEEDS = (1.0, 1.5, 2.0)


class RecordingPlayer(QWidget):
    """Plays a downloaded recording file (streamed from disk by QMediaPlayer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the controls; nothing is loaded yet."""
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.audio.setVolume(0.8)

        self.play_button = QToolButton(self)
        self.play_button.setAutoRaise(True)
        self.play_button.setToolTip(self.tr("Play / pause"))
        self.play_button.clicked.connect(self.toggle)
        self.seek = QSlider(Qt.Orientation.Horizontal, self)
        self.seek.setAccessibleName(self.tr("Position"))
        self.seek.sliderMoved.connect(self.player.setPosition)
        self.time_label = QLabel("0:00 / 0:00", self)
        self.speed = QComboBox(self)
        name_combo_box(self.speed, self.tr("Speed"), self)
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(80)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        volume_icon = QLabel(self)
        volume_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(16, 16)
        )

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        row.addWidget(self.seek, 1)
        row.addWidget(self.time_label)
        row.addWidget(self.speed)
        row.addWidget(volume_icon)
        row.addWidget(self.volume)

        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(self._update_button)
        self._update_button()
        self.setEnabled(False)

    def load(self, path: Path) -> None:
        """Open a file (does not start playing)."""
        self.player.stop()
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.setEnabled(True)

    def unload(self) -> None:
        """Stop and forget the file."""
        self.player.stop()
        self.player.setSource(QUrl())
        self.seek.setValue(0)
        self.time_label.setText("0:00 / 0:00")
        self.setEnabled(False)

    @Slot()
    def toggle(self) -> None:
        """Play or pause."""
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    @Slot(int)
    def _speed_changed(self, index: int) -> None:
        self.player.setPlaybackRate(float(self.speed.itemData(index)))

    @Slot("qlonglong")
    def _duration_changed(self, ms: int) -> None:
        self.seek.setRange(0, int(ms))
        self._position_changed(self.player.position())

    @Slot("qlonglong")
    def _position_changed(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.setValue(int(ms))
        self.time_label.setText(f"{clock(int(ms))} / {clock(int(self.player.duration()))}")

    @Slot()
    def _update_button(self) -> None:
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        pixmap = QStyle.StandardPixmap
        icon = pixmap.SP_MediaPause if playing else pixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setAccessibleName(self.tr("Pause") if playing else self.tr("Play"))
