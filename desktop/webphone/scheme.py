"""The ``ramal:`` URL scheme that serves the webphone host page.

Chromium reads the list of custom schemes once, when the first WebEngine object is made,
so :func:`register_scheme` must run before the ``QApplication`` exists.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlScheme

__all__ = [
    "HOST",
    "HOST_ORIGIN",
    "HOST_PAGE_URL",
    "SCHEME",
    "host_page_url",
    "register_scheme",
]

SCHEME: Final = "ramal"
HOST: Final = "app"
HOST_ORIGIN: Final = f"{SCHEME}://{HOST}"
HOST_PAGE_URL: Final = f"{HOST_ORIGIN}/host.html"


def register_scheme() -> None:
    """Register ``ramal:`` as a secure scheme with a host (idempotent).

    Secure makes the host page a secure context (``getUserMedia`` in its iframe needs
    one). It is deliberately not flagged local: Chromium then treats the page like a
    ``file:`` document, which may not frame remote pages unless every cross-origin rule
    is lifted for it. Web content is kept out by the handler instead, which serves only
    the host's own origin.
    """
    if not QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name().isEmpty():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


def host_page_url() -> QUrl:
    """The host page's URL as a ``QUrl``."""
    return QUrl(HOST_PAGE_URL)
