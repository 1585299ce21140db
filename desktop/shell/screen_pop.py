"""Screen pop: a CRM page opened in the default browser when a call arrives or is answered."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Final
from urllib.parse import quote, urlsplit

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.api.redaction import redact_url

log = logging.getLogger(__name__)

__all__ = ["PLACEHOLDERS", "ScreenPopError", "build_screen_pop_url", "open_screen_pop"]

PLACEHOLDERS: Final = ("numero", "chamada_id", "ramal")
_FIELD = re.compile(r"\{([A-Za-z_]+)\}")


class ScreenPopError(ValueError):
    """The URL template is not usable (not http(s), unknown placeholder)."""


def check_template(template: str) -> None:
    """Raise :class:`ScreenPopError` unless ``template`` is an http(s) URL with known fields."""
    unknown = sorted({m for m in _FIELD.findall(template) if m not in PLACEHOLDERS})
    if unknown:
        raise ScreenPopError(f"unknown placeholder: {{{unknown[0]}}}")
    parts = urlsplit(_FIELD.sub("x", template.strip()))
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ScreenPopError("the screen-pop URL must start with http:// or https://")


def build_screen_pop_url(
    template: str, numero: str, chamada_id: str | None = None, ramal: str | None = None
) -> str | None:
    """The URL with ``{numero}``, ``{chamada_id}`` and ``{ramal}`` filled in, URL-encoded.

    Returns None for an empty template; raises :class:`ScreenPopError` for a bad one.
    Values are encoded completely (``+`` becomes ``%2B``), so a number can never change
    the structure of the URL.
    """
    template = template.strip()
    if not template:
        return None
    check_template(template)
    values = {"numero": numero, "chamada_id": chamada_id or "", "ramal": ramal or ""}
    return _FIELD.sub(lambda m: quote(values[m.group(1)], safe=""), template)


def open_screen_pop(
    template: str,
    numero: str,
    chamada_id: str | None = None,
    ramal: str | None = None,
    opener: Callable[[QUrl], bool] = QDesktopServices.openUrl,
) -> bool:
    """Open the screen-pop page; False (logged) when there is none or it fails."""
    try:
        url = build_screen_pop_url(template, numero, chamada_id, ramal)
    except ScreenPopError as exc:
        log.warning("screen pop skipped: %s", exc)
        return False
    if url is None:
        return False
    opened = bool(opener(QUrl(url, QUrl.ParsingMode.StrictMode)))
    if not opened:
        log.warning("screen pop could not open %s", redact_url(url))
    return opened
