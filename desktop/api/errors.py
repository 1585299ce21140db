"""Typed errors of the API client, each able to explain itself to the user."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from desktop.api.messages import DEFAULT_LANG, MOTIVO_MESSAGES, describe, normalize_lang

__all__ = [
    "ApiError",
    "DownloadError",
    "DownloadErrorKind",
    "FormatErrorKind",
    "NetworkError",
    "NetworkErrorKind",
    "RamalApiError",
    "ResponseFormatError",
    "ValidationError",
]

_MAX_SERVER_TEXT = 200
# Statuses that say more than any motivo sent with them: the request was refused for
# that reason (rate limit, no balance) or never reached the API (gateway, unavailable).
_STATUS_FIRST: Final = frozenset({402, 429, 502, 503, 504})
# Motivos that only repeat "bad request" or "internal error": the HTTP status says more.
_GENERIC_MOTIVOS: Final = frozenset({50, 100})


class RamalApiError(Exception):
    """Base class of every error raised by ``desktop.api``."""

    status: int | None = None

    def user_message(self, lang: str | None = DEFAULT_LANG) -> str:
        """Clear words for the user, in ``lang`` (pt_BR default, or en)."""
        return describe("api.unexpected", lang, detail=str(self) or type(self).__name__)


class ApiError(RamalApiError):
    """The API answered with ``sucesso: false`` or a non-2xx envelope."""

    def __init__(
        self,
        status: int,
        motivo: int | None,
        mensagem: str = "",
        *,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.motivo = motivo
        self.mensagem = mensagem
        self.retry_after = retry_after
        super().__init__(f"HTTP {status}, motivo {motivo}: {mensagem}")

    @property
    def is_auth_error(self) -> bool:
        """The token is missing, wrong or revoked."""
        return self.motivo == 40 or self.status == 401 or (self.status == 403 and not self.motivo)

    @property
    def is_rate_limited(self) -> bool:
        """The per-second request limit was hit (HTTP 429)."""
        return self.status == 429

    @property
    def is_not_found(self) -> bool:
        """The record or path does not exist."""
        return self.motivo in (60, 90) or self.status == 404

    def _status_says_more(self) -> bool:
        status = self.status or 0
        return status in _STATUS_FIRST or (status >= 400 and self.motivo in _GENERIC_MOTIVOS)

    def user_message(self, lang: str | None = DEFAULT_LANG) -> str:
        """Describe the motivo or the HTTP status, whichever says more, plus the server's words.

        A specific motivo (no balance, no recording, bad token …) wins; the status wins
        over a generic motivo ("invalid request", "internal error") and always for
        rate limiting, no balance and an unavailable service.
        """
        if self.motivo and self.motivo in MOTIVO_MESSAGES and not self._status_says_more():
            text = describe(self.motivo, lang)
        else:
            text = describe(self.status or 0, lang)
        server = " ".join(self.mensagem.split())[:_MAX_SERVER_TEXT].rstrip(". ")
        if server and server.lower() not in text.lower():
            text += " " + describe("api.server_said", lang, mensagem=server)
        return text


class NetworkErrorKind(StrEnum):
    """What went wrong below HTTP."""

    DNS = "dns"
    REFUSED = "refused"
    CONNECT_TIMEOUT = "connect_timeout"
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    REDIRECTS = "redirects"


class NetworkError(RamalApiError):
    """The server could not be reached or stopped answering."""

    def __init__(self, kind: NetworkErrorKind, host: str, detail: str = "") -> None:
        self.kind = kind
        self.host = host
        self.detail = detail
        super().__init__(f"{kind.value} error talking to {host}: {detail}".rstrip(": "))

    def user_message(self, lang: str | None = DEFAULT_LANG) -> str:
        """Say what failed and what to check."""
        return describe(f"network.{self.kind.value}", lang, host=self.host)


class FormatErrorKind(StrEnum):
    """How an answer failed to be the documented JSON."""

    EMPTY = "empty"
    HTML = "html"
    INVALID_JSON = "invalid_json"
    ENVELOPE = "envelope"
    SHAPE = "shape"


class ResponseFormatError(RamalApiError):
    """The answer is not the documented envelope or data shape."""

    def __init__(
        self,
        kind: FormatErrorKind,
        *,
        status: int | None = None,
        excerpt: str = "",
        detail: str = "",
    ) -> None:
        self.kind = kind
        self.status = status
        self.excerpt = excerpt
        self.detail = detail
        text = f"{kind.value} answer" + (f" (HTTP {status})" if status else "")
        if detail:
            text += f": {detail}"
        if excerpt:
            text += f" — body starts with {excerpt!r}"
        super().__init__(text)

    def user_message(self, lang: str | None = DEFAULT_LANG) -> str:
        """An error status says more than the shape of its page, so it goes first."""
        if self.status is not None and self.status >= 400:
            return describe(self.status, lang)
        return describe(
            f"format.{self.kind.value}",
            lang,
            status_text=f" (HTTP {self.status})" if self.status else "",
            detail=self.detail,
        )


class ValidationError(RamalApiError, ValueError):
    """Input rejected before anything was sent."""

    def __init__(self, key: str, *, field: str | None = None, **params: object) -> None:
        self.key = key
        self.field = field
        self.params = dict(params)
        super().__init__(self.user_message(DEFAULT_LANG))

    def user_message(self, lang: str | None = DEFAULT_LANG) -> str:
        """The validation message with its field and values filled in."""
        return describe(self.key, normalize_lang(lang), field=self.field or "", **self.params)


class DownloadErrorKind(StrEnum):
    """Why a download did not produce its file."""

    TRUNCATED = "truncated"
    INTERRUPTED = "interrupted"
    DISK_FULL = "disk_full"
    PERMISSION = "permission"
    IO = "io"
    RANGE = "range"
    NOT_AUDIO = "not_audio"
    INCOMPLETE = "incomplete"


class DownloadError(RamalApiError):
    """A download failed; the target file was not created or replaced."""

    def __init__(
        self,
        kind: DownloadErrorKind,
        path: str,
        *,
        done: int = 0,
        expected: int | None = None,
        detail: str = "",
    ) -> None:
        self.kind = kind
        self.path = path
        self.done = done
        self.expected = expected
        self.detail = detail
        super().__init__(
            f"download {kind.value} for {path}: {done}/{expected} bytes {detail}".rstrip()
        )

    def user_message(self, lang: str | None = DEFAULT_LANG) -> str:
        """Say what happened to the file and whether retrying resumes."""
        return describe(
            f"download.{self.kind.value}",
            lang,
            path=self.path,
            done=self.done,
            expected=self.expected if self.expected is not None else "?",
            detail=self.detail,
        )
