"""The simulated webphone page in a real QWebEngineView, inside a harness page of another origin."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineScript,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot

from desktop.sandbox import SandboxThread
from desktop.sandbox.store import classify

pytestmark = pytest.mark.webengine

Event = dict[str, Any]
HARNESS_URL = QUrl("http://localhost:9/harness.html")  # localhost: a secure context, other origin

EMBEDDED = """<!doctype html><html><body>
<script>
window.events = [];
const ORIGIN = %(origin)s;
window.addEventListener("message", (e) => { if (e.origin === ORIGIN) window.events.push(e.data); });
window.send = (m) => document.getElementById("webphone").contentWindow.postMessage(m, ORIGIN);
</script>
<iframe id="webphone" allow="microphone; autoplay" src=%(src)s width="420" height="160"></iframe>
<iframe id="intruder" srcdoc="<script>
window.hostile = (m) => parent.frames[0].postMessage(m, '*');
</script>"></iframe>
</body></html>"""

HIDDEN = """<!doctype html><html><body>
<script>
window.events = [];
const ORIGIN = %(origin)s;
window.addEventListener("message", (e) => { if (e.origin === ORIGIN) window.events.push(e.data); });
window.send = (m) => window.webphone.contentWindow.postMessage(m, ORIGIN);
</script>
<div id="widget-evoline-api-container"></div>
<script src=%(src)s></script>
</body></html>"""


class Harness:
    """A QWebEngineView on a harness page that collects the webphone's events."""

    def __init__(self, qtbot: QtBot, base_url: str) -> None:
        self.qtbot = qtbot
        self.origin = base_url
        self.grant_microphone = True
        self.permissions: list[tuple[str, str, bool]] = []
        self.profile = QWebEngineProfile()  # off the record: nothing leaks between tests
        self.profile.setPersistentPermissionsPolicy(
            QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
        )
        self.view = QWebEngineView()
        self.page = QWebEnginePage(self.profile, self.view)
        self.view.setPage(self.page)
        self.page.permissionRequested.connect(self._on_permission)
        self.view.resize(480, 240)
        self.view.show()

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        origin = permission.origin().toString().rstrip("/")
        audio = permission.permissionType() == QWebEnginePermission.PermissionType.MediaAudioCapture
        allowed = audio and origin == self.origin and self.grant_microphone
        self.permissions.append((permission.permissionType().name, origin, allowed))
        if allowed:
            permission.grant()
        else:
            permission.deny()

    def fail_microphone(self, name: str, message: str) -> None:
        """Make ``getUserMedia`` fail in every frame the way Chromium does (``name``)."""
        script = QWebEngineScript()
        script.setName("no-microphone")
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(True)
        script.setSourceCode(
            "if (navigator.mediaDevices) { navigator.mediaDevices.getUserMedia = () => "
            f"Promise.reject(new DOMException({json.dumps(message)}, {json.dumps(name)})); }}"
        )
        self.profile.scripts().insert(script)

    def load(self, template: str, src: str) -> None:
        html = template % {"origin": json.dumps(self.origin), "src": json.dumps(src)}
        self.page.setHtml(html, HARNESS_URL)

    def js(self, code: str) -> Any:
        box: list[Any] = []
        self.page.runJavaScript(code, 0, box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=10000)
        return box[0]

    def events(self) -> list[Event]:
        raw = self.js("JSON.stringify(window.events || [])")
        return list(json.loads(raw)) if raw else []

    def wait_event(self, check: Callable[[Event], bool], timeout: float = 20.0) -> Event:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [event for event in self.events() if check(event)]
            if found:
                return found[0]
            self.qtbot.wait(30)
        pytest.fail(f"evento não recebido; eventos: {self.events()}")

    def wait_status(self, status: str, after: int = 0) -> int:
        """Wait for ``status`` posted after event index ``after``; return its index."""

        def found() -> int | None:
            for index, event in enumerate(self.events()):
                if index >= after and event == {"message": "status", "status": status}:
                    return index
            return None

        self.wait_event(lambda _e: found() is not None)
        position = found()
        assert position is not None
        return position

    def send(self, message: dict[str, object]) -> None:
        self.js(f"window.send({json.dumps(message)})")

    def close(self) -> None:
        self.view.close()
        self.view.setPage(None)  # type: ignore[arg-type]
        self.page.deleteLater()
        self.qtbot.wait(50)


@pytest.fixture
def server() -> Iterator[SandboxThread]:
    with SandboxThread() as running:
        yield running


@pytest.fixture
def harness(qtbot: QtBot, server: SandboxThread) -> Iterator[Harness]:
    opened = Harness(qtbot, server.base_url)
    yield opened
    opened.close()


def clients(server: SandboxThread) -> tuple[httpx.Client, httpx.Client]:
    api = httpx.Client(base_url=server.base_url, headers={"Access-Token": server.token}, timeout=10)
    control = httpx.Client(base_url=server.base_url + "/_sandbox", timeout=10)
    return api, control


def page_url(api: httpx.Client, tipo: str) -> str:
    url: str = api.get("/webphone", params={"ramal": "4000", "tipo": tipo}).json()["dados"]["url"]
    return url


def messages(events: list[Event], start: int = 0) -> list[tuple[str, object]]:
    """Events after ``start`` as (message, main field), stats left out."""
    keys = {"status": "status", "chamada_id": "chamada_id", "status_erro": "status_erro"}
    return [
        (e["message"], e.get(keys.get(e["message"], "filaId")))
        for e in events[start:]
        if e["message"] != "stats_webphone"
    ]


def test_embedded_page_drives_calls(harness: Harness, server: SandboxThread) -> None:
    api, control = clients(server)
    control.post("/settings", json={"auto_answer_ms": None, "stats_interval_ms": 200})
    harness.load(EMBEDDED, page_url(api, "embedded"))

    harness.wait_status("conectado")
    assert harness.permissions == [("MediaAudioCapture", server.base_url, True)]
    stats = harness.wait_event(lambda e: e["message"] == "stats_webphone")
    assert stats["internet"] in ("bom", "regular", "ruim")
    assert stats["computador"] in ("bom", "regular", "ruim")

    # commands from anyone but the parent, or malformed ones, are ignored
    mark = len(harness.events())
    harness.js(
        "document.getElementById('intruder').contentWindow.hostile("
        "{message: 'chamaNumero', numero: '4001'})"
    )
    harness.send({"message": "chamaNumero", "numero": {"x": 1}})
    harness.send({"message": "enviaDTMF", "dtmf": "<script>"})
    harness.send({"message": "naoExiste"})
    harness.send({"message": "entrarNaFila", "filaId": "7"})
    harness.wait_event(lambda e: e == {"message": "entrou_na_fila", "filaId": "7"})
    assert messages(harness.events(), mark) == [("entrou_na_fila", "7")]

    # outgoing call
    mark = len(harness.events())
    harness.send({"message": "chamaNumero", "numero": "48999990000"})
    event = harness.wait_event(lambda e: e["message"] == "chamada_id")
    call_id = event["chamada_id"]
    assert messages(harness.events(), mark) == [("status", "chamando"), ("chamada_id", call_id)]
    live = api.get(f"/chamada/{call_id}").json()["dados"]
    assert live["ativa"] is True
    assert live["ramal_id_origem"] == 76498
    assert live["origem"]["tipo"] == "ramal"
    assert live["origem"]["numero"] == "4000"
    assert live["destino"]["numero"] == "48999990000"
    control.post(f"/calls/{call_id}/answer")
    harness.wait_status("conversando", mark)
    harness.send({"message": "enviaDTMF", "dtmf": "1#"})
    harness.send({"message": "hangup"})
    harness.wait_status("encerrada", mark)
    assert messages(harness.events(), mark) == [
        ("status", "chamando"),
        ("chamada_id", call_id),
        ("status", "conversando"),
        ("status", "encerrada"),
    ]
    done = api.get(f"/chamada/{call_id}").json()["dados"]
    assert done["ativa"] is False
    assert done["status_geral"] == "finalizada"
    assert done["destino"]["status"] == "atendida"
    assert control.get(f"/calls/{call_id}").json()["dtmf"] == "1#"

    # incoming call
    mark = len(harness.events())
    rung = control.post("/ring", json={"ramal": "4000", "numero": "+5511988887777"}).json()
    assert rung["entregue"] is True
    arriving = harness.wait_event(lambda e: e["message"] == "chegandoChamada")
    assert arriving == {
        "message": "chegandoChamada",
        "numeroChegando": "+5511988887777",
        "numeroDestino": "4000",
        "chamadaRecebidaId": rung["chamada_id"],
    }
    harness.wait_status("chamando", mark)
    harness.send({"message": "answer"})
    harness.wait_status("conversando", mark)
    control.post(f"/calls/{rung['chamada_id']}/hangup")
    harness.wait_status("encerrada", mark)
    assert messages(harness.events(), mark) == [
        ("chegandoChamada", None),
        ("status", "chamando"),
        ("chamada_id", rung["chamada_id"]),
        ("status", "conversando"),
        ("status", "encerrada"),
    ]
    assert api.get(f"/chamada/{rung['chamada_id']}").json()["dados"]["ativa"] is False

    # queue pause and an armed dial failure
    harness.send({"message": "pausarNaFila", "filaId": "7"})
    harness.wait_event(lambda e: e == {"message": "pausou_na_fila", "filaId": "7"})
    harness.send({"message": "despausarNaFila"})
    harness.wait_event(lambda e: e == {"message": "despausou_na_fila"})
    control.post("/ramais/4000/fail", json={"status_erro": "saldo insuficiente"})
    harness.send({"message": "chamaNumero", "numero": "4832830151"})
    harness.wait_event(
        lambda e: e == {"message": "status_erro", "status_erro": "saldo insuficiente"}
    )
    api.close()
    control.close()


def test_hidden_script_and_disconnect(harness: Harness, server: SandboxThread) -> None:
    api, control = clients(server)
    harness.load(HIDDEN, page_url(api, "hidden"))
    harness.wait_status("conectado")
    assert harness.js("window.webphone.tagName") == "IFRAME"
    assert harness.js("window.webphone.parentElement.id") == "widget-evoline-api-container"
    assert harness.js("window.webphone.getAttribute('allow')") == "microphone; autoplay"
    mark = len(harness.events())
    harness.send({"message": "desconectar"})
    harness.wait_status("desconectado", mark)
    harness.send({"message": "chamaNumero", "numero": "4832830151"})
    harness.wait_event(
        lambda e: e == {"message": "status_erro", "status_erro": "webphone desconectado"}
    )
    harness.send({"message": "conectar"})
    harness.wait_status("conectado", mark)
    sessions = control.get("/webphones").json()
    assert [s["conectado"] for s in sessions] == [True]
    api.close()
    control.close()


def test_denied_microphone(harness: Harness, server: SandboxThread) -> None:
    api, _control = clients(server)
    harness.grant_microphone = False
    harness.load(EMBEDDED, page_url(api, "embedded"))
    error = harness.wait_event(lambda e: e["message"] == "status_erro")
    assert str(error["status_erro"]).startswith("microfone indisponível: ")
    harness.wait_status("desconectado")
    assert harness.permissions == [("MediaAudioCapture", server.base_url, False)]
    assert not any(e["message"] == "microfone_simulado" for e in harness.events())
    api.close()


def test_no_microphone_connects_with_a_simulated_one(
    harness: Harness, server: SandboxThread
) -> None:
    api, control = clients(server)
    harness.fail_microphone("NotFoundError", "Requested device not found")
    harness.load(EMBEDDED, page_url(api, "embedded"))
    connected = harness.wait_status("conectado")
    notice = {
        "message": "microfone_simulado",
        "motivo": "NotFoundError: Requested device not found",
    }
    assert harness.events()[connected - 1] == notice  # said before "conectado"
    assert not any(e["message"] == "status_erro" for e in harness.events())
    assert [s["conectado"] for s in control.get("/webphones").json()] == [True]
    harness.send({"message": "chamaNumero", "numero": "4832830151"})
    harness.wait_event(lambda e: e["message"] == "chamada_id")
    api.close()
    control.close()


def test_a_denied_microphone_is_not_simulated(harness: Harness, server: SandboxThread) -> None:
    api, _control = clients(server)
    harness.fail_microphone("NotAllowedError", "Permission denied")
    harness.load(EMBEDDED, page_url(api, "embedded"))
    error = harness.wait_event(lambda e: e["message"] == "status_erro")
    assert error["status_erro"] == "microfone indisponível: NotAllowedError: Permission denied"
    harness.wait_status("desconectado")
    assert not any(e["message"] == "microfone_simulado" for e in harness.events())
    api.close()


def test_numbers_in_the_form_the_provider_examples_send(
    harness: Harness, server: SandboxThread
) -> None:
    api, control = clients(server)
    control.post("/settings", json={"auto_answer_ms": None})
    harness.load(EMBEDDED, page_url(api, "embedded"))
    harness.wait_status("conectado")

    # A Brazilian number in E.164 is never in the provider's examples: refused.
    harness.send({"message": "chamaNumero", "numero": "+5548999990000"})
    refused = harness.wait_event(lambda e: e["message"] == "status_erro")
    assert refused["status_erro"] == "número inválido: +5548999990000 (informe DDD + número)"
    assert control.get("/calls", params={"ativa": 1}).json() == []

    # Another country's number keeps its "+"; it is a call.
    mark = len(harness.events())
    harness.send({"message": "chamaNumero", "numero": "+12125550100"})
    event = harness.wait_event(lambda e: e["message"] == "chamada_id")
    call = control.get(f"/calls/{event['chamada_id']}").json()
    assert call["destino"] == "+12125550100"
    control.post(f"/calls/{event['chamada_id']}/answer")
    harness.wait_status("conversando", mark)

    # Transfers too: E.164 refused (the call goes on), DDD + número transferred.
    mark = len(harness.events())
    harness.send({"message": "transferir", "numeroTelefone": "+5548999990044"})
    refused = harness.wait_event(
        lambda e: e["message"] == "status_erro" and "+5548999990044" in e["status_erro"]
    )
    assert refused["status_erro"] == "número inválido: +5548999990044 (informe DDD + número)"
    assert control.get(f"/calls/{event['chamada_id']}").json()["ativa"] is True
    harness.send({"message": "transferir", "numeroTelefone": "48999990044"})
    harness.wait_status("encerrada", mark)
    transfers = control.get(f"/calls/{event['chamada_id']}").json()["transferencias"]
    assert [t["numero"] for t in transfers] == ["48999990044"]
    api.close()
    control.close()


@pytest.mark.parametrize(
    ("numero", "tipo"),
    [
        ("97988888888", "movel"),
        ("097988888888", "movel"),  # 0 + DDD + número, the profile's other form
        ("+5597988888888", "movel"),
        ("4832830151", "fixo"),
        ("04832830151", "fixo"),
        ("4001", "ramal"),
    ],
)
def test_every_form_of_a_number_is_the_same_kind_of_leg(numero: str, tipo: str) -> None:
    assert classify(numero, {"4000", "4001"}) == tipo
