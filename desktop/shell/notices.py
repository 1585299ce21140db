"""Tells the user, in words, what happened to the settings file while loading it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.settings.store import NoticeKind, SettingsNotice


def notice_text(notice: SettingsNotice) -> str:
    """One sentence per notice, naming the file kept aside where there is one."""
    where = str(notice.path) if notice.path else ""
    if notice.kind is NoticeKind.CORRUPT:
        text = QCoreApplication.translate(
            "SettingsNotice",
            "The settings file was damaged; default settings are in use. "
            "The damaged file was kept as %1.",
        )
    elif notice.kind is NoticeKind.UNREADABLE:
        text = QCoreApplication.translate(
            "SettingsNotice",
            "The settings file could not be read; default settings are in use (%1).",
        )
        where = notice.detail or where
    elif notice.kind is NoticeKind.INVALID_FIELDS and notice.path is not None:
        text = QCoreApplication.translate(
            "SettingsNotice",
            "Some settings were invalid and were reset to their defaults: %1. "
            "The original file was kept as %2.",
        ).replace("%2", str(notice.path))
        where = ", ".join(notice.fields)
    elif notice.kind is NoticeKind.INVALID_FIELDS:
        text = QCoreApplication.translate(
            "SettingsNotice", "Some settings were invalid and were reset to their defaults: %1."
        )
        where = ", ".join(notice.fields)
    elif notice.kind is NoticeKind.MIGRATED:
        text = QCoreApplication.translate(
            "SettingsNotice",
            "The settings were updated from an older version; a copy of the old file is at %1.",
        )
    else:
        text = QCoreApplication.translate(
            "SettingsNotice",
            "The settings file was written by a newer version of the app; a copy is at %1.",
        )
    return text.replace("%1", where)


def show_notices(parent: QWidget, notices: Sequence[SettingsNotice]) -> QMessageBox | None:
    """A non-modal message listing the notices (None when there is nothing to say)."""
    if not notices:
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("SettingsNotice", "Settings"))
    box.setText("\n\n".join(notice_text(n) for n in notices))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # never exec(): a nested loop breaks qasync's running tasks
    return box
