from __future__ import annotations

import pytest

from desktop.api.phone import PhoneNumberError, is_extension, normalize_phone, to_national


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("+55 (48) 9 9999-9999", "+5548999999999"),
        ("(48) 99999-9999", "+5548999999999"),
        ("048999999999", "+5548999999999"),
        ("0 21 48 99999-9999", "+5548999999999"),  # carrier selection code
        ("4832830151", "+554832830151"),
        ("48 3283-0151", "+554832830151"),
        ("5548999999999", "+5548999999999"),
        ("0055 48 99999 9999", "+5548999999999"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("4000", "4000"),
        ("190", "190"),
        ("0800 123 4567", "08001234567"),
        ("4004-1234", "40041234"),
        ("tel:+55-48-99999-9999;phone-context=example.com", "+5548999999999"),
        ("callto:4001", "4001"),
    ],
)
def test_accepts_what_people_type(typed: str, expected: str) -> None:
    assert normalize_phone(typed) == expected


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "abc", "48 99999", "4899999999999999", "+12", "(10) 99999-9999", "48 8999-99999"],
)
def test_rejects_with_a_message(bad: str) -> None:
    with pytest.raises(PhoneNumberError) as info:
        normalize_phone(bad)
    assert str(info.value)


def test_national_form_for_v1_hosts() -> None:
    assert to_national("+55 48 99999-9999") == "48999999999"
    assert to_national("4000") == "4000"
    assert to_national("+14155550100") == "+14155550100"


def test_extension_detection() -> None:
    assert is_extension("4000")
    assert not is_extension("48999999999")
    assert not is_extension("+4000")
    assert not is_extension("x")
