"""Render Settings → Audio (ring output, call devices, headset) and Settings → Global
shortcuts to docs/screenshots/, in Portuguese, with fake sound devices and a fake headset.

.venv/bin/python tests/settings/make_settings_screenshots.py
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "headset"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from agent.agent_fakes import FakeClock, FakeWebphone
from audio_fakes import FakeDevice, FakeMachine
from descriptors import ABSOLUTE_HOOK
from hid_fakes import FakeBackend, FakeHidDevice
from PySide6.QtWidgets import QApplication

from desktop.agent.controller import AgentController
from desktop.agent.headset_link import HeadsetLink
from desktop.i18n import install_translator
from desktop.settings import Settings
from desktop.settings.settings_dialog import SettingsDialog

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def render(app: QApplication) -> None:
    speakers = FakeDevice(b"alsa_output.pci.analog-stereo", "Alto-falantes (áudio interno)")
    headset_out = FakeDevice(b"alsa_output.usb-Jabra_Evolve2_40", "Jabra Evolve2 40 Estéreo")
    machine = FakeMachine(headset_out, speakers)
    machine.microphone = FakeDevice(b"mic", "Jabra Evolve2 40 Mono")
    phone = FakeWebphone()
    controller = AgentController(phone, clock=FakeClock(), tick_ms=3_600_000)
    backend = FakeBackend()
    backend.plug(b"/dev/hidraw3", FakeHidDevice(ABSOLUTE_HOOK), product="Evolve2 40")
    link = HeadsetLink(controller, backend=backend, poll_seconds=3600)
    link.set_enabled(True)
    await link.manager.rescan()
    settings = Settings(ring_device="YWxzYV9vdXRwdXQucGNpLmFuYWxvZy1zdGVyZW8=")
    dialog = SettingsDialog(settings, audio_devices=machine.devices, headset=link)
    dialog.resize(760, 470)
    dialog.show()
    for index, name in (
        (1, "settings-audio.png"),
        (dialog.tabs.count() - 1, "settings-shortcuts.png"),
    ):
        dialog.tabs.setCurrentIndex(index)
        await asyncio.sleep(0.3)
        app.processEvents()
        dialog.grab().save(str(OUT / name))
        print(OUT / name)
    dialog.close()
    await link.aclose()
    controller.shutdown()


def main() -> None:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    install_translator(app, "pt_BR")
    loop = qasync.QEventLoop(app)
    with loop:
        loop.run_until_complete(render(app))


if __name__ == "__main__":
    main()
