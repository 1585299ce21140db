"""Streaming a recording to disk: constant memory, resumable, never half-written.

The body goes to ``<target>.part`` chunk by chunk and becomes ``target`` only once
complete (fsync, then an atomic ``os.replace``). The validator of the answer that
started the ``.part`` (its strong ``ETag``, else its ``Last-Modified``) is kept beside it
in ``<target>.part.validator``, so a later attempt, in this run or the next, asks for the
rest with ``Range`` and ``If-Range``: when the recording changed meanwhile the server
sends the whole new version (200) and the ``.part`` starts over, instead of joining two
versions. A ``.part`` without a validator is never resumed. A body shorter than
announced keeps the ``.part`` (so the next attempt resumes) and never creates the
target; when nobody announced the length, an MP3 must end on a whole frame
(:mod:`desktop.api.mpeg_audio`) or it is reported incomplete. Disk full or permission
problems remove the ``.part``: a failed write may have left it inconsistent.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import re
from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

import httpx

from desktop.api.envelope import unwrap_envelope
from desktop.api.errors import DownloadError, DownloadErrorKind
from desktop.api.mpeg_audio import is_complete_mp3_file
from desktop.api.resume_validator import ResumeValidator
from desktop.api.transport import ApiTransport, network_error

__all__ = [
    "CHUNK_SIZE",
    "PartFile",
    "ResumeValidator",
    "StreamOpener",
    "download_to",
    "part_path",
    "validator_path",
]

log = logging.getLogger(__name__)

CHUNK_SIZE: Final = 64 * 1024
_MAX_ERROR_BODY: Final = 64 * 1024
_CONTENT_RANGE: Final = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)
_UNSATISFIED_RANGE: Final = re.compile(r"^\s*bytes\s+\*/(\d+)\s*$", re.IGNORECASE)
_DISK_FULL: Final = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_NO_PERMISSION: Final = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
_MP3_TYPES: Final = frozenset(
    {"audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3"}
)

Progress = Callable[[int, int | None], None]
StreamOpener = Callable[[Mapping[str, str]], AbstractAsyncContextManager[httpx.Response]]
"""Opens a streamed response given extra request headers (``Range``, ``If-Range``)."""


def part_path(target: Path) -> Path:
    """Where the partial download of ``target`` is kept."""
    return target.with_name(target.name + ".part")


def validator_path(target: Path) -> Path:
    """Where the validator of the partial download of ``target`` is kept."""
    return target.with_name(target.name + ".part.validator")


class PartFile:
    """The ``.part`` file being written."""

    def __init__(self, path: Path, *, append: bool) -> None:
        self.path = path
        self._fh: BinaryIO = open(path, "ab" if append else "wb")  # noqa: SIM115

    def write(self, chunk: bytes) -> None:
        """Append one chunk."""
        self._fh.write(chunk)

    def flush(self) -> None:
        """Hand what was written to the OS, so the file can be read back."""
        self._fh.flush()

    def close(self) -> None:
        """Close, flushing what was written (kept for a later resume)."""
        if not self._fh.closed:
            self._fh.close()

    def commit(self, target: Path) -> None:
        """Flush to disk and move into place atomically."""
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.path, target)
        _fsync_dir(target.parent)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; not possible (nor needed) on Windows.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _os_error(exc: OSError, path: Path) -> DownloadError:
    if exc.errno in _DISK_FULL:
        kind = DownloadErrorKind.DISK_FULL
    elif exc.errno in _NO_PERMISSION or isinstance(exc, PermissionError):
        kind = DownloadErrorKind.PERMISSION
    else:
        kind = DownloadErrorKind.IO
    return DownloadError(kind, str(path), detail=exc.strerror or str(exc))


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("Content-Length", "")
    return int(value) if value.strip().isdigit() else None


def _is_error_body(response: httpx.Response) -> bool:
    media: str = response.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    return media.startswith("text/") or media.endswith(("/json", "+json", "html"))


async def _raise_for_error_answer(response: httpx.Response, target: Path) -> None:
    """Read at most 64 KiB of an error answer and raise its typed error."""
    body = bytearray()
    try:
        async for chunk in response.aiter_bytes():
            body += chunk[: _MAX_ERROR_BODY - len(body)]
            if len(body) >= _MAX_ERROR_BODY:
                break
    except httpx.RequestError as exc:
        raise network_error(exc, response.request.url.host) from exc
    unwrap_envelope(response.status_code, bytes(body), response.headers.get("Content-Type"))
    raise DownloadError(DownloadErrorKind.NOT_AUDIO, str(target))


class _Restart(Exception):
    """The partial file does not fit the server's answer; start over from zero."""


@dataclass(frozen=True)
class _Files:
    """The target and what is kept beside it while it downloads."""

    target: Path

    @property
    def part(self) -> Path:
        return part_path(self.target)

    @property
    def validator(self) -> Path:
        return validator_path(self.target)

    def discard(self) -> None:
        """Forget the partial download."""
        _remove(self.part)
        _remove(self.validator)


def _is_mp3(response: httpx.Response) -> bool:
    media: str = response.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    return media in _MP3_TYPES


async def _commit(file: PartFile, files: _Files) -> None:
    await asyncio.to_thread(file.commit, files.target)
    _remove(files.validator)


async def _receive(
    response: httpx.Response,
    files: _Files,
    offset: int,
    validator: ResumeValidator | None,
    progress: Progress | None,
    chunk_size: int,
) -> None:
    target = files.target
    status = response.status_code
    if offset and status in (206, 416) and validator and validator.names_another_version(response):
        raise _Restart  # a piece of another version: the If-Range was not honoured
    if status == 416 and offset:
        match = _UNSATISFIED_RANGE.match(response.headers.get("Content-Range", ""))
        if not match or int(match.group(1)) != offset:
            raise _Restart
        try:  # the partial file already holds the whole recording
            await _commit(PartFile(files.part, append=True), files)
        except OSError as exc:
            raise _os_error(exc, target) from exc
        return
    if status not in (200, 206) or _is_error_body(response):
        await _raise_for_error_answer(response, target)
    length = _content_length(response)
    if status == 206:
        match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if not match or int(match.group(1)) != offset:
            raise _Restart
        expected = int(match.group(3)) if match.group(3) != "*" else None
        if expected is None and length is not None:
            expected = offset + length
    else:
        if offset:
            log.info("server sent all of %s instead of the rest; starting over", target.name)
        offset = 0
        expected = length

    done = offset
    try:
        file = PartFile(files.part, append=offset > 0)
    except OSError as exc:
        raise _os_error(exc, target) from exc
    committing = False
    try:
        if not offset:  # a new .part: remember which version it holds
            kept = ResumeValidator.of(response)
            if kept is not None:
                kept.save(files.validator)
            else:
                _remove(files.validator)
        # Chunks are written as they arrive (a dropped connection loses nothing already
        # received); chunk_size only bounds the size of each write.
        async for data in response.aiter_bytes():
            for start in range(0, len(data), chunk_size):
                chunk = data[start : start + chunk_size]
                file.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, expected)
        if expected is not None and done != expected:
            raise DownloadError(
                DownloadErrorKind.TRUNCATED, str(target), done=done, expected=expected
            )
        if expected is None and _is_mp3(response):
            # Nothing announced the length: the MP3 itself must show it ends whole.
            file.flush()
            if not await asyncio.to_thread(is_complete_mp3_file, files.part):
                raise DownloadError(DownloadErrorKind.INCOMPLETE, str(target), done=done)
        committing = True  # from here the worker thread owns the file, even if we are cancelled
        await _commit(file, files)
    except httpx.RequestError as exc:
        raise DownloadError(
            DownloadErrorKind.INTERRUPTED, str(target), done=done, expected=expected
        ) from exc
    except OSError as exc:
        file.close()
        files.discard()
        raise _os_error(exc, target) from exc
    finally:
        if not committing:
            file.close()


async def download_to(
    transport: ApiTransport,
    source: str | StreamOpener,
    target: Path,
    *,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Path:
    """Download ``source`` (a URL, a path on the v1 host, or an opener) into ``target``.

    ``progress(done, total)`` counts bytes of the whole file, resumed ones included.
    Raises :class:`ApiError` / :class:`ResponseFormatError` for error answers (a JSON
    envelope such as motivo 70 "no recording"), :class:`NetworkError` when the server
    cannot be reached and :class:`DownloadError` for truncation, an MP3 that ends
    mid-frame, and disk problems.
    """
    files = _Files(Path(target))
    if callable(source):
        opener = source
    else:
        url = transport.resolve(source)

        def opener(headers: Mapping[str, str]) -> AbstractAsyncContextManager[httpx.Response]:
            return transport.stream(url, headers=headers)

    for _ in range(2):
        offset = _size(files.part)
        validator = ResumeValidator.load(files.validator) if offset else None
        if validator is None:
            if offset:
                log.info("no validator kept for %s; not resuming blindly", files.target.name)
            files.discard()
            offset = 0
        headers = {"Range": f"bytes={offset}-", "If-Range": validator.if_range} if validator else {}
        try:
            async with opener(headers) as response:
                await _receive(response, files, offset, validator, progress, max(1, chunk_size))
        except _Restart:
            log.info(
                "server cannot resume %s from byte %d; starting over", files.target.name, offset
            )
            files.discard()
            continue
        return files.target
    raise DownloadError(DownloadErrorKind.RANGE, str(files.target))
