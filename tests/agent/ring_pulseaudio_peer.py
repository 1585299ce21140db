"""The ring player in a process of its own, against a PulseAudio with two null sinks.

Usage: python ring_pulseaudio_peer.py CHOSEN_SINK OTHER_SINK_MODULE

QtMultimedia connects to PulseAudio once per process, so the test starts this with
``PULSE_RUNTIME_PATH`` pointing at its own server. It rings on ``CHOSEN_SINK`` and asks
``pactl`` which sink its stream is really on, then unloads ``OTHER_SINK_MODULE`` (the
chosen sink) while ringing and asks again; it prints one line of JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from desktop.agent.audio_devices import AudioDevices, device_id_bytes
from desktop.agent.incoming import SoundEffectPlayer

WAIT_S = 30.0


def _pactl_json(*args: str) -> list[dict[str, object]]:
    out = subprocess.run(
        ["pactl", "--format=json", *args], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out) if out.strip() else []


def _our_sinks() -> list[str]:
    """The sinks this process's streams play on, by name."""
    names = {sink["index"]: sink["name"] for sink in _pactl_json("list", "sinks")}
    pid = str(os.getpid())
    return sorted(
        str(names.get(stream["sink"], "?"))
        for stream in _pactl_json("list", "sink-inputs")
        if isinstance(stream.get("properties"), dict)
        and stream["properties"].get("application.process.id") == pid
        and not stream.get("corked", False)
    )


def _wait(app: QApplication, done: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        app.processEvents()
        if done():
            return True
        time.sleep(0.05)
    return False


def main() -> None:
    chosen, chosen_module = sys.argv[1], sys.argv[2]
    app = QApplication([])
    devices = AudioDevices()
    report: dict[str, object] = {}
    _wait(app, lambda: len(devices.outputs()) >= 2)
    report["outputs"] = sorted(device_id_bytes(d).decode() for d in devices.outputs())
    report["default"] = device_id_bytes(devices.default_output()).decode()
    player = SoundEffectPlayer(devices=devices)
    player.configure(device_id=chosen.encode())
    player.play()
    _wait(app, lambda: _our_sinks() == [chosen])
    report["ringing_on"] = _our_sinks()
    subprocess.run(["pactl", "unload-module", chosen_module], check=True)
    _wait(app, lambda: _our_sinks() == [report["default"]])
    report["after_unplug"] = _our_sinks()
    report["still_ringing"] = player.is_playing()
    player.stop()
    _wait(app, lambda: not _our_sinks())
    report["after_stop"] = _our_sinks()
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
