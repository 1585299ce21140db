"""A call report page as answered, kept undecoded until the rows are wanted.

Both engines (the app's async client and the headless export's threads) fetch a page as
a :class:`ReportAnswer` and read it with :meth:`ReportAnswer.page`, which imports the
decoders (msgspec) only then: a command sends its first requests before loading them.
``record_bytes``/``record_of`` are the items of a records report (each call's JSON as
received, for an export that writes it out unchanged).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar

if TYPE_CHECKING:
    from desktop.api.models.page import Page

__all__ = ["CALL_REPORT_PATH", "ReportAnswer", "record_bytes", "record_of"]

T = TypeVar("T")

#: The call report on the v1 host.
CALL_REPORT_PATH: Final = "/chamada/relatorio"


class ReportAnswer:
    """A report page's final answer, kept undecoded (a transport's ``decode`` hook).

    A plain class: making a dataclass costs a headless command's start-up a millisecond
    or two before its first request.
    """

    __slots__ = ("body", "content_type", "retry_after", "status")

    def __init__(
        self, status: int, body: bytes, content_type: str | None, retry_after: float | None
    ) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type
        self.retry_after = retry_after

    def page(
        self,
        decode_item: Callable[[bytes], T],
        parse_item: Callable[[object], T],
        *,
        posicao: int,
        limite: int,
    ) -> Page[T]:
        """The call report page this answer holds (or the typed error it stands for)."""
        from desktop.api.models.report_body import decode_page

        return decode_page(
            self.status,
            self.body,
            self.content_type,
            self.retry_after,
            decode_item=decode_item,
            parse_item=parse_item,
            posicao=posicao,
            limite=limite,
            what="chamadas",
        )


def record_bytes(data: bytes) -> bytes:
    """A record of a report split from its envelope: JSON already, it must be an object."""
    if not data.startswith(b"{"):
        from desktop.api.models.parsing import shape_error

        raise shape_error("chamada is not an object")
    return data


def record_of(value: object) -> bytes:
    """A record of a report in an undocumented envelope, as compact JSON."""
    import json

    from desktop.api.models.parsing import expect_object

    record = expect_object(value, "chamada")
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
