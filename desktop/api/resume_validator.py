"""Which version of a file a partial download holds, kept beside it across runs.

A resumed download asks for the rest with ``Range`` and ``If-Range: <validator>``; the
server sends the rest only when the file is still that version, else all of the new one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Final

import httpx

__all__ = ["ResumeValidator"]

_MAX_FILE: Final = 4096
_STRONG_ETAG: Final = re.compile(r'^"[\x21\x23-\x7e\x80-\xff]*"$')


def _is_http_date(value: str) -> bool:
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return False
    return True


@dataclass(frozen=True)
class ResumeValidator:
    """Names the version of the file a ``.part`` holds: a strong ETag or a Last-Modified."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def of(cls, response: httpx.Response) -> ResumeValidator | None:
        """The answer's strong ETag, else its Last-Modified date; None without either.

        A weak ETag (``W/"…"``) may not go in ``If-Range``: only a byte-exact match
        makes joining two ranges safe.
        """
        etag = response.headers.get("ETag", "").strip()
        if _STRONG_ETAG.match(etag):
            return cls(etag=etag)
        modified = response.headers.get("Last-Modified", "").strip()
        if modified and _is_http_date(modified):
            return cls(last_modified=modified)
        return None

    @property
    def if_range(self) -> str:
        """The ``If-Range`` value."""
        return self.etag or self.last_modified or ""

    def names_another_version(self, response: httpx.Response) -> bool:
        """True when the answer carries a validator of a different version."""
        if self.etag is not None:
            other = response.headers.get("ETag", "").strip()
            return bool(other) and other != self.etag
        other = response.headers.get("Last-Modified", "").strip()
        return bool(other) and other != self.last_modified

    def save(self, path: Path) -> None:
        """Write it next to the ``.part``."""
        path.write_text(
            json.dumps({"etag": self.etag, "last_modified": self.last_modified}), "utf-8"
        )

    @classmethod
    def load(cls, path: Path) -> ResumeValidator | None:
        """The validator kept at ``path``; None when absent or unreadable."""
        try:
            with open(path, "rb") as fh:
                raw = fh.read(_MAX_FILE + 1)
            data = json.loads(raw) if len(raw) <= _MAX_FILE else None
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        etag, modified = data.get("etag"), data.get("last_modified")
        if isinstance(etag, str) and _STRONG_ETAG.match(etag):
            return cls(etag=etag)
        if isinstance(modified, str) and _is_http_date(modified):
            return cls(last_modified=modified)
        return None
