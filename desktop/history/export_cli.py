"""``ramal-desktop export calls``: a period of calls to CSV or JSON, without the GUI.

Uses the same client and paging as the panel: each page is written as it arrives, in
report order, while the next pages are in flight, so memory stays flat whatever the
period's size. A file appears under its name only once complete; standard output gets
the rows as they come (an API error part-way leaves what was written, and exit code 1).
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
import asyncio
import errno
import os
import sys
from collections.abc import Sequence
from contextlib import aclosing
from datetime import date
from pathlib import Path
from typing import BinaryIO, Final, TextIO

from desktop.api.client import TotalVoiceClient
from desktop.api.config import ApiConfig, ApiHosts
from desktop.api.errors import RamalApiError
from desktop.argparse_pt import PortugueseArgumentParser
from desktop.history.csv_export import CsvWriter
from desktop.history.export_target import open_target
from desktop.history.source import DEFAULT_CONCURRENCY, HistorySource
from desktop.history.xlsx_export import XlsxSheetWriter

__all__ = [
    "STDOUT",
    "TOKEN_ENV",
    "add_export_arguments",
    "build_export_parser",
    "parse_export_args",
    "run_export",
]

TOKEN_ENV: Final = "RAMAL_DESKTOP_TOKEN"
#: How messages name standard output.
STDOUT: Final = "saída padrão"
#: ``/ramal/relatorio`` filters by creation date; this start covers every ramal.
RAMAIS_SINCE: Final = date(2010, 1, 1)
_RAMAIS_SHOWN: Final = 10


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
        type=Path,
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
        "--concurrency", type=_positive, default=DEFAULT_CONCURRENCY, help=argparse.SUPPRESS
    )


class _ProgressLine:
    """``Buscando chamadas: 1200/10000`` rewritten in place on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._enabled = stream is not None and stream.isatty()

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
    # No window to keep responsive: pages are decoded and rows built in place, sparing
    # the hops to a worker thread (which would only wait for the same GIL). An export is
    # usually of a long period: its first round of pages goes out at once.
    source = HistorySource(
        client,
        ramal=ns.ramal or None,
        concurrency=ns.concurrency,
        offload=False,
        speculate=True,
    )
    try:
        if ns.ramal and (missing := await _missing_ramal(client, ns.ramal)):
            print(f"erro: {missing}", file=sys.stderr)
            return 4
        if ns.output:
            with open_target(ns.output) as (stream, _written):
                count = await _write(ns, source, stream, progress)
        else:
            count = await _write_stdout(ns, source, progress)
    except RamalApiError as exc:
        progress.finish()
        print(f"erro: {exc.user_message()}", file=sys.stderr)
        return 1
    except OSError as exc:
        progress.finish()
        where = f"gravar {ns.output}" if ns.output else f"escrever na {STDOUT}"
        print(f"erro: não foi possível {where}: {os_reason(exc)}", file=sys.stderr)
        return 3
    finally:
        await client.aclose()
    progress.finish()
    if not count:
        whose = f" do ramal {ns.ramal}" if ns.ramal else ""
        period = f"{ns.start:%d/%m/%Y} e {ns.end:%d/%m/%Y}"
        print(f"aviso: nenhuma chamada{whose} entre {period}", file=sys.stderr)
    if ns.output:
        print(f"{count} chamadas gravadas em {ns.output}", file=sys.stderr)
    return 0


async def _write(
    ns: argparse.Namespace, source: HistorySource, stream: BinaryIO, progress: _ProgressLine
) -> int:
    """Write each page as it arrives, in report order; returns how many calls were written."""
    if ns.format == "xlsx":
        return await _write_xlsx(ns, source, stream, progress)
    count = 0
    if ns.format == "json":
        json = _JsonWriter(stream)
        records = source.stream_records(ns.start, ns.end, progress)
        async with aclosing(records):
            async for page in records:
                json.write(page)
                count += len(page)
        json.finish()
        return count
    csv = CsvWriter(stream, delimiter=ns.delimiter)
    pages = source.stream(ns.start, ns.end, progress)
    async with aclosing(pages):
        async for fetched in pages:
            csv.write(f.row for f in fetched)
            count += len(fetched)
    return count


async def _write_xlsx(
    ns: argparse.Namespace, source: HistorySource, stream: BinaryIO, progress: _ProgressLine
) -> int:
    """The sheet's rows go to a temporary file page by page; the workbook to ``stream`` last."""
    count = 0
    with XlsxSheetWriter(stream) as sheet:
        pages = source.stream(ns.start, ns.end, progress)
        async with aclosing(pages):
            async for fetched in pages:
                sheet.write(f.row for f in fetched)
                count += len(fetched)
        sheet.finish()
    return count


class _JsonWriter:
    """The API's records as received, in one JSON array, written as they come."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._separator = b"["

    def write(self, records: list[bytes]) -> None:
        if not records:
            return
        self._stream.write(self._separator + b",\n".join(records))
        self._separator = b",\n"

    def finish(self) -> None:
        self._stream.write(b"[]\n" if self._separator == b"[" else b"]\n")


async def _missing_ramal(client: TotalVoiceClient, ramal: str) -> str:
    """Why ``ramal`` cannot be exported (it is not in the account's list), or ``""``."""
    listed = await client.ramais.report(RAMAIS_SINCE, date.today()).fetch_all()
    known = sorted({r.ramal for r in listed if r.ramal})
    if ramal in known:
        return ""
    shown = ", ".join(known[:_RAMAIS_SHOWN]) or "nenhum"
    more = f" e mais {len(known) - _RAMAIS_SHOWN}" if len(known) > _RAMAIS_SHOWN else ""
    return f"o ramal {ramal} não existe nesta conta (ramais: {shown}{more})"


async def _write_stdout(
    ns: argparse.Namespace, source: HistorySource, progress: _ProgressLine
) -> int:
    """Write to standard output and flush, so that its errors are seen here."""
    if sys.stdout is None:  # started with standard output closed
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    sys.stdout.flush()
    stream = sys.stdout.buffer
    try:
        count = await _write(ns, source, stream, progress)
        stream.flush()
    except OSError:
        _discard_stdout()
        raise
    return count


def _discard_stdout() -> None:
    """Point a failed standard output at the null device, so exiting does not fail again."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # not a real file descriptor: nothing flushes it at exit
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


_REASONS: Final = {
    errno.ENOSPC: "sem espaço no dispositivo",
    errno.EDQUOT: "cota de disco esgotada",
    errno.EACCES: "sem permissão",
    errno.EPERM: "sem permissão",
    errno.EROFS: "sistema de arquivos somente leitura",
    errno.ENOENT: "a pasta não existe",
    errno.ENOTDIR: "a pasta não existe",
    errno.EISDIR: "é uma pasta",
    errno.EPIPE: "quem lia a saída a fechou",
    errno.EBADF: "está fechada",
}


def os_reason(exc: OSError) -> str:
    """Why a write failed, in the user's words (the system's text when not a common case)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc)


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
