"""End to end: forged traffic, CSP, navigation and permissions of the host page."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEngineFrame
from pytestqt.qtbot import QtBot

from desktop.sandbox.server import SandboxThread
from desktop.shell.logging_setup import SecretRedactingFilter, register_secret, unregister_secret
from desktop.webphone.scheme import HOST_PAGE_URL
from desktop.webphone.webphone import Webphone

pytestmark = pytest.mark.webengine


def webphone_frame(phone: Webphone, base_url: str) -> QWebEngineFrame:
    for frame in phone.page.mainFrame().children():
        if frame.url().toString().startswith(base_url + "/w3/"):
            return frame
    raise AssertionError("webphone frame not found")


def frame_named(phone: Webphone, name: str) -> QWebEngineFrame:
    frames = [f for f in phone.page.mainFrame().children() if f.name() == name]
    assert frames, f"no frame named {name}"
    return frames[0]


def test_forged_and_malformed_messages_change_nothing(
    qtbot: QtBot, phones: Any, sandbox: SandboxThread
) -> None:
    phone, _ = phones.make("4003")
    phones.connect(phone)
    statuses: list[str] = []
    phone.status.connect(statuses.append)
    other: list[Any] = []
    phone.received.connect(lambda e: other.append(e) if e.event.value != "stats_webphone" else None)
    drops: Counter[str] = Counter()
    phone.dropped.connect(lambda reason, count: drops.update({reason: count}))
    wp = webphone_frame(phone, sandbox.base_url)

    # 1. the host page's own window (origin ramal://app) posting an event to itself
    phones.js(phone.page, "window.postMessage({message:'status', status:'forjado-host'}, '*')")
    # 2. a frame of another (opaque) origin inside the host page
    phones.js(
        phone.page,
        "var f = document.createElement('iframe'); f.name = 'forja';"
        "f.setAttribute('sandbox', 'allow-scripts'); f.srcdoc = '<p>x</p>';"
        "document.body.appendChild(f); true",
    )
    qtbot.waitUntil(lambda: bool(frame_named(phone, "forja").url().toString()), timeout=10_000)
    forja = frame_named(phone, "forja")
    assert phones.js(forja, "location.origin") == "null"
    phones.js(forja, "parent.postMessage({message:'status', status:'forjado-outro'}, '*'); 1")
    # 3. a window of the webphone's origin that is not the webphone's frame
    phones.js(wp, "var n = document.createElement('iframe'); document.body.appendChild(n); 1")
    qtbot.waitUntil(
        lambda: bool(webphone_frame(phone, sandbox.base_url).children()), timeout=10_000
    )
    nested = webphone_frame(phone, sandbox.base_url).children()[0]
    phones.js(nested, "top.postMessage({message:'status', status:'forjado-aninhado'}, '*'); 1")
    # 4. malformed messages from the real webphone frame
    phones.js(
        wp,
        "parent.postMessage('status', '*');"
        "parent.postMessage({message:'status'}, '*');"
        "parent.postMessage({message:'hangup', status:'x'}, '*');"
        "parent.postMessage({message:'status', status:{toString: 1}}, '*');"
        "parent.postMessage({message:'status', status:'x'.repeat(500)}, '*');"
        "parent.postMessage({message:'__proto__'}, '*'); 1",
    )

    expected = {
        "origin": 2,
        "source": 1,
        "not-object": 1,
        "missing-field": 1,
        "unknown-event": 2,
        "too-long": 1,
    }
    qtbot.waitUntil(
        lambda: all(drops[k] >= n for k, n in expected.items()) and "bad-type" in drops,
        timeout=15_000,
    )
    assert statuses == []
    assert other == []

    # the bridge still works after all that
    with qtbot.waitSignal(phone.entrou_na_fila, timeout=10_000):
        phone.entrar_na_fila("3")
    assert phone.is_ready


def test_host_page_csp_blocks_inline_scripts_and_foreign_frames(
    qtbot: QtBot, phones: Any, sandbox: SandboxThread
) -> None:
    phone, _ = phones.make("4008")
    phones.connect(phone)
    assert (
        phones.js(
            phone.page,
            "var s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
            "document.head.appendChild(s); String(window.__inline)",
        )
        == "undefined"
    )
    other_origin = sandbox.base_url.replace("127.0.0.1", "localhost") + "/w3/webphone.css"
    phones.js(
        phone.page,
        f"var g = document.createElement('iframe'); g.name = 'outro'; g.src = '{other_origin}';"
        "document.body.appendChild(g); 1",
    )
    qtbot.waitUntil(
        lambda: phones.js(frame_named(phone, "outro"), "location.href") != "about:blank",
        timeout=10_000,
    )
    assert phones.js(frame_named(phone, "outro"), "location.protocol") == "chrome-error:"


def test_navigation_away_and_popups_are_blocked(
    qtbot: QtBot, phones: Any, sandbox: SandboxThread
) -> None:
    phone, _ = phones.make("4001")
    phones.connect(phone)
    with qtbot.waitSignal(phone.page.blocked, timeout=10_000) as blocked:
        phones.js(phone.page, f"location.href = '{sandbox.base_url}/w3/webphone.css'; 1")
    assert blocked.args[0] == "navigation"
    with qtbot.waitSignal(phone.page.blocked, timeout=10_000) as blocked:
        phones.js(webphone_frame(phone, sandbox.base_url), "top.location = 'ramal://app/x'; 1")
    qtbot.wait(200)
    assert phone.page.url() == QUrl(HOST_PAGE_URL)
    assert phones.js(phone.page, "String(window.open('https://www.zenvia.com/'))") == "null"
    assert phones.opened == []  # nothing the user did not click goes to the browser
    assert phone.page.url() == QUrl(HOST_PAGE_URL)
    # the page is intact: the bridge still answers
    with qtbot.waitSignal(phone.entrou_na_fila, timeout=10_000):
        phone.entrar_na_fila("4")


def test_link_clicked_by_the_user_opens_in_the_browser(qtbot: QtBot, phones: Any) -> None:
    phone, _ = phones.make("4001")
    phones.connect(phone)
    phones.js(
        phone.page,
        "var a = document.createElement('a'); a.href = 'https://www.zenvia.com/ajuda';"
        "a.target = '_blank'; a.textContent = 'ajuda';"
        "a.style.cssText = 'position:fixed;left:0;top:0;width:200px;height:60px;display:block';"
        "document.body.appendChild(a); 1",
    )
    target = phone.view.focusProxy() or phone.view
    with qtbot.waitSignal(phone.page.blocked, timeout=10_000) as blocked:
        QTest.mouseClick(
            target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 20)
        )
    assert blocked.args[0] == "window"
    assert phones.opened == [QUrl("https://www.zenvia.com/ajuda")]
    assert phone.page.url() == QUrl(HOST_PAGE_URL)


def test_microphone_denied_to_the_host_page_itself(qtbot: QtBot, phones: Any) -> None:
    phone, _ = phones.make("4009")
    phones.connect(phone)
    with qtbot.waitSignal(phone.page.blocked, timeout=10_000) as blocked:
        phones.js(
            phone.page,
            "navigator.mediaDevices.getUserMedia({audio: true}).then("
            "function () { window.__mic = 'ok'; }, function (e) { window.__mic = e.name; }); 1",
        )
    assert blocked.args[0] == "permission"
    assert blocked.args[1].scheme() == "ramal"
    qtbot.waitUntil(lambda: phones.js(phone.page, "window.__mic || ''") != "", timeout=10_000)
    assert phones.js(phone.page, "window.__mic") in ("NotAllowedError", "AbortError")


class Collect(logging.Handler):
    """Formatted lines, after the app's redaction filter (as on every handler it installs)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.addFilter(SecretRedactingFilter())

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.mark.parametrize(
    ("call", "cut"),
    [("console.log", 300), ("alert", 200), ("confirm", 200), ("prompt", 200)],
)
def test_page_lines_are_redacted_before_they_are_cut(
    qtbot: QtBot, phones: Any, sandbox: SandboxThread, call: str, cut: int
) -> None:
    secret = "Qx7" + "f" * 29 + "Zq"  # a webphone signature, say
    register_secret(secret)
    collect = Collect()
    page_log = logging.getLogger("desktop.webphone.page")
    page_log.addHandler(collect)
    old_level = page_log.level
    page_log.setLevel(logging.DEBUG)
    try:
        phone, _ = phones.make("4002")
        phones.connect(phone)
        text = "x" * (cut - 8) + secret + " fim"  # the cut falls inside the secret
        phones.js(webphone_frame(phone, sandbox.base_url), f"{call}({text!r}); 1")
        qtbot.waitUntil(lambda: any("xxxx" in line for line in collect.lines), timeout=10_000)
    finally:
        page_log.removeHandler(collect)
        page_log.setLevel(old_level)
        unregister_secret(secret)
    line = next(line for line in collect.lines if "xxxx" in line)
    assert secret[:4] not in line
    assert "x*** fim" in line
