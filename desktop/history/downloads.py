"""Downloading recordings into a folder: file names, skip what is there, report per file.

Qt-free. Each file streams through the API client (``.part`` + atomic rename, resume
with ``Range``); a failure leaves no file under the final name, and disk-full or
permission errors remove the partial file too. Errors are collected per file, in words.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from desktop.api import RamalApiError
from desktop.history.rows import HistoryRow

__all__ = [
    "DEFAULT_TEMPLATE",
    "DownloadOutcome",
    "DownloadQueue",
    "DownloadResult",
    "file_name_for",
]

DEFAULT_TEMPLATE: Final = "{data}_{origem}_{destino}_{id}.mp3"
_UNSAFE: Final = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

Fetch = Callable[[str, Path, Callable[[int, int | None], None]], Awaitable[Path]]
Progress = Callable[[str, int, int | None], None]


class DownloadOutcome(StrEnum):
    """What happened to one file."""

    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """One file's result; ``error`` is already in the user's words."""

    call_id: str
    path: Path
    outcome: DownloadOutcome
    error: str = ""


def _clean(text: str) -> str:
    return _UNSAFE.sub("-", text).strip(" .") or "sem-numero"


def file_name_for(row: HistoryRow, template: str = DEFAULT_TEMPLATE) -> str:
    """Fill ``{data}``, ``{hora}``, ``{origem}``, ``{destino}``, ``{ramal}``, ``{id}``."""
    created = row.created
    fields = {
        "data": created.strftime("%Y-%m-%d") if created else "sem-data",
        "hora": created.strftime("%H-%M-%S") if created else "",
        "origem": _clean(row.origin),
        "destino": _clean(row.destination),
        "ramal": _clean(row.ramal),
        "id": _clean(row.call_id),
    }
    try:
        name = template.format(**fields)
    except (KeyError, IndexError, ValueError):
        name = DEFAULT_TEMPLATE.format(**fields)
    name = _clean(name)
    return name if name.lower().endswith(".mp3") else name + ".mp3"


class DownloadQueue:
    """Downloads the recordings of several calls, a few at a time."""

    def __init__(self, fetch: Fetch, *, concurrency: int = 2, lang: str = "pt_BR") -> None:
        """``fetch(call_id, target, progress)`` streams one recording (the API client's)."""
        self._fetch = fetch
        self._gate = asyncio.Semaphore(max(1, concurrency))
        self._lang = lang

    async def run(
        self,
        rows: Sequence[HistoryRow],
        folder: Path,
        template: str = DEFAULT_TEMPLATE,
        progress: Progress | None = None,
    ) -> list[DownloadResult]:
        """Download every row's recording into ``folder``; results in the rows' order."""
        tasks = [asyncio.ensure_future(self._one(r, folder, template, progress)) for r in rows]
        try:
            return list(await asyncio.gather(*tasks))
        except asyncio.CancelledError:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise

    async def _one(
        self, row: HistoryRow, folder: Path, template: str, progress: Progress | None
    ) -> DownloadResult:
        target = folder / file_name_for(row, template)
        if target.is_file() and target.stat().st_size > 0:
            return DownloadResult(row.call_id, target, DownloadOutcome.SKIPPED)

        def report(done: int, total: int | None) -> None:
            if progress is not None:
                progress(row.call_id, done, total)

        async with self._gate:
            try:
                await self._fetch(row.call_id, target, report)
            except RamalApiError as exc:
                return DownloadResult(
                    row.call_id, target, DownloadOutcome.FAILED, exc.user_message(self._lang)
                )
            except OSError as exc:
                detail = exc.strerror or str(exc)
                return DownloadResult(row.call_id, target, DownloadOutcome.FAILED, detail)
        return DownloadResult(row.call_id, target, DownloadOutcome.DONE)
