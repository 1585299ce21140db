"""The real ``ramal-desktop`` command, as a user starts it."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop import __version__


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("RAMAL_DESKTOP_TOKEN", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["RAMAL_DESKTOP_LOG"] = "INFO"
    return env


def test_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        check=True,
    )
    assert __version__ in out.stdout


def test_starts_on_the_sandbox_and_quits_cleanly() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--sandbox", "--seed", "1", "--quit-after", "4"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert proc.returncode == 0, proc.stderr
    assert "10 ramais loaded" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_api_url_without_token_is_refused() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--api-url", "http://127.0.0.1:9"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
    )
    assert proc.returncode == 2
    assert "RAMAL_DESKTOP_TOKEN" in proc.stderr
