"""Renders the agent window in three states to docs/screenshots/ (run, not collected).

QT_QPA_PLATFORM=offscreen .venv/bin/python tests/agent/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from agent_fakes import FakeClock, FakePlayer, FakeWebphone
from PySide6.QtWidgets import QApplication

from desktop.agent.controller import AgentController
from desktop.agent.preferences import AgentPreferences
from desktop.agent.window import AgentWindow
from desktop.i18n import install_translator

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZE = (1366, 768)


def build() -> tuple[AgentWindow, FakeWebphone, FakeClock]:
    clock = FakeClock()
    phone = FakeWebphone()
    prefs = AgentPreferences(queue_ids=("vendas", "suporte", "cobranca"))
    controller = AgentController(phone, prefs, clock=clock, tick_ms=3_600_000)
    window = AgentWindow(controller, ramal="4000", ring_player=FakePlayer())
    window.resize(*SIZE)
    phone.set_health("ok")
    phone.status("conectado")
    for fila in ("vendas", "suporte"):
        controller.join_queue(fila)
        phone.emit_event("entrou_na_fila", filaId=fila)
    readings = ["bom"] * 14 + ["regular", "bom", "bom", "ruim", "regular", "bom"] + ["bom"] * 8
    readings += ["regular", "regular"]
    for quality in readings:
        clock.advance(10)
        phone.emit_event("stats_webphone", internet=quality, computador="bom")
    controller.tick()
    window.show()
    return window, phone, clock


def grab(app: QApplication, window: AgentWindow, name: str) -> None:
    for _ in range(5):
        app.processEvents()
    path = OUT / name
    window.grab().save(str(path))
    print(path)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app)  # pt_BR unless RAMAL_DESKTOP_LANG says otherwise
    OUT.mkdir(parents=True, exist_ok=True)
    window, phone, clock = build()
    grab(app, window, "agent-idle.png")

    phone.emit_event(
        "chegandoChamada",
        numeroChegando="+5548999990000",
        numeroDestino="4000",
        chamadaRecebidaId="5121",
    )
    phone.status("chamando")
    clock.advance(4)
    window.controller.tick()
    grab(app, window, "agent-ringing.png")

    window.controller.answer()
    phone.status("conversando")
    phone.emit_event("chamada_id", chamada_id="5121")
    for index in range(20):
        clock.advance(10)
        phone.emit_event("stats_webphone", internet="bom" if index % 7 else "regular")
    window.controller.toggle_recording()
    window.controller.tick()
    grab(app, window, "agent-call.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
