"""The agent window on the sandbox in a process of its own, with Chromium's own devices.

Usage: python no_microphone_peer.py DATA_DIR

The test starts it with ``QTWEBENGINE_CHROMIUM_FLAGS`` left without the fake devices,
which can only be set before Chromium starts, hence the process. It connects the real
webphone bridge to the sandbox, dials a number and prints one line of JSON with what
the agent sees.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)

from desktop.webphone.scheme import register_scheme

register_scheme()

import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.agent.controller import AgentController  # noqa: E402
from desktop.agent.preferences import AgentPreferences  # noqa: E402
from desktop.agent.state import AgentState  # noqa: E402
from desktop.agent.window import AgentWindow  # noqa: E402
from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient  # noqa: E402
from desktop.api.models.webphone import WebphoneUrl  # noqa: E402
from desktop.i18n import install_translator  # noqa: E402
from desktop.sandbox.server import SandboxThread  # noqa: E402
from desktop.webphone.webphone import Webphone  # noqa: E402

RAMAL = "4003"
WAIT_S = 60.0


async def until(check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT_S
    while not check():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def scenario(sandbox: SandboxThread, data_dir: Path) -> dict[str, object]:
    client = TotalVoiceClient(
        sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
    )

    async def fetch_url() -> WebphoneUrl:
        return await client.webphone.get_url(ramal=RAMAL)

    webphone = Webphone(fetch_url, data_dir)
    controller = AgentController(webphone, AgentPreferences(confirm_link_dial=False))
    window = AgentWindow(controller, ramal=RAMAL)
    errors: list[str] = []
    controller.error.connect(errors.append)
    try:
        window.show()
        webphone.start()
        ready = await until(lambda: controller.snapshot.state is AgentState.READY)
        result: dict[str, object] = {
            "ready": ready,
            "simulated_microphone": controller.snapshot.simulated_microphone,
            "header": window.header.detail.text(),
            "errors": list(errors),
        }
        if ready:
            problem = controller.dial("+55 48 3283-0151")
            placed = await until(
                lambda: (
                    controller.snapshot.call is not None
                    and controller.snapshot.call.chamada_id is not None
                )
            )
            call = controller.snapshot.call
            result["dial_problem"] = problem
            result["chamada_id"] = call.chamada_id if placed and call is not None else None
            controller.hang_up()
            await until(lambda: not controller.snapshot.in_call)
        return result
    finally:
        controller.shutdown()
        window.close()
        webphone.close()
        await client.aclose()


def main() -> int:
    app = QApplication(sys.argv[:1])
    install_translator(app, "pt_BR")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with SandboxThread() as sandbox, loop:
        result = loop.run_until_complete(scenario(sandbox, Path(sys.argv[1])))
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
