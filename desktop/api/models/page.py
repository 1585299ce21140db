"""One page of a report (``dados.relatorio`` plus the paging numbers)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from desktop.api.errors import ResponseFormatError
from desktop.api.models.parsing import expect_list, expect_object, parse_int, shape_error

__all__ = ["Page", "page_of", "parse_page"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """Rows of one report page.

    ``posicao`` and ``limite`` are the server's when it reports them, else the ones asked
    for; ``total`` is None when the server does not say how many rows there are.
    """

    items: tuple[T, ...]
    posicao: int
    limite: int
    total: int | None = None

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)


def parse_page(
    dados: object,
    parse_item: Callable[[object], T],
    *,
    posicao: int,
    limite: int,
    what: str = "relatorio",
) -> Page[T]:
    """Read ``dados`` of a report answer.

    ``dados: null`` is an empty page; an object without ``relatorio`` is an error.
    Rows that fail to parse raise :class:`ResponseFormatError` naming their index.
    """
    if dados is None:
        return Page((), posicao, limite, None)
    record = expect_object(dados, "dados")
    if "relatorio" not in record:
        raise shape_error(f"{what}: dados has no 'relatorio'")
    rows = expect_list(record["relatorio"], f"{what}.relatorio")
    items: list[T] = []
    for index, row in enumerate(rows):
        try:
            items.append(parse_item(row))
        except ResponseFormatError as exc:
            raise shape_error(f"{what}[{index}]: {exc.detail}") from exc
    return page_of(
        items, record.get("posicao"), record.get("limite"), record.get("total"), posicao, limite
    )


def page_of(
    items: list[T], posicao: object, limite: object, total: object, asked: int, size: int
) -> Page[T]:
    """A page of ``items`` with the server's paging numbers where they are readable."""
    server_posicao = parse_int(posicao)
    server_limite = parse_int(limite)
    count = parse_int(total)
    return Page(
        items=tuple(items),
        posicao=server_posicao if server_posicao is not None and server_posicao >= 0 else asked,
        limite=server_limite if server_limite is not None and server_limite > 0 else size,
        total=count if count is not None and count >= 0 else None,
    )
