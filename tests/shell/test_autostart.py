from __future__ import annotations

import configparser
import plistlib
import shlex
import sys
from pathlib import Path

import pytest

from desktop.shell import autostart
from desktop.shell.autostart import (
    LAUNCH_AGENT_LABEL,
    desktop_entry,
    is_start_at_login,
    launch_command,
    migrate_autostart,
    set_start_at_login,
)

NEW = "br.com.ramaldesktop.RamalDesktop.desktop"
OLD = "ramal-desktop.desktop"
TEMPLATE = Path(__file__).resolve().parents[2] / "packaging/linux/ramal-desktop-autostart.desktop"


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_launch_command_runs_this_python_minimised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert launch_command() == [sys.executable, "-m", "desktop", "--minimised"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch_command() == [sys.executable, "--minimised"]
    assert launch_command(["/opt/app", "--minimised"]) == ["/opt/app", "--minimised"]
    with pytest.raises(ValueError):
        launch_command([])


def test_linux_round_trip(tmp_path: Path) -> None:
    config = tmp_path / "config"
    exe = ["/opt/Ramal Desktop/ramal-desktop"]
    assert not is_start_at_login(platform="linux", config_home=config)

    set_start_at_login(True, executable=exe, platform="linux", config_home=config)
    path = config / "autostart" / NEW
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Ramal Desktop"
    assert "TryExec" not in entry
    assert "--minimised" in entry["Exec"]
    assert shlex.split(entry["Exec"]) == ["/opt/Ramal Desktop/ramal-desktop", "--minimised"]
    assert is_start_at_login(platform="linux", config_home=config)

    set_start_at_login(False, platform="linux", config_home=config)
    assert not path.exists()
    assert not is_start_at_login(platform="linux", config_home=config)


def test_linux_is_idempotent(tmp_path: Path) -> None:
    for _ in range(2):
        set_start_at_login(True, executable=["ramal"], platform="linux", config_home=tmp_path)
    assert [p.name for p in (tmp_path / "autostart").iterdir()] == [NEW]
    for _ in range(2):
        set_start_at_login(False, platform="linux", config_home=tmp_path)
    assert list((tmp_path / "autostart").iterdir()) == []


def test_linux_default_uses_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delattr(sys, "frozen", raising=False)
    set_start_at_login(True, platform="linux")
    entry = read_entry(tmp_path / "autostart" / NEW)
    assert shlex.split(entry["Exec"]) == [sys.executable, "-m", "desktop", "--minimised"]
    set_start_at_login(False, platform="linux")
    assert not is_start_at_login(platform="linux")


def test_entry_keeps_the_template_and_escapes_exec() -> None:
    text = desktop_entry(["/tmp/a b/x", "100%"], TEMPLATE.read_text(encoding="utf-8"))
    assert text.count("Exec=") == 1
    assert 'Exec="/tmp/a b/x" 100%%' in text
    assert "X-GNOME-Autostart-enabled=true" in text


def test_disabled_entry_written_by_hand_does_not_count(tmp_path: Path) -> None:
    path = tmp_path / "autostart" / NEW
    path.parent.mkdir()
    path.write_text("[Desktop Entry]\nExec=x\nHidden=true\n", encoding="utf-8")
    assert not is_start_at_login(platform="linux", config_home=tmp_path)


def test_missing_template_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autostart, "_TEMPLATE", tmp_path / "missing.desktop")
    set_start_at_login(True, executable=["ramal"], platform="linux", config_home=tmp_path)
    assert read_entry(tmp_path / "autostart" / NEW)["Exec"] == ("ramal --minimised")


def write_old_entry(config: Path, extra: str = "") -> Path:
    """An autostart entry as versions before the application id saved it."""
    path = config / "autostart" / OLD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[Desktop Entry]\nExec=/opt/old --minimised\n{extra}", encoding="utf-8")
    return path


def test_old_entry_is_renamed_to_the_application_id(tmp_path: Path) -> None:
    old = write_old_entry(tmp_path, "X-GNOME-Autostart-enabled=true\n")
    text = old.read_text(encoding="utf-8")
    assert is_start_at_login(platform="linux", config_home=tmp_path)

    assert migrate_autostart(platform="linux", config_home=tmp_path)
    assert [p.name for p in (tmp_path / "autostart").iterdir()] == [NEW]
    assert (tmp_path / "autostart" / NEW).read_text(encoding="utf-8") == text
    assert is_start_at_login(platform="linux", config_home=tmp_path)
    assert not migrate_autostart(platform="linux", config_home=tmp_path)


def test_old_entry_turned_off_stays_off_under_the_new_name(tmp_path: Path) -> None:
    write_old_entry(tmp_path, "Hidden=true\n")
    assert migrate_autostart(platform="linux", config_home=tmp_path)
    assert [p.name for p in (tmp_path / "autostart").iterdir()] == [NEW]
    assert not is_start_at_login(platform="linux", config_home=tmp_path)


def test_old_entry_beside_a_new_one_is_removed(tmp_path: Path) -> None:
    set_start_at_login(True, executable=["ramal"], platform="linux", config_home=tmp_path)
    new_text = (tmp_path / "autostart" / NEW).read_text(encoding="utf-8")
    write_old_entry(tmp_path)
    assert migrate_autostart(platform="linux", config_home=tmp_path)
    assert [p.name for p in (tmp_path / "autostart").iterdir()] == [NEW]
    assert (tmp_path / "autostart" / NEW).read_text(encoding="utf-8") == new_text


def test_changing_the_setting_replaces_the_old_entry(tmp_path: Path) -> None:
    write_old_entry(tmp_path)
    set_start_at_login(True, executable=["ramal"], platform="linux", config_home=tmp_path)
    assert [p.name for p in (tmp_path / "autostart").iterdir()] == [NEW]
    assert read_entry(tmp_path / "autostart" / NEW)["Exec"] == "ramal --minimised"

    write_old_entry(tmp_path)
    set_start_at_login(False, platform="linux", config_home=tmp_path)
    assert list((tmp_path / "autostart").iterdir()) == []
    assert not is_start_at_login(platform="linux", config_home=tmp_path)


def test_migration_touches_nothing_elsewhere(tmp_path: Path) -> None:
    old = write_old_entry(tmp_path)
    assert not migrate_autostart(platform="darwin", config_home=tmp_path, home=tmp_path)
    assert not migrate_autostart(platform="win32", config_home=tmp_path, home=tmp_path)
    assert old.is_file()
    assert not migrate_autostart(platform="linux", config_home=tmp_path / "empty")


def test_macos_launch_agent(tmp_path: Path) -> None:
    exe = ["/Applications/Ramal Desktop.app/Contents/MacOS/Ramal Desktop"]
    assert not is_start_at_login(platform="darwin", home=tmp_path)
    set_start_at_login(True, executable=exe, platform="darwin", home=tmp_path)
    path = tmp_path / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    first = path.read_bytes()
    agent = plistlib.loads(first)
    assert agent["Label"] == "br.com.ramaldesktop.RamalDesktop" == path.stem
    assert agent["ProgramArguments"] == [*exe, "--minimised"]
    assert agent["RunAtLoad"] is True
    assert is_start_at_login(platform="darwin", home=tmp_path)

    set_start_at_login(True, executable=exe, platform="darwin", home=tmp_path)
    assert path.read_bytes() == first
    set_start_at_login(False, platform="darwin", home=tmp_path)
    set_start_at_login(False, platform="darwin", home=tmp_path)
    assert not path.exists()
    assert not is_start_at_login(platform="darwin", home=tmp_path)


def write_old_agent(home: Path, arguments: list[str]) -> Path:
    """A LaunchAgent as versions before the application id saved it."""
    path = home / "Library" / "LaunchAgents" / "br.ramaldesktop.app.plist"
    path.parent.mkdir(parents=True, exist_ok=True)
    agent = {"Label": "br.ramaldesktop.app", "ProgramArguments": arguments, "RunAtLoad": True}
    path.write_bytes(plistlib.dumps(agent))
    return path


def test_old_launch_agent_is_renamed_to_the_application_id(tmp_path: Path) -> None:
    arguments = ["/Applications/Ramal Desktop.app/Contents/MacOS/Ramal Desktop", "--minimised"]
    write_old_agent(tmp_path, arguments)
    assert is_start_at_login(platform="darwin", home=tmp_path)

    assert migrate_autostart(platform="darwin", home=tmp_path)
    folder = tmp_path / "Library" / "LaunchAgents"
    assert [p.name for p in folder.iterdir()] == [f"{LAUNCH_AGENT_LABEL}.plist"]
    agent = plistlib.loads((folder / f"{LAUNCH_AGENT_LABEL}.plist").read_bytes())
    assert agent["Label"] == LAUNCH_AGENT_LABEL
    assert agent["ProgramArguments"] == arguments
    assert is_start_at_login(platform="darwin", home=tmp_path)
    assert not migrate_autostart(platform="darwin", home=tmp_path)


def test_old_launch_agent_beside_a_new_one_is_removed(tmp_path: Path) -> None:
    set_start_at_login(True, executable=["/new"], platform="darwin", home=tmp_path)
    write_old_agent(tmp_path, ["/old", "--minimised"])
    assert migrate_autostart(platform="darwin", home=tmp_path)
    folder = tmp_path / "Library" / "LaunchAgents"
    assert [p.name for p in folder.iterdir()] == [f"{LAUNCH_AGENT_LABEL}.plist"]
    agent = plistlib.loads((folder / f"{LAUNCH_AGENT_LABEL}.plist").read_bytes())
    assert agent["ProgramArguments"] == ["/new", "--minimised"]


def test_turning_off_removes_an_old_launch_agent(tmp_path: Path) -> None:
    old = write_old_agent(tmp_path, ["/old", "--minimised"])
    set_start_at_login(False, platform="darwin", home=tmp_path)
    assert not old.exists()
    assert not is_start_at_login(platform="darwin", home=tmp_path)


def test_unreadable_old_launch_agent_is_an_os_error(tmp_path: Path) -> None:
    old = write_old_agent(tmp_path, [])
    old.write_bytes(b"not a plist")
    with pytest.raises(OSError, match="unreadable LaunchAgent"):
        migrate_autostart(platform="darwin", home=tmp_path)
    assert old.exists()
