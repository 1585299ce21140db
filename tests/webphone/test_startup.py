from __future__ import annotations

from PySide6.QtWebEngineCore import QWebEngineUrlScheme

from desktop.webphone.scheme import SCHEME, register_scheme
from desktop.webphone.startup import KEEP_AWAKE_FLAGS, prepare_web_engine


def test_scheme_is_registered_secure_with_a_host() -> None:
    register_scheme()  # idempotent: tests/conftest.py already did it
    scheme = QWebEngineUrlScheme.schemeByName(SCHEME.encode())
    assert scheme.name().data() == b"ramal"
    assert scheme.syntax() is QWebEngineUrlScheme.Syntax.Host
    assert scheme.flags() & QWebEngineUrlScheme.Flag.SecureScheme
    assert not scheme.flags() & QWebEngineUrlScheme.Flag.LocalScheme
    assert not scheme.flags() & QWebEngineUrlScheme.Flag.ContentSecurityPolicyIgnored


def test_prepare_keeps_existing_flags_and_adds_each_once() -> None:
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --disable-renderer-backgrounding"}
    prepare_web_engine(env)
    prepare_web_engine(env)
    flags = env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert flags[0] == "--no-sandbox"
    assert sorted(flags[1:]) == sorted(KEEP_AWAKE_FLAGS)
    empty: dict[str, str] = {}
    prepare_web_engine(empty)
    assert empty["QTWEBENGINE_CHROMIUM_FLAGS"].split() == list(KEEP_AWAKE_FLAGS)
