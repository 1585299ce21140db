"""Shows the webphone's own page and its health, for when something does not work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.agent.audio_devices import AudioDevices, CallDevicesInfo
from desktop.agent.webphone_like import WebphoneLike


class TroubleshootingDialog(QDialog):
    """A non-modal window around the webphone's view; the provider's frame shows inside.

    While it is open the host page shows the provider's frame (``set_frame_visible``);
    closing it hides the frame again. The view stays parented here when hidden, so the
    page keeps running. It also shows the microphone and speaker calls use (``devices``
    is injectable for tests).
    """

    def __init__(
        self,
        webphone: WebphoneLike,
        parent: QWidget | None = None,
        *,
        devices: AudioDevices | None = None,
    ) -> None:
        super().__init__(parent)
        self._webphone = webphone
        self.setWindowTitle(self.tr("Webphone troubleshooting"))
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(520, 640)
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "This is the provider's webphone as the app runs it. If it asks for the "
                "microphone or shows an error, that is what the app sees. Reconnect loads "
                "it again with a fresh address."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reconnect_button = QPushButton(self.tr("&Reconnect"))
        buttons.addButton(self.reconnect_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reconnect_button.clicked.connect(webphone.reload)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.health)
        layout.addWidget(hint)
        self.call_devices = CallDevicesInfo(devices)
        layout.addWidget(self.call_devices)
        layout.addWidget(webphone.view, 1)
        layout.addWidget(buttons)
        webphone.health_changed.connect(self.set_health)
        self.set_health(webphone.health, "")

    def set_health(self, health: str, reason: str) -> None:
        """Show the webphone's health in words."""
        words = {
            "starting": self.tr("Starting: loading the webphone and connecting."),
            "ok": self.tr("Working."),
            "down": self.tr("Not working: %1").replace("%1", reason or "?"),
        }
        self.health.setText(self.tr("Webphone health: %1").replace("%1", words.get(health, health)))

    def start(self) -> None:
        """Show (without blocking) with the provider's frame visible."""
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: D102
        self._webphone.set_frame_visible(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: D102
        self._webphone.set_frame_visible(False)
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: D102
        self.hide()
        event.ignore()
