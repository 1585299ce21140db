"""Ramal passwords: a random generator and a rough strength estimate (no Qt)."""

from __future__ import annotations

import itertools
import math
import secrets
import string
from dataclasses import dataclass
from enum import IntEnum
from typing import Final

__all__ = ["DEFAULT_LENGTH", "Strength", "StrengthLevel", "estimate_strength", "generate_password"]

DEFAULT_LENGTH: Final = 14
# No look-alike characters (0/O, 1/l/I): people type these passwords into SIP phones.
_LOWER: Final = "abcdefghijkmnpqrstuvwxyz"
_UPPER: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_DIGITS: Final = "23456789"
_COMMON: Final = frozenset(
    {"123456", "12345678", "123456789", "password", "senha", "qwerty", "abc123", "111111",
     "123123", "admin", "ramal", "totalvoice", "000000", "1234", "senha123", "mudar123"}
)  # fmt: skip


def generate_password(length: int = DEFAULT_LENGTH) -> str:
    """A random password of letters and digits with at least one of each class."""
    if length < 8:
        raise ValueError("password length must be at least 8")
    alphabet = _LOWER + _UPPER + _DIGITS
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c in _LOWER for c in candidate)
            and any(c in _UPPER for c in candidate)
            and any(c in _DIGITS for c in candidate)
        ):
            return candidate


class StrengthLevel(IntEnum):
    """Coarse strength buckets shown next to the password field."""

    EMPTY = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


@dataclass(frozen=True, slots=True)
class Strength:
    """The estimate: a level and the entropy (bits) it is based on."""

    level: StrengthLevel
    bits: float


def _pool(text: str) -> int:
    size = 0
    if any(c in string.ascii_lowercase for c in text):
        size += 26
    if any(c in string.ascii_uppercase for c in text):
        size += 26
    if any(c in string.digits for c in text):
        size += 10
    if any(not c.isascii() or not c.isalnum() for c in text):
        size += 33
    return size


def _is_sequence(text: str) -> bool:
    """All the same character, or a run like ``1234``/``abcd`` (up or down)."""
    if len(set(text)) == 1:
        return True
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return steps in ({1}, {-1})


def estimate_strength(password: str) -> Strength:
    """Entropy from length and character classes, with penalties for obvious patterns."""
    if not password:
        return Strength(StrengthLevel.EMPTY, 0.0)
    unique = len(set(password))
    bits = min(len(password), unique * 2) * math.log2(max(_pool(password), 2))
    if password.lower() in _COMMON or _is_sequence(password):
        bits = min(bits, 10.0)
    if bits < 40:
        level = StrengthLevel.WEAK
    elif bits < 64:
        level = StrengthLevel.FAIR
    else:
        level = StrengthLevel.STRONG
    return Strength(level, round(bits, 1))
