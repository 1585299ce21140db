"""The descriptor grammar and where each headset's buttons and lights sit."""

from __future__ import annotations

import pytest
from descriptors import ABSOLUTE_HOOK, ABSOLUTE_MUTE, KEYPAD_ONLY, TOGGLE_HOOK

from desktop.headset.descriptor import DescriptorError, ReportKind, parse_descriptor
from desktop.headset.layout import Button, HeadsetLayout, Light, Lights


def test_fields_carry_report_ids_offsets_and_flags() -> None:
    fields = parse_descriptor(ABSOLUTE_HOOK)
    hook = next(f for f in fields if 0x0B0020 in f.usages)
    assert (hook.kind, hook.report_id, hook.bit_offset, hook.relative) == (
        ReportKind.INPUT,
        2,
        0,
        False,
    )
    buttons = next(f for f in fields if 0x0B002F in f.usages)
    assert buttons.relative and buttons.bit_offset == 1 and buttons.count == 3
    leds = next(f for f in fields if f.kind is ReportKind.OUTPUT and f.report_id == 3)
    assert leds.usages == (0x080017, 0x080009, 0x080018, 0x080020)
    ringer = next(f for f in fields if 0x0B009E in f.usages)
    assert ringer.bit_offset == 4 and ringer.application == 0x0B0005
    volume = next(f for f in fields if 0x0C00E9 in f.usages)
    assert volume.report_id == 1 and volume.application == 0x0C0001


def test_unsigned_logical_maximum_and_vendor_byte() -> None:
    vendor = next(f for f in parse_descriptor(TOGGLE_HOOK) if f.usages == (0xFF000001,))
    assert (vendor.bit_offset, vendor.size, vendor.logical_max) == (8, 8, 255)


def test_usage_range_makes_an_array_of_keys() -> None:
    (keys,) = parse_descriptor(KEYPAD_ONLY)
    assert not keys.variable and len(keys.usages) == 12 and keys.usages[0] == 0x0B00B0
    layout = HeadsetLayout.from_descriptor(KEYPAD_ONLY)
    assert layout.has_telephony_application and not layout.usable


@pytest.mark.parametrize(
    "raw",
    [bytes([0x05]), bytes([0xA1, 0x01]), bytes([0xC0]), bytes([0xB4])],
    ids=["cut short", "never closed", "closed twice", "pop without push"],
)
def test_broken_descriptors_are_refused(raw: bytes) -> None:
    with pytest.raises(DescriptorError):
        parse_descriptor(raw)


def test_absolute_hook_layout_decodes_and_encodes() -> None:
    layout = HeadsetLayout.from_descriptor(ABSOLUTE_HOOK)
    assert layout.buttons == {Button.HOOK_SWITCH, Button.PHONE_MUTE, Button.FLASH, Button.REDIAL}
    assert layout.lights == set(Light)
    assert not layout.relative(Button.HOOK_SWITCH) and layout.relative(Button.PHONE_MUTE)
    assert layout.decode(b"\x02\x03") == {
        Button.HOOK_SWITCH: 1,
        Button.PHONE_MUTE: 1,
        Button.FLASH: 0,
        Button.REDIAL: 0,
    }
    assert layout.decode(b"\x01\x01") is None  # volume up: not a telephony button
    assert layout.encode(Lights(ring=True)) == [b"\x03\x14"]  # Ring LED + Ringer
    assert layout.encode(Lights(off_hook=True, mute=True)) == [b"\x03\x03"]
    assert layout.encode(Lights()) == [b"\x03\x00"]


def test_unnumbered_reports_get_report_id_zero_on_writes_only() -> None:
    layout = HeadsetLayout.from_descriptor(TOGGLE_HOOK)
    assert layout.relative(Button.HOOK_SWITCH)
    assert layout.decode(b"\x01\x7f") == {Button.HOOK_SWITCH: 1, Button.PHONE_MUTE: 0}
    assert layout.encode(Lights(off_hook=True, ring=True)) == [b"\x00\x05"]
    assert Light.HOLD not in layout.lights


def test_absolute_mute_layout() -> None:
    layout = HeadsetLayout.from_descriptor(ABSOLUTE_MUTE)
    assert not layout.relative(Button.PHONE_MUTE)
    assert layout.encode(Lights(off_hook=True, mute=True)) == [b"\x02\x03"]
    assert layout.encode(Lights(ring=True)) == [b"\x02\x04"]
