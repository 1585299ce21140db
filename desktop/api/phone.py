"""One phone-number normaliser for every input in the app.

Agents paste numbers in every format people write them in Brazil
(``+55 (48) 9 9999-9999``, ``048999999999``, ``0 21 48 99999-9999``, ``0800 …``); the API
wants E.164 on the newer host and ``DDD + número`` on the older ones, and the webphone
gets what the provider's own examples send (``DDD + número``, see
:class:`WebphoneNumberFormat`). Short numbers (ramais, emergency and service numbers) are
left as they are.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

__all__ = [
    "PhoneNumberError",
    "WebphoneNumberFormat",
    "is_extension",
    "normalize_dial_string",
    "normalize_phone",
    "to_national",
]

BRAZIL: Final = "55"
_ALLOWED = re.compile(r"^[+\d\s().\-/]+$")
_MAX_EXTENSION_DIGITS: Final = 6
_NON_GEOGRAPHIC = ("0800", "0300", "0500", "0900")
_CAPITALS = ("3003", "4003", "4004", "4020", "4062")  # nationwide 8-digit numbers


class PhoneNumberError(ValueError):
    """The text cannot be read as a phone number or ramal."""


class WebphoneNumberFormat(StrEnum):
    """How Brazilian numbers are written in the webphone's ``chamaNumero`` and transfers.

    The provider's examples send ``DDD + número`` (``4832830151``); an account whose dial
    plan wants another form picks it per profile. Ramais and service numbers go as they
    are, numbers of other countries always with their ``+``.
    """

    NATIONAL = "ddd"  # 4832830151
    E164 = "e164"  # +554832830151
    TRUNK_PREFIX = "0ddd"  # 04832830151


def _digits(text: str) -> tuple[bool, str]:
    stripped = text.strip()
    if stripped.lower().startswith(("tel:", "callto:")):
        stripped = stripped.split(":", 1)[1].split(";", 1)[0].lstrip("/")
    if not stripped:
        raise PhoneNumberError("Informe um número.")
    if not _ALLOWED.match(stripped):
        raise PhoneNumberError(f"Número inválido: {text.strip()[:40]!r}")
    plus = stripped.startswith("+")
    digits = re.sub(r"\D", "", stripped)
    if not digits:
        raise PhoneNumberError("Informe um número.")
    if len(digits) > 15:
        raise PhoneNumberError("Número longo demais.")
    return plus, digits


def is_extension(text: str) -> bool:
    """True when ``text`` is a short number (ramal or service number)."""
    try:
        plus, digits = _digits(text)
    except PhoneNumberError:
        return False
    return not plus and len(digits) <= _MAX_EXTENSION_DIGITS


def normalize_phone(text: str, default_country: str = BRAZIL) -> str:
    """Return ``text`` as E.164 (``+5548999999999``), or as plain digits when short.

    Short numbers (up to six digits: ramais, 190, 102…), non-geographic ``0800``-style
    numbers and nationwide ``4004-xxxx`` numbers cannot be written in E.164 and come back
    as digits. Raises :class:`PhoneNumberError` with a message for the user otherwise.
    """
    plus, digits = _digits(text)
    if plus:
        if len(digits) < 8:
            raise PhoneNumberError(f"Número internacional incompleto: +{digits}")
        return "+" + digits
    if len(digits) <= _MAX_EXTENSION_DIGITS:
        return digits
    if digits.startswith(_NON_GEOGRAPHIC):
        return digits
    if len(digits) == 8 and digits.startswith(_CAPITALS):
        return digits
    if digits.startswith("00"):  # international access prefix
        return "+" + digits[2:]
    if digits.startswith("0"):
        national = digits[1:]
        # "0 + operadora (2 dígitos) + DDD + número": 12 or 13 digits after the 0
        if len(national) in (12, 13):
            national = national[2:]
        digits = national
    elif digits.startswith(default_country) and len(digits) in (12, 13):
        return "+" + digits
    if len(digits) in (10, 11):
        if digits[0] == "0" or digits[1] == "0" or digits[2] == "0":
            raise PhoneNumberError(f"DDD ou número inválido: {digits}")
        if len(digits) == 11 and digits[2] != "9":
            raise PhoneNumberError(f"Celular deve começar com 9 após o DDD: {digits}")
        return f"+{default_country}{digits}"
    raise PhoneNumberError(
        f"Número incompleto ou longo demais: {digits}. Use DDD + número, ex.: (48) 99999-9999."
    )


def normalize_dial_string(
    text: str, number_format: WebphoneNumberFormat = WebphoneNumberFormat.NATIONAL
) -> str:
    """A number typed, pasted or stored, in the form the webphone gets.

    ``+55 (48) 3283-0151`` and ``048 3283-0151`` become ``4832830151`` by default
    (``+554832830151`` or ``04832830151`` with the other formats); ``4001`` and ``0800 …``
    stay as they are; ``+1 212 …`` keeps its ``+``. Raises :class:`PhoneNumberError`.
    """
    normalized = normalize_phone(text)
    if not normalized.startswith("+" + BRAZIL) or number_format is WebphoneNumberFormat.E164:
        return normalized
    national = normalized[1 + len(BRAZIL) :]
    if number_format is WebphoneNumberFormat.TRUNK_PREFIX:
        return "0" + national
    return national


def to_national(number: str) -> str:
    """``+5548999999999`` → ``48999999999`` (the ``DDD + número`` form of the v1 hosts).

    Numbers of other countries keep their ``+``; short numbers stay as they are.
    """
    normalized = normalize_phone(number)
    if normalized.startswith("+" + BRAZIL):
        return normalized[1 + len(BRAZIL) :]
    return normalized
