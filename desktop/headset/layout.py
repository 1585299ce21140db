"""Where a headset's telephony buttons and lights sit in its reports (no Qt).

Built from the parsed report descriptor: which input bits are Hook Switch, Phone Mute,
Flash and Redial, and which output bits drive the Off-Hook, Ring, Mute and Hold LEDs
(and the Telephony Ringer). Reports read with hidapi start with the report id when the
device numbers its reports; writes always start with it (0 for an unnumbered report).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from desktop.headset.descriptor import Field, ReportKind, parse_descriptor

__all__ = [
    "ALL_ON",
    "TELEPHONY_PAGE",
    "Button",
    "HeadsetLayout",
    "Light",
    "Lights",
    "is_telephony_usage",
]

TELEPHONY_PAGE = 0x0B
_LED_PAGE = 0x08
_PHONE, _HEADSET = 0x01, 0x05


def _usage(page: int, usage: int) -> int:
    return (page << 16) | usage


class Button(IntEnum):
    """Telephony page buttons the app reacts to (full usages)."""

    HOOK_SWITCH = _usage(TELEPHONY_PAGE, 0x20)
    FLASH = _usage(TELEPHONY_PAGE, 0x21)
    REDIAL = _usage(TELEPHONY_PAGE, 0x24)
    PHONE_MUTE = _usage(TELEPHONY_PAGE, 0x2F)


class Light(IntEnum):
    """Indicators the app drives (full usages)."""

    OFF_HOOK = _usage(_LED_PAGE, 0x17)
    RING = _usage(_LED_PAGE, 0x18)
    MUTE = _usage(_LED_PAGE, 0x09)
    HOLD = _usage(_LED_PAGE, 0x20)
    RINGER = _usage(TELEPHONY_PAGE, 0x9E)


@dataclass(frozen=True, slots=True)
class Lights:
    """What the headset should show."""

    off_hook: bool = False
    ring: bool = False
    mute: bool = False
    hold: bool = False

    def value(self, light: Light) -> bool:
        """Whether ``light`` is on (the Ringer follows the Ring LED)."""
        return {
            Light.OFF_HOOK: self.off_hook,
            Light.RING: self.ring,
            Light.RINGER: self.ring,
            Light.MUTE: self.mute,
            Light.HOLD: self.hold,
        }[light]


ALL_ON = Lights(off_hook=True, ring=True, mute=True, hold=True)


def is_telephony_usage(usage_page: int, usage: int) -> bool:
    """A top-level collection a telephony headset (or phone) announces."""
    return usage_page == TELEPHONY_PAGE and usage in (_PHONE, _HEADSET)


@dataclass(frozen=True, slots=True)
class _Slot:
    report_id: int
    bit: int
    size: int
    field: Field


def _bits(data: bytes, bit: int, size: int) -> int:
    value = int.from_bytes(data, "little") >> bit
    return value & ((1 << size) - 1)


class HeadsetLayout:
    """Decodes a headset's input reports and encodes its output reports."""

    def __init__(self, fields: list[Field]) -> None:
        self._numbered = any(f.report_id for f in fields)
        self._buttons: dict[Button, _Slot] = {}
        self._array_buttons: list[Field] = []
        self._lights: dict[Light, _Slot] = {}
        self._output_bits: dict[int, int] = {}
        self.has_telephony_application = any(
            (f.application >> 16) == TELEPHONY_PAGE for f in fields
        )
        for f in fields:
            if f.kind is ReportKind.OUTPUT:
                end = f.bit_offset + f.size * f.count
                self._output_bits[f.report_id] = max(self._output_bits.get(f.report_id, 0), end)
            wanted: tuple[int, ...] = tuple(Button) if f.kind is ReportKind.INPUT else ()
            if f.kind is ReportKind.OUTPUT:
                wanted = tuple(Light)
            if f.kind is ReportKind.INPUT and not f.variable:
                if any(u in f.usages for u in wanted):
                    self._array_buttons.append(f)
                continue
            for usage in wanted:
                place = f.usage_bit(usage)
                if place is None:
                    continue
                slot = _Slot(f.report_id, place[0], place[1], f)
                if f.kind is ReportKind.INPUT:
                    self._buttons.setdefault(Button(usage), slot)
                else:
                    self._lights.setdefault(Light(usage), slot)

    @classmethod
    def from_descriptor(cls, raw: bytes) -> HeadsetLayout:
        """The layout of the device with report descriptor ``raw``."""
        return cls(parse_descriptor(raw))

    @property
    def buttons(self) -> frozenset[Button]:
        """The buttons this headset has."""
        found = set(self._buttons)
        for f in self._array_buttons:
            found.update(Button(u) for u in f.usages if u in tuple(Button))
        return frozenset(found)

    @property
    def lights(self) -> frozenset[Light]:
        """The lights this headset has."""
        return frozenset(self._lights)

    @property
    def usable(self) -> bool:
        """True when there is a hook switch or a mute button to act on."""
        return bool(self.buttons & {Button.HOOK_SWITCH, Button.PHONE_MUTE})

    def relative(self, button: Button) -> bool:
        """True when ``button`` reports presses (a toggle), not a state."""
        slot = self._buttons.get(button)
        if slot is not None:
            return slot.field.relative
        # Array buttons report "pressed" while held: a press, whatever the flag.
        return True

    def decode(self, report: bytes) -> dict[Button, int] | None:
        """Button values in one input report; None when it holds none of them."""
        if self._numbered:
            if not report:
                return None
            report_id, body = report[0], report[1:]
        else:
            report_id, body = 0, report
        values: dict[Button, int] = {}
        for button, slot in self._buttons.items():
            if slot.report_id == report_id and (slot.bit + slot.size) <= len(body) * 8:
                values[button] = _bits(body, slot.bit, slot.size)
        for f in self._array_buttons:
            if f.report_id != report_id:
                continue
            held = {
                f.usages[index]
                for i in range(f.count)
                if (f.bit_offset + (i + 1) * f.size) <= len(body) * 8
                and 0
                <= (index := _bits(body, f.bit_offset + i * f.size, f.size) - f.logical_min)
                < len(f.usages)
            }
            for usage in f.usages:
                if usage in tuple(Button):
                    values[Button(usage)] = int(usage in held)
        return values or None

    def encode(self, lights: Lights) -> list[bytes]:
        """The output reports (report id first) that show ``lights``."""
        reports: dict[int, int] = {}
        for light, slot in self._lights.items():
            value = reports.setdefault(slot.report_id, 0)
            if lights.value(light):
                on = max(1, min(slot.field.logical_max, (1 << slot.size) - 1))
                value |= on << slot.bit
            reports[slot.report_id] = value
        return [
            bytes([report_id]) + value.to_bytes((self._output_bits[report_id] + 7) // 8, "little")
            for report_id, value in sorted(reports.items())
        ]
