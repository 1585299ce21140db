"""``--self-test``: the diagnostics an agent runs when "the phone doesn't work".

Connects the webphone, optionally places a call, waits for ``chamada_id``, fetches that
call from the API, hangs up, and reports each step's time as one line of JSON. On the
sandbox the call is placed to a demo number; on a real account only when a number is
given (``--self-test-dial``), since a call costs money and rings someone.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import SignalInstance

from desktop.api import TotalVoiceClient
from desktop.webphone.protocol import Event, ParsedEvent
from desktop.webphone.webphone import Webphone

STEPS = ("api", "webphone_connected", "dialing", "chamada_id", "call_fetched", "hangup")

#: The number the sandbox self-test dials (answered by the simulated far side).
SANDBOX_TEST_NUMBER = "4832830151"


class SelfTestFailed(Exception):
    """A step did not complete; ``step`` names it."""

    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@dataclass(slots=True)
class SelfTestReport:
    """Step timings in milliseconds since the app started, and the outcome."""

    started: float
    steps: dict[str, float] = field(default_factory=dict)
    ok: bool = False
    failed_step: str | None = None
    reason: str | None = None
    chamada_id: str | None = None
    simulated_microphone: bool = False  # the sandbox's page found no microphone

    def mark(self, step: str) -> None:
        """Record that ``step`` finished now."""
        self.steps[step] = round((time.perf_counter() - self.started) * 1000, 1)

    def to_json(self) -> str:
        """One line of JSON for the terminal or a support ticket."""
        data: dict[str, Any] = {"ok": self.ok, "steps_ms": self.steps}
        if self.chamada_id is not None:
            data["chamada_id"] = self.chamada_id
        if self.simulated_microphone:
            data["simulated_microphone"] = True
        if self.failed_step is not None:
            data["failed_step"] = self.failed_step
            data["reason"] = self.reason
        return json.dumps(data, ensure_ascii=False)


async def _next(
    signal: SignalInstance,
    step: str,
    timeout: float,
    accept: Callable[..., bool] = lambda *args: True,
    failures: tuple[SignalInstance, ...] = (),
) -> tuple[Any, ...]:
    """Wait for ``signal`` to fire with arguments ``accept`` likes, or fail the step."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[tuple[Any, ...]] = loop.create_future()

    def on_signal(*args: Any) -> None:
        if not done.done() and accept(*args):
            done.set_result(args)

    def on_failure(*args: Any) -> None:
        if not done.done():
            done.set_exception(SelfTestFailed(step, " ".join(str(a) for a in args)))

    signal.connect(on_signal)
    for failure in failures:
        failure.connect(on_failure)
    try:
        return await asyncio.wait_for(done, timeout)
    except TimeoutError:
        raise SelfTestFailed(step, f"nothing after {timeout:.0f} s") from None
    finally:
        signal.disconnect(on_signal)
        for failure in failures:
            failure.disconnect(on_failure)


async def run_self_test(
    webphone: Webphone,
    client: TotalVoiceClient,
    report: SelfTestReport,
    *,
    dial: str | None,
    timeout: float = 30.0,
) -> SelfTestReport:
    """Run the steps on an already created (not yet started) webphone; never raises."""
    fail = (webphone.status_erro, webphone.failed)

    def note_microphone(event: object) -> None:
        if isinstance(event, ParsedEvent) and event.event is Event.MICROFONE_SIMULADO:
            report.simulated_microphone = True

    webphone.received.connect(note_microphone)
    try:
        await client.validate_token()
        report.mark("api")
        connected = _next(
            webphone.status, "webphone_connected", timeout, lambda s: s == "conectado", fail
        )
        webphone.start()
        await connected
        report.mark("webphone_connected")
        if dial is not None:
            ringing = _next(webphone.status, "dialing", timeout, lambda s: s == "chamando", fail)
            got_id = asyncio.ensure_future(_next(webphone.chamada_id, "chamada_id", timeout))
            webphone.chama_numero(dial)
            await ringing
            report.mark("dialing")
            (chamada_id,) = await got_id
            report.chamada_id = str(chamada_id)
            report.mark("chamada_id")
            await client.chamadas.get(report.chamada_id)
            report.mark("call_fetched")
            ended = _next(webphone.status, "hangup", timeout, lambda s: s == "encerrada")
            webphone.desligar()
            await ended
            report.mark("hangup")
        report.ok = True
    except SelfTestFailed as exc:
        report.failed_step, report.reason = exc.step, exc.reason
    except Exception as exc:  # an API or protocol error: the step that was running failed
        report.failed_step = next((s for s in STEPS if s not in report.steps), "unknown")
        report.reason = str(exc)
    finally:
        webphone.received.disconnect(note_microphone)
    return report
