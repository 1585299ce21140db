"""User-facing words for admin problems and values, translated through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.admin.ramal_fields import Problem, ProblemKind
from desktop.api import NetworkError

__all__ = ["field_label", "problem_text", "ui_lang", "yes_no"]

_CTX = "AdminWords"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def ui_lang() -> str:
    """The interface language for the API's own messages (``pt_BR`` or ``en``)."""
    return QLocale().name()


def field_label(name: str) -> str:
    """The label of a ramal field."""
    labels = {
        "ramal": _tr("Extension number"),
        "login": _tr("Login (e-mail)"),
        "senha": _tr("Password"),
        "bina": _tr("Caller ID (bina)"),
        "ligacao_externa": _tr("External calls"),
        "ligacao_celular": _tr("Calls to mobiles"),
        "gravar_audio": _tr("Record calls"),
        "acesso_gravacoes": _tr("Can see recordings"),
        "webphone": _tr("Webphone"),
        "ura_id": _tr("IVR id (ura_id)"),
        "voicemail": _tr("Voicemail"),
        "tags": _tr("Tags"),
    }
    return labels.get(name, name)


def yes_no(value: bool | None) -> str:
    """``Yes``/``No``/``—`` for a flag."""
    if value is None:
        return "—"
    return _tr("Yes") if value else _tr("No")


def problem_text(problem: Problem) -> str:
    """One problem in words."""
    kind, value = problem.kind, problem.value
    if problem.error is not None:
        text = problem.error.user_message(ui_lang())
        if isinstance(problem.error, NetworkError) and kind is ProblemKind.API:
            text += " " + _tr("The request may or may not have reached the server: check the list.")
        return text
    texts = {
        ProblemKind.REQUIRED: _tr("Required."),
        ProblemKind.BOOLEAN: _tr("“%1” is not yes/no: use sim, não, true, false, 1 or 0."),
        ProblemKind.INTEGER: _tr("“%1” is not a whole number."),
        ProblemKind.UNKNOWN_COLUMN: _tr("Unknown column(s): %1. Use the API field names."),
        ProblemKind.DUPLICATE_IN_FILE: _tr("Repeated in the file (see line %1)."),
        ProblemKind.EXISTS: _tr("“%1” already exists in the account."),
        ProblemKind.EMPTY_ROW: _tr("Empty line."),
        ProblemKind.EMPTY_FILE: _tr("The file has no header line."),
        ProblemKind.TOO_MANY_CELLS: _tr("More cells than columns: %1."),
        ProblemKind.TOO_MANY_ROWS: _tr("Too many lines: at most %1 per file."),
        ProblemKind.CANCELLED: _tr("Not sent: the import was cancelled."),
        ProblemKind.INVALID: _tr("Invalid value."),
        ProblemKind.CANNOT_CLEAR: _tr("The API cannot empty this field: enter a value."),
        ProblemKind.API: _tr("Refused by the server."),
    }
    text = texts[kind]
    if kind is ProblemKind.DUPLICATE_IN_FILE and problem.field is None:
        text = _tr("Repeated column(s): %1.")
    return text.replace("%1", value)
