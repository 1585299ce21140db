"""End to end: web content never takes the main frame, and the host page always comes back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot
from test_bridge_security import webphone_frame

from desktop.agent.controller import AgentController
from desktop.agent.state import AgentSnapshot, AgentState
from desktop.sandbox.server import SandboxThread
from desktop.webphone import page as page_module
from desktop.webphone.policy import Navigation
from desktop.webphone.scheme import HOST_PAGE_URL
from desktop.webphone.webphone import Webphone

pytestmark = pytest.mark.webengine

_FORM_TO_TOP = (
    "var f = document.createElement('form'); f.method = 'get'; f.target = '_top';"
    "f.action = 'ramal://app/host.html'; var i = document.createElement('input');"
    "i.name = 'x'; i.value = '1'; f.appendChild(i); document.body.appendChild(f); f.submit(); 1"
)
# (where the script runs, the script): each tries to replace the host page.
ATTEMPTS = {
    "frame-top-location": ("frame", "top.location = 'ramal://app/host.html?x'; 1"),
    "frame-form-to-top": ("frame", _FORM_TO_TOP),
    "host-location-href": ("host", "location.href = 'ramal://app/host.html?x'; 1"),
    "host-reload": ("host", "location.reload(); 1"),
}


def talk(phones: Any, control: Any, phone: Webphone) -> None:
    """Connect ``phone`` and put it in an answered outgoing call."""
    control.post("/_sandbox/settings", {"auto_answer_ms": None})
    phones.connect(phone)
    with (
        phones.qtbot.waitSignal(phone.chamada_id, timeout=10_000) as got_id,
        phones.wait_status(phone, "chamando"),
    ):
        phone.chama_numero("48999990003")
    with phones.wait_status(phone, "conversando"):
        control.post(f"/_sandbox/calls/{got_id.args[0]}/answer")
    assert phone.call_active


def run_attempt(phones: Any, phone: Webphone, sandbox: SandboxThread, attempt: str) -> None:
    where, script = ATTEMPTS[attempt]
    target = phone.page if where == "host" else webphone_frame(phone, sandbox.base_url)
    phones.js(target, script)


@pytest.mark.parametrize("attempt", sorted(ATTEMPTS))
def test_web_content_cannot_navigate_the_main_frame(
    qtbot: QtBot, phones: Any, control: Any, sandbox: SandboxThread, attempt: str
) -> None:
    phone, fetcher = phones.make("4003")
    talk(phones, control, phone)
    failures: list[str] = []
    phone.failed.connect(failures.append)

    with qtbot.waitSignal(
        phone.page.blocked, check_params_cb=lambda kind, _: kind == "navigation", timeout=10_000
    ) as blocked:
        run_attempt(phones, phone, sandbox, attempt)
    assert blocked.args[1].toString().startswith("ramal://app/host.html")
    qtbot.wait(300)  # time for a navigation that got through to commit

    assert phone.page.url() == QUrl(HOST_PAGE_URL)
    assert phones.js(phone.page, "location.href") == HOST_PAGE_URL  # not an error page
    assert failures == []
    assert phone.call_active  # the call goes on in the same page
    assert len(fetcher.urls) == 1  # and the signed URL was not loaded a second time
    with phones.wait_status(phone, "encerrada"):
        phone.desligar()


def test_unexpected_main_frame_load_brings_the_host_page_back_during_a_call(
    qtbot: QtBot,
    phones: Any,
    control: Any,
    sandbox: SandboxThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phone, fetcher = phones.make("4005")
    agent = AgentController(phone)
    try:
        talk(phones, control, phone)
        qtbot.waitUntil(lambda: agent.snapshot.state is AgentState.TALKING, timeout=10_000)
        snapshots: list[AgentSnapshot] = []
        agent.changed.connect(snapshots.append)
        statuses: list[str] = []
        phone.status.connect(statuses.append)

        # A navigation the policy should have stopped and did not.
        def allow_all(*args: object) -> Navigation:
            return Navigation.ALLOW

        monkeypatch.setattr(page_module, "navigation_decision", allow_all)
        with qtbot.waitSignal(phone.failed, timeout=10_000) as failed:
            phones.js(
                webphone_frame(phone, sandbox.base_url),
                "top.location = 'ramal://app/host.html?x'; 1",
            )
        assert failed.args == ["the webphone page was replaced and is being loaded again"]
        assert not phone.call_active  # no end-of-call status will ever come from that page

        # back at once with a fresh URL, without waiting for the call to end
        qtbot.waitUntil(lambda: "conectado" in statuses, timeout=20_000)
        assert len(fetcher.urls) == 2
        assert phone.page.url() == QUrl(HOST_PAGE_URL)
        assert phones.js(phone.page, "location.href") == HOST_PAGE_URL

        # the agent saw the call end with the page, then the webphone come back
        ended = [s for s in snapshots if s.call is not None and s.call.ended_at is not None]
        assert ended and ended[0].state is AgentState.DISCONNECTED
        qtbot.waitUntil(lambda: agent.snapshot.state is AgentState.READY, timeout=10_000)
        assert not agent.snapshot.in_call
    finally:
        agent.shutdown()
