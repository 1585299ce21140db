"""The sandbox HTTP server (all three provider hosts on one loopback port) and a thread runner."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from types import TracebackType
from typing import Final

from aiohttp import web

from desktop.sandbox import (
    control,
    routes_calls,
    routes_conferences,
    routes_ramais,
    routes_webhooks,
    routes_webphone,
)
from desktop.sandbox.context import CONTEXT, Context
from desktop.sandbox.engine import CallEngine
from desktop.sandbox.envelope import make_envelope_middleware
from desktop.sandbox.faults import FaultTable, make_fault_middleware
from desktop.sandbox.rate_limit import RateLimiter, make_rate_limit_middleware
from desktop.sandbox.seed import populate
from desktop.sandbox.signing import UrlSigner
from desktop.sandbox.store import Store
from desktop.sandbox.timeutil import Clock, now
from desktop.sandbox.traffic import Traffic
from desktop.sandbox.webphone_hub import WebphoneHub

DEFAULT_TOKEN: Final = "sandbox-token"


class SandboxServer:
    """An aiohttp server emulating the provider's API, the webphone page and a control API."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = DEFAULT_TOKEN,
        seed: int | None = None,
        *,
        clock: Clock = now,
    ) -> None:
        """Seed the data; nothing listens until :meth:`start`.

        ``clock`` says what time it is (the seeded data ends just before its first reading).
        """
        self._host = host
        self._port = port
        store = Store(clock=clock)
        populate(store, seed, clock())
        engine = CallEngine(store)
        self.context = Context(
            store=store,
            engine=engine,
            hub=WebphoneHub(store, engine),
            signer=UrlSigner(),
            faults=FaultTable(),
            token=token,
        )
        self.rate_limiter = RateLimiter(store.settings)
        self._runner: web.AppRunner | None = None
        self._app: web.Application | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` once started."""
        if not self.context.base_url:
            raise RuntimeError("o sandbox ainda não foi iniciado")
        return self.context.base_url

    @property
    def token(self) -> str:
        """The Access-Token the server accepts."""
        return self.context.token

    @property
    def traffic(self) -> Traffic:
        """The simulated call-centre traffic (``/_sandbox/traffic``), once started."""
        if self._app is None:
            raise RuntimeError("o sandbox ainda não foi iniciado")
        return self._app[control.TRAFFIC]

    @property
    def store(self) -> Store:
        """The in-memory state (for in-process callers on the server's loop)."""
        return self.context.store

    def build_app(self) -> web.Application:
        """The aiohttp application with every route and middleware."""
        app = web.Application(
            middlewares=[
                make_rate_limit_middleware(self.rate_limiter),
                make_fault_middleware(self.context.faults),
                make_envelope_middleware(self.context.token),
            ]
        )
        app[CONTEXT] = self.context
        routes_calls.add_routes(app)
        routes_ramais.add_routes(app)
        routes_conferences.add_routes(app)
        routes_webphone.add_routes(app)
        control.add_routes(app, self.context)
        routes_webhooks.add_routes(app, self.context)
        return app

    async def start(self) -> str:
        """Bind and serve; returns the base URL."""
        if self._runner is not None:
            return self.base_url
        self._app = self.build_app()
        runner = web.AppRunner(
            self._app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port)
        await site.start()
        self._runner = runner
        port = int(runner.addresses[0][1]) if runner.addresses else self._port
        host = f"[{self._host}]" if ":" in self._host else self._host
        self.context.base_url = f"http://{host}:{port}"
        return self.context.base_url

    async def stop(self) -> None:
        """Close event streams, cancel call timers and stop serving."""
        if self._runner is None:
            return
        if self._app is not None:
            self._app[control.TRAFFIC].shutdown()
        self.context.hub.close_all()
        self.context.engine.close()
        await asyncio.sleep(0)
        await self._runner.cleanup()
        self._runner = None


class SandboxThread:
    """Runs a :class:`SandboxServer` on its own event loop in a daemon thread.

    Use as a context manager (``with SandboxThread() as sandbox: sandbox.base_url``); the
    server is stopped and the thread joined on exit. Handy next to a Qt event loop.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = DEFAULT_TOKEN,
        seed: int | None = None,
        *,
        clock: Clock = now,
    ) -> None:
        """The same arguments as :class:`SandboxServer`."""
        self._args = (host, port, token, seed)
        self._clock = clock
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready: concurrent.futures.Future[SandboxServer] = concurrent.futures.Future()
        self.server: SandboxServer | None = None

    @property
    def base_url(self) -> str:
        """Base URL of the running server."""
        return self._running().base_url

    @property
    def token(self) -> str:
        """The Access-Token the server accepts."""
        return self._running().token

    def _running(self) -> SandboxServer:
        if self.server is None:
            raise RuntimeError("o sandbox não está em execução")
        return self.server

    def start(self, timeout: float = 30.0) -> SandboxThread:
        """Start the thread and wait until the server listens."""
        self._thread = threading.Thread(target=self._main, name="sandbox-server", daemon=True)
        self._thread.start()
        self.server = self._ready.result(timeout)
        return self

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            server = SandboxServer(*self._args, clock=self._clock)
            loop.run_until_complete(server.start())
        except BaseException as error:
            self._ready.set_exception(error)
            loop.close()
            return
        self._ready.set_result(server)
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(server.stop())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server and join the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self.server = None

    def __enter__(self) -> SandboxThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
