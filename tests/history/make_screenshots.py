"""Render the History panel and its player with sandbox data into docs/screenshots/.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/history/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import qasync
from PySide6.QtWidgets import QApplication

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.core.outcomes import Outcome
from desktop.history.cache import HistoryCache
from desktop.history.panel import HistoryPanel
from desktop.history.source import HistorySource
from desktop.i18n import install_translator
from desktop.sandbox.server import SandboxThread

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def shoot(app: QApplication, sandbox: SandboxThread, work: Path) -> None:
    client = TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
    panel = HistoryPanel(
        HistorySource(client),
        HistoryCache(work / "cache.sqlite3"),
        dial=lambda number: None,
        recordings_dir=work / "rec",
    )
    panel.resize(1366, 768)
    panel.show()
    await panel.set_period(date.today() - timedelta(days=6), date.today())
    rows = panel.model.visible_rows()
    missed = next(r for r in rows if r.outcome is Outcome.MISSED)
    panel.select_call(missed.call_id)
    await asyncio.sleep(0.3)
    OUT.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(OUT / "history-panel.png"))

    recorded = next(r for r in rows if r.has_recording and r.rating is None)
    panel.select_call(recorded.call_id)
    await panel.rate(recorded.call_id, 5, "Cliente satisfeito")
    panel.details.play.click()
    for _ in range(50):
        await asyncio.sleep(0.1)
        if panel.details.player.player.duration() > 0:
            break
    panel.details.player.player.pause()
    panel.details.player.player.setPosition(panel.details.player.player.duration() // 3)
    await asyncio.sleep(0.3)
    panel.details.grab().save(str(OUT / "history-player.png"))
    panel.close()
    await client.aclose()


def main() -> int:
    app = QApplication(sys.argv)
    install_translator(app)  # pt_BR unless RAMAL_DESKTOP_LANG says otherwise
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with SandboxThread() as sandbox, tempfile.TemporaryDirectory() as work:
        loop.run_until_complete(shoot(app, sandbox, Path(work)))
    print(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
