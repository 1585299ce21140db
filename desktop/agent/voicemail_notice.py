"""A new voicemail for the agent's ramal, pushed by the relay, with a play button."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

__all__ = ["VoicemailNotice"]


class VoicemailNotice(QFrame):
    """Hidden until :meth:`show_voicemail`; plays the message in the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voicemailNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#voicemailNotice { background: #e3f2fd; }")
        self.url = ""
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.text = QLabel(wordWrap=True)
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.clicked.connect(self.play)
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.play_button)
        row.addWidget(self.close_button)
        self.hide()

    def show_voicemail(self, numero: str, url: str) -> None:
        """Show a new message from ``numero``; ``url`` is its ``url_gravacao``."""
        self.url = url
        self.text.setText(
            self.tr("New voicemail from %1.").replace("%1", numero or self.tr("unknown number"))
        )
        self.play_button.setEnabled(bool(url))
        self.setAccessibleName(self.text.text())
        self.show()

    def play(self) -> None:
        """Stream the message from its URL."""
        if self.url:
            self.player.setSource(QUrl(self.url))
            self.player.play()

    def dismiss(self) -> None:
        """Stop playing and hide."""
        self.player.stop()
        self.hide()
