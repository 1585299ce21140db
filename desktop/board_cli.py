"""``ramal-desktop board --jsonl``: the live board as JSON lines, without the GUI (no Qt).

One line per ramal at start, then one line each time a ramal's state changes (``ramal``,
``estado``, ``desde``, ``com``, ``chamada_id``, ``login``, and from the relay ``mao``: the
raised hand's ``desde``, ``ciente``, ``ciente_em``, and ``escuta``: a supervisor on the
call; both null when none or without a relay). With ``--relay`` the lines come
from the relay's board over NATS; without, the API is polled exactly as the supervisor
console does (the core's derivation). ``--duration`` bounds the run; otherwise it runs
until interrupted (Ctrl+C exits 0).

Exit codes: 0 done or interrupted, 1 no token / profile, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Final, TextIO

from desktop.api import ApiConfig, ApiHosts, RamalApiError, TotalVoiceClient
from desktop.argparse_pt import PortugueseArgumentParser
from desktop.core.board import Changes, RamalCounts, RamalLive
from desktop.core.board_rows import BoardRow
from desktop.core.board_stream import (
    Away,
    BoardSnapshot,
    BoardStream,
    Live,
    RelayTarget,
    RowChanged,
    SupportChanged,
)
from desktop.core.support import Support
from desktop.supervisor.feed import PollingFeed, PollTimings
from desktop.supervisor.sources import ClientSource

__all__ = ["BoardPrinter", "build_board_parser", "run_board"]

TOKEN_ENV: Final = "RAMAL_DESKTOP_TOKEN"
RELAY_PASSWORD_ENV: Final = "RAMAL_RELAY_PASSWORD"
RELAY_ENV: Final = "RAMAL_DESKTOP_RELAY"
RELAY_ACCOUNT_ENV: Final = "RAMAL_DESKTOP_RELAY_ACCOUNT"


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"não é um número de segundos: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("a duração deve ser maior que zero")
    return value


def build_board_parser() -> argparse.ArgumentParser:
    """The parser of ``ramal-desktop board``."""
    parser = PortugueseArgumentParser(
        prog="ramal-desktop board",
        description=(
            "Acompanha o painel ao vivo sem abrir a janela: uma linha JSON por ramal no "
            "início e uma a cada mudança de estado. Com --relay lê o painel do relay "
            "(NATS); sem, consulta a API como o console de supervisão. O token vem de "
            f"{TOKEN_ENV} (com --api-url) ou de um perfil salvo no app."
        ),
        epilog="Códigos de saída: 0 encerrado (Ctrl+C incluído); 1 sem token ou perfil; "
        "2 argumentos inválidos.",
    )
    parser.add_argument(
        "--jsonl", action="store_true", required=True, help="uma linha JSON por mudança"
    )
    parser.add_argument(
        "--relay",
        metavar="nats://HOST:PORTA",
        default=os.environ.get(RELAY_ENV) or None,
        help="NATS do relay (vários separados por vírgula; padrão: $RAMAL_DESKTOP_RELAY); "
        "sem relay, consulta a API",
    )
    parser.add_argument(
        "--account",
        metavar="NOME",
        default=os.environ.get(RELAY_ACCOUNT_ENV) or None,
        help="a conta do relay, o --account dele (padrão: $RAMAL_DESKTOP_RELAY_ACCOUNT)",
    )
    parser.add_argument(
        "--relay-user",
        metavar="USUÁRIO",
        default="",
        help=f"usuário do NATS do relay; a senha vem de {RELAY_PASSWORD_ENV}",
    )
    parser.add_argument("--api-url", metavar="URL", help="URL base única para os hosts da API")
    parser.add_argument("--profile", metavar="PERFIL", help="perfil salvo no app (nome ou id)")
    parser.add_argument(
        "--duration",
        type=_seconds,
        metavar="SEGUNDOS",
        help="encerra depois deste tempo (padrão: até Ctrl+C)",
    )
    parser.add_argument(
        "--interval",
        type=_seconds,
        default=2.0,
        metavar="SEGUNDOS",
        help="sem --relay: intervalo entre consultas com chamadas ao vivo (padrão: 2)",
    )
    return parser


def _counts(counts: RamalCounts) -> dict[str, int]:
    """Today's counters, named as in the relay's rows."""
    return {
        "feitas": counts.made,
        "recebidas": counts.received,
        "atendidas": counts.answered,
        "perdidas": counts.missed,
    }


class BoardPrinter:
    """Writes a line when anything of a ramal's row differs from its last line."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._last: dict[str, dict[str, object]] = {}
        self._support: dict[str, Support] = {}
        self.lines = 0

    def support(self, record: Support, *, line: bool = True) -> None:
        """A ramal's raised hand or coach status changed (``line`` False: its row follows)."""
        self._support[record.ramal] = record
        if not line:
            return
        previous = self._last.get(record.ramal)
        if previous is None:
            if record.empty:
                return
            previous = {
                "ramal": record.ramal,
                "estado": "unknown",
                "desde": None,
                "com": "",
                "chamada_id": None,
                "login": "",
            }
        self._emit(dict(previous))

    def row(self, row: BoardRow, login: str = "") -> None:
        """A row of the relay's board."""
        self._emit(
            {
                "ramal": row.ramal,
                "estado": row.state.name.lower(),
                "desde": row.since.isoformat() if row.since else None,
                "com": row.peer,
                "chamada_id": row.chamada_id,
                "login": login,
                **_counts(row.counts),
            }
        )

    def live(self, live: RamalLive) -> None:
        """A row of the derived board."""
        self._emit(
            {
                "ramal": live.numero,
                "estado": live.state.name.lower(),
                "desde": live.since.isoformat() if live.since else None,
                "com": live.peer,
                "chamada_id": live.call_id,
                "login": live.login,
                **_counts(live.counts),
            }
        )

    def changes(self, changes: Changes) -> None:
        """Every ramal of a delivery of the polling feed."""
        for live in changes.ramais:
            self.live(live)

    def _emit(self, record: dict[str, object]) -> None:
        key = str(record["ramal"])
        previous = self._last.get(key)
        if previous is not None and not record["login"]:
            record["login"] = previous["login"]
        support = self._support.get(key)
        extra = support.to_json() if support is not None else {}
        record["mao"] = extra.get("mao")
        record["escuta"] = extra.get("escuta")
        if previous == record:
            return
        self._last[key] = record
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._out.flush()
        self.lines += 1


async def _profile(wanted: str | None) -> tuple[TotalVoiceClient | None, object, str]:
    """Client, profile and relay password of a saved profile; an error text instead."""
    from desktop.settings.paths import AppPaths
    from desktop.settings.secrets import SecretStoreError, TokenStore, relay_password_key
    from desktop.settings.store import SettingsStore

    settings = (await SettingsStore(AppPaths.default().settings_file).load_async()).settings
    profile = (
        settings.active
        if wanted is None
        else next((p for p in settings.profiles if wanted in (p.id, p.name)), None)
    )
    if profile is None:
        names = ", ".join(p.name for p in settings.profiles) or "nenhum"
        return None, f"perfil não encontrado (perfis: {names}); ou defina {TOKEN_ENV}", ""
    hosts = profile.api_hosts()
    try:
        token = await TokenStore().get(profile.id)
        password = ""
        if profile.uses_relay and profile.relay_user:
            password = await TokenStore().get(relay_password_key(profile.id)) or ""
    except SecretStoreError as exc:
        return None, f"não foi possível ler o chaveiro: {exc}", ""
    client = TotalVoiceClient(token, ApiConfig(hosts=hosts)) if token and hosts else None
    return client, profile, password


async def _main(ns: argparse.Namespace, out: TextIO) -> int:
    token = os.environ.get(TOKEN_ENV, "").strip()
    client: TotalVoiceClient | None = None
    relay, account, user = ns.relay, ns.account, ns.relay_user
    password = os.environ.get(RELAY_PASSWORD_ENV, "")
    if token and ns.profile is None:
        try:
            hosts = ApiHosts.single(ns.api_url) if ns.api_url else ApiHosts()
        except RamalApiError as exc:
            print(f"erro: {exc.user_message()}", file=sys.stderr)
            return 2
        client = TotalVoiceClient(token, ApiConfig(hosts=hosts))
    elif ns.profile is not None or not relay:
        client, found, saved_password = await _profile(ns.profile)
        if isinstance(found, str):
            print(f"erro: {found}", file=sys.stderr)
            return 1
        from desktop.settings.model import Profile

        assert isinstance(found, Profile)
        if not relay and found.uses_relay:
            relay, account = found.relay_url, found.relay_account
            user, password = found.relay_user, saved_password
    printer = BoardPrinter(out)
    try:
        if relay:
            if not account:
                print("erro: --relay pede --account (a conta do relay)", file=sys.stderr)
                return 2
            urls = [u.strip() for u in relay.split(",") if u.strip()]
            await _follow_relay(RelayTarget(urls, account, user, password), printer, ns.duration)
        elif client is None:
            print(f"erro: sem token: defina {TOKEN_ENV} ou entre no app", file=sys.stderr)
            return 1
        else:
            await _poll(client, printer, ns.duration, ns.interval)
    finally:
        if client is not None:
            await client.aclose()
    return 0


async def _bounded(work: asyncio.Future[None] | asyncio.Task[None], duration: float | None) -> None:
    try:
        if duration is None:
            await work
        else:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(work), duration)
    finally:
        work.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await work


async def _follow_relay(target: RelayTarget, printer: BoardPrinter, duration: float | None) -> None:
    async def follow() -> None:
        async for item in BoardStream(target).items():
            if isinstance(item, BoardSnapshot):
                for record in item.support.values():
                    printer.support(record, line=record.ramal not in item.rows)
                for row in sorted(item.rows.values(), key=lambda r: r.ramal):
                    printer.row(row)
            elif isinstance(item, RowChanged):
                printer.row(item.row)
            elif isinstance(item, SupportChanged):
                printer.support(item.support)
            elif isinstance(item, Away):
                print(f"relay indisponível: {item.reason}", file=sys.stderr)
            elif isinstance(item, Live):
                print("relay: acompanhando em tempo real", file=sys.stderr)

    await _bounded(asyncio.ensure_future(follow()), duration)


async def _poll(
    client: TotalVoiceClient, printer: BoardPrinter, duration: float | None, interval: float
) -> None:
    def now() -> datetime:
        return datetime.now(UTC).astimezone()

    timings = PollTimings(fast=interval, slow=interval)
    feed = PollingFeed(ClientSource(client), clock=now, timings=timings)
    feed.subscribe(printer.changes)
    feed.start()
    stopped: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    try:
        await _bounded(stopped, duration)
    finally:
        await feed.aclose()


def run_board(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run ``ramal-desktop board``; returns the exit code."""
    namespace = build_board_parser().parse_args(list(argv))
    try:
        return asyncio.run(_main(namespace, out or sys.stdout))
    except KeyboardInterrupt:
        return 0
