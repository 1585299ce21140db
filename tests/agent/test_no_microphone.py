"""A machine without a microphone: the sandbox works with a simulated one, and says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.agent.header import AgentHeader
from desktop.agent.state import AgentState, AgentStateMachine
from desktop.agent.words import advice_for, webphone_error
from desktop.resources import resources_dir
from desktop.webphone.protocol import parse_event

ROOT = Path(__file__).resolve().parents[2]
PEER = Path(__file__).with_name("no_microphone_peer.py")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.fixture
def portuguese(qapp: QCoreApplication) -> object:
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "ramal_desktop_pt_BR.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.mark.webengine
def test_sandbox_without_a_microphone_connects_and_says_so(tmp_path: Path) -> None:
    # Chromium's flags are read once per process: this one starts without the fake devices.
    env = dict(os.environ)
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    proc = subprocess.run(
        [sys.executable, str(PEER), str(tmp_path / "profile")],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["ready"] is True, seen
    if not seen["simulated_microphone"]:
        pytest.skip("this machine has a real microphone")
    assert seen["header"] == "Microfone simulado (nenhum microfone encontrado)"
    assert seen["errors"] == []
    assert seen["dial_problem"] is None
    assert seen["chamada_id"]


def test_the_notice_lasts_while_connected_and_goes_with_the_connection() -> None:
    machine = AgentStateMachine()
    machine.connect_requested()
    motivo = "NotFoundError: Requested device not found"
    machine.apply(parse_event({"message": "microfone_simulado", "motivo": motivo}), NOW)
    snap = machine.apply(parse_event({"message": "status", "status": "conectado"}), NOW)
    assert snap.state is AgentState.READY
    assert snap.simulated_microphone
    snap = machine.apply(parse_event({"message": "status", "status": "desconectado"}), NOW)
    assert not snap.simulated_microphone


def test_header_shows_the_simulated_microphone(qapp: QCoreApplication, portuguese: object) -> None:
    machine = AgentStateMachine()
    machine.connect_requested()
    machine.apply(parse_event({"message": "microfone_simulado"}), NOW)
    header = AgentHeader("4000")
    connected = parse_event({"message": "status", "status": "conectado"})
    header.set_snapshot(machine.apply(connected, NOW))
    assert header.detail.text() == "Microfone simulado (nenhum microfone encontrado)"
    header.set_health("down", "sem sinal")
    assert "Microfone simulado" not in header.detail.text()  # being down says more


NO_DEVICE = (
    "microfone indisponível: NotFoundError: Requested device not found",
    "microfone indisponível: DevicesNotFoundError",
    "NotFoundError",
    "Requested device not found",
)


@pytest.mark.parametrize("status_erro", NO_DEVICE)
def test_a_missing_microphone_is_explained_with_what_to_do(
    qapp: QCoreApplication, portuguese: object, status_erro: str
) -> None:
    assert advice_for(status_erro) == (
        "Nenhum microfone encontrado. Conecte um fone com microfone ou verifique as "
        "configurações de som do sistema e use Telefone ▸ Reconectar."
    )
    assert webphone_error(status_erro).endswith(advice_for(status_erro))


def test_a_missing_microphone_in_english(qapp: QCoreApplication) -> None:
    assert advice_for(NO_DEVICE[0]).startswith("No microphone found. Plug in a headset")


@pytest.mark.parametrize(
    "status_erro",
    [
        "microfone indisponível: NotAllowedError: Permission denied",
        "microfone indisponível: NotAllowedError: Permission dismissed",
    ],
)
def test_a_denied_microphone_is_still_reported_as_denied(
    qapp: QCoreApplication, portuguese: object, status_erro: str
) -> None:
    advice = advice_for(status_erro)
    assert advice.startswith("Permita o acesso ao microfone")
    assert "Nenhum microfone" not in advice
