from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.agent.input_words import command_problem, number_problem
from desktop.api.phone import PhoneNumberError, normalize_phone
from desktop.webphone.protocol import ProtocolError, build_command


def problem_for(text: str) -> str:
    with pytest.raises(PhoneNumberError) as caught:
        normalize_phone(text)
    return number_problem(caught.value, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  ", "Type a number."),
        (
            "12ab",
            "“12ab” is not a phone number: use digits, spaces, dashes, dots, brackets "
            "and a leading +.",
        ),
        (
            "(48) 9999-99",
            "“(48) 9999-99” is incomplete or too long. Type the area code (DDD) "
            "and the number, e.g. (48) 99999-9999.",
        ),
        ("+123", "The international number “+123” is incomplete."),
        ("1" * 16, "The number is too long."),
        ("(48) 0999-9999", "The area code (DDD) or the number in “(48) 0999-9999” is not valid."),
        (
            "48 8999-90000",
            "A mobile number starts with 9 after the area code (DDD): “48 8999-90000”.",
        ),
    ],
)
def test_number_problems_are_english_sentences(
    qapp: QApplication, text: str, expected: str
) -> None:
    assert problem_for(text) == expected


def test_unknown_number_message_still_gets_words(qapp: QApplication) -> None:
    words = number_problem(PhoneNumberError("algo novo"), "x" * 60)
    assert words.startswith("“" + "x" * 39 + "…” is not a valid phone number.")


def command_error(**fields: object) -> ProtocolError:
    command = fields.pop("command")
    with pytest.raises(ProtocolError) as caught:
        build_command(str(command), **fields)
    return caught.value


def test_command_problems_are_english_phrases(qapp: QApplication) -> None:
    assert command_problem(command_error(command="enviaDTMF", dtmf="12a")) == (
        "keypad tones accept only 0-9, * and #"
    )
    assert command_problem(command_error(command="entrarNaFila", filaId="")) == (
        "the queue ID is missing"
    )
    assert command_problem(command_error(command="entrarNaFila", filaId="a b")).startswith(
        "a queue ID has only"
    )
    assert command_problem(command_error(command="chamaNumero", numero="12ab")) == (
        "the number is not valid"
    )
    assert command_problem(command_error(command="nada")) == "the webphone does not accept it"
