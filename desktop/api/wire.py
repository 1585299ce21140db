"""Outgoing values in the form the API expects, checked before anything is sent."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Final

from desktop.api.errors import ValidationError
from desktop.api.phone import PhoneNumberError, normalize_phone, to_national

__all__ = [
    "MAX_PAGE_SIZE",
    "bina_number",
    "check_paging",
    "e164_number",
    "national_number",
    "path_id",
    "query_date",
    "report_query",
    "utc_timestamp",
]

MAX_PAGE_SIZE: Final = 200
_MIN_BINA_DIGITS: Final = 8
_SAFE_ID: Final = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def path_id(value: int | str, field: str = "id") -> str:
    """An id as a URL path segment; anything that could change the path is refused."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str) and _SAFE_ID.match(value.strip()):
        return value.strip()
    raise ValidationError("validation.id", field=field, value=value)


def utc_timestamp(value: datetime) -> str:
    """``2021-04-08T17:21:20Z``; a naive datetime is taken as the computer's local time."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def query_date(value: date | datetime, field: str) -> str:
    """``YYYY-MM-DD`` for a date, ISO-8601 UTC (``…Z``) for a datetime."""
    if isinstance(value, datetime):
        return utc_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    raise ValidationError("validation.date", field=field)


def _as_utc(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def check_paging(posicao: int, limite: int) -> None:
    """``posicao`` ≥ 0 and 1 ≤ ``limite`` ≤ 200."""
    if isinstance(posicao, bool) or not isinstance(posicao, int) or posicao < 0:
        raise ValidationError("validation.paging", field="posicao", max=MAX_PAGE_SIZE)
    if isinstance(limite, bool) or not isinstance(limite, int) or not 1 <= limite <= MAX_PAGE_SIZE:
        raise ValidationError("validation.paging", field="limite", max=MAX_PAGE_SIZE)


def report_query(
    data_inicio: date | datetime, data_fim: date | datetime, posicao: int, limite: int
) -> dict[str, object]:
    """The common query of every report, validated."""
    start = query_date(data_inicio, "data_inicio")
    end = query_date(data_fim, "data_fim")
    if _as_utc(data_inicio) > _as_utc(data_fim):
        raise ValidationError("validation.date_range", field="data_inicio")
    check_paging(posicao, limite)
    return {"data_inicio": start, "data_fim": end, "posicao": posicao, "limite": limite}


def _phone(value: str, field: str, *, national: bool) -> str:
    if not isinstance(value, str):
        raise ValidationError("validation.phone", field=field, value=value, detail=repr(value))
    try:
        return to_national(value) if national else normalize_phone(value)
    except PhoneNumberError as exc:
        raise ValidationError(
            "validation.phone", field=field, value=value, detail=str(exc)
        ) from None


def national_number(value: str, field: str) -> str:
    """``DDD + número`` for the v1 and ramal hosts; short numbers pass unchanged."""
    return _phone(value, field, national=True)


def bina_number(value: str, field: str) -> str:
    """A caller id to present: a Brazilian ``DDD + número`` (8 digits or more)."""
    number = national_number(value, field)
    if not number.isdigit() or len(number) < _MIN_BINA_DIGITS:
        raise ValidationError("validation.phone", field=field, value=value, detail=number)
    return number


def e164_number(value: str, field: str) -> str:
    """E.164 for the newer host; short numbers pass unchanged."""
    return _phone(value, field, national=False)
