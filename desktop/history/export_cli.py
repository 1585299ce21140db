"""``ramal-desktop export calls``: a period of calls to CSV or JSON, without the GUI.

Reads the report on worker threads over the standard library's ``http.client``
(:mod:`desktop.api.blocking_transport`, :mod:`desktop.api.threaded_paging`), with the
same rules, decoders and rows as the panel: asyncio and httpx take longer to import than
the whole export takes without them. With a proxy in the environment (``HTTP_PROXY``,
``HTTPS_PROXY``, ``ALL_PROXY``) the app's httpx client is used instead, as it honours
them. The first requests go out before the decoders and writers are imported. Each page
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
import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import aclosing
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO, Final, TextIO

from desktop.api.config import ApiConfig, ApiHosts, Host, environment_has_proxy
from desktop.api.errors import RamalApiError
from desktop.api.pacing import DEFAULT_MAX_CONCURRENCY
from desktop.argparse_pt import PortugueseArgumentParser

if TYPE_CHECKING:
    from desktop.api.blocking_transport import BlockingTransport
    from desktop.api.client import TotalVoiceClient
    from desktop.api.models.calls import Call
    from desktop.api.models.page import Page
    from desktop.api.models.ramais import Ramal
    from desktop.api.threaded_paging import ThreadedPages
    from desktop.history.rows import HistoryRow
    from desktop.history.source import HistorySource

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


def _finished(ns: argparse.Namespace, count: int, progress: _ProgressLine) -> int:
    """Close the progress line and say what was written; the exit code of a success."""
    progress.finish()
    if not count:
        whose = f" do ramal {ns.ramal}" if ns.ramal else ""
        period = f"{ns.start:%d/%m/%Y} e {ns.end:%d/%m/%Y}"
        print(f"aviso: nenhuma chamada{whose} entre {period}", file=sys.stderr)
    if ns.output is not None:
        print(f"{count} chamadas gravadas em {ns.output}", file=sys.stderr)
    return 0


def _failed(ns: argparse.Namespace, exc: Exception, progress: _ProgressLine) -> int:
    """Say why the export failed; its exit code (1 API or network, 3 writing)."""
    progress.finish()
    if isinstance(exc, RamalApiError):
        print(f"erro: {exc.user_message()}", file=sys.stderr)
        return 1
    assert isinstance(exc, OSError)
    where = f"gravar {ns.output}" if ns.output is not None else f"escrever na {STDOUT}"
    print(f"erro: não foi possível {where}: {os_reason(exc)}", file=sys.stderr)
    return 3


def _missing_from(listed: Iterable[Ramal], ramal: str) -> str:
    """Why ``ramal`` cannot be exported (it is not among ``listed``), or ``""``."""
    known = sorted({r.ramal for r in listed if r.ramal})
    if ramal in known:
        return ""
    shown = ", ".join(known[:_RAMAIS_SHOWN]) or "nenhum"
    more = f" e mais {len(known) - _RAMAIS_SHOWN}" if len(known) > _RAMAIS_SHOWN else ""
    return f"o ramal {ramal} não existe nesta conta (ramais: {shown}{more})"


# The standard-library engine (the default).


def _export_threaded(ns: argparse.Namespace, token: str, config: ApiConfig) -> int:
    from desktop.api.blocking_transport import BlockingTransport

    progress = _ProgressLine(sys.stderr)
    try:
        transport = BlockingTransport(token, config)
        with _call_pages(ns, transport, progress) as pages:
            # The ramal list is read while the first pages of calls are on their way.
            ramais = _ramal_pages(transport) if ns.ramal else None
            _load_readers(ns)  # while the first answers are on their way
            if ramais is not None:
                with ramais:
                    missing = _missing_from((r for p in ramais for r in p.items), ns.ramal)
                if missing:
                    print(f"erro: {missing}", file=sys.stderr)
                    return 4
            from pathlib import Path

            from desktop.history.export_target import open_target

            if ns.output is not None:
                with open_target(Path(ns.output)) as (stream, _written):
                    count = _write_pages(ns, pages, stream)
            else:
                count = _to_stdout(lambda stream: _write_pages(ns, pages, stream))
    except (RamalApiError, OSError) as exc:
        return _failed(ns, exc, progress)
    return _finished(ns, count, progress)


def _call_pages(
    ns: argparse.Namespace, transport: BlockingTransport, progress: _ProgressLine
) -> ThreadedPages[Any]:
    """Start reading the period's call report; pages of calls, or of records for JSON."""
    from desktop.api.report_answer import CALL_REPORT_PATH, ReportAnswer
    from desktop.api.threaded_paging import ThreadedPages
    from desktop.api.wire import report_query

    start, end = ns.start, ns.end
    records = ns.format == "json" and not ns.ramal  # written as received, never decoded
    report_query(start, end, 0, 1)  # fail now, not at the first page

    def fetch(posicao: int, limite: int) -> Any:
        params = report_query(start, end, posicao, limite)
        answer = transport.request(
            "GET", Host.V1, CALL_REPORT_PATH, params=params, decode=ReportAnswer
        )
        assert isinstance(answer, ReportAnswer)  # what ``decode`` returns
        if records:
            from desktop.api.report_answer import record_bytes, record_of

            return answer.page(record_bytes, record_of, posicao=posicao, limite=limite)
        from desktop.api.models.call_wire import decode_call
        from desktop.api.models.calls import parse_call

        return answer.page(decode_call, parse_call, posicao=posicao, limite=limite)

    # An export is usually of a long period: its first round of pages goes out at once.
    return ThreadedPages(
        fetch,
        concurrency=ns.concurrency,
        progress=progress,
        speculate=True,
        on_worker_exit=transport.close,
    )


def _load_readers(ns: argparse.Namespace) -> None:
    """Import what reads and writes the pages, before the first answer needs it."""
    modules = ["desktop.api.models.report_body"]
    if ns.format != "json" or ns.ramal:
        modules += ["desktop.api.models.call_wire", "desktop.history.rows"]
    if ns.format == "csv":
        modules.append("desktop.history.csv_export")
    elif ns.format == "xlsx":
        modules.append("desktop.history.xlsx_export")
    for name in modules:
        __import__(name)  # the import statement's road: -X importtime lists these too


def _ramal_pages(transport: BlockingTransport) -> ThreadedPages[Ramal]:
    """Start reading the account's ramal list with ``transport``."""
    from desktop.api.models.ramais import RAMAL_REPORT_PATH, parse_ramal_page
    from desktop.api.threaded_paging import ThreadedPages
    from desktop.api.wire import report_query

    until = date.today()

    def fetch(posicao: int, limite: int) -> Page[Ramal]:
        params = report_query(RAMAIS_SINCE, until, posicao, limite)
        dados = transport.request("GET", Host.RAMAL, RAMAL_REPORT_PATH, params=params)
        return parse_ramal_page(dados, posicao=posicao, limite=limite)

    return ThreadedPages(fetch, on_worker_exit=transport.close)


def _write_pages(ns: argparse.Namespace, pages: Iterator[Any], stream: BinaryIO) -> int:
    """Write each page as it arrives, in report order; returns how many calls were written."""
    if ns.format == "json":
        return _write_json(_record_pages(ns, pages), stream)
    return _write_rows(ns, _row_pages(ns.ramal or None, pages), stream)


def _row_pages(ramal: str | None, pages: Iterator[Any]) -> Iterator[list[HistoryRow]]:
    """The rows of pages of calls (only ``ramal``'s when given)."""
    from desktop.history.rows import row_from_call, rows_for_ramal

    for page in pages:
        yield rows_for_ramal([row_from_call(call) for call in page.items], ramal)


def _record_pages(ns: argparse.Namespace, pages: Iterator[Any]) -> Iterator[list[bytes]]:
    """The JSON records of the pages: as received, or those of ``--ramal``'s calls."""
    if not ns.ramal:
        for page in pages:
            yield list(page.items)
        return
    from desktop.history.rows import raw_text, row_from_call, rows_for_ramal

    def kept(call: Call) -> bool:
        return bool(rows_for_ramal([row_from_call(call)], ns.ramal))

    for page in pages:
        yield [raw_text(call.raw).encode("utf-8") for call in page.items if kept(call)]


def _write_json(pages: Iterable[list[bytes]], stream: BinaryIO) -> int:
    count = 0
    json = _JsonWriter(stream)
    for records in pages:
        json.write(records)
        count += len(records)
    json.finish()
    return count


def _write_rows(ns: argparse.Namespace, pages: Iterable[list[HistoryRow]], stream: BinaryIO) -> int:
    count = 0
    if ns.format == "xlsx":
        from desktop.history.xlsx_export import XlsxSheetWriter

        # The sheet's rows go to a temporary file page by page; the workbook to ``stream`` last.
        with XlsxSheetWriter(stream) as sheet:
            for rows in pages:
                sheet.write(rows)
                count += len(rows)
            sheet.finish()
        return count
    from desktop.history.csv_export import CsvWriter

    csv = CsvWriter(stream, delimiter=ns.delimiter)
    for rows in pages:
        csv.write(rows)
        count += len(rows)
    return count


# The httpx engine, used when a proxy is configured in the environment.


async def _export(ns: argparse.Namespace, client: TotalVoiceClient) -> int:
    from pathlib import Path

    from desktop.history.export_target import open_target
    from desktop.history.source import HistorySource

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
        if ns.output is not None:
            with open_target(Path(ns.output)) as (stream, _written):
                count = await _write(ns, source, stream, progress)
        else:
            count = await _write_stdout(ns, source, progress)
    except (RamalApiError, OSError) as exc:
        return _failed(ns, exc, progress)
    finally:
        await client.aclose()
    return _finished(ns, count, progress)


async def _write(
    ns: argparse.Namespace, source: HistorySource, stream: BinaryIO, progress: _ProgressLine
) -> int:
    """Write each page as it arrives, in report order; returns how many calls were written."""
    from desktop.history.csv_export import CsvWriter

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
    from desktop.history.xlsx_export import XlsxSheetWriter

    count = 0
    with XlsxSheetWriter(stream) as sheet:
        pages = source.stream(ns.start, ns.end, progress)
        async with aclosing(pages):
            async for fetched in pages:
                sheet.write(f.row for f in fetched)
                count += len(fetched)
        sheet.finish()
    return count


async def _missing_ramal(client: TotalVoiceClient, ramal: str) -> str:
    """:func:`_missing_from` the account's ramal list, read with ``client``."""
    return _missing_from(await client.ramais.report(RAMAIS_SINCE, date.today()).fetch_all(), ramal)


async def _write_stdout(
    ns: argparse.Namespace, source: HistorySource, progress: _ProgressLine
) -> int:
    """Write to standard output and flush, so that its errors are seen here."""
    stream = _open_stdout()
    try:
        count = await _write(ns, source, stream, progress)
        stream.flush()
    except OSError:
        _discard_stdout()
        raise
    return count


async def _main(ns: argparse.Namespace, token: str, config: ApiConfig) -> int:
    from desktop.api.client import TotalVoiceClient

    return await _export(ns, TotalVoiceClient(token, config))


# Both engines.


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


def _open_stdout() -> BinaryIO:
    """Standard output's bytes, flushed of any text before."""
    if sys.stdout is None:  # started with standard output closed
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    sys.stdout.flush()
    return sys.stdout.buffer


def _to_stdout(write: Callable[[BinaryIO], int]) -> int:
    """Run ``write`` on standard output and flush, so that its errors are seen here."""
    stream = _open_stdout()
    try:
        count = write(stream)
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
    credentials = _credentials(namespace)
    if isinstance(credentials, str):
        print(f"erro: {credentials}", file=sys.stderr)
        return 2
    token, config = credentials
    if environment_has_proxy():  # httpx routes requests by the proxy variables
        import asyncio

        return asyncio.run(_main(namespace, token, config))
    return _export_threaded(namespace, token, config)
