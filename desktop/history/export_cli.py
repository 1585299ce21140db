"""``ramal-desktop export calls``: a period of calls to CSV or JSON, without the GUI.

Uses the same client and concurrent paging as the panel. The token comes from
``RAMAL_DESKTOP_TOKEN`` with the base URL from ``--api-url`` (one URL for the three
hosts) or the provider's defaults; or, with ``--profile`` or when the variable is not
set, from a profile saved in the app (its hosts, its token from the keychain). A
progress line goes to stderr when it is a terminal.
Exit codes: 0 written, 1 API or network error, 2 bad arguments, 3 the file could not be
written.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import sys
from datetime import date
from pathlib import Path
from typing import Final, TextIO

from desktop.api import ApiConfig, ApiHosts, RamalApiError, TotalVoiceClient
from desktop.history.csv_export import default_columns, write_csv
from desktop.history.source import DEFAULT_CONCURRENCY, HistorySource

__all__ = ["TOKEN_ENV", "add_export_arguments", "run_export"]

TOKEN_ENV: Final = "RAMAL_DESKTOP_TOKEN"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"data inválida: {text!r} (use AAAA-MM-DD)") from None


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``export`` to ``parser`` (the subcommand's own parser)."""
    parser.add_argument("what", choices=["calls"], help="o que exportar (chamadas)")
    parser.add_argument("--from", dest="start", type=_day, required=True, metavar="AAAA-MM-DD")
    parser.add_argument("--to", dest="end", type=_day, required=True, metavar="AAAA-MM-DD")
    parser.add_argument("--ramal", help="só as chamadas deste ramal (ex.: 4000)")
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--delimiter", choices=[";", ","], default=";", help="separador do CSV")
    parser.add_argument("--output", "-o", type=Path, help="arquivo de saída (padrão: stdout)")
    parser.add_argument(
        "--api-url", help=f"URL base única dos três hosts da API; token em {TOKEN_ENV}"
    )
    parser.add_argument(
        "--profile",
        metavar="PERFIL",
        help=f"perfil salvo no app (nome ou id; token do chaveiro); padrão: o ativo, "
        f"quando {TOKEN_ENV} não está definida",
    )
    parser.add_argument(
        "--concurrency", type=int, default=DEFAULT_CONCURRENCY, help=argparse.SUPPRESS
    )


class _ProgressLine:
    """``Buscando chamadas: 1200/10000`` rewritten in place on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._enabled = stream.isatty()

    def __call__(self, done: int, total: int | None) -> None:
        if not self._enabled:
            return
        of = f"/{total}" if total is not None else ""
        self._stream.write(f"\rBuscando chamadas: {done}{of}")
        self._stream.flush()

    def finish(self) -> None:
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()


async def _profile_client(wanted: str | None) -> TotalVoiceClient | str:
    """The client of a saved profile (by name or id; the active one by default)."""
    from desktop.settings.paths import AppPaths
    from desktop.settings.secrets import SecretStoreError, TokenStore
    from desktop.settings.store import SettingsStore

    settings = (await SettingsStore(AppPaths.default().settings_file).load_async()).settings
    if wanted is None:
        profile = settings.active
    else:
        profile = next((p for p in settings.profiles if wanted in (p.id, p.name)), None)
    if profile is None:
        names = ", ".join(p.name for p in settings.profiles) or "nenhum"
        return f"perfil não encontrado (perfis: {names}); ou defina {TOKEN_ENV}"
    hosts = profile.api_hosts()
    if hosts is None:
        return "o perfil sandbox não tem servidor fora do app: use --api-url com um sandbox"
    try:
        token = await TokenStore().get(profile.id)
    except SecretStoreError as exc:
        return f"não foi possível ler o token do chaveiro: {exc}"
    if not token:
        return f"o perfil {profile.name} não tem token salvo: entre no app ou defina {TOKEN_ENV}"
    return TotalVoiceClient(token, ApiConfig(hosts=hosts))


async def _client(ns: argparse.Namespace) -> TotalVoiceClient | str:
    token = os.environ.get(TOKEN_ENV, "").strip()
    if ns.profile is not None or not token:
        return await _profile_client(ns.profile)
    try:
        hosts = ApiHosts.single(ns.api_url) if ns.api_url else ApiHosts()
    except RamalApiError as exc:
        return exc.user_message()
    return TotalVoiceClient(token, ApiConfig(hosts=hosts))


async def _export(ns: argparse.Namespace, client: TotalVoiceClient) -> int:
    progress = _ProgressLine(sys.stderr)
    source = HistorySource(client, ramal=ns.ramal or None, concurrency=max(1, ns.concurrency))
    try:
        fetched = await source.fetch(ns.start, ns.end, progress)
    except RamalApiError as exc:
        progress.finish()
        print(f"erro: {exc.user_message()}", file=sys.stderr)
        return 1
    finally:
        await client.aclose()
    progress.finish()
    fetched.sort(key=lambda f: (f.row.created_ts or 0.0, f.row.call_id))
    try:
        if ns.format == "json":
            text = "[" + ",\n".join(f.raw for f in fetched) + "]\n"
            if ns.output:
                _write_text(ns.output, text)
            else:
                sys.stdout.write(text)
        elif ns.output:
            write_csv(ns.output, (f.row for f in fetched), delimiter=ns.delimiter)
        else:
            cols = default_columns()
            out = csv.writer(sys.stdout, delimiter=ns.delimiter, lineterminator="\n")
            out.writerow([c.header for c in cols])
            for f in fetched:
                out.writerow(["" if (v := c.value(f.row)) is None else v for c in cols])
    except OSError as exc:
        print(f"erro: não foi possível gravar {ns.output}: {exc.strerror or exc}", file=sys.stderr)
        return 3
    if ns.output:
        print(f"{len(fetched)} chamadas gravadas em {ns.output}", file=sys.stderr)
    return 0


def _write_text(target: Path, text: str) -> None:
    temp = target.with_name(f".{target.name}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def run_export(namespace: argparse.Namespace) -> int:
    """Run the export described by the parsed arguments; returns the exit code."""
    if namespace.end < namespace.start:
        print("erro: --to é anterior a --from", file=sys.stderr)
        return 2
    return asyncio.run(_main(namespace))


async def _main(namespace: argparse.Namespace) -> int:
    client = await _client(namespace)
    if isinstance(client, str):
        print(f"erro: {client}", file=sys.stderr)
        return 2
    return await _export(namespace, client)
