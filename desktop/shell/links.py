"""``tel:`` / ``callto:`` links and ``--dial NUMBER`` turned into a number to dial (no Qt).

Operating systems start the URI handler with the link as the first argument; the running
instance receives the same arguments through :mod:`desktop.shell.single_instance`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final
from urllib.parse import unquote

from desktop.api.phone import PhoneNumberError, normalize_phone

__all__ = ["DialRequest", "DialSource", "LinkError", "dial_request_from_args", "parse_phone_link"]

SCHEMES: Final = ("tel", "callto")
DIAL_OPTION: Final = "--dial"
_MAX_LINK: Final = 200
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?P<rest>.*)$", re.DOTALL)
_GLOBAL_CONTEXT = re.compile(r"^\+[\d().\-\s]+$")


class LinkError(ValueError):
    """The link or option does not hold a number that can be dialed."""


class DialSource(StrEnum):
    """Where a dial request came from."""

    LINK = "link"
    OPTION = "option"


@dataclass(frozen=True, slots=True)
class DialRequest:
    """A number to dial, normalised, with where it came from."""

    number: str
    source: DialSource


def is_phone_link(text: str) -> bool:
    """True when ``text`` starts with ``tel:`` or ``callto:`` (any case)."""
    match = _SCHEME.match(text.strip())
    return match is not None and match.group("scheme").lower() in SCHEMES


def parse_phone_link(text: str) -> str:
    """The normalised number of a ``tel:``/``callto:`` link.

    Accepts RFC 3966 forms (``tel:+55-48-99999-9999;phone-context=example.com``, a local
    number with a ``+``-prefixed ``phone-context``), ``callto://4001``, URL-encoded text
    (``tel:%2B5548…``) and ``?`` query parts; raises :class:`LinkError` otherwise.
    """
    raw = text.strip()
    if len(raw) > _MAX_LINK:
        raise LinkError("link too long")
    match = _SCHEME.match(raw)
    if match is None or match.group("scheme").lower() not in SCHEMES:
        raise LinkError(f"not a tel: or callto: link: {raw[:40]!r}")
    rest = unquote(match.group("rest")).strip()
    if rest.startswith("//"):
        rest = rest[2:]
    rest = rest.split("?", 1)[0].rstrip("/")
    number, *params = rest.split(";")
    context = next(
        (p.split("=", 1)[1].strip() for p in params if p.lower().startswith("phone-context=")),
        "",
    )
    number = number.strip()
    if context and not number.startswith("+") and _GLOBAL_CONTEXT.match(context):
        number = context + number  # a local number inside a global prefix (RFC 3966 §5.1.5)
    try:
        return normalize_phone(number)
    except PhoneNumberError as exc:
        raise LinkError(str(exc)) from exc


def dial_request_from_args(args: Sequence[str]) -> DialRequest | None:
    """The dial request in the arguments (without the program name), if any.

    A link counts only as the first argument (how OS handlers pass it); ``--dial NUMBER``
    and ``--dial=NUMBER`` may appear anywhere. Raises :class:`LinkError` for a bad number.
    """
    if args and is_phone_link(args[0]):
        return DialRequest(parse_phone_link(args[0]), DialSource.LINK)
    for index, arg in enumerate(args):
        value: str | None = None
        if arg == DIAL_OPTION:
            if index + 1 >= len(args):
                raise LinkError("--dial needs a number")
            value = args[index + 1]
        elif arg.startswith(DIAL_OPTION + "="):
            value = arg.split("=", 1)[1]
        if value is not None:
            number = parse_phone_link(value) if is_phone_link(value) else _plain(value)
            return DialRequest(number, DialSource.OPTION)
    return None


def _plain(value: str) -> str:
    try:
        return normalize_phone(value)
    except PhoneNumberError as exc:
        raise LinkError(str(exc)) from exc
