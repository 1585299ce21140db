"""Date-range presets of the history panel (Qt-free)."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

__all__ = ["Preset", "preset_range"]


class Preset(StrEnum):
    """Ranges offered in the picker."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    LAST_7_DAYS = "last_7_days"
    THIS_MONTH = "this_month"
    CUSTOM = "custom"


def preset_range(
    preset: Preset, today: date, custom: tuple[date, date] | None = None
) -> tuple[date, date]:
    """First and last day (inclusive) of a preset; ``custom`` is used for CUSTOM."""
    if preset is Preset.TODAY:
        return today, today
    if preset is Preset.YESTERDAY:
        day = today - timedelta(days=1)
        return day, day
    if preset is Preset.LAST_7_DAYS:
        return today - timedelta(days=6), today
    if preset is Preset.THIS_MONTH:
        return today.replace(day=1), today
    start, end = custom or (today, today)
    return (start, end) if start <= end else (end, start)
