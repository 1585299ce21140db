"""Tolerant readers for the provider's JSON values.

The documented payloads mix ids as numbers and strings, prices as ``0.1`` and ``"0.00"``,
durations as seconds and as ``"HH:MM:SS"`` (including ``"00:00:60"``), nulls and missing
keys, timestamps with and without offsets, and status values outside the documented lists.
All of that is normal input: field readers return ``None`` for what they cannot read
instead of failing. Only a wrong *shape* (an object where a list belongs, a record
without its id) raises :class:`ResponseFormatError`.

Naive timestamps are read as America/Sao_Paulo time: every documented example carries
``-03:00`` and the provider runs in Brazil. Where the system has no time-zone database
(Windows without ``tzdata``) the fixed offset UTC−03:00 is used; Brazil has had no
daylight saving time since 2019.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from enum import Enum
from itertools import repeat
from types import MappingProxyType
from typing import Final, TypeVar

from desktop.api.errors import FormatErrorKind, ResponseFormatError

__all__ = [
    "PROVIDER_TZ",
    "JsonObject",
    "RawRecord",
    "dump_raw",
    "expect_list",
    "expect_object",
    "freeze",
    "parse_bool",
    "parse_datetime",
    "parse_decimal",
    "parse_duration",
    "parse_enum",
    "parse_id",
    "parse_int",
    "parse_reason_code",
    "parse_seconds",
    "parse_str",
    "require_id",
    "shape_error",
]

JsonObject = Mapping[str, object]
E = TypeVar("E", bound=Enum)


def _provider_tz() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - stdlib since 3.9
        return timezone(timedelta(hours=-3), "-03")
    try:
        return ZoneInfo("America/Sao_Paulo")
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=-3), "-03")


PROVIDER_TZ: Final[tzinfo] = _provider_tz()

_TRUE: Final = frozenset({"true", "1", "t", "yes", "y", "sim", "s", "on"})
_FALSE: Final = frozenset({"false", "0", "f", "no", "n", "nao", "não", "off"})
_INT_TEXT: Final = re.compile(r"^[+-]?\d+$")
_REASON_CODE: Final = re.compile(r"^\s*(\d+)")


def shape_error(detail: str) -> ResponseFormatError:
    """Build the error for data that is not shaped as documented."""
    return ResponseFormatError(FormatErrorKind.SHAPE, detail=detail)


def expect_object(value: object, what: str) -> JsonObject:
    """Return ``value`` as a JSON object or raise :class:`ResponseFormatError`."""
    # map/repeat keeps the per-key check in C: this runs for every record of every page
    if isinstance(value, Mapping) and all(map(isinstance, value, repeat(str))):
        return value
    raise shape_error(f"{what} should be an object, got {type(value).__name__}")


def expect_list(value: object, what: str) -> Sequence[object]:
    """Return ``value`` as a JSON array or raise :class:`ResponseFormatError`."""
    if isinstance(value, list | tuple):
        return value
    raise shape_error(f"{what} should be a list, got {type(value).__name__}")


def freeze(value: JsonObject) -> JsonObject:
    """A read-only view of a record, kept for "copy JSON" and for fields not modelled."""
    return MappingProxyType(dict(value))


class RawRecord(Mapping[str, object]):
    """A record kept as the JSON bytes received; read as a mapping only when asked.

    Writing the record out again (the cache, a JSON export) uses the bytes as they came,
    with no decoding and re-encoding on the way.
    """

    __slots__ = ("_decoded", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._decoded: Mapping[str, object] | None = None

    def _record(self) -> Mapping[str, object]:
        if self._decoded is None:
            value = json.loads(self.data)
            self._decoded = value if isinstance(value, dict) else {}
        return self._decoded

    def text(self) -> str:
        """The JSON text as received."""
        return self.data.decode("utf-8")

    def get(self, key: str, default: object = None) -> object:
        """``record.get``; a key absent from the bytes is answered without decoding them."""
        absent = self._decoded is None and f'"{key}"'.encode() not in self.data
        if absent and b"\\u" not in self.data:  # no escaped key could hide it either
            return default
        return self._record().get(key, default)

    def __getitem__(self, key: str) -> object:
        return self._record()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._record())

    def __len__(self) -> int:
        return len(self._record())

    def __repr__(self) -> str:
        return f"RawRecord({self.data!r})"


def dump_raw(raw: JsonObject) -> str:
    """Pretty JSON text of a raw record."""

    def plain(value: object) -> object:
        if isinstance(value, Mapping):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return json.dumps(plain(raw), ensure_ascii=False, indent=2)


def parse_int(value: object) -> int | None:
    """``12``, ``12.0``, ``"12"`` → 12; anything else → None."""
    if type(value) is int:  # the common case (bool is a subclass, never this type)
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if _INT_TEXT.match(text):
            return int(text)
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if number.is_integer() else None
    return None


def parse_id(value: object) -> int | str | None:
    """Ids come as numbers or strings: numeric ones become int, others stay text."""
    if type(value) is int:
        return value
    number = parse_int(value)
    if number is not None:
        return number
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def require_id(record: JsonObject, what: str, key: str = "id") -> int | str:
    """Return the record's id or raise: a record without identity cannot be acted on."""
    ident = parse_id(record.get(key))
    if ident is None:
        raise shape_error(f"{what} has no {key!r}")
    return ident


def parse_str(value: object) -> str | None:
    """Text as given; numbers as their text; null, booleans and containers → None."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def parse_bool(value: object) -> bool | None:
    """``true``, ``1``, ``"true"``, ``"1"``, ``"sim"`` … → bool; unknown → None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else None
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return None


def parse_decimal(value: object) -> Decimal | None:
    """Prices as numbers or strings (``0.1``, ``"0.00"``, ``"0,10"``) → Decimal."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")
    else:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def parse_duration(value: object) -> int | None:
    """Seconds from ``29``, ``"29"``, ``"00:00:29"``, ``"01:05"`` or ``"00:00:60"``."""
    if type(value) is int:  # the common case, ahead of the general checks
        return value if value >= 0 else None
    if isinstance(value, str) and ":" in value:
        parts = value.strip().split(":")
        if len(parts) > 3:
            return None
        total = 0.0
        for part in parts:
            try:
                number = float(part)
            except ValueError:
                return None
            if part.strip().startswith("-") or not math.isfinite(number):
                return None
            total = total * 60 + number
        return int(total)
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value >= 0 else None
    whole = parse_int(value)
    return whole if whole is not None and whole >= 0 else None


def parse_seconds(record: JsonObject, name: str, seconds_key: str | None = None) -> int | None:
    """``<name>_segundos`` when readable, else the ``"HH:MM:SS"`` text of ``<name>``.

    ``seconds_key`` overrides ``<name>_segundos`` (callers in hot loops pass it prebuilt).
    """
    seconds = parse_duration(record.get(seconds_key or f"{name}_segundos"))
    return seconds if seconds is not None else parse_duration(record.get(name))


def parse_datetime(value: object) -> datetime | None:
    """ISO-8601 text with or without offset (``Z`` too) or a unix time → aware datetime."""
    if type(value) is str:  # the common case first: skips the numeric checks
        return _parse_iso(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    return _parse_iso(value)


def _parse_iso(value: str) -> datetime | None:
    text = value.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=PROVIDER_TZ)


_ENUM_VALUES: dict[type[Enum], Mapping[object, Enum]] = {}


def _enum_values(enum_type: type[E]) -> Mapping[object, E]:
    values = _ENUM_VALUES.get(enum_type)
    if values is None:
        values = {member.value: member for member in enum_type}
        _ENUM_VALUES[enum_type] = values
    return values  # type: ignore[return-value]


def parse_enum(enum_type: type[E], value: object) -> E | str | None:
    """The enum member for a known value; the text itself for an unknown one."""
    text = parse_str(value)
    if text is None:
        return None
    # An exact value is what ``enum_type(text)`` returns first; a dict hit skips the
    # enum machinery (and its exceptions) for the usual, documented values.
    member = _enum_values(enum_type).get(text)
    if member is not None:
        return member
    for candidate in (text, text.strip().lower()):
        try:
            return enum_type(candidate)
        except ValueError:
            continue
    return text


def parse_reason_code(value: object) -> int | None:
    """The leading number of a disconnect reason (``"16. normal"`` → 16)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        match = _REASON_CODE.match(value)
        if match:
            return int(match.group(1))
    return None
