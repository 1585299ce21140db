"""``ramal-desktop export calls``: a period of calls to CSV or JSON, without the GUI.

Reads the report on worker threads over the standard library's ``http.client``
(:mod:`desktop.history.export_threaded`), with the same rules, decoders and rows as the
panel: asyncio and httpx take longer to import than the whole export takes without them.
With a proxy in the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``) the
app's httpx client is used instead, as it honours them
(:mod:`desktop.history.export_httpx`). What both share is in
:mod:`desktop.history.export_output`. Each page
is written as it arrives, in report order, while the next pages are in flight, so memory
stays flat whatever the period's size. A file appears under its name only once complete;
standard output gets the rows as they come (an API error part-way leaves what was
written, and exit code 1).
The token comes from ``RAMAL_DESKTOP_TOKEN`` with the base URL from ``--api-url`` (one
URL for the three hosts) or the provider's defaults; or, with ``--profile`` or when the
variable is not set, from a profile saved in the app (its hosts, its token from the
keychain). A progress line goes to stderr when it is a terminal.

Exit codes: 0 written (a period without calls writes an empty export and a warning on
stderr), 1 API or network error, 2 bad arguments, 3 the file or standard output could not
be written, 4 the ``--ramal`` is not a ramal of the account (checked against the API's
ramal list; nothing is written).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Final

from desktop.api.config import ApiConfig, ApiHosts, environment_has_proxy
from desktop.api.errors import RamalApiError
from desktop.api.pacing import DEFAULT_MAX_CONCURRENCY
from desktop.argparse_pt import PortugueseArgumentParser
from desktop.history.export_output import STDOUT

if TYPE_CHECKING:
    pass

__all__ = [
    "STDOUT",
    "TOKEN_ENV",
    "add_export_arguments",
    "build_export_parser",
    "parse_export_args",
    "run_export",
]

TOKEN_ENV: Final = "RAMAL_DESKTOP_TOKEN"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"data inválida: {text!r} (use AAAA-MM-DD)") from None


def _positive(text: str) -> int:
    try:
        return max(1, int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"não é um número inteiro: {text!r}") from None


_CALLS_DESCRIPTION: Final = (
    "Exporta as chamadas de um período (dias locais, do primeiro ao último) sem abrir a "
    "janela. CSV: colunas e palavras em português, separador ';', UTF-8 com BOM, linhas "
    "CRLF. JSON: os registros da API, sem alteração. O token vem de "
    f"{TOKEN_ENV} (com --api-url) ou de um perfil salvo no app."
)
_EXIT_CODES: Final = (
    "Códigos de saída: 0 gravado; 1 erro da API ou da rede; 2 argumentos inválidos; "
    "3 não foi possível gravar; 4 o ramal de --ramal não existe na conta."
)


def build_export_parser() -> argparse.ArgumentParser:
    """The parser of ``ramal-desktop export`` with its subcommand ``calls``."""
    parser = PortugueseArgumentParser(
        prog="ramal-desktop export",
        description="Exporta o histórico de chamadas sem abrir a janela.",
        epilog="Opções de cada subcomando: ramal-desktop export calls --help",
    )
    commands = parser.add_subparsers(dest="what", title="o que exportar", metavar="SUBCOMANDO")
    calls = commands.add_parser(
        "calls",
        help="as chamadas de um período, em CSV ou JSON",
        description=_CALLS_DESCRIPTION,
        epilog=_EXIT_CODES,
    )
    add_export_arguments(calls)
    return parser


def parse_export_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the arguments after ``export``; exits with status 2 and a message when wrong."""
    parser = build_export_parser()
    namespace = parser.parse_args(argv)
    if namespace.what is None:
        parser.error(
            "falta dizer o que exportar: calls "
            "(ex.: ramal-desktop export calls --from 2026-11-01 --to 2026-11-30; "
            "ajuda: ramal-desktop export calls --help)"
        )
    return namespace


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``export calls`` to ``parser``."""
    parser.add_argument(
        "--from",
        dest="start",
        type=_day,
        required=True,
        metavar="AAAA-MM-DD",
        help="primeiro dia do período",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=_day,
        required=True,
        metavar="AAAA-MM-DD",
        help="último dia do período (incluído)",
    )
    parser.add_argument(
        "--ramal",
        help="só as chamadas deste ramal (ex.: 4000); é um erro se ele não existe na conta",
    )
    parser.add_argument(
        "--format",
        choices=["csv", "json", "xlsx"],
        default="csv",
        help="csv (padrão), json ou xlsx (planilha do Excel)",
    )
    parser.add_argument(
        "--delimiter", choices=[";", ","], default=";", help="separador do CSV (padrão: ;)"
    )
    parser.add_argument(
        "--output",
        "-o",
        # Text here, a Path once written to: pathlib is not needed to send the first request.
        metavar="ARQUIVO",
        help="arquivo de saída (padrão: a saída padrão)",
    )
    parser.add_argument(
        "--api-url",
        metavar="URL",
        help=f"URL base única dos três hosts da API; token em {TOKEN_ENV}",
    )
    parser.add_argument(
        "--profile",
        metavar="PERFIL",
        help=f"perfil salvo no app (nome ou id; token do chaveiro); padrão: o ativo, "
        f"quando {TOKEN_ENV} não está definida",
    )
    parser.add_argument(
        "--concurrency", type=_positive, default=DEFAULT_MAX_CONCURRENCY, help=argparse.SUPPRESS
    )


async def _profile_credentials(wanted: str | None) -> tuple[str, ApiConfig] | str:
    """The token and hosts of a saved profile (by name or id; the active one by default)."""
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
    return token, ApiConfig(hosts=hosts)


def _credentials(ns: argparse.Namespace) -> tuple[str, ApiConfig] | str:
    """The token and configuration to export with, or why there are none."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if ns.profile is not None or not token:
        import asyncio  # the settings and the keychain are read with async calls

        return asyncio.run(_profile_credentials(ns.profile))
    try:
        hosts = ApiHosts.single(ns.api_url) if ns.api_url else ApiHosts()
    except RamalApiError as exc:
        return exc.user_message()
    return token, ApiConfig(hosts=hosts)


def run_export(namespace: argparse.Namespace) -> int:
    """Run the export described by the parsed arguments; returns the exit code."""
    if namespace.end < namespace.start:
        print("erro: --to é anterior a --from", file=sys.stderr)
        return 2
    credentials = _credentials(namespace)
    if isinstance(credentials, str):
        print(f"erro: {credentials}", file=sys.stderr)
        return 2
    token, config = credentials
    if environment_has_proxy():  # httpx routes requests by the proxy variables
        from desktop.history.export_httpx import export_with_httpx

        return export_with_httpx(namespace, token, config)
    from desktop.history.export_threaded import export_threaded

    return export_threaded(namespace, token, config)
