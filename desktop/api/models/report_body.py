"""A report answer read from its body bytes, each row from its own JSON bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

import msgspec

from desktop.api.envelope import unwrap_envelope
from desktop.api.errors import ResponseFormatError
from desktop.api.models.page import Page, page_of, parse_page
from desktop.api.models.parsing import shape_error

__all__ = ["decode_page"]

T = TypeVar("T")


class _Dados(msgspec.Struct):
    relatorio: list[msgspec.Raw]
    total: object = None
    posicao: object = None
    limite: object = None


class _Envelope(msgspec.Struct):
    sucesso: object = None
    dados: _Dados | None = None


_ENVELOPE: Final = msgspec.json.Decoder(_Envelope)


def decode_page(
    status: int,
    body: bytes,
    content_type: str | None,
    retry_after: float | None,
    *,
    decode_item: Callable[[bytes], T],
    parse_item: Callable[[object], T],
    posicao: int,
    limite: int,
    what: str = "relatorio",
) -> Page[T]:
    """Read a report answer from its body, each row from its own JSON bytes.

    A successful envelope is split into rows without building Python objects for the
    whole body; ``decode_item`` reads each row's bytes (and may keep them). Anything else
    (an error, ``dados: null``, an envelope in an undocumented form) goes through
    :func:`unwrap_envelope` and :func:`parse_page`, which raise the usual typed errors.
    """
    envelope: _Envelope | None = None
    if 200 <= status < 300 and "html" not in (content_type or "").lower():
        try:
            envelope = _ENVELOPE.decode(body)
        except msgspec.DecodeError:
            envelope = None
    if envelope is None or envelope.sucesso is not True or envelope.dados is None:
        dados = unwrap_envelope(status, body, content_type, retry_after=retry_after)
        return parse_page(dados, parse_item, posicao=posicao, limite=limite, what=what)
    record = envelope.dados
    items: list[T] = []
    for index, row in enumerate(record.relatorio):
        try:
            items.append(decode_item(bytes(row)))
        except ResponseFormatError as exc:
            raise shape_error(f"{what}[{index}]: {exc.detail}") from exc
    return page_of(items, record.posicao, record.limite, record.total, posicao, limite)
