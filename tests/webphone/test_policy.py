from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEnginePermission

from desktop.webphone.policy import (
    Navigation,
    content_security_policy,
    navigation_decision,
    new_window_decision,
    origin_of,
    permission_allowed,
    webphone_url_problem,
)

WEBPHONE = "https://voice-api.zenvia.com"
Kind = QWebEnginePermission.PermissionType
Nav = QWebEnginePage.NavigationType


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://voice-api.zenvia.com/w3/?key=1", "https://voice-api.zenvia.com"),
        ("https://Voice-API.zenvia.com:443/w3/", "https://voice-api.zenvia.com"),
        ("http://127.0.0.1:8080/w3/", "http://127.0.0.1:8080"),
        ("http://localhost:80/", "http://localhost"),
        ("ramal://app/host.html", "ramal://app"),
        ("http://[::1]:9000/x", "http://[::1]:9000"),
        ("not a url", ""),
        ("", ""),
    ],
)
def test_origin_of(url: str, origin: str) -> None:
    assert origin_of(url) == origin
    assert origin_of(QUrl(url)) == origin


def test_microphone_only_for_the_webphone_origin() -> None:
    assert permission_allowed(Kind.MediaAudioCapture, QUrl(WEBPHONE + "/"), WEBPHONE)
    assert permission_allowed(Kind.MediaAudioCapture, QUrl(WEBPHONE + ":443/w3/"), WEBPHONE)


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example.com/",
        "http://voice-api.zenvia.com/",  # same host, other scheme
        "https://voice-api.zenvia.com:8443/",  # same host, other port
        "ramal://app/host.html",  # the host page itself
        "",
    ],
)
def test_microphone_denied_to_other_origins(origin: str) -> None:
    assert not permission_allowed(Kind.MediaAudioCapture, QUrl(origin), WEBPHONE)


@pytest.mark.parametrize(
    "kind",
    [
        Kind.MediaVideoCapture,
        Kind.MediaAudioVideoCapture,
        Kind.DesktopVideoCapture,
        Kind.DesktopAudioVideoCapture,
        Kind.Geolocation,
        Kind.Notifications,
        Kind.ClipboardReadWrite,
        Kind.MouseLock,
        Kind.LocalFontsAccess,
        Kind.Unsupported,
    ],
)
def test_everything_else_denied_even_to_the_webphone(
    kind: QWebEnginePermission.PermissionType,
) -> None:
    assert not permission_allowed(kind, QUrl(WEBPHONE), WEBPHONE)


def test_nothing_granted_before_a_webphone_is_known() -> None:
    assert not permission_allowed(Kind.MediaAudioCapture, QUrl(WEBPHONE), None)
    assert not permission_allowed(Kind.MediaAudioCapture, QUrl(""), "")


def test_main_frame_shows_the_host_page_the_app_loads() -> None:
    url = QUrl("ramal://app/host.html")
    assert navigation_decision(url, Nav.NavigationTypeTyped, True, WEBPHONE) is Navigation.ALLOW


@pytest.mark.parametrize(
    "kind",
    [
        Nav.NavigationTypeLinkClicked,  # location.href = …, top.location = …
        Nav.NavigationTypeFormSubmitted,
        Nav.NavigationTypeReload,
        Nav.NavigationTypeRedirect,  # location.reload() arrives as this
        Nav.NavigationTypeBackForward,
        Nav.NavigationTypeOther,
    ],
)
def test_web_content_never_navigates_the_main_frame(kind: QWebEnginePage.NavigationType) -> None:
    url = QUrl("ramal://app/host.html")
    assert navigation_decision(url, kind, True, WEBPHONE) is Navigation.BLOCK


@pytest.mark.parametrize(
    "url",
    [
        "ramal://app/host.html?x",
        "ramal://app/host.html?",
        "ramal://app/host.html#x",
        "ramal://user@app/host.html",
    ],
)
def test_main_frame_takes_the_host_page_exactly(url: str) -> None:
    assert navigation_decision(QUrl(url), Nav.NavigationTypeTyped, True, WEBPHONE) is (
        Navigation.BLOCK
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://voice-api.zenvia.com/w3/",  # even the webphone may not take the whole page
        "https://evil.example.com/",
        "ramal://app/other.html",
        "ramal://evil/host.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
    ],
)
def test_main_frame_cannot_leave_the_host_page(url: str) -> None:
    for kind in (Nav.NavigationTypeOther, Nav.NavigationTypeRedirect, Nav.NavigationTypeTyped):
        assert navigation_decision(QUrl(url), kind, True, WEBPHONE) is Navigation.BLOCK


def test_followed_links_never_reach_the_browser() -> None:
    """Script navigations look like clicks: only user-initiated new windows go out."""
    url = QUrl("https://www.zenvia.com/ajuda")
    for main in (True, False):
        assert navigation_decision(url, Nav.NavigationTypeLinkClicked, main, WEBPHONE) is (
            Navigation.BLOCK
        )


def test_frames() -> None:
    own = QUrl(WEBPHONE + "/w3/?key=1")
    assert navigation_decision(own, Nav.NavigationTypeOther, False, WEBPHONE) is Navigation.ALLOW
    assert navigation_decision(own, Nav.NavigationTypeLinkClicked, False, WEBPHONE) is (
        Navigation.ALLOW
    )
    # what the provider's page embeds for itself is its business (its own CSP applies)
    inner = QUrl("https://cdn.example.com/widget")
    assert navigation_decision(inner, Nav.NavigationTypeOther, False, WEBPHONE) is (
        Navigation.ALLOW
    )
    # but a frame may not be taken to another site
    assert navigation_decision(inner, Nav.NavigationTypeLinkClicked, False, WEBPHONE) is (
        Navigation.BLOCK
    )
    assert navigation_decision(QUrl("about:srcdoc"), Nav.NavigationTypeOther, False, WEBPHONE) is (
        Navigation.ALLOW
    )
    for url in ("file:///etc/passwd", "ramal://app/host.html", "qrc:/x", "chrome://gpu"):
        assert navigation_decision(QUrl(url), Nav.NavigationTypeOther, False, WEBPHONE) is (
            Navigation.BLOCK
        )


def test_new_windows() -> None:
    link = QUrl("https://www.zenvia.com/")
    assert new_window_decision(link, user_initiated=True) is Navigation.EXTERNAL
    assert new_window_decision(link, user_initiated=False) is Navigation.BLOCK
    assert new_window_decision(QUrl("file:///etc/passwd"), user_initiated=True) is Navigation.BLOCK


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://voice-api.zenvia.com/w3/?key=1", True),
        ("http://127.0.0.1:5000/w3/", True),
        ("http://localhost:5000/w3/", True),
        ("http://[::1]:5000/w3/", True),
        ("http://voice-api.zenvia.com/w3/", False),  # plain http only to this machine
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,hi", False),
        ("", False),
        ("/w3/?key=1", False),
    ],
)
def test_webphone_url_problem(url: str, ok: bool) -> None:
    assert (webphone_url_problem(url) is None) is ok


def test_content_security_policy_embedded() -> None:
    csp = content_security_policy(WEBPHONE, hidden=False)
    directives = dict(d.split(" ", 1) for d in csp.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["frame-src"] == WEBPHONE
    assert directives["script-src"] == "'self'"
    assert directives["connect-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-eval" not in csp and "*" not in csp


def test_content_security_policy_hidden_lets_the_provider_script_run() -> None:
    csp = content_security_policy(WEBPHONE, hidden=True)
    directives = dict(d.split(" ", 1) for d in csp.split("; "))
    assert directives["script-src"] == f"'self' {WEBPHONE}"
    assert directives["frame-src"] == WEBPHONE
    assert directives["connect-src"] == WEBPHONE


def test_content_security_policy_without_webphone_frames_nothing() -> None:
    csp = content_security_policy(None, hidden=True)
    assert "frame-src 'none'" in csp
    assert "script-src 'self';" in csp
