"""The headless commands start quickly: they import only what they use."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import desktop
from desktop.sandbox.server import SandboxThread

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
    # the export runs on http.client and threads: no event loop, no httpx
    "asyncio",
    "httpx",
    "httpcore",
    "anyio",
)


def test_version_is_the_pyproject_version() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        assert desktop.__version__ == tomllib.load(handle)["project"]["version"]


def test_export_command_imports_only_what_it_uses(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    with SandboxThread(token="startup-token") as sandbox:
        env = dict(os.environ, RAMAL_DESKTOP_TOKEN=sandbox.token)
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            for variable in (name, name.lower()):
                env.pop(variable, None)
        argv = [sys.executable, "-X", "importtime", "-m", "desktop", "export", "calls"]
        argv += ["--from", "2026-11-01", "--to", "2026-11-30", "--output", str(target)]
        argv += ["--api-url", sandbox.base_url]
        done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbfid;")
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    expected = {"desktop.history.export_cli", "desktop.api.blocking_transport"}
    assert expected | {"desktop.history.csv_export"} <= imported
    unwanted = sorted(
        name
        for name in imported
        if any(name.split(".")[: len(w.split("."))] == w.split(".") for w in NOT_NEEDED)
    )
    assert unwanted == []
