"""Smoke test of the frozen (PyInstaller) build and the Linux .deb made from it.

Build first with ``packaging/build-linux`` (or the release workflow); without a build every
test here is skipped with the reason. ``RAMAL_DESKTOP_FROZEN`` may point at another binary
(e.g. ``/usr/bin/ramal-desktop`` after installing the .deb).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "packaging" / "dist"
ONEDIR = DIST / "ramal-desktop"
EXE_NAME = "ramal-desktop.exe" if sys.platform == "win32" else "ramal-desktop"
BINARY = Path(os.environ.get("RAMAL_DESKTOP_FROZEN") or ONEDIR / EXE_NAME)

with (ROOT / "pyproject.toml").open("rb") as _handle:
    VERSION = tomllib.load(_handle)["project"]["version"]

pytestmark = pytest.mark.skipif(
    not BINARY.exists(),
    reason=f"no frozen build at {BINARY} (build it with packaging/build-linux)",
)
needs_console = pytest.mark.skipif(
    sys.platform == "win32", reason="the Windows build is a GUI exe without stdout/stderr"
)


def _env(home: Path) -> dict[str, str]:
    """A headless environment with its own home, so no user settings are read or written."""
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
    )
    # A fake microphone (CI has none), and only the device: the app's own permission handler
    # must be what grants it. No Chromium sandbox as root (it refuses to run) or on CI
    # runners (some forbid the user namespaces it needs).
    flags = ["--use-fake-device-for-media-stream"]
    if os.environ.get("CI") or (hasattr(os, "geteuid") and os.geteuid() == 0):
        flags.append("--no-sandbox")
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    return env


def _run(args: list[str], home: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BINARY), *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@needs_console
def test_version_matches_pyproject(tmp_path: Path) -> None:
    result = _run(["--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Ramal Desktop {VERSION}"


@needs_console
def test_self_test_reaches_the_sandbox(tmp_path: Path) -> None:
    help_text = _run(["--help"], tmp_path).stdout
    if "--self-test" not in help_text:
        pytest.skip("this build has no --self-test")
    result = _run(["--sandbox", "--self-test"], tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] is True, report
    assert {"api", "webphone_connected", "chamada_id", "hangup"} <= set(report["steps_ms"])
    # the microphone came from the app's handler, for the sandbox webphone's origin only
    assert "microphone granted to http://127.0.0.1:" in result.stderr


@pytest.mark.skipif(
    "RAMAL_DESKTOP_FROZEN" in os.environ, reason="checks the one-folder build's layout only"
)
def test_bundle_holds_resources_and_not_the_excluded_parts() -> None:
    internal = ONEDIR / "_internal"
    for relative in (
        "resources/translations/ramal_desktop_pt_BR.qm",
        "resources/webphone/host.html",
        "resources/webphone/jquery.min.js",
        "resources/webphone/jquery.LICENSE.txt",
        "resources/icons/app/ramal-desktop.svg",
        "resources/sounds/ring.wav",
        "desktop/sandbox/static/webphone.html",
        f"ramal_desktop-{VERSION}.dist-info/METADATA",
    ):
        assert (internal / relative).is_file(), relative
    qt = internal / "PySide6" / "Qt"
    if sys.platform.startswith("linux"):
        assert (qt / "libexec" / "QtWebEngineProcess").is_file()
        assert (qt / "resources" / "qtwebengine_resources.pak").is_file()
        assert (qt / "translations" / "qtwebengine_locales" / "pt-BR.pak").is_file()
        assert not (qt / "plugins" / "printsupport").exists()
        assert not (qt / "qml").exists()
    metadata = sorted(p.name for p in internal.glob("ramal_desktop[-.]*"))
    assert metadata == [f"ramal_desktop-{VERSION}.dist-info"]
    for excluded in ("tkinter", "PySide6/Qt3DCore.abi3.so", "PySide6/QtQuick.abi3.so"):
        assert not (internal / excluded).exists(), excluded


def _only_deb() -> Path:
    debs = sorted(DIST.glob(f"ramal-desktop_{VERSION}_*.deb"))
    if not debs:
        pytest.skip(f"no .deb for {VERSION} in {DIST}")
    return debs[-1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is Linux only")
def test_deb_installs_entry_icons_and_handlers(tmp_path: Path) -> None:
    deb = _only_deb()
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    control = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Version: {VERSION}" in control
    assert "libnss3" in control and "libxkbcommon0" in control
    assert os.readlink(root / "usr/bin/ramal-desktop") == "/opt/ramal-desktop/ramal-desktop"
    entry = (root / "usr/share/applications/ramal-desktop.desktop").read_text("utf-8")
    assert "x-scheme-handler/tel;" in entry and "x-scheme-handler/callto;" in entry
    icons = root / "usr/share/icons/hicolor"
    assert (icons / "256x256/apps/ramal-desktop.png").is_file()
    assert (icons / "scalable/apps/ramal-desktop.svg").is_file()
    unpacked = root / "opt/ramal-desktop/ramal-desktop"
    version = subprocess.run(
        [str(unpacked), "--version"], env=_env(tmp_path), capture_output=True, text=True
    )
    assert version.stdout.strip() == f"Ramal Desktop {VERSION}"
