from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from desktop.api.errors import ResponseFormatError
from desktop.api.models import LegStatus
from desktop.api.models.parsing import (
    PROVIDER_TZ,
    dump_raw,
    expect_list,
    expect_object,
    freeze,
    parse_bool,
    parse_datetime,
    parse_decimal,
    parse_duration,
    parse_enum,
    parse_id,
    parse_int,
    parse_reason_code,
    parse_seconds,
    parse_str,
    require_id,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (123, 123),
        ("123", 123),
        (" 42 ", 42),
        (7.0, 7),
        ("abc-9", "abc-9"),
        ("", None),
        (None, None),
        (True, None),
        ([], None),
    ],
)
def test_parse_id(value: object, expected: object) -> None:
    assert parse_id(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1, Decimal("0.1")),
        ("0.00", Decimal("0.00")),
        (0, Decimal(0)),
        ("0,10", Decimal("0.10")),
        (0.12, Decimal("0.12")),
        (None, None),
        ("grátis", None),
        ("NaN", None),
        (True, None),
    ],
)
def test_parse_decimal(value: object, expected: object) -> None:
    assert parse_decimal(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("00:00:29", 29),
        ("00:01:00", 60),
        ("00:00:60", 60),
        ("00:06:09", 369),
        ("01:02:03", 3723),
        ("05:30", 330),
        (29, 29),
        ("29", 29),
        (12.7, 12),
        (None, None),
        ("", None),
        ("ab:cd", None),
        ("-00:00:05", None),
        (-3, None),
        ("1:2:3:4", None),
        ("inf:00", None),
        (float("inf"), None),
        (float("nan"), None),
    ],
)
def test_parse_duration(value: object, expected: object) -> None:
    assert parse_duration(value) == expected


def test_parse_seconds_prefers_the_number_and_falls_back_to_text() -> None:
    assert parse_seconds({"duracao_segundos": 10, "duracao": "00:00:99"}, "duracao") == 10
    assert parse_seconds({"duracao_segundos": None, "duracao": "00:00:60"}, "duracao") == 60
    assert parse_seconds({}, "duracao") is None


def test_parse_datetime_with_offsets_z_and_naive() -> None:
    with_offset = parse_datetime("2018-08-02T10:49:30-03:00")
    assert with_offset == datetime(2018, 8, 2, 13, 49, 30, tzinfo=UTC)
    assert parse_datetime("2021-04-08T17:21:20Z") == datetime(2021, 4, 8, 17, 21, 20, tzinfo=UTC)
    assert parse_datetime("2016-03-27T15:13:11+01:00") == datetime(
        2016, 3, 27, 14, 13, 11, tzinfo=UTC
    )
    naive = parse_datetime("2019-06-15 11:14:41")
    assert naive is not None and naive.tzinfo is PROVIDER_TZ
    assert naive.utcoffset() == timedelta(hours=-3)
    assert parse_datetime(0) == datetime(1970, 1, 1, tzinfo=UTC)
    bad: object
    for bad in (None, "", "0000-00-00 00:00:00", "ontem", [], True):
        assert parse_datetime(bad) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("1", True),
        (1, True),
        ("false", False),
        ("0", False),
        (0, False),
        ("sim", True),
        ("talvez", None),
        (None, None),
        (2, None),
    ],
)
def test_parse_bool(value: object, expected: object) -> None:
    assert parse_bool(value) is expected


def test_parse_str_and_int() -> None:
    assert parse_str("x") == "x"
    assert parse_str(4000) == "4000"
    assert parse_str(None) is None
    assert parse_str(True) is None
    assert parse_int("12.0") == 12
    assert parse_int("12.5") is None
    assert parse_int(False) is None


def test_parse_enum_keeps_unknown_values() -> None:
    assert parse_enum(LegStatus, "atendida") is LegStatus.ATENDIDA
    assert parse_enum(LegStatus, "Não existe") is LegStatus.NAO_EXISTE
    assert parse_enum(LegStatus, "transferida") == "transferida"
    assert not isinstance(parse_enum(LegStatus, "transferida"), LegStatus)
    assert parse_enum(LegStatus, None) is None


def test_parse_reason_code() -> None:
    assert parse_reason_code("16. normal") == 16
    assert parse_reason_code("127. erro de conectividade") == 127
    assert parse_reason_code("indefinido") is None
    assert parse_reason_code(17) == 17
    assert parse_reason_code(None) is None


def test_shape_helpers_raise_response_format_error() -> None:
    with pytest.raises(ResponseFormatError):
        expect_object([1], "x")
    with pytest.raises(ResponseFormatError):
        expect_list({"a": 1}, "x")
    with pytest.raises(ResponseFormatError):
        require_id({"id": None}, "chamada")
    assert require_id({"id": "77"}, "chamada") == 77


def test_frozen_raw_is_read_only_and_dumps_as_json() -> None:
    raw = freeze({"id": 1, "nested": {"a": [1, 2]}})
    with pytest.raises(TypeError):
        raw["id"] = 2  # type: ignore[index]
    assert '"nested"' in dump_raw(raw)
