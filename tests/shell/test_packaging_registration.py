from __future__ import annotations

import configparser
import plistlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "packaging"


def test_desktop_entry_handles_tel_and_callto() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "linux" / "ramal-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    mime = set(filter(None, section["MimeType"].split(";")))
    assert mime == {"x-scheme-handler/tel", "x-scheme-handler/callto"}
    assert section["Exec"].endswith("%u") and section["Icon"] == "ramal-desktop"


def test_macos_and_windows_register_both_schemes() -> None:
    with (ROOT / "macos" / "Info-url-types.plist").open("rb") as handle:
        plist = plistlib.load(handle)
    assert plist["CFBundleURLTypes"][0]["CFBundleURLSchemes"] == ["tel", "callto"]
    for name in ("url-handlers.reg", "url-handlers.iss"):
        text = (ROOT / "windows" / name).read_text(encoding="utf-8")
        assert '"tel"' in text and '"callto"' in text and "%1" in text
