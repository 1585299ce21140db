"""End to end: the watchdog brings a dead or silent webphone back with a fresh URL."""

from __future__ import annotations

import os
import re
import signal
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.api.models.webphone import WebphoneType, WebphoneUrl
from desktop.webphone.protocol import ProtocolError
from desktop.webphone.watchdog import Health
from desktop.webphone.webphone import WebphoneUnavailable

pytestmark = pytest.mark.webengine


def test_killed_render_process_reloads_with_a_fresh_url(qtbot: QtBot, phones: Any) -> None:
    phone, fetcher = phones.make("4000", retry_ms=(100, 1_000))
    phones.connect(phone)
    health: list[tuple[str, str]] = []
    phone.health_changed.connect(lambda h, r: health.append((h, r)))
    pid = phone.page.renderProcessPid()
    assert pid > 0

    with qtbot.waitSignal(phone.failed, timeout=10_000) as failed:
        os.kill(pid, signal.SIGKILL)
    assert re.fullmatch(
        r"the webphone process (was killed|crashed|ended with an error) \(code -?\d+\)",
        failed.args[0],
    )
    assert not phone.is_ready

    with phones.wait_status(phone, "conectado", timeout=20_000):
        pass
    assert len(fetcher.urls) == 2  # fetched again: a signed URL is never reused
    assert phone.page.renderProcessPid() not in (0, pid)
    assert ("down", failed.args[0]) in health
    assert phone.health is Health.OK
    with qtbot.waitSignal(phone.entrou_na_fila, timeout=10_000):
        phone.entrar_na_fila("9")


def test_silent_webphone_is_reloaded_when_idle(qtbot: QtBot, phones: Any, control: Any) -> None:
    control.post("/_sandbox/settings", {"stats_interval_ms": 200})
    phone, fetcher = phones.make("4001", silence_ms=1_500, retry_ms=(100, 1_000))
    phones.connect(phone)
    with qtbot.waitSignal(phone.stats_webphone, timeout=10_000) as stats:
        pass
    assert stats.args[0] in ("bom", "regular", "ruim")

    # On a loaded machine a reload may already have happened before the silence starts:
    # count from here, and wait for this silence's own reason.
    qtbot.waitUntil(lambda: phone.health is Health.OK, timeout=20_000)
    loaded = len(fetcher.urls)
    reasons: list[str] = []
    phone.health_changed.connect(lambda h, r: reasons.append(r) if h == "down" else None)
    control.post("/_sandbox/silence", {"ramal": "4001", "silent": True})
    try:
        qtbot.waitUntil(
            lambda: (
                len(fetcher.urls) > loaded
                and any(r.startswith("no signal from the webphone for") for r in reasons)
            ),
            timeout=20_000,
        )
    finally:
        control.post("/_sandbox/silence", {"ramal": "4001", "silent": False})
    qtbot.waitUntil(lambda: phone.health is Health.OK, timeout=20_000)
    with qtbot.waitSignal(phone.stats_webphone, timeout=10_000):
        pass


def test_expired_url_is_never_loaded(qtbot: QtBot, phones: Any, control: Any) -> None:
    control.post("/_sandbox/settings", {"webphone_ttl_s": -60})
    phone, fetcher = phones.make("4002", retry_ms=(100, 1_000))
    with qtbot.waitSignal(phone.failed, timeout=10_000) as failed:
        phone.start()
    assert failed.args[0] == (
        "the webphone URL arrived already expired (check the computer's clock)"
    )
    assert phone.health is Health.DOWN
    assert fetcher.urls and fetcher.urls[0].is_expired()
    assert phone.page.url().isEmpty()  # the host page was not even loaded
    qtbot.waitUntil(lambda: len(fetcher.urls) >= 2, timeout=10_000)  # it keeps trying
    control.post("/_sandbox/settings", {"webphone_ttl_s": 600})
    with phones.wait_status(phone, "conectado", timeout=20_000):
        pass


def test_url_fetch_failure_is_reported_and_retried(qtbot: QtBot, phones: Any) -> None:
    calls: list[int] = []

    async def broken() -> WebphoneUrl:
        calls.append(1)
        raise ConnectionError("rede fora do ar")

    phone, _ = phones.make("4003", retry_ms=(50, 200), fetch_url=broken)
    with qtbot.waitSignal(phone.failed, timeout=10_000) as failed:
        phone.start()
    assert failed.args == ["could not get the webphone URL: rede fora do ar"]
    assert phone.health_reason == failed.args[0]
    qtbot.waitUntil(lambda: len(calls) >= 3, timeout=10_000)


def test_url_that_is_not_a_webphone_is_refused(qtbot: QtBot, phones: Any) -> None:
    async def hostile() -> WebphoneUrl:
        return WebphoneUrl("http://voice-api.zenvia.com/w3/?key=1")  # not https

    phone, _ = phones.make("4003", retry_ms=(10_000, 10_000), fetch_url=hostile)
    with qtbot.waitSignal(phone.failed, timeout=10_000) as failed:
        phone.start()
    assert failed.args == ["webphone URL with a scheme that is not allowed: http"]
    assert phone.page.url().isEmpty()


def test_commands_are_validated_and_need_a_loaded_page(phones: Any) -> None:
    phone, _ = phones.make("4003")
    with pytest.raises(ProtocolError, match="DTMF"):
        phone.enviar_dtmf("12a")
    with pytest.raises(ProtocolError, match="Informe um número"):
        phone.chama_numero("  ")
    with pytest.raises(ProtocolError, match="filaId"):
        phone.entrar_na_fila("")
    with pytest.raises(ProtocolError):
        phone.transferir("abc")
    with pytest.raises(WebphoneUnavailable):
        phone.chama_numero("48999990000")
    with pytest.raises(WebphoneUnavailable):
        phone.conectar()


def tampered(fetcher: Any) -> Any:
    async def fetch() -> WebphoneUrl:
        good = await fetcher()
        return WebphoneUrl(good.url[:-1] + ("0" if good.url[-1] != "0" else "1"), good.expires)

    return fetch


def test_refused_hidden_script_is_a_load_failure(qtbot: QtBot, phones: Any) -> None:
    phone, _ = phones.make("4007", WebphoneType.HIDDEN, retry_ms=(10_000, 10_000), wrap=tampered)
    with qtbot.waitSignal(phone.failed, timeout=10_000) as failed:
        phone.start()
    assert failed.args == ["the webphone script did not load"]
    assert phone.health is Health.DOWN


def test_refused_page_is_noticed_by_the_watchdog(qtbot: QtBot, phones: Any) -> None:
    phone, _ = phones.make("4007", silence_ms=1_000, retry_ms=(10_000, 10_000), wrap=tampered)
    with qtbot.waitSignal(
        phone.health_changed, check_params_cb=lambda h, _: h == "down", timeout=10_000
    ) as health:
        phone.start()
    assert health.args == ["down", "the webphone did not respond"]


def test_agent_disconnect_survives_a_reload(qtbot: QtBot, phones: Any) -> None:
    phone, fetcher = phones.make("4008", retry_ms=(100, 1_000))
    phones.connect(phone)
    with phones.wait_status(phone, "desconectado"):
        phone.desconectar()
    assert phone.health is Health.OK  # asked for: not a failure
    with qtbot.waitSignal(phone.failed, timeout=10_000):
        os.kill(phone.page.renderProcessPid(), signal.SIGKILL)
    # the reloaded page connects on its own; the bridge puts it back as the agent wanted
    with phones.wait_status(phone, "desconectado", timeout=20_000):
        pass
    assert len(fetcher.urls) == 2
    with phones.wait_status(phone, "conectado"):
        phone.conectar()
