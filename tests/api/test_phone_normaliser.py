from __future__ import annotations

import pytest

from desktop.api.phone import (
    PhoneNumberError,
    WebphoneNumberFormat,
    is_extension,
    normalize_dial_string,
    normalize_phone,
    to_national,
)
from desktop.webphone.protocol import Command, ProtocolError, build_command


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


WEBPHONE_FORMS = [
    # typed, DDD + número (default), E.164, 0 + DDD + número
    ("+55 (48) 3283-0151", "4832830151", "+554832830151", "04832830151"),
    ("048 3283-0151", "4832830151", "+554832830151", "04832830151"),
    ("(48) 3283-0151", "4832830151", "+554832830151", "04832830151"),
    ("0 21 48 3283-0151", "4832830151", "+554832830151", "04832830151"),
    ("554832830151", "4832830151", "+554832830151", "04832830151"),
    ("tel:+55-97-98888-8888", "97988888888", "+5597988888888", "097988888888"),
    ("4001", "4001", "4001", "4001"),
    ("0800 123 4567", "08001234567", "08001234567", "08001234567"),
    ("4004-1234", "40041234", "40041234", "40041234"),
    ("+1 212 555 0100", "+12125550100", "+12125550100", "+12125550100"),
    ("00 351 21 123 4567", "+351211234567", "+351211234567", "+351211234567"),
]


@pytest.mark.parametrize(("typed", "national", "e164", "trunk"), WEBPHONE_FORMS)
def test_webphone_form_is_what_the_provider_examples_send(
    typed: str, national: str, e164: str, trunk: str
) -> None:
    assert normalize_dial_string(typed) == national
    assert normalize_dial_string(typed, WebphoneNumberFormat.NATIONAL) == national
    assert normalize_dial_string(typed, WebphoneNumberFormat.E164) == e164
    assert normalize_dial_string(typed, WebphoneNumberFormat.TRUNK_PREFIX) == trunk
    # every form reads back as the same number for display and storage
    for form in (national, e164, trunk):
        assert normalize_phone(form) == normalize_phone(typed)


@pytest.mark.parametrize(("typed", "national", "e164", "trunk"), WEBPHONE_FORMS)
def test_the_bridge_sends_the_webphone_form(
    typed: str, national: str, e164: str, trunk: str
) -> None:
    assert build_command(Command.CHAMA_NUMERO, numero=typed) == {
        "message": "chamaNumero",
        "numero": national,
    }
    for command in (Command.TRANSFERIR, Command.TRANSFERIR_CONSULTA):
        sent = build_command(command, numeroTelefone=typed)
        assert sent == {"message": command.value, "numeroTelefone": national}
    as_e164 = build_command(
        Command.CHAMA_NUMERO, number_format=WebphoneNumberFormat.E164, numero=typed
    )
    assert as_e164["numero"] == e164
    as_trunk = build_command(
        Command.TRANSFERIR, number_format=WebphoneNumberFormat.TRUNK_PREFIX, numeroTelefone=typed
    )
    assert as_trunk["numeroTelefone"] == trunk


def test_the_bridge_still_refuses_what_is_no_number() -> None:
    with pytest.raises(ProtocolError):
        build_command(Command.CHAMA_NUMERO, numero="48 99999")
