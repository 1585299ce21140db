"""Keep secrets out of logs: webphone keys, signatures and tokens in URLs and text.

Besides the shapes of secrets (``key=…``, ``Access-Token:`` headers), the values
registered at run time (the account token, the current webphone key and signature) are
masked wherever they appear. Qt-free, so every layer that writes log lines can use it.
"""

from __future__ import annotations

import re
import threading
from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = [
    "SECRET_QUERY_KEYS",
    "redact",
    "redact_text",
    "redact_url",
    "register_secret",
    "unregister_secret",
]

SECRET_QUERY_KEYS: Final = frozenset(
    {"key", "signature", "token", "access_token", "access-token", "senha", "password"}
)
_MASK: Final = "***"
_SECRET_IN_TEXT: Final = re.compile(
    r"(?i)\b(key|signature|token|access_token|access-token|senha|password)=[^&\s\"'<>]*"
)
_MIN_SECRET: Final = 6
_HEADER = re.compile(r"(?i)\b(access-token|authorization|x-api-key)(\"?\s*[:=]\s*\"?)[^\s\"',}]+")
_JSON_SECRET = re.compile(
    r"(?i)([\"'](?:key|signature|token|access_token|access-token|senha|password)[\"']\s*:\s*[\"'])"
    r"[^\"']*"
)

_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Mask ``value`` wherever it appears in later log records (short values are ignored)."""
    if value and len(value.strip()) >= _MIN_SECRET:
        with _lock:
            _secrets.add(value.strip())


def unregister_secret(value: str | None) -> None:
    """Stop masking ``value`` (after log-out)."""
    if value:
        with _lock:
            _secrets.discard(value.strip())


def redact(text: str) -> str:
    """``text`` with registered secrets and secret-looking parameters masked."""
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, _MASK)
    text = _HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{_MASK}", text)
    text = _JSON_SECRET.sub(lambda m: f"{m.group(1)}{_MASK}", text)
    return redact_text(text)


def redact_url(url: object) -> str:
    """The URL with the values of secret query parameters masked."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return redact_text(text)
    if not parts.query:
        return text
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    masked = [(k, _MASK if k.lower() in SECRET_QUERY_KEYS else v) for k, v in pairs]
    return urlunsplit(parts._replace(query=urlencode(masked, safe="*")))


def redact_text(text: str) -> str:
    """Mask ``key=…``, ``signature=…`` and similar anywhere in free text."""
    return _SECRET_IN_TEXT.sub(lambda m: f"{m.group(1)}={_MASK}", text)
