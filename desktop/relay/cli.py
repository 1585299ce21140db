"""Command line of ``ramal-relay``: webhooks in, NATS JetStream out, until SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import logging
import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.argparse_pt import PortugueseArgumentParser
from desktop.cli import TOKEN_ENV
from desktop.relay.embedded import EmbeddedNats
from desktop.relay.events import RELAYED_WEBHOOKS
from desktop.relay.nats_config import NatsConfigOptions, render_nats_config
from desktop.relay.poller import DEFAULT_BUDGET
from desktop.relay.server import RelayRunner, RelaySettings, make_app

__all__ = ["ACCOUNT_ENV", "SECRET_ENV", "build_parser", "main"]

SECRET_ENV = "RAMAL_RELAY_SECRET"
ACCOUNT_ENV = "RAMAL_RELAY_ACCOUNT"
_ACCOUNT = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_log = logging.getLogger("ramal-relay")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser."""
    parser = PortugueseArgumentParser(
        prog="ramal-relay",
        description="Recebe os webhooks do provedor e publica no NATS JetStream.",
    )
    parser.add_argument("--api-url", required=True, help="URL base da API (ou da sandbox)")
    parser.add_argument(
        "--token", help=f"token da API (prefira a variável {TOKEN_ENV} ou --token-file)"
    )
    parser.add_argument("--token-file", type=Path, help="arquivo (modo 0600) com o token")
    parser.add_argument("--listen", default="127.0.0.1:8088", help="HOST:PORTA (porta 0: livre)")
    parser.add_argument("--account", help=f"nome da conta nos subjects (ou {ACCOUNT_ENV})")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--embedded-nats", type=Path, metavar="DIR", help="inicia um nats-server")
    where.add_argument("--nats", nargs="+", metavar="URL", help="servidores NATS")
    parser.add_argument("--replicas", type=int, help="réplicas: 1 com um servidor, 3 com vários")
    parser.add_argument("--register-webhooks", action="store_true", help="cadastra os webhooks")
    parser.add_argument("--public-url", help="URL pública do relay para o provedor")
    parser.add_argument(
        "--poll-budget",
        type=float,
        default=DEFAULT_BUDGET,
        metavar="N",
        help="requisições por minuto ao provedor para conferir pausas e ramais "
        f"(padrão: {DEFAULT_BUDGET:g}, menos que um console consultando; 0 desliga)",
    )
    parser.add_argument(
        "--print-nats-config", action="store_true", help="imprime a configuração do nats-server"
    )
    parser.add_argument(
        "--hide-silent-listening",
        action="store_true",
        help="o agente não é avisado da escuta silenciosa (modo 1); supervisores a veem",
    )
    parser.add_argument(
        "--coach-timeout",
        type=float,
        default=180.0,
        help="segundos sem renovação até o aviso de supervisor na chamada sumir",
    )
    parser.add_argument("--agent-ramal", action="append", default=[], help="usuário de agente")
    parser.add_argument(
        "--no-uvloop", action="store_true", help="usa o laço do asyncio mesmo com uvloop instalado"
    )
    parser.add_argument("--tls-cert", help="certificado TLS do nats-server")
    parser.add_argument("--tls-key", help="chave TLS do nats-server")
    return parser


@dataclass(frozen=True, slots=True)
class _Listen:
    host: str
    port: int


def _listen(text: str, parser: argparse.ArgumentParser) -> _Listen:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        parser.error(f"--listen espera HOST:PORTA, não {text!r}")
    return _Listen(host.strip("[]"), int(port))


def read_secret_file(path: Path) -> str:
    """The first line of a file only its owner may read (mode 0600 or stricter)."""
    mode = path.stat().st_mode
    if sys.platform != "win32" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PermissionError(f"{path} pode ser lido por outros usuários: chmod 600 {path}")
    return path.read_text(encoding="utf-8").strip()


def _token(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    if ns.token:
        return str(ns.token)
    if ns.token_file is not None:
        try:
            return read_secret_file(ns.token_file)
        except OSError as exc:
            parser.error(str(exc))
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        parser.error(f"falta o token: variável {TOKEN_ENV}, --token-file ou --token")
    return token


def account_of(token: str, given: str | None) -> str:
    """The ``<conta>`` of the subjects: the name given, else a fingerprint of the token."""
    if given:
        return given
    return "t" + hashlib.sha256(token.encode()).hexdigest()[:10]


def webhook_secret(token: str) -> str:
    """The path secret of the webhook URLs: ``RAMAL_RELAY_SECRET``, else derived from the token.

    Derived, it survives restarts and every relay of the account shares it, without a
    second secret to keep; it reveals nothing about the token.
    """
    given = os.environ.get(SECRET_ENV, "").strip()
    if given:
        return given
    return hmac.new(token.encode(), b"ramal-relay webhooks", hashlib.sha256).hexdigest()[:32]


async def _register(client: TotalVoiceClient, base_url: str) -> None:
    for name in RELAYED_WEBHOOKS:
        await client.webhooks.set(name, f"{base_url}{name}")


async def _serve(ns: argparse.Namespace, token: str, listen: _Listen) -> int:
    # Handlers first: a SIGTERM during start-up still ends in a clean stop.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    conta = account_of(token, ns.account or os.environ.get(ACCOUNT_ENV))
    embedded: EmbeddedNats | None = None
    if ns.nats:
        urls = list(ns.nats)
    else:
        store = ns.embedded_nats or Path(tempfile.mkdtemp(prefix="ramal-relay-nats-"))
        embedded = EmbeddedNats(store)
        await embedded.start()
        urls = [embedded.url]
    # One server (embedded or a single URL) holds one copy; a cluster keeps three.
    replicas = ns.replicas or (3 if len(urls) > 1 else 1)
    api = ApiConfig(hosts=ApiHosts.single(ns.api_url))
    secret = webhook_secret(token)
    settings = RelaySettings(
        nats_urls=urls,
        conta=conta,
        secret=secret,
        token=token,
        api=api,
        replicas=replicas,
        poll_budget=ns.poll_budget,
        hide_silent_listening=ns.hide_silent_listening,
        coach_timeout=ns.coach_timeout,
    )
    runner = RelayRunner(make_app(settings), handle_signals=False, access_log=None)
    try:
        await runner.setup()
        site = web.TCPSite(runner, listen.host, listen.port)
        await site.start()
        host, port = runner.addresses[0][:2]
        shown = f"[{host}]" if ":" in host else host
        base_url = f"http://{shown}:{port}/hooks/{secret}/"
        print(f"webhooks: {base_url}", flush=True)
        print(f"nats: {urls[0]}", flush=True)
        print(f"conta: {conta}", flush=True)
        if ns.register_webhooks:
            public = (ns.public_url or "").rstrip("/")
            target = f"{public}/hooks/{secret}/" if public else base_url
            async with TotalVoiceClient(token, api) as client:
                await _register(client, target)
            print(f"webhooks cadastrados: {len(RELAYED_WEBHOOKS)}", flush=True)
        await stop.wait()
        _log.info("encerrando: esperando as publicações em andamento")
    finally:
        # Stops accepting, waits for in-flight deliveries, then drains NATS (cleanup_ctx).
        await runner.cleanup()
        if embedded is not None:
            await embedded.stop()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the relay; returns the exit status."""
    parser = build_parser()
    ns = parser.parse_args(argv)
    if ns.account and not _ACCOUNT.match(ns.account):
        parser.error("--account aceita letras, números, - e _ (até 32)")
    given_account = ns.account or os.environ.get(ACCOUNT_ENV)
    if ns.print_nats_config:
        conta = given_account or account_of(_token(ns, parser), None)
        options = NatsConfigOptions(
            conta=conta,
            agent_ramais=tuple(ns.agent_ramal),
            tls_cert=ns.tls_cert,
            tls_key=ns.tls_key,
        )
        sys.stdout.write(render_nats_config(options))
        return 0
    token = _token(ns, parser)
    listen = _listen(ns.listen, parser)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    with asyncio.Runner(loop_factory=None if ns.no_uvloop else _fast_loop()) as runner:
        return runner.run(_serve(ns, token, listen))


def _fast_loop() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """Uvloop's loop when it is installed (``pip install ramal-desktop[relay]``), else None.

    The relay spends most of its time in sockets and callbacks; uvloop does those in C.
    """
    try:
        import uvloop
    except ImportError:
        return None
    factory: Callable[[], asyncio.AbstractEventLoop] = uvloop.new_event_loop
    return factory
