"""Keep secrets out of logs: webphone keys, signatures and tokens in URLs and text."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["SECRET_QUERY_KEYS", "redact_text", "redact_url"]

SECRET_QUERY_KEYS: Final = frozenset(
    {"key", "signature", "token", "access_token", "access-token", "senha", "password"}
)
_MASK: Final = "***"
_SECRET_IN_TEXT: Final = re.compile(
    r"(?i)\b(key|signature|token|access_token|access-token|senha|password)=[^&\s\"'<>]*"
)


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
