"""Interface language: Brazilian Portuguese by default, English available.

Source strings are English; ``resources/translations/ramal_desktop_<lang>.ts`` hold the
translations and are compiled to ``.qm`` by ``pyside6-lrelease`` at build time.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resources_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "pt_BR"
LANGUAGES = ("pt_BR", "en")
LANG_ENV = "RAMAL_DESKTOP_LANG"


def chosen_language(requested: str | None = None) -> str:
    """The language to use: the one requested, else ``$RAMAL_DESKTOP_LANG``, else pt_BR."""
    lang = requested or os.environ.get(LANG_ENV) or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install_translator(app: QCoreApplication, requested: str | None = None) -> str:
    """Load the app's and Qt's own translations for the chosen language; returns it.

    English needs no file (it is the source language). A missing ``.qm`` is logged and the
    app runs in English rather than failing.
    """
    lang = chosen_language(requested)
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return lang
    app_tr = QTranslator(app)
    path = resources_dir() / "translations" / f"ramal_desktop_{lang}.qm"
    if app_tr.load(str(path)):
        app.installTranslator(app_tr)
    else:
        log.warning("translation file missing: %s (run pyside6-lrelease)", path)
    qt_tr = QTranslator(app)
    if qt_tr.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_tr)
    return lang
