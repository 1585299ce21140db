"""End to end: the signed webphone URL never reaches the profile's files on disk."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtWebEngineCore import QWebEngineProfile
from pytestqt.qtbot import QtBot

from desktop.api.models.webphone import WebphoneType, WebphoneUrl
from desktop.webphone.profile import create_profile
from desktop.webphone.webphone import Webphone

pytestmark = pytest.mark.webengine

CANARY = "canary-" + "7" * 24  # stored by the page on purpose: proves storage reached the disk
_CACHEABLE = "public, max-age=86400"  # unlike the sandbox, a provider may allow caching


class CacheableWebphone(BaseHTTPRequestHandler):
    """A stand-in for the provider: a webphone page and a hidden-style script, both cacheable.

    The page keeps a canary in ``localStorage``; the script injects a page with a URL of
    its own, signed like the provider's.
    """

    issued: list[str]

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/w3/":
            body = (
                "<!doctype html><title>webphone</title>"
                f"<script>localStorage.setItem('estado', '{CANARY}')</script><p>webphone</p>"
            )
            self._reply("text/html", body)
        elif parts.path == "/w3/hidden.js":
            inner = self.server_url() + signed_path("/w3/", self.issued)
            body = (
                "var f = document.createElement('iframe'); f.src = " + repr(inner) + ";"
                "document.getElementById('widget-evoline-api-container').appendChild(f);"
                "window.webphone = f;"
            )
            self._reply("text/javascript", body)
        else:
            self.send_error(404)

    def server_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def _reply(self, mime: str, body: str) -> None:
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", _CACHEABLE)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def signed_path(path: str, issued: list[str]) -> str:
    """``path`` with a fresh key and signature, both remembered in ``issued``."""
    key, signature = secrets.token_hex(16), secrets.token_hex(32)
    issued += [key, signature]
    return f"{path}?key={key}&signature={signature}&expires=4102444800"


@pytest.fixture
def provider() -> Iterator[tuple[str, list[str]]]:
    """The stand-in's base URL and every key and signature it handed out."""
    issued: list[str] = []
    handler = type("Handler", (CacheableWebphone,), {"issued": issued})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host!s}:{port}", issued
    finally:
        server.shutdown()
        server.server_close()


def files_holding(folder: Path, needles: list[str]) -> dict[str, list[str]]:
    """Which files under ``folder`` contain which of ``needles``."""
    found: dict[str, list[str]] = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        hits = [n for n in needles if n.encode() in data or n.encode("utf-16-le") in data]
        if hits:
            found[str(path.relative_to(folder))] = hits
    return found


@pytest.mark.parametrize("style", [WebphoneType.EMBEDDED, WebphoneType.HIDDEN])
def test_profile_files_never_hold_the_key_or_signature(
    qtbot: QtBot, qloop: Any, tmp_path: Path, provider: tuple[str, list[str]], style: WebphoneType
) -> None:
    base_url, issued = provider
    script = "/w3/hidden.js" if style is WebphoneType.HIDDEN else "/w3/"

    async def fetch_url() -> WebphoneUrl:
        return WebphoneUrl(base_url + signed_path(script, issued))

    data_dir = tmp_path / "webphone"
    phone = Webphone(fetch_url, data_dir, style=style)
    phone.view.show()
    try:
        for _ in range(2):  # a session with a reload: two signed URLs
            with qtbot.waitSignal(phone.frame_loaded, timeout=15_000):
                phone.reload()
    finally:
        phone.view.hide()
        phone.close()
    assert len(issued) == (8 if style is WebphoneType.HIDDEN else 4)

    # The page's own storage reaches the disk: the folder is the one the profile wrote to.
    qtbot.waitUntil(lambda: bool(files_holding(data_dir, [CANARY])), timeout=15_000)
    assert files_holding(data_dir, issued) == {}


def test_profile_keeps_cache_and_cookies_in_memory(qapp: Any, tmp_path: Path) -> None:
    profile, _ = create_profile(tmp_path)
    try:
        assert profile.httpCacheType() is QWebEngineProfile.HttpCacheType.MemoryHttpCache
        assert (
            profile.persistentCookiesPolicy()
            is QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
        )
        assert (
            profile.persistentPermissionsPolicy()
            is QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
        )
    finally:
        profile.deleteLater()


def test_disk_cache_and_cookies_of_earlier_versions_are_removed(qapp: Any, tmp_path: Path) -> None:
    old_entry = tmp_path / "cache" / "Cache" / "Cache_Data" / "5c2120ec5773cbae_0"
    old_entry.parent.mkdir(parents=True)
    old_entry.write_bytes(b"1/0/_dk_ramal://app http://127.0.0.1/w3/?key=abc&signature=def")
    cookies = tmp_path / "storage" / "Cookies"
    cookies.parent.mkdir(parents=True)
    cookies.write_bytes(b"SQLite format 3\0")
    profile, _ = create_profile(tmp_path)
    profile.deleteLater()
    assert not (tmp_path / "cache" / "Cache").exists()
    assert not cookies.exists()
