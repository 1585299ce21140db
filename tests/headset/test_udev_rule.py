"""The udev rule that lets the logged-in user open headsets' /dev/hidraw* nodes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULE = ROOT / "packaging" / "linux" / "70-ramal-desktop-headsets.rules"
# udev's syntax: comma-separated KEY{attr} OP "value" (udev(7)).
_PAIR = re.compile(r'\s*([A-Z_]+(?:\{[A-Za-z_]+\})?)\s*(==|!=|\+=|-=|:=|=)\s*"([^"]*)"\s*')


def _rules() -> list[list[tuple[str, str, str]]]:
    rules = []
    for line in RULE.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pairs = [_PAIR.fullmatch(part) for part in line.split(",")]
        assert all(pairs), f"not udev syntax: {line!r}"
        rules.append([m.groups() for m in pairs if m])
    return rules


def test_rule_tags_only_hidraw_nodes_of_headset_makers() -> None:
    rules = _rules()
    assert ("SUBSYSTEM", "!=", "hidraw") in rules[1]  # everything else jumps to the end
    tagged = [r for r in rules if ("TAG", "+=", "uaccess") in r]
    vendors = {value for r in tagged for key, op, value in r if key == "ATTRS{idVendor}"}
    assert {"0b0e", "047f", "1395"} <= vendors
    assert all(any(k == "ATTRS{idVendor}" for k, _, _ in r) for r in tagged)
    labels = {value for r in rules for key, _, value in r if key in ("GOTO", "LABEL")}
    assert labels == {"ramal_desktop_headsets_end"}


def test_the_deb_installs_the_rule_before_udev_applies_uaccess() -> None:
    script = (ROOT / "packaging" / "linux" / "make-deb.sh").read_text()
    assert '70-ramal-desktop-headsets.rules" "$STAGE/usr/lib/udev/rules.d/' in script
    assert int(RULE.name.split("-")[0]) < 73  # 73-seat-late.rules turns the tag into an ACL
    assert (
        "udevadm trigger --subsystem-match=hidraw"
        in (ROOT / "packaging" / "linux" / "postinst").read_text()
    )
