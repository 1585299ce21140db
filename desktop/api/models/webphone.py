"""The signed, expiring webphone URL returned by ``GET /webphone``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from urllib.parse import parse_qs, parse_qsl, urlsplit

from desktop.api.models.parsing import expect_object, parse_int, parse_str, shape_error
from desktop.api.redaction import SECRET_QUERY_KEYS, redact_url

__all__ = ["WebphoneType", "WebphoneUrl", "parse_webphone_url"]


class WebphoneType(StrEnum):
    """How the provider's webphone is embedded."""

    FLOATING = "floating"
    EMBEDDED = "embedded"
    HIDDEN = "hidden"


@dataclass(frozen=True, slots=True)
class WebphoneUrl:
    """A webphone URL; it carries a key and a signature, so its repr hides them."""

    url: str = field(repr=False)
    expires: datetime | None = None

    def __repr__(self) -> str:
        return f"WebphoneUrl(url={redact_url(self.url)!r}, expires={self.expires!r})"

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the page, the only target for postMessage."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def secret_values(self) -> tuple[str, ...]:
        """The values of its secret query parameters (key, signature…), for log redaction."""
        pairs = parse_qsl(urlsplit(self.url).query, keep_blank_values=False)
        return tuple(v for k, v in pairs if k.lower() in SECRET_QUERY_KEYS)

    def is_expired(self, now: datetime | None = None, margin: timedelta = timedelta(0)) -> bool:
        """True when the URL expires within ``margin`` of ``now`` (default: the current time).

        A URL without ``expires`` never counts as expired.
        """
        if self.expires is None:
            return False
        current = now if now is not None else datetime.now(UTC)
        if current.tzinfo is None:
            current = current.astimezone()
        return self.expires <= current + margin


def parse_webphone_url(dados: object) -> WebphoneUrl:
    """Read ``dados`` of ``GET /webphone``: an absolute http(s) URL is required."""
    record = expect_object(dados, "dados")
    url = (parse_str(record.get("url")) or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise shape_error("webphone: dados.url is not an absolute http(s) URL")
    values = parse_qs(parts.query).get("expires")
    expires = None
    if values:
        seconds = parse_int(values[-1])
        if seconds is not None:
            try:
                expires = datetime.fromtimestamp(seconds, UTC)
            except (OverflowError, OSError, ValueError):
                expires = None
    return WebphoneUrl(url, expires)
