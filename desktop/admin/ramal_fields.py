"""The ramal fields, their client-side validation and where an API error belongs (no Qt).

Every check reuses :class:`RamalInput`'s own validation, one field at a time, so all the
problems of a form or CSV row are reported together instead of only the first one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Final

from desktop.api import ApiError, RamalApiError, RamalInput, ValidationError

__all__ = [
    "BOOL_FIELDS",
    "FIELDS",
    "RECOMMENDED",
    "TEXT_FIELDS",
    "Problem",
    "ProblemKind",
    "Validated",
    "api_error_field",
    "parse_bool_text",
    "validate",
]

#: Every field of the create/edit body, in the order of the docs.
FIELDS: Final = tuple(f.name for f in fields(RamalInput))
BOOL_FIELDS: Final = (
    "ligacao_externa",
    "ligacao_celular",
    "gravar_audio",
    "acesso_gravacoes",
    "webphone",
    "voicemail",
)
TEXT_FIELDS: Final = ("ramal", "login", "senha", "bina", "ura_id", "tags")
#: The docs make no field mandatory but ask for these two; the app requires them on create.
RECOMMENDED: Final = ("ramal", "login")

_TRUE: Final = frozenset({"sim", "s", "true", "t", "1", "yes", "y", "x"})
_FALSE: Final = frozenset({"não", "nao", "n", "false", "f", "0", "no"})
_FIELD_WORD: Final = re.compile(r"\b(" + "|".join(sorted(FIELDS, key=len, reverse=True)) + r")\b")


class ProblemKind(StrEnum):
    """Why a value, a row or a request was refused."""

    REQUIRED = "required"
    INVALID = "invalid"
    BOOLEAN = "boolean"
    INTEGER = "integer"
    UNKNOWN_COLUMN = "unknown_column"
    DUPLICATE_IN_FILE = "duplicate_in_file"
    EXISTS = "exists"
    EMPTY_ROW = "empty_row"
    TOO_MANY_CELLS = "too_many_cells"
    TOO_MANY_ROWS = "too_many_rows"
    EMPTY_FILE = "empty_file"
    API = "api"
    CANCELLED = "cancelled"
    CANNOT_CLEAR = "cannot_clear"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem; ``field`` is None when it concerns the whole row or request."""

    field: str | None
    kind: ProblemKind
    value: str = ""
    error: RamalApiError | None = None


@dataclass(frozen=True, slots=True)
class Validated:
    """The request body when every field is valid, else the problems by field."""

    input: RamalInput | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when there is a body to send."""
        return self.input is not None

    def for_field(self, name: str | None) -> list[Problem]:
        """The problems about one field (or, with None, the row-level ones)."""
        return [p for p in self.problems if p.field == name]


def parse_bool_text(text: str) -> bool | None:
    """``sim``/``não``/``true``/``false``/``1``/``0`` (any case) → bool; other text → None."""
    return {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}.get(text.strip().lower())


def validate(values: Mapping[str, object], *, required: Collection[str] = ()) -> Validated:
    """Check ``values`` (text for text fields, bool for flags; ``""``/None = not sent).

    ``ura_id`` may come as text; it must be a whole number ≥ 0.
    """
    clean: dict[str, object] = {}
    problems: list[Problem] = []
    for name in FIELDS:
        value = values.get(name)
        if isinstance(value, str):
            value = value if name == "senha" else value.strip()
            if value == "":
                value = None
        if value is None:
            if name in required:
                problems.append(Problem(name, ProblemKind.REQUIRED))
            continue
        if name == "ura_id" and not isinstance(value, int):
            text = str(value)
            if not text.isdigit():
                problems.append(Problem(name, ProblemKind.INTEGER, text))
                continue
            value = int(text)
        try:
            RamalInput(**{name: value})  # type: ignore[arg-type]
        except ValidationError as error:
            problems.append(Problem(name, ProblemKind.INVALID, str(value), error))
            continue
        clean[name] = value
    if problems:
        return Validated(None, tuple(problems))
    return Validated(RamalInput(**clean), ())  # type: ignore[arg-type]


def api_error_field(error: RamalApiError) -> str | None:
    """The field an API error is about, when its ``mensagem`` names one.

    The provider writes messages such as ``ramal 4000 já existe`` or ``parâmetro inválido:
    login (use um e-mail)``; the first field name in the text is taken.
    """
    if isinstance(error, ValidationError):
        return error.field if error.field in FIELDS else None
    if not isinstance(error, ApiError) or error.motivo not in (10, 11, 20):
        return None
    match = _FIELD_WORD.search(error.mensagem or "")
    return match.group(1) if match else None
