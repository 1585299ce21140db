"""The real ``ramal-desktop`` command, as a user starts it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from desktop import __version__
from desktop.cli import SANDBOX_TOKEN
from desktop.sandbox import SandboxThread


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("RAMAL_DESKTOP_TOKEN", None)
    env["RAMAL_DESKTOP_HOME"] = str(tmp_path / "home")  # settings, logs, single-instance name
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["RAMAL_DESKTOP_LOG"] = "INFO"
    return env


def _run(
    args: list[str], env: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_version(env: dict[str, str]) -> None:
    proc = _run(["--version"], env)
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_starts_on_the_sandbox_and_quits_cleanly(env: dict[str, str], tmp_path: Path) -> None:
    proc = _run(["--sandbox", "--seed", "1", "--quit-after", "5"], env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "window ready" in proc.stderr
    assert "Traceback" not in proc.stderr
    log = (tmp_path / "home").rglob("ramal-desktop.log")
    assert any("window ready" in p.read_text() for p in log)


def test_quitting_while_the_history_refreshes_leaves_nothing_pending(
    env: dict[str, str],
) -> None:
    # Asked to quit at once: the History panel's first refresh is still running when the
    # window closes, and so is the supervisor's first poll.
    proc = _run(["--sandbox", "--seed", "1", "--quit-after", "0"], env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for sign in ("Task was destroyed", "RuntimeError", "Traceback", "Exception ignored"):
        assert sign not in proc.stderr, proc.stderr[-3000:]


def test_self_test_places_a_call_on_the_sandbox(env: dict[str, str]) -> None:
    proc = _run(["--sandbox", "--self-test"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    steps = report["steps_ms"]
    assert list(steps) == [
        "window",
        "api",
        "webphone_connected",
        "dialing",
        "chamada_id",
        "call_fetched",
        "hangup",
    ]
    assert report["chamada_id"]


def test_self_test_without_a_microphone_uses_the_simulated_one(env: dict[str, str]) -> None:
    # Without Chromium's fake device a machine without sound hardware has no microphone:
    # the sandbox's webphone stands in a silent one, and the report says so.
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    proc = _run(["--sandbox", "--self-test"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    assert report["chamada_id"]
    if "simulated_microphone" not in report:
        pytest.skip("this machine has a real microphone")
    assert report["simulated_microphone"] is True


def test_self_test_names_the_failing_step(env: dict[str, str]) -> None:
    # A standalone sandbox whose ramal 4000 fails its next call, as the provider says it.
    with SandboxThread(token=SANDBOX_TOKEN) as sandbox:
        control = httpx.post(
            f"{sandbox.base_url}/_sandbox/ramais/4000/fail",
            json={"status_erro": "saldo insuficiente"},
            timeout=10,
        )
        assert control.status_code == 200
        args = ["--sandbox", "--api-url", sandbox.base_url, "--self-test"]
        proc = _run([*args, "--self-test-dial", "4832830151"], env)
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert proc.returncode == 1, proc.stdout + proc.stderr[-3000:]
    assert report["ok"] is False
    assert list(report["steps_ms"]) == ["window", "api", "webphone_connected"]
    assert report["failed_step"] == "dialing"
    assert report["reason"] == "saldo insuficiente"


def test_api_url_without_token_is_refused(env: dict[str, str]) -> None:
    proc = _run(["--api-url", "http://127.0.0.1:9"], env, timeout=60)
    assert proc.returncode == 2
    assert "RAMAL_DESKTOP_TOKEN" in proc.stderr


def test_unknown_argument_is_refused(env: dict[str, str]) -> None:
    proc = _run(["sandbox"], env, timeout=60)
    assert proc.returncode == 2
    assert "tel:" in proc.stderr


def test_second_launch_forwards_its_link_to_the_first(env: dict[str, str]) -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--sandbox", "--quit-after", "25"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        ready = False
        assert first.stderr is not None
        lines: list[str] = []
        while time.monotonic() < deadline:
            line = first.stderr.readline()
            lines.append(line)
            if "window ready" in line:
                ready = True
                break
        assert ready, "".join(lines)[-3000:]
        second = _run(["tel:+55-48-99999-9999;phone-context=example.com"], env, timeout=60)
        assert second.returncode == 0, second.stderr[-2000:]
        assert "forwarded" in second.stderr
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_a_corrupt_settings_file_is_set_aside_not_fatal(
    env: dict[str, str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    bad = home / "config" / "settings.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = _run(["--sandbox", "--quit-after", "4"], env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    kept = list((home / "config").glob("settings.json.corrupt-*"))
    assert kept and kept[0].read_text(encoding="utf-8") == "{not json"
    assert "settings: corrupt" in proc.stderr  # the notice reached the window that shows it


def test_no_secret_reaches_the_log_after_a_call(env: dict[str, str], tmp_path: Path) -> None:
    env["RAMAL_DESKTOP_LOG"] = "DEBUG"  # the most the app ever writes
    proc = _run(["--sandbox", "--self-test"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    logs = list((tmp_path / "home").rglob("ramal-desktop.log"))
    text = "".join(p.read_text(encoding="utf-8") for p in logs)
    assert "webphone" in text.lower() and "DEBUG" in text  # the call cycle was logged
    for where in (text, proc.stderr):
        assert "sandbox-token" not in where
        assert not re.search(r"[?&]key=(?!\*)[^&\s\"']+", where)
        assert not re.search(r"[?&]signature=(?!\*)[0-9a-fA-F]{8,}", where)
        assert not re.search(r"Access-Token['\"]?\s*[:=]\s*['\"]?(?!\*)\w", where)
