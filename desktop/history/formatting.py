"""Durations, money and moments as people read them (Qt-free)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

__all__ = ["brl", "clock", "duration", "local_time"]


def duration(seconds: int | None) -> str:
    """``"4:05"`` or ``"1:02:03"``; empty when unknown."""
    if seconds is None:
        return ""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def brl(value: Decimal | None) -> str:
    """``"R$ 1.234,56"`` (three decimals kept when the API sends them); empty when unknown."""
    if value is None:
        return ""
    places = 3 if value != value.quantize(Decimal("0.01")) else 2
    text = f"{abs(value):,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{'-' if value < 0 else ''}R$ {text}"


def local_time(moment: datetime | None, with_seconds: bool = True) -> str:
    """``"23/11/2026 14:05:09"`` in the computer's time zone."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment
    return local.strftime("%d/%m/%Y %H:%M:%S" if with_seconds else "%d/%m/%Y %H:%M")


def clock(milliseconds: int) -> str:
    """Player position ``"1:05"``."""
    return duration(max(0, milliseconds) // 1000)
