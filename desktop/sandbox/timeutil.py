"""Time helpers: the provider's timestamp and duration formats."""

from __future__ import annotations

import re
import time as _time
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Final

#: The provider writes timestamps in Brasília time with an explicit offset.
BRT: Final = timezone(timedelta(hours=-3))

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


#: What time it is for the sandbox: everything it stamps and seeds reads one of these.
Clock = Callable[[], datetime]


def now() -> datetime:
    """Current time, aware, in Brasília time (the sandbox's default clock)."""
    return datetime.now(BRT)


def clock_from(start: datetime) -> Clock:
    """A clock that reads ``start`` now and runs at the real pace from there."""
    began = _time.monotonic()
    return lambda: (start + timedelta(seconds=_time.monotonic() - began)).astimezone(BRT)


def iso(moment: datetime | None) -> str | None:
    """``2018-08-02T10:49:30-03:00``, or ``None``."""
    if moment is None:
        return None
    return moment.astimezone(BRT).isoformat(timespec="seconds")


def hms(seconds: int | None) -> str | None:
    """Seconds as ``HH:MM:SS``, or ``None``."""
    if seconds is None:
        return None
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def hms_sixty(seconds: int | None) -> str | None:
    """Billing duration as the conference docs print it: a whole minute reads ``00:00:60``."""
    if seconds is None:
        return None
    if seconds > 0 and seconds % 60 == 0:
        minutes = seconds // 60 - 1
        return f"{minutes // 60:02d}:{minutes % 60:02d}:60"
    return hms(seconds)


def parse_moment(text: str, *, end_of_day: bool = False, naive_tz: timezone = BRT) -> datetime:
    """Parse ``YYYY-MM-DD`` or an ISO 8601 date-time into an aware datetime.

    A bare date means the start of that day (or its last second with ``end_of_day``) in
    Brasília time; a date-time without offset is read in ``naive_tz``. Raises ValueError.
    """
    value = text.strip()
    if _DATE_ONLY.match(value):
        day = date.fromisoformat(value)
        clock = time(23, 59, 59, 999999) if end_of_day else time(0, 0)
        return datetime.combine(day, clock, tzinfo=BRT)
    if not value or not value[0].isdigit():
        raise ValueError(f"data inválida: {text!r}")
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=naive_tz)
    return moment


def parse_utc(text: str) -> datetime:
    """Parse a scheduling time; the docs say it is UTC when no offset is given."""
    return parse_moment(text, naive_tz=UTC)


def seconds_between(start: datetime | None, end: datetime | None) -> int:
    """Whole seconds from ``start`` to ``end`` (0 when either is missing)."""
    if start is None or end is None:
        return 0
    return max(0, int((end - start).total_seconds()))
