"""The user's tel:/callto: default follows the app's desktop entry to its new name."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.shell.link_defaults import migrate_link_defaults, mimeapps_files, rewrite

OLD = "ramal-desktop.desktop"
NEW = "br.com.ramaldesktop.RamalDesktop.desktop"

BEFORE = f"""# written by xdg-mime
[Default Applications]
x-scheme-handler/tel={OLD}
x-scheme-handler/callto=other.desktop;{OLD};
text/html=firefox.desktop
x-scheme-handler/sip={OLD}

[Added Associations]
x-scheme-handler/tel={OLD};{NEW};

[Removed Associations]
x-scheme-handler/callto={OLD}
"""

AFTER = f"""# written by xdg-mime
[Default Applications]
x-scheme-handler/tel={NEW}
x-scheme-handler/callto=other.desktop;{NEW};
text/html=firefox.desktop
x-scheme-handler/sip={OLD}

[Added Associations]
x-scheme-handler/tel={NEW};

[Removed Associations]
x-scheme-handler/callto={OLD}
"""


def test_rewrite_renames_only_the_apps_schemes_where_handlers_are_chosen() -> None:
    assert rewrite(BEFORE) == AFTER
    assert rewrite(AFTER) == AFTER


def test_line_endings_are_kept() -> None:
    text = f"[Default Applications]\r\nx-scheme-handler/tel={OLD}\r\n"
    assert rewrite(text) == f"[Default Applications]\r\nx-scheme-handler/tel={NEW}\r\n"


def test_both_files_are_migrated(tmp_path: Path) -> None:
    config, data = tmp_path / "config", tmp_path / "data"
    files = mimeapps_files(config, data)
    assert files == [config / "mimeapps.list", data / "applications" / "mimeapps.list"]
    for path in files:
        path.parent.mkdir(parents=True)
        path.write_text(BEFORE, encoding="utf-8")

    assert migrate_link_defaults(platform="linux", config_home=config, data_home=data)
    assert [p.read_text(encoding="utf-8") for p in files] == [AFTER, AFTER]
    assert not migrate_link_defaults(platform="linux", config_home=config, data_home=data)
    assert sorted(p.name for p in (data / "applications").iterdir()) == ["mimeapps.list"]


def test_nothing_to_do_without_files_or_off_linux(tmp_path: Path) -> None:
    assert not migrate_link_defaults(platform="linux", config_home=tmp_path, data_home=tmp_path)
    path = tmp_path / "mimeapps.list"
    path.write_text(BEFORE, encoding="utf-8")
    for platform in ("darwin", "win32"):
        assert not migrate_link_defaults(platform=platform, config_home=tmp_path)
    assert path.read_text(encoding="utf-8") == BEFORE


def test_a_file_that_is_not_utf8_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "mimeapps.list"
    data = f"[Default Applications]\nx-scheme-handler/tel={OLD}\n# \xe9\n".encode("latin-1")
    path.write_bytes(data)
    assert not migrate_link_defaults(platform="linux", config_home=tmp_path, data_home=tmp_path)
    assert path.read_bytes() == data


def test_xdg_variables_are_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert mimeapps_files() == [
        tmp_path / "c" / "mimeapps.list",
        tmp_path / "home" / ".local/share/applications/mimeapps.list",
    ]
