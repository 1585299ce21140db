"""The Windows and macOS build scripts, checked on Linux: syntax, input paths, dry runs.

Neither script can build here, but both take a dry-run switch that checks their input
files and prints every command with its arguments instead of running it. ``pwsh`` runs
the Windows one when installed; otherwise a small PowerShell lexer checks its syntax.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import powershell_syntax
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PS1 = PACKAGING / "windows" / "build-windows.ps1"
ISS = PACKAGING / "windows" / "ramal-desktop.iss"
MACOS = PACKAGING / "macos" / "build-macos.sh"
WORKFLOWS = ROOT / ".github" / "workflows"

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="checked on Linux (and macOS): bash and POSIX paths"
)

with (ROOT / "pyproject.toml").open("rb") as _handle:
    VERSION = tomllib.load(_handle)["project"]["version"]

#: Folders build-windows.ps1 names with Join-Path; outputs (dist, build) need not exist yet.
PS1_FOLDERS = {"here": PACKAGING / "windows", "packaging": PACKAGING}
OUTPUTS = ("dist", "build")


def test_windows_script_is_valid_powershell() -> None:
    powershell_syntax.check(PS1.read_text("utf-8"))


@pytest.mark.parametrize(
    "snippet",
    [
        'Write-Host "build $(Get-Date"',
        "if ($signing) { Sign $setup",
        "python -m PyInstaller `  \n  --clean",
        "Write-Host 'unsigned",
        "$files = @((Join-Path $dist 'a'), 'b'",
        "Write-Host ]",
        '@"\nno end\n',
    ],
)
def test_the_lexer_finds_what_pwsh_would_reject(snippet: str) -> None:
    with pytest.raises(powershell_syntax.PowerShellSyntaxError):
        powershell_syntax.check(snippet)


def test_windows_script_inputs_exist() -> None:
    named = powershell_syntax.join_path_literals(PS1.read_text("utf-8"))
    inputs = [
        PS1_FOLDERS[variable] / literal.replace("\\", "/")
        for variable, literal in named
        if variable in PS1_FOLDERS and not literal.startswith(OUTPUTS)
    ]
    assert {p.name for p in inputs} >= {"ramal-desktop.spec", "ramal-desktop.iss", "version.py"}
    for path in inputs:
        assert path.is_file(), path


@pytest.mark.skipif(shutil.which("pwsh") is None, reason="no pwsh on this machine")
def test_windows_dry_run_with_pwsh(tmp_path: Path) -> None:
    python_dir = tmp_path / "bin"
    python_dir.mkdir()
    (python_dir / "python").symlink_to(sys.executable)
    env = dict(os.environ, PATH=f"{python_dir}{os.pathsep}{os.environ['PATH']}")
    env.pop("WINDOWS_CERT_PFX_BASE64", None)
    result = subprocess.run(
        ["pwsh", "-NoProfile", "-File", str(PS1), "-DryRun"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "dry-run: python -m PyInstaller" in result.stdout
    assert f"/DAppVersion={VERSION}" in result.stdout


def test_installer_offers_the_console_companion_on_path() -> None:
    iss = ISS.read_text("utf-8")
    assert 'Name: "addtopath"' in iss and "Flags: unchecked" in iss
    path_entry = next(line for line in iss.splitlines() if 'ValueName: "Path"' in line)
    assert 'Subkey: "Environment"' in path_entry and "Tasks: addtopath" in path_entry
    assert "ChangesEnvironment=yes" in iss
    assert "CurUninstallStepChanged" in iss  # the uninstaller takes the folder out again


def test_macos_script_is_valid_bash() -> None:
    result = subprocess.run(["bash", "-n", str(MACOS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _macos_dry_run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("MACOS_", "APPLE_"))
    }
    env["PYTHON"] = sys.executable
    return subprocess.run(
        ["bash", str(MACOS), *args], env=env, capture_output=True, text=True, check=False
    )


def test_macos_dry_run_prints_the_build_and_dmg_commands() -> None:
    result = _macos_dry_run("--dry-run")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    pyinstaller = next(line for line in lines if "-m PyInstaller" in line)
    spec = pyinstaller.split()[-1]
    assert Path(spec) == PACKAGING / "ramal-desktop.spec" and Path(spec).is_file()
    assert f"--distpath {PACKAGING / 'dist'}" in pyinstaller
    hdiutil = next(line for line in lines if line.startswith("dry-run: hdiutil create"))
    assert f"ramal-desktop-{VERSION}-macos-" in hdiutil and hdiutil.endswith(".dmg")
    assert not (PACKAGING / "build" / "dmg" / "Applications").is_symlink()  # nothing ran


def test_macos_script_rejects_unknown_arguments() -> None:
    assert _macos_dry_run("--dryrun").returncode == 2


def test_release_workflow_smoke_tests_every_os_with_a_fake_device_only() -> None:
    release = (WORKFLOWS / "release.yml").read_text("utf-8")
    assert "windows-latest" in release and "macos-latest" in release
    assert "tests/packaging" in release
    # The smoke tests give Chromium a fake microphone device only; that no workflow lets
    # Chromium grant media by itself is checked by tests/webphone/test_microphone.py,
    # which scans every file that can start it, the workflows included.
