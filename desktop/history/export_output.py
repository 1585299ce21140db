"""What both engines of ``export calls`` share: progress, outcome messages, output.

Standard library only: the threaded engine imports it before its first request.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, BinaryIO, Final, TextIO

from desktop.api.errors import RamalApiError

if TYPE_CHECKING:
    from desktop.api.models.ramais import Ramal

__all__ = [
    "RAMAIS_SINCE",
    "STDOUT",
    "JsonWriter",
    "ProgressLine",
    "discard_stdout",
    "failed",
    "finished",
    "missing_from",
    "open_stdout",
    "os_reason",
    "to_stdout",
]

#: How messages name standard output.
STDOUT: Final = "saída padrão"
#: ``/ramal/relatorio`` filters by creation date; this start covers every ramal.
RAMAIS_SINCE: Final = date(2010, 1, 1)
_RAMAIS_SHOWN: Final = 10


class ProgressLine:
    """``Buscando chamadas: 1200/10000`` rewritten in place on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._enabled = stream is not None and stream.isatty()

    def __call__(self, done: int, total: int | None) -> None:
        """Show ``done`` calls read so far, of ``total`` when known."""
        if not self._enabled:
            return
        of = f"/{total}" if total is not None else ""
        self._stream.write(f"\rBuscando chamadas: {done}{of}")
        self._stream.flush()

    def finish(self) -> None:
        """End the line, so what is printed next starts on its own."""
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()


def finished(ns: argparse.Namespace, count: int, progress: ProgressLine) -> int:
    """Close the progress line and say what was written; the exit code of a success."""
    progress.finish()
    if not count:
        whose = f" do ramal {ns.ramal}" if ns.ramal else ""
        period = f"{ns.start:%d/%m/%Y} e {ns.end:%d/%m/%Y}"
        print(f"aviso: nenhuma chamada{whose} entre {period}", file=sys.stderr)
    if ns.output is not None:
        print(f"{count} chamadas gravadas em {ns.output}", file=sys.stderr)
    return 0


def failed(ns: argparse.Namespace, exc: Exception, progress: ProgressLine) -> int:
    """Say why the export failed; its exit code (1 API or network, 3 writing)."""
    progress.finish()
    if isinstance(exc, RamalApiError):
        print(f"erro: {exc.user_message()}", file=sys.stderr)
        return 1
    assert isinstance(exc, OSError)
    where = f"gravar {ns.output}" if ns.output is not None else f"escrever na {STDOUT}"
    print(f"erro: não foi possível {where}: {os_reason(exc)}", file=sys.stderr)
    return 3


def missing_from(listed: Iterable[Ramal], ramal: str) -> str:
    """Why ``ramal`` cannot be exported (it is not among ``listed``), or ``""``."""
    known = sorted({r.ramal for r in listed if r.ramal})
    if ramal in known:
        return ""
    shown = ", ".join(known[:_RAMAIS_SHOWN]) or "nenhum"
    more = f" e mais {len(known) - _RAMAIS_SHOWN}" if len(known) > _RAMAIS_SHOWN else ""
    return f"o ramal {ramal} não existe nesta conta (ramais: {shown}{more})"


class JsonWriter:
    """The API's records as received, in one JSON array, written as they come."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._separator = b"["

    def write(self, records: list[bytes]) -> None:
        """Append ``records`` (each one JSON object's bytes) to the array."""
        if not records:
            return
        self._stream.write(self._separator + b",\n".join(records))
        self._separator = b",\n"

    def finish(self) -> None:
        """Close the array (an empty one when nothing was written)."""
        self._stream.write(b"[]\n" if self._separator == b"[" else b"]\n")


def open_stdout() -> BinaryIO:
    """Standard output's bytes, flushed of any text before."""
    if sys.stdout is None:  # started with standard output closed
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    sys.stdout.flush()
    return sys.stdout.buffer


def to_stdout(write: Callable[[BinaryIO], int]) -> int:
    """Run ``write`` on standard output and flush, so that its errors are seen here."""
    stream = open_stdout()
    try:
        count = write(stream)
        stream.flush()
    except OSError:
        discard_stdout()
        raise
    return count


def discard_stdout() -> None:
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
