from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.webphone.protocol import parse_event
from desktop.webphone.watchdog import Health, Watchdog


def status(dog: Watchdog, value: str) -> None:
    dog.observe(parse_event({"message": "status", "status": value}))


def stats(dog: Watchdog) -> None:
    dog.observe(parse_event({"message": "stats_webphone", "internet": "bom", "computador": "bom"}))


@pytest.fixture
def dog(qtbot: QtBot) -> Watchdog:
    watchdog = Watchdog(silence_ms=150, retry_ms=(20, 400))
    yield watchdog
    watchdog.stop()


def connected(dog: Watchdog) -> None:
    dog.loading()
    status(dog, "conectado")
    assert dog.health is Health.OK


def test_loading_then_connected(qtbot: QtBot, dog: Watchdog) -> None:
    changes: list[tuple[str, str]] = []
    dog.health_changed.connect(lambda h, r: changes.append((h, r)))
    dog.loading()
    status(dog, "conectado")
    assert changes == [("ok", "")]  # starting was already the state
    assert dog.health is Health.OK and dog.reason == ""


def test_silent_webphone_is_reloaded(qtbot: QtBot, dog: Watchdog) -> None:
    connected(dog)
    with qtbot.waitSignal(dog.recover, timeout=5000) as blocker:
        pass
    assert blocker.args[0].startswith("no signal from the webphone for ")
    assert dog.health is Health.DOWN


def test_page_that_never_answers_is_reloaded(qtbot: QtBot, dog: Watchdog) -> None:
    dog.loading()
    with qtbot.waitSignal(dog.recover, timeout=5000) as blocker:
        pass
    assert blocker.args == ["the webphone did not respond"]


def test_stats_coming_back_heal_a_silence(qtbot: QtBot) -> None:
    dog = Watchdog(silence_ms=100, retry_ms=(60_000, 60_000))
    connected(dog)
    with qtbot.waitSignal(dog.health_changed, timeout=5000) as blocker:
        pass
    assert blocker.args[0] == "down"
    assert dog.retry_delay_ms == 60_000
    stats(dog)
    assert dog.health is Health.OK
    assert dog.retry_delay_ms is None
    dog.stop()


def test_other_failures_are_not_healed_by_stats(dog: Watchdog) -> None:
    connected(dog)
    dog.failed("the webphone page did not load")
    stats(dog)
    assert dog.health is Health.DOWN
    assert dog.retry_delay_ms is not None


def test_reload_waits_for_the_call_to_end(qtbot: QtBot, dog: Watchdog) -> None:
    connected(dog)
    recovered: list[str] = []
    dog.recover.connect(recovered.append)
    status(dog, "chamando")
    status(dog, "conversando")
    assert dog.call_active
    with qtbot.waitSignal(dog.health_changed, timeout=5000):
        pass  # silence: down, but the call goes on
    assert dog.health is Health.DOWN
    qtbot.waitUntil(lambda: dog.recovery_pending, timeout=5000)
    assert recovered == []
    with qtbot.waitSignal(dog.recover, timeout=5000):
        status(dog, "encerrada")
    assert not dog.call_active


def test_incoming_call_counts_as_a_call(qtbot: QtBot, dog: Watchdog) -> None:
    connected(dog)
    dog.observe(parse_event({"message": "chegandoChamada", "numeroChegando": "4801"}))
    assert dog.call_active
    dog.failed("no signal")
    assert dog.recovery_pending and dog.retry_delay_ms is None


def test_renderer_gone_ends_the_call_and_reloads(qtbot: QtBot, dog: Watchdog) -> None:
    connected(dog)
    status(dog, "conversando")
    with qtbot.waitSignal(dog.recover, timeout=5000) as blocker:
        dog.failed("the webphone process crashed (code 11)", call_lost=True)
    assert blocker.args == ["the webphone process crashed (code 11)"]
    assert not dog.call_active


def test_unrequested_disconnect_is_down_with_the_error(qtbot: QtBot, dog: Watchdog) -> None:
    connected(dog)
    dog.observe(parse_event({"message": "status_erro", "status_erro": "microfone indisponível"}))
    with qtbot.waitSignal(dog.recover, timeout=5000):
        status(dog, "desconectado")
    assert dog.reason == "the webphone disconnected: microfone indisponível"


def test_requested_disconnect_stays_down_quietly(qtbot: QtBot, dog: Watchdog) -> None:
    connected(dog)
    recovered: list[str] = []
    dog.recover.connect(recovered.append)
    dog.agent_wants_connection(False)
    status(dog, "desconectado")
    assert dog.health is Health.OK
    qtbot.wait(400)  # well past the silence threshold
    assert recovered == []
    assert dog.health is Health.OK


def test_back_off_doubles_and_resets_on_connect(dog: Watchdog) -> None:
    dog.loading()
    delays = []
    for _ in range(6):
        dog.failed("falhou")
        delays.append(dog.retry_delay_ms)
    assert delays == [20, 40, 80, 160, 320, 400]
    connected(dog)
    dog.failed("falhou")
    assert dog.retry_delay_ms == 20


def test_stop_silences_everything(qtbot: QtBot, dog: Watchdog) -> None:
    connected(dog)
    recovered: list[str] = []
    dog.recover.connect(recovered.append)
    dog.stop()
    dog.failed("falhou")
    qtbot.wait(300)
    assert recovered == []


TS = Path(__file__).resolve().parents[2] / "resources/translations/ramal_desktop_pt_BR.ts"


@pytest.fixture
def pt_br(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    candidates = [
        Path(sys.executable).parent / "pyside6-lrelease",
        Path(PySide6.__file__).parent / "lrelease",
    ]
    lrelease = next((c for c in candidates if c.exists()), None)
    if lrelease is None:
        pytest.skip("lrelease not found")
    qm = tmp_path / "pt_BR.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_reasons_are_portuguese_with_the_translation(qtbot: QtBot, pt_br: None) -> None:
    dog = Watchdog(silence_ms=60_000, retry_ms=(60_000, 60_000))
    connected(dog)
    dog.observe(parse_event({"message": "status_erro", "status_erro": "microfone indisponível"}))
    status(dog, "desconectado")
    assert dog.reason == "o webphone desconectou: microfone indisponível"
    dog.stop()
