from __future__ import annotations

import configparser
import plistlib
from pathlib import Path

import pytest

from desktop.app_id import APP_ID, DESKTOP_FILE, is_valid_app_id
from desktop.shell.missed_calls import DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2] / "packaging"


def test_desktop_entry_handles_tel_and_callto() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "linux" / "br.com.ramaldesktop.RamalDesktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    mime = set(filter(None, section["MimeType"].split(";")))
    assert mime == {"x-scheme-handler/tel", "x-scheme-handler/callto"}
    assert section["Exec"].endswith("%u") and section["Icon"] == "ramal-desktop"


def test_the_application_id_is_reverse_dns_and_names_the_packaged_entry() -> None:
    assert is_valid_app_id(APP_ID)
    assert DESKTOP_FILE == DESKTOP_ID == f"{APP_ID}.desktop"
    entries = sorted(p.name for p in (ROOT / "linux").glob("*.desktop"))
    assert entries == [DESKTOP_FILE, "ramal-desktop-autostart.desktop"]
    for name in ("make-deb.sh", "make-tarball.sh"):
        script = (ROOT / "linux" / name).read_text("utf-8")
        assert f'APP_ID="{APP_ID}"' in script and '"$HERE/$APP_ID.desktop"' in script


@pytest.mark.parametrize(
    ("app_id", "valid"),
    [
        ("br.com.ramaldesktop.RamalDesktop", True),
        ("org.example.App_2", True),
        ("ramal-desktop", False),
        ("RamalDesktop", False),
        ("br.com.ramal-desktop.App", False),
        ("br.2com.App", False),
        ("br..App", False),
        ("br.com.App.", False),
        ("a." + "b" * 254, False),
    ],
)
def test_application_id_rules(app_id: str, valid: bool) -> None:
    assert is_valid_app_id(app_id) is valid


def test_macos_and_windows_register_both_schemes() -> None:
    with (ROOT / "macos" / "Info-url-types.plist").open("rb") as handle:
        plist = plistlib.load(handle)
    assert plist["CFBundleURLTypes"][0]["CFBundleURLSchemes"] == ["tel", "callto"]
    for name in ("url-handlers.reg", "url-handlers.iss"):
        text = (ROOT / "windows" / name).read_text(encoding="utf-8")
        assert '"tel"' in text and '"callto"' in text and "%1" in text
