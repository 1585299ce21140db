"""The ring really plays on the chosen output: a PulseAudio server with two null sinks.

Skipped where ``pulseaudio`` or ``pactl`` is missing (``scripts/bootstrap.sh`` installs
them on Debian).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PEER = Path(__file__).with_name("ring_pulseaudio_peer.py")
START_WAIT_S = 30.0

pytestmark = pytest.mark.skipif(
    shutil.which("pulseaudio") is None or shutil.which("pactl") is None,
    reason="needs pulseaudio and pactl",
)


@pytest.fixture
def pulse_env() -> Iterator[dict[str, str]]:
    # A short private directory: the server's socket path must stay under 108 bytes.
    runtime = tempfile.mkdtemp(prefix="pa")
    env = dict(os.environ)
    env.update(PULSE_RUNTIME_PATH=runtime, XDG_RUNTIME_DIR=runtime, HOME=runtime)
    env.pop("PULSE_SERVER", None)
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "-F",
            "/dev/null",
            "--load=module-native-protocol-unix",
            "--load=module-null-sink sink_name=ring_speakers "
            "sink_properties=device.description=Speakers",
            "--load=module-null-sink sink_name=ring_headset "
            "sink_properties=device.description=Headset",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_WAIT_S
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip("pulseaudio did not start here")
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-sink", "ring_speakers"], env=env, check=True)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(runtime, ignore_errors=True)


def _module_of(sink: str, env: dict[str, str]) -> str:
    out = subprocess.run(
        ["pactl", "list", "short", "modules"], env=env, capture_output=True, text=True, check=True
    ).stdout
    return next(
        line.split("\t")[0]
        for line in out.splitlines()
        if "module-null-sink" in line and f"sink_name={sink}" in line
    )


def test_the_ring_plays_on_the_chosen_sink_and_moves_when_it_goes(
    pulse_env: dict[str, str],
) -> None:
    env = dict(pulse_env)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    proc = subprocess.run(
        [sys.executable, str(PEER), "ring_headset", _module_of("ring_headset", pulse_env)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["outputs"] == ["ring_headset", "ring_speakers"]
    assert report["default"] == "ring_speakers"
    assert report["ringing_on"] == ["ring_headset"]  # not the default
    assert report["after_unplug"] == ["ring_speakers"]  # unplugged: the default rings
    assert report["still_ringing"] is True
    assert report["after_stop"] == []
