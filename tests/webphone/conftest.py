"""Fixtures for the webphone bridge: an asyncio loop on Qt, the sandbox, webphones."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineFrame, QWebEnginePage
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api.models.webphone import WebphoneType, WebphoneUrl
from desktop.sandbox.server import SandboxThread
from desktop.webphone.webphone import Webphone

T = TypeVar("T")


class Control:
    """The sandbox's /_sandbox/ control API (plain JSON, no token)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def call(self, method: str, path: str, body: object | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def post(self, path: str, body: object | None = None) -> Any:
        return self.call("POST", path, body if body is not None else {})

    def get(self, path: str) -> Any:
        return self.call("GET", path)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread() as server:
        yield server


@pytest.fixture
def control(sandbox: SandboxThread) -> Iterator[Control]:
    ctl = Control(sandbox.base_url)
    yield ctl
    ctl.post(
        "/_sandbox/settings",
        {"auto_answer_ms": 800, "stats_interval_ms": 5000, "webphone_ttl_s": 600},
    )


class Fetcher:
    """``fetch_url`` for the Webphone: the real API client, counting the URLs it handed out."""

    def __init__(self, client: TotalVoiceClient, ramal: str, style: WebphoneType) -> None:
        self.client = client
        self.ramal = ramal
        self.style = style
        self.urls: list[WebphoneUrl] = []

    async def __call__(self) -> WebphoneUrl:
        url = await self.client.webphone.get_url(ramal=self.ramal, tipo=self.style)
        self.urls.append(url)
        return url


class Phones:
    """Makes webphones for one test and closes them after it."""

    def __init__(self, qtbot: QtBot, sandbox: SandboxThread, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.client = TotalVoiceClient(
            sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=0)
        )
        self.tmp_path = tmp_path
        self.made: list[Webphone] = []
        self.opened: list[QUrl] = []

    def make(
        self,
        ramal: str,
        style: WebphoneType = WebphoneType.EMBEDDED,
        *,
        silence_ms: int = 15_000,
        retry_ms: tuple[int, int] = (200, 2_000),
        fetch_url: Callable[[], Awaitable[WebphoneUrl]] | None = None,
        wrap: Callable[[Fetcher], Callable[[], Awaitable[WebphoneUrl]]] | None = None,
    ) -> tuple[Webphone, Fetcher]:
        fetcher = Fetcher(self.client, ramal, style)
        if wrap is not None:
            fetch_url = wrap(fetcher)
        phone = Webphone(
            fetch_url or fetcher,
            self.tmp_path / f"profile-{len(self.made)}",
            style=style,
            silence_ms=silence_ms,
            retry_ms=retry_ms,
            open_external=self.opened.append,
        )
        phone.view.resize(420, 640)
        phone.view.show()
        self.made.append(phone)
        return phone, fetcher

    def connect(self, phone: Webphone, timeout: int = 20_000) -> None:
        """Start ``phone`` and wait for ``conectado``."""
        seen: list[str] = []
        phone.status.connect(seen.append)
        phone.status_erro.connect(lambda e: seen.append(f"status_erro: {e}"))
        phone.failed.connect(lambda r: seen.append(f"failed: {r}"))
        try:
            with self.qtbot.waitSignal(
                phone.status, check_params_cb=lambda s: s == "conectado", timeout=timeout
            ):
                phone.start()
        except self.qtbot.TimeoutError as exc:
            raise AssertionError(f"webphone did not connect; seen: {seen}") from exc

    def wait_status(self, phone: Webphone, value: str, timeout: int = 10_000) -> Any:
        """A context manager waiting for ``status(value)``."""
        return self.qtbot.waitSignal(
            phone.status, check_params_cb=lambda s: s == value, timeout=timeout
        )

    def js(self, target: QWebEnginePage | QWebEngineFrame, script: str) -> Any:
        """Run ``script`` in a page's main frame or in one frame; returns its value."""
        results: list[Any] = []
        target.runJavaScript(script, 0, results.append)
        self.qtbot.waitUntil(lambda: bool(results), timeout=10_000)
        return results[0]

    def run(self, coro: Awaitable[T], timeout: int = 10_000) -> T:
        return run(self.qtbot, coro, timeout)

    def close(self) -> None:
        for phone in self.made:
            phone.view.hide()
            phone.close()
        run(self.qtbot, self.client.aclose())


@pytest.fixture
def phones(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[Phones]:
    made = Phones(qtbot, sandbox, tmp_path)
    yield made
    made.close()
