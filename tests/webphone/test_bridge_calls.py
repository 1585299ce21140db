"""End to end: a real QWebEngineView loads the sandbox's webphone through the host page."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.api.models.webphone import WebphoneType
from desktop.sandbox.server import SandboxThread
from desktop.webphone.policy import origin_of
from desktop.webphone.watchdog import Health

pytestmark = pytest.mark.webengine


def names(events: list[Any]) -> list[str]:
    return [e.event.value for e in events if e.event.value != "stats_webphone"]


def test_outgoing_call_full_cycle(
    qtbot: QtBot, phones: Any, control: Any, sandbox: SandboxThread
) -> None:
    control.post("/_sandbox/settings", {"auto_answer_ms": None})
    phone, fetcher = phones.make("4002")
    granted: list[str] = []
    phone.page.permission_granted.connect(granted.append)
    events: list[Any] = []
    phone.received.connect(events.append)

    phones.connect(phone)
    # the URL came through the real API client, awaited on the Qt loop
    assert len(fetcher.urls) == 1
    assert granted == [origin_of(sandbox.base_url)]  # the microphone, for the webphone only
    assert phone.health is Health.OK
    assert phone.is_ready

    with (
        qtbot.waitSignal(phone.chamada_id, timeout=10_000) as got_id,
        phones.wait_status(phone, "chamando"),
    ):
        phone.chama_numero("(48) 99999-0002")
    call_id = got_id.args[0]
    assert call_id.isdigit()
    assert phone.call_active
    state = control.get(f"/_sandbox/calls/{call_id}")
    assert state["destino"] in ("+5548999990002", "48999990002")

    with phones.wait_status(phone, "conversando"):
        control.post(f"/_sandbox/calls/{call_id}/answer")

    phone.enviar_dtmf("12#")
    phone.mute()
    phone.gravacao_iniciar()
    phone.gravacao_parar()

    def applied() -> bool:
        state = control.get(f"/_sandbox/calls/{call_id}")
        return bool(state["dtmf"] == "12#" and state["mudo"] and state["gravar"])

    qtbot.waitUntil(applied, timeout=10_000)

    with phones.wait_status(phone, "encerrada"):
        phone.desligar()
    assert not phone.call_active
    assert not control.get(f"/_sandbox/calls/{call_id}")["ativa"]
    assert names(events) == ["status", "status", "chamada_id", "status", "status"]


def test_queue_events(qtbot: QtBot, phones: Any) -> None:
    phone, _ = phones.make("4006")
    phones.connect(phone)
    with qtbot.waitSignal(phone.entrou_na_fila, timeout=10_000) as entered:
        phone.entrar_na_fila(7)
    assert entered.args == ["7"]
    with qtbot.waitSignal(phone.pausou_na_fila, timeout=10_000) as paused:
        phone.pausar_na_fila()
    assert paused.args == [""]  # every queue
    with qtbot.waitSignal(phone.despausou_na_fila, timeout=10_000) as unpaused:
        phone.despausar_na_fila("7")
    assert unpaused.args == ["7"]
    with qtbot.waitSignal(phone.saiu_da_fila, timeout=10_000) as left:
        phone.sair_da_fila("7")
    assert left.args == ["7"]


def test_incoming_call_answered_then_far_side_hangs_up(
    qtbot: QtBot, phones: Any, control: Any
) -> None:
    phone, _ = phones.make("4005")
    phones.connect(phone)
    with qtbot.waitSignal(phone.chegandoChamada, timeout=10_000) as ringing:
        rung = control.post("/_sandbox/ring", {"ramal": "4005", "numero": "+5548999990005"})
    assert rung["entregue"] is True
    call_id = str(rung["chamada_id"])
    assert ringing.args == ["+5548999990005", "4005", call_id]
    assert phone.call_active

    with (
        qtbot.waitSignal(phone.chamada_id, timeout=10_000) as answered,
        phones.wait_status(phone, "conversando"),
    ):
        phone.atender()
    assert answered.args == [call_id]

    with phones.wait_status(phone, "encerrada"):
        control.post(f"/_sandbox/calls/{call_id}/hangup")
    assert not phone.call_active


def test_hidden_style(qtbot: QtBot, phones: Any, control: Any) -> None:
    control.post("/_sandbox/settings", {"auto_answer_ms": None})
    phone, fetcher = phones.make("4004", WebphoneType.HIDDEN)
    phones.connect(phone)
    assert "/w3/hidden.js" in fetcher.urls[0].url
    # the provider's script put its iframe in the container and exposed it as `webphone`
    assert phones.js(
        phone.page,
        "window.webphone === document.querySelector('#widget-evoline-api-container iframe')",
    )

    control.post("/_sandbox/ramais/4004/fail", {"status_erro": "sem saldo"})
    with qtbot.waitSignal(phone.status_erro, timeout=10_000) as error:
        phone.chama_numero("48999990004")
    assert error.args == ["sem saldo"]

    with qtbot.waitSignal(phone.chamada_id, timeout=10_000) as got_id:
        phone.chama_numero("48999990004")
    with phones.wait_status(phone, "conversando"):
        control.post(f"/_sandbox/calls/{got_id.args[0]}/answer")
    with phones.wait_status(phone, "encerrada"):
        phone.transferir("48999990044")
    transfers = control.get(f"/_sandbox/calls/{got_id.args[0]}")["transferencias"]
    assert transfers


JQUERY_SCRIPTS = (
    "Array.from(document.scripts).map(s => s.src).filter(s => /jquery/i.test(s)).join(' ')"
)


def test_hidden_style_finds_jquery_like_the_providers_example(phones: Any) -> None:
    phone, _ = phones.make("4004", WebphoneType.HIDDEN)
    phones.connect(phone)
    # recorded by the sandbox's hidden script the moment it ran
    assert phones.js(phone.page, "window.webphoneSandbox.jqueryAtLoad") == "function"
    assert phones.js(phone.page, "jQuery.fn.jquery").startswith("3.")
    assert phones.js(phone.page, JQUERY_SCRIPTS) == "ramal://app/jquery.min.js"


def test_embedded_style_loads_no_jquery(phones: Any) -> None:
    phone, _ = phones.make("4004")
    phones.connect(phone)
    assert phones.js(phone.page, "typeof window.jQuery") == "undefined"
    assert phones.js(phone.page, JQUERY_SCRIPTS) == ""


def test_troubleshooting_view_shows_the_frame(phones: Any) -> None:
    phone, _ = phones.make("4007")
    phones.connect(phone)
    assert phones.js(phone.page, "document.body.classList.contains('diagnostico')") is False
    phone.set_frame_visible(True)
    phones.qtbot.waitUntil(
        lambda: phones.js(phone.page, "document.body.classList.contains('diagnostico')") is True,
        timeout=10_000,
    )
