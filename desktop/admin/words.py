"""User-facing words for admin problems and values, translated through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.admin.ramal_fields import Problem, ProblemKind
from desktop.api import NetworkError

__all__ = ["field_label", "problem_text", "ui_lang", "yes_no"]


def ui_lang() -> str:
    """The interface language for the API's own messages (``pt_BR`` or ``en``)."""
    return QLocale().name()


def field_label(name: str) -> str:
    """The label of a ramal field."""
    labels = {
        "ramal": QCoreApplication.translate("AdminWords", "Extension number"),
        "login": QCoreApplication.translate("AdminWords", "Login (e-mail)"),
        "senha": QCoreApplication.translate("AdminWords", "Password"),
        "bina": QCoreApplication.translate("AdminWords", "Caller ID (bina)"),
        "ligacao_externa": QCoreApplication.translate("AdminWords", "External calls"),
        "ligacao_celular": QCoreApplication.translate("AdminWords", "Calls to mobiles"),
        "gravar_audio": QCoreApplication.translate("AdminWords", "Record calls"),
        "acesso_gravacoes": QCoreApplication.translate("AdminWords", "Can see recordings"),
        "webphone": QCoreApplication.translate("AdminWords", "Webphone"),
        "ura_id": QCoreApplication.translate("AdminWords", "IVR id (ura_id)"),
        "voicemail": QCoreApplication.translate("AdminWords", "Voicemail"),
        "tags": QCoreApplication.translate("AdminWords", "Tags"),
    }
    return labels.get(name, name)


def yes_no(value: bool | None) -> str:
    """``Yes``/``No``/``—`` for a flag."""
    if value is None:
        return "—"
    return (
        QCoreApplication.translate("AdminWords", "Yes")
        if value
        else QCoreApplication.translate("AdminWords", "No")
    )


def problem_text(problem: Problem) -> str:
    """One problem in words."""
    kind, value = problem.kind, problem.value
    if problem.error is not None:
        text = problem.error.user_message(ui_lang())
        if isinstance(problem.error, NetworkError) and kind is ProblemKind.API:
            text += " " + QCoreApplication.translate(
                "AdminWords", "The request may or may not have reached the server: check the list."
            )
        return text
    texts = {
        ProblemKind.REQUIRED: QCoreApplication.translate("AdminWords", "Required."),
        ProblemKind.BOOLEAN: QCoreApplication.translate(
            "AdminWords", "“%1” is not yes/no: use sim, não, true, false, 1 or 0."
        ),
        ProblemKind.INTEGER: QCoreApplication.translate(
            "AdminWords", "“%1” is not a whole number."
        ),
        ProblemKind.UNKNOWN_COLUMN: QCoreApplication.translate(
            "AdminWords", "Unknown column(s): %1. Use the API field names."
        ),
        ProblemKind.DUPLICATE_IN_FILE: QCoreApplication.translate(
            "AdminWords", "Repeated in the file (see line %1)."
        ),
        ProblemKind.EXISTS: QCoreApplication.translate(
            "AdminWords", "“%1” already exists in the account."
        ),
        ProblemKind.EMPTY_ROW: QCoreApplication.translate("AdminWords", "Empty line."),
        ProblemKind.EMPTY_FILE: QCoreApplication.translate(
            "AdminWords", "The file has no header line."
        ),
        ProblemKind.TOO_MANY_CELLS: QCoreApplication.translate(
            "AdminWords", "More cells than columns: %1."
        ),
        ProblemKind.TOO_MANY_ROWS: QCoreApplication.translate(
            "AdminWords", "Too many lines: at most %1 per file."
        ),
        ProblemKind.CANCELLED: QCoreApplication.translate(
            "AdminWords", "Not sent: the import was cancelled."
        ),
        ProblemKind.INVALID: QCoreApplication.translate("AdminWords", "Invalid value."),
        ProblemKind.CANNOT_CLEAR: QCoreApplication.translate(
            "AdminWords", "The API cannot empty this field: enter a value."
        ),
        ProblemKind.API: QCoreApplication.translate("AdminWords", "Refused by the server."),
    }
    text = texts[kind]
    if kind is ProblemKind.DUPLICATE_IN_FILE and problem.field is None:
        text = QCoreApplication.translate("AdminWords", "Repeated column(s): %1.")
    return text.replace("%1", value)
