"""HID report descriptors: the short-item grammar, read into typed report fields (no Qt).

Only what a telephony headset needs: main items (Input/Output/Feature, Collection),
global items (Usage Page, Logical Minimum/Maximum, Report Size/Count/ID, Push/Pop) and
local items (Usage, Usage Minimum/Maximum). Long items are skipped, as the spec allows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

__all__ = ["DescriptorError", "Field", "ReportKind", "parse_descriptor"]

# Item tags (the byte with its size bits cleared).
_INPUT, _OUTPUT, _FEATURE, _COLLECTION, _END_COLLECTION = 0x80, 0x90, 0xB0, 0xA0, 0xC0
_USAGE_PAGE, _LOGICAL_MIN, _LOGICAL_MAX = 0x04, 0x14, 0x24
_REPORT_SIZE, _REPORT_ID, _REPORT_COUNT, _PUSH, _POP = 0x74, 0x84, 0x94, 0xA4, 0xB4
_USAGE, _USAGE_MIN, _USAGE_MAX = 0x08, 0x18, 0x28
_LONG_ITEM = 0xFE
_APPLICATION = 0x01
# Main item data bits.
_CONSTANT, _VARIABLE, _RELATIVE = 0x01, 0x02, 0x04


class DescriptorError(ValueError):
    """The descriptor breaks the grammar (truncated item, unbalanced collection…)."""


class ReportKind(StrEnum):
    """Which way a report goes."""

    INPUT = "input"
    OUTPUT = "output"
    FEATURE = "feature"


@dataclass(frozen=True, slots=True)
class Field:
    """One control in a report: where its bits are and what it means.

    ``usages`` are full 32-bit usages (page << 16 | id). A variable field has one usage
    per element (``count`` elements of ``size`` bits from ``bit_offset``); an array
    field's elements hold indexes into ``usages`` offset by ``logical_min``.
    ``application`` is the usage of the top-level collection holding it.
    """

    kind: ReportKind
    report_id: int
    bit_offset: int
    size: int
    count: int
    usages: tuple[int, ...]
    logical_min: int
    logical_max: int
    variable: bool
    relative: bool
    application: int

    def usage_bit(self, usage: int) -> tuple[int, int] | None:
        """(bit offset, size) of the element carrying ``usage`` in a variable field."""
        if not self.variable or usage not in self.usages:
            return None
        index = self.usages.index(usage)
        if index >= self.count:
            return None
        return self.bit_offset + index * self.size, self.size


@dataclass(frozen=True, slots=True)
class _Globals:
    usage_page: int = 0
    logical_min: int = 0
    logical_max: bytes = b""
    report_size: int = 0
    report_count: int = 0
    report_id: int = 0


def _unsigned(data: bytes) -> int:
    return int.from_bytes(data, "little") if data else 0


def _signed(data: bytes) -> int:
    return int.from_bytes(data, "little", signed=True) if data else 0


def _items(raw: bytes) -> list[tuple[int, bytes]]:
    """(tag with type, data) of every short item, long items left out."""
    items: list[tuple[int, bytes]] = []
    pos = 0
    while pos < len(raw):
        prefix = raw[pos]
        if prefix == _LONG_ITEM:
            if pos + 2 >= len(raw):
                raise DescriptorError(f"long item cut short at byte {pos}")
            pos += 3 + raw[pos + 1]
            continue
        size = (0, 1, 2, 4)[prefix & 0x03]
        if pos + 1 + size > len(raw):
            raise DescriptorError(f"item 0x{prefix:02x} cut short at byte {pos}")
        items.append((prefix & 0xFC, raw[pos + 1 : pos + 1 + size]))
        pos += 1 + size
    return items


def parse_descriptor(raw: bytes) -> list[Field]:
    """Every Input/Output/Feature field of ``raw``, in the order they appear."""
    fields: list[Field] = []
    state = _Globals()
    stack: list[_Globals] = []
    usages: list[int] = []
    usage_min: int | None = None
    collections: list[int] = []  # usages of the open collections (first is the application)
    application = 0
    offsets: dict[tuple[ReportKind, int], int] = {}

    def full(value: int, data: bytes) -> int:
        # A 4-byte usage carries its own page; shorter ones use the current Usage Page.
        return value if len(data) == 4 else (state.usage_page << 16) | value

    for tag, data in _items(raw):
        value = _unsigned(data)
        if tag in (_INPUT, _OUTPUT, _FEATURE):
            kind = {_INPUT: ReportKind.INPUT, _OUTPUT: ReportKind.OUTPUT}.get(
                tag, ReportKind.FEATURE
            )
            key = (kind, state.report_id)
            offset = offsets.get(key, 0)
            if not value & _CONSTANT and state.report_count:
                logical_min = state.logical_min
                # 0x25 0xFF is 255 when the minimum is not negative (common, if loose).
                read = _unsigned if logical_min >= 0 else _signed
                logical_max = read(state.logical_max)
                fields.append(
                    Field(
                        kind=kind,
                        report_id=state.report_id,
                        bit_offset=offset,
                        size=state.report_size,
                        count=state.report_count,
                        usages=_expand(usages, state.report_count, bool(value & _VARIABLE)),
                        logical_min=logical_min,
                        logical_max=logical_max,
                        variable=bool(value & _VARIABLE),
                        relative=bool(value & _RELATIVE),
                        application=application,
                    )
                )
            offsets[key] = offset + state.report_size * state.report_count
            usages, usage_min = [], None
        elif tag == _COLLECTION:
            usage = usages[0] if usages else 0
            if not collections:
                application = usage if value == _APPLICATION else 0
            collections.append(usage)
            usages, usage_min = [], None
        elif tag == _END_COLLECTION:
            if not collections:
                raise DescriptorError("End Collection without a Collection")
            collections.pop()
            usages, usage_min = [], None
        elif tag == _USAGE_PAGE:
            state = replace(state, usage_page=value)
        elif tag == _LOGICAL_MIN:
            state = replace(state, logical_min=_signed(data))
        elif tag == _LOGICAL_MAX:
            state = replace(state, logical_max=bytes(data))
        elif tag == _REPORT_SIZE:
            state = replace(state, report_size=value)
        elif tag == _REPORT_COUNT:
            state = replace(state, report_count=value)
        elif tag == _REPORT_ID:
            state = replace(state, report_id=value)
        elif tag == _PUSH:
            stack.append(state)
        elif tag == _POP:
            if not stack:
                raise DescriptorError("Pop without a Push")
            state = stack.pop()
        elif tag == _USAGE:
            usages.append(full(value, data))
        elif tag == _USAGE_MIN:
            usage_min = full(value, data)
        elif tag == _USAGE_MAX and usage_min is not None:
            last = full(value, data)
            if last - usage_min > 0xFFFF:
                raise DescriptorError("usage range too wide")
            usages.extend(range(usage_min, last + 1))
            usage_min = None
    if collections:
        raise DescriptorError("a Collection is never closed")
    return fields


def _expand(usages: list[int], count: int, variable: bool) -> tuple[int, ...]:
    """A variable field with fewer usages than elements repeats the last one (HID 6.2.2.8)."""
    if variable and usages and len(usages) < count:
        return (*usages, *[usages[-1]] * (count - len(usages)))
    return tuple(usages)
