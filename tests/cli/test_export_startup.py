"""The headless commands start quickly: they import only what they use."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import desktop

ROOT = Path(__file__).resolve().parents[2]

#: Modules an export reading a plain http:// server has no use for.
NOT_NEEDED = (
    "importlib.metadata",  # the version is written in the package
    "keyring",
    "platformdirs",
    "desktop.settings",  # only with --profile
    "desktop.api.downloads",
    "desktop.api.ramais",  # only with --ramal
    "desktop.api.conferences",
    "desktop.api.webphone",
    "desktop.api.models.ramais",
    "PySide6",
    "qasync",
)


def test_version_is_the_pyproject_version() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        assert desktop.__version__ == tomllib.load(handle)["project"]["version"]


def test_export_command_imports_only_what_it_uses(tmp_path: Path) -> None:
    env = dict(os.environ, RAMAL_DESKTOP_TOKEN="test-token")
    argv = [sys.executable, "-X", "importtime", "-m", "desktop", "export", "calls"]
    argv += ["--from", "2026-11-01", "--to", "2026-11-30", "--output", str(tmp_path / "x.csv")]
    argv += ["--api-url", "http://127.0.0.1:9"]  # refused: the run stops at its first request
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "desktop.history.export_cli" in imported and "httpx" in imported
    unwanted = sorted(
        name
        for name in imported
        if any(name.split(".")[: len(w.split("."))] == w.split(".") for w in NOT_NEEDED)
    )
    assert unwanted == []
