"""Request parameter checks shared by the routes: dates, paging, typed body fields."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Final, TypeVar

from desktop.sandbox.envelope import ApiError, JsonObject, invalid, missing
from desktop.sandbox.timeutil import parse_moment

T = TypeVar("T")

DEFAULT_LIMIT: Final = 100
MAX_LIMIT: Final = 200
_PHONE: Final = re.compile(r"^\+?\d{2,15}$")
_TRUE: Final = ("true", "1", "sim")
_FALSE: Final = ("false", "0", "nao", "não", "")


def report_window(query: Mapping[str, str]) -> tuple[datetime, datetime]:
    """``data_inicio``/``data_fim`` (both required); a bare data_fim covers its whole day."""
    bounds: list[datetime] = []
    for name, end in (("data_inicio", False), ("data_fim", True)):
        text = query.get(name, "").strip()
        if not text:
            raise missing(name)
        try:
            bounds.append(parse_moment(text, end_of_day=end))
        except ValueError:
            raise invalid(name, "use AAAA-MM-DD ou data e hora ISO 8601") from None
    return bounds[0], bounds[1]


def _non_negative(query: Mapping[str, str], name: str, default: int) -> int:
    text = query.get(name, "").strip()
    if not text:
        return default
    if len(text) > 18 or not re.fullmatch(r"[+-]?\d+", text):
        raise invalid(name, "deve ser um número inteiro")
    value = int(text)
    if value < 0:
        raise invalid(name, "não pode ser negativo")
    return value


def paging(query: Mapping[str, str]) -> tuple[int, int]:
    """``posicao`` (offset from 0) and ``limite`` (default 100, clamped to 200)."""
    posicao = _non_negative(query, "posicao", 0)
    limite = _non_negative(query, "limite", DEFAULT_LIMIT)
    if limite == 0:
        raise invalid("limite", "deve ser maior que zero")
    return posicao, min(limite, MAX_LIMIT)


def page(items: Sequence[T], posicao: int, limite: int) -> tuple[list[T], JsonObject]:
    """The slice to return and the paging fields of ``dados``."""
    chunk = list(items[posicao : posicao + limite])
    return chunk, {"total": len(items), "posicao": posicao, "limite": limite}


def text_field(body: JsonObject, name: str, *, required: bool = False) -> str | None:
    """A text field; numbers are accepted and written as text, empty counts as absent."""
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise missing(name)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise invalid(name, "deve ser texto")
    return str(value).strip()


def phone_field(body: JsonObject, name: str, *, required: bool = False) -> str | None:
    """A phone number or ramal: digits with an optional leading ``+``."""
    value = text_field(body, name, required=required)
    if value is None:
        return None
    compact = re.sub(r"[\s().-]", "", value)
    if not _PHONE.match(compact):
        raise invalid(name, "número de telefone inválido")
    return compact


def bool_field(body: JsonObject, name: str) -> bool | None:
    """A boolean: JSON true/false, 0/1 or the strings "true"/"false"."""
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise invalid(name, "deve ser true ou false")


def int_field(body: JsonObject, name: str, *, required: bool = False) -> int | None:
    """An integer, also when written as a numeric string."""
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise missing(name)
        return None
    if isinstance(value, bool):
        raise invalid(name, "deve ser um número inteiro")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,18}\s*", value):
        return int(value)
    raise invalid(name, "deve ser um número inteiro")


def require_object(value: object) -> JsonObject:
    """Narrow a parsed JSON value to an object (400 motivo 100 otherwise)."""
    if not isinstance(value, dict):
        raise ApiError(400, 100, "requisição inválida: esperado um objeto JSON")
    return value
