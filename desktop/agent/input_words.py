"""Translated words for numbers and commands refused before they reach the webphone.

The phone-number normaliser and the protocol validator are Qt-free and speak
Portuguese; the agent reads these sentences instead, in the interface language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from desktop.api.phone import PhoneNumberError
from desktop.webphone.protocol import ProtocolError

__all__ = ["command_problem", "number_problem"]

log = logging.getLogger(__name__)

_SHOWN_CHARS = 40
_EXAMPLE = "(48) 99999-9999"


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _number_words(message: str, text: str) -> str:
    # Keywords of desktop.api.phone's messages; the last sentence covers anything new.
    lowered = message.lower()
    shown = _shown(text)
    if "informe" in lowered or not shown:
        return QCoreApplication.translate("NumberProblem", "Type a number.")
    if "incompleto ou longo" in lowered:
        return (
            QCoreApplication.translate(
                "NumberProblem",
                "“%1” is incomplete or too long. Type the area code (DDD) and the number, e.g. %2.",
            )
            .replace("%1", shown)
            .replace("%2", _EXAMPLE)
        )
    if "internacional" in lowered:
        return QCoreApplication.translate(
            "NumberProblem", "The international number “%1” is incomplete."
        ).replace("%1", shown)
    if "longo demais" in lowered:
        return QCoreApplication.translate("NumberProblem", "The number is too long.")
    if "ddd" in lowered and "celular" not in lowered:
        return QCoreApplication.translate(
            "NumberProblem", "The area code (DDD) or the number in “%1” is not valid."
        ).replace("%1", shown)
    if "celular" in lowered:
        return QCoreApplication.translate(
            "NumberProblem", "A mobile number starts with 9 after the area code (DDD): “%1”."
        ).replace("%1", shown)
    if "inválido" in lowered:
        return QCoreApplication.translate(
            "NumberProblem",
            "“%1” is not a phone number: use digits, spaces, dashes, dots, brackets and a "
            "leading +.",
        ).replace("%1", shown)
    return (
        QCoreApplication.translate(
            "NumberProblem",
            "“%1” is not a valid phone number. Type the area code (DDD) and the number, e.g. %2.",
        )
        .replace("%1", shown)
        .replace("%2", _EXAMPLE)
    )


def number_problem(exc: PhoneNumberError, text: str) -> str:
    """The sentence to show when ``text`` (what the agent typed) is not a number."""
    log.debug("number refused: %s", exc)
    return _number_words(str(exc), text)


def command_problem(exc: ProtocolError) -> str:
    """Why the command was refused, as a short phrase (no final period)."""
    message = str(exc)
    lowered = message.lower()
    log.info("webphone command refused: %s", message)
    if "filaid" in lowered:
        if "obrigatório" in lowered:
            return QCoreApplication.translate("NumberProblem", "the queue ID is missing")
        return QCoreApplication.translate(
            "NumberProblem",
            "a queue ID has only letters, digits, - and _ (up to 64 characters)",
        )
    if "dtmf" in lowered:
        return QCoreApplication.translate("NumberProblem", "keypad tones accept only 0-9, * and #")
    if "número" in lowered or "ddd" in lowered or "celular" in lowered:
        return QCoreApplication.translate("NumberProblem", "the number is not valid")
    return QCoreApplication.translate("NumberProblem", "the webphone does not accept it")
