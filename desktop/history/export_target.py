"""Writing an export to the file the user named (Qt-free).

A regular file, or a new one, is written next to itself and renamed into place, so a
failed export never leaves a half-written file under the chosen name; a symlink is
followed, so its target is replaced and the link kept. Anything else (a device such as
``/dev/null``, a FIFO, a terminal) cannot be replaced by a rename: it is written in
place, and a write error (a full device, a reader that went away) is raised, never lost
in a buffer.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

__all__ = ["Body", "open_target", "write_file"]

#: Writes the whole export into an open binary stream.
Body = Callable[[BinaryIO], None]


def write_file(target: Path, body: Body) -> Path:
    """Write ``body`` to ``target``; returns the path written (a symlink's target)."""
    with open_target(target) as (stream, written):
        body(stream)
    return written


@contextmanager
def open_target(target: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A binary stream onto ``target`` and the path it ends up at (a symlink's target).

    Write as the data comes; a regular file appears under its name only when the block
    ends without an error, and nothing is left of it otherwise.
    """
    target = Path(target)
    try:
        mode: int | None = os.stat(target).st_mode  # follows symlinks
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        # Opened through the given name: /dev/stdout and friends resolve in the kernel.
        with open(target, "wb") as stream:
            yield stream, target
        return
    final = Path(os.path.realpath(target))
    temp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
    # 0o666 lets the umask decide a new file's mode, as for any file the user creates.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream, final
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp, stat.S_IMODE(mode))  # replacing keeps the file's permissions
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
