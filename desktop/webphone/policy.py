"""Security decisions for the webphone page, as pure functions of URLs and origins.

The page class only asks these functions; keeping them free of page state makes every
rule testable on its own.
"""

from __future__ import annotations

from enum import Enum
from ipaddress import ip_address
from typing import Final

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEnginePermission

from desktop.webphone.scheme import HOST, HOST_PAGE_URL, SCHEME

__all__ = [
    "Navigation",
    "content_security_policy",
    "navigation_decision",
    "new_window_decision",
    "origin_of",
    "permission_allowed",
    "webphone_url_problem",
]

_DEFAULT_PORTS: Final = {"http": 80, "https": 443}
_WEB_SCHEMES: Final = frozenset({"http", "https"})
# Frames the provider's page may create for itself; their own documents carry their own rules.
_INERT_FRAME_SCHEMES: Final = frozenset({"about", "data", "blob"})
_HOST_PATH: Final = QUrl(HOST_PAGE_URL).path()


class Navigation(Enum):
    """What to do with a navigation or a new-window request."""

    ALLOW = "allow"
    BLOCK = "block"
    EXTERNAL = "external"  # block it here and open it in the system browser


def origin_of(url: QUrl | str) -> str:
    """Serialise the origin of ``url`` like a browser does (``scheme://host[:port]``).

    Default ports are left out, scheme and host are lower-cased; an unusable URL gives
    ``""``, which never equals a real origin.
    """
    qurl = QUrl(url) if isinstance(url, str) else url
    scheme = qurl.scheme().lower()
    host = qurl.host().lower()
    if not qurl.isValid() or not scheme or not host:
        return ""
    if ":" in host:
        host = f"[{host}]"
    port = qurl.port(-1)
    if port == -1 or port == _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def webphone_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be loaded as the webphone (for the agent), or ``None`` when it can.

    Only https is accepted, plus plain http to this machine (the local sandbox).
    """
    qurl = QUrl(url)
    scheme = qurl.scheme().lower()
    if not qurl.isValid() or not qurl.host():
        return QCoreApplication.translate("Webphone", "invalid webphone URL")
    if scheme == "https":
        return None
    if scheme == "http" and _is_loopback(qurl.host().lower()):
        return None
    shown = scheme or QCoreApplication.translate("Webphone", "(none)")
    return QCoreApplication.translate(
        "Webphone", "webphone URL with a scheme that is not allowed: %1"
    ).replace("%1", shown)


def permission_allowed(
    kind: QWebEnginePermission.PermissionType, origin: QUrl, webphone_origin: str | None
) -> bool:
    """Only the microphone, and only for the webphone's origin; everything else is refused."""
    if webphone_origin is None or not webphone_origin:
        return False
    if kind != QWebEnginePermission.PermissionType.MediaAudioCapture:
        return False
    return origin_of(origin) == webphone_origin


def _is_host_page(url: QUrl) -> bool:
    # Exactly the host page: a query or fragment is a different request the handler refuses.
    return (
        url.scheme().lower() == SCHEME
        and url.host().lower() == HOST
        and url.path() == _HOST_PATH
        and url.port(-1) == -1
        and not url.hasQuery()
        and not url.hasFragment()
        and not url.userInfo()
    )


def navigation_decision(
    url: QUrl,
    kind: QWebEnginePage.NavigationType,
    is_main_frame: bool,
    webphone_origin: str | None,
) -> Navigation:
    """Decide a navigation request: allow it or block it, never hand it to the browser.

    Only the app navigates the main frame, and only to the host page: its loads are the
    one kind web content cannot start (``Typed``; script navigations, form submits and
    ``location.reload()`` arrive as link clicks, form submits or redirects). Frames may
    show the webphone's origin and whatever that page embeds over the web, but a link
    followed inside a frame may not take it to another site. Chromium reports script
    navigations (``location.href = …``) as link clicks too, so a "click" here says
    nothing about the user: only new-window requests, which carry the user-gesture bit,
    reach the browser.
    """
    scheme = url.scheme().lower()
    if is_main_frame:
        by_app = kind == QWebEnginePage.NavigationType.NavigationTypeTyped
        return Navigation.ALLOW if by_app and _is_host_page(url) else Navigation.BLOCK
    if scheme in _WEB_SCHEMES:
        followed = kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        foreign = webphone_origin is None or origin_of(url) != webphone_origin
        return Navigation.BLOCK if followed and foreign else Navigation.ALLOW
    if scheme in _INERT_FRAME_SCHEMES:
        return Navigation.ALLOW
    return Navigation.BLOCK


def new_window_decision(url: QUrl, user_initiated: bool) -> Navigation:
    """Pop-ups never open inside the app; a web link the user clicked opens in the browser."""
    if user_initiated and url.scheme().lower() in _WEB_SCHEMES:
        return Navigation.EXTERNAL
    return Navigation.BLOCK


def content_security_policy(webphone_origin: str | None, hidden: bool) -> str:
    """The host page's Content-Security-Policy.

    The host's own files come from ``'self'``; only the webphone's origin may be framed,
    and in the hidden style also provide the script and whatever that script fetches.
    """
    none = "'none'"
    remote = webphone_origin if hidden and webphone_origin else None
    directives = [
        "default-src 'none'",
        f"script-src 'self' {remote}" if remote else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: {remote}" if remote else "img-src 'self' data:",
        f"media-src {remote or none}",
        f"connect-src {remote or none}",
        f"frame-src {webphone_origin or none}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)
