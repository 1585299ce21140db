"""The one place where the ``{status, sucesso, motivo, mensagem, dados}`` envelope is read."""

from __future__ import annotations

import json
from typing import Final

from desktop.api.errors import ApiError, FormatErrorKind, ResponseFormatError
from desktop.api.models.parsing import parse_bool, parse_int, parse_str
from desktop.api.redaction import redact_text

__all__ = ["body_excerpt", "looks_like_json", "unwrap_envelope"]

_EXCERPT_CHARS: Final = 160


def body_excerpt(body: bytes) -> str:
    """The start of a body, on one line, secrets masked: enough to recognise it in a log."""
    text = body[: _EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
    return redact_text(" ".join(text.split()))[:_EXCERPT_CHARS]


def looks_like_json(content_type: str | None) -> bool:
    """True for ``application/json`` and ``…+json`` content types."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json") or media == "text/json"


def unwrap_envelope(
    status: int,
    body: bytes,
    content_type: str | None = None,
    *,
    retry_after: float | None = None,
) -> object:
    """Return ``dados`` of a successful answer; raise the typed error otherwise.

    ``sucesso: false`` (whatever the HTTP status) and any non-2xx status raise
    :class:`ApiError`; a body that is not the envelope raises :class:`ResponseFormatError`
    carrying the status and an excerpt. ``dados`` may be absent (escuta, transfer and
    avaliar answers have none): that reads as None.
    """
    if status == 204:
        return None
    stripped = body.strip()
    if not stripped:
        raise ResponseFormatError(FormatErrorKind.EMPTY, status=status)
    media = (content_type or "").lower()
    if "html" in media or stripped[:1] == b"<":
        raise ResponseFormatError(FormatErrorKind.HTML, status=status, excerpt=body_excerpt(body))
    try:
        data = json.loads(stripped.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise ResponseFormatError(
            FormatErrorKind.INVALID_JSON, status=status, excerpt=body_excerpt(body)
        ) from None
    if not isinstance(data, dict) or "sucesso" not in data:
        raise ResponseFormatError(
            FormatErrorKind.ENVELOPE,
            status=status,
            excerpt=body_excerpt(body),
            detail="no 'sucesso' key",
        )
    sucesso = parse_bool(data["sucesso"])
    if sucesso is None:
        raise ResponseFormatError(
            FormatErrorKind.ENVELOPE,
            status=status,
            excerpt=body_excerpt(body),
            detail="'sucesso' is not a boolean",
        )
    if sucesso and 200 <= status < 300:
        return data.get("dados")
    envelope_status = parse_int(data.get("status"))
    if 200 <= status < 300 and envelope_status is not None and envelope_status >= 400:
        status = envelope_status  # an error reported with HTTP 200: the envelope says which
    raise ApiError(
        status,
        parse_int(data.get("motivo")),
        parse_str(data.get("mensagem")) or "",
        retry_after=retry_after,
    )
