"""Fetches the call record from the API when the current call gets its ``chamada_id``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal

from desktop.tasks import cancel_and_wait

__all__ = ["CallDetailsFetcher", "FetchCall"]

log = logging.getLogger(__name__)

FetchCall = Callable[[str], Awaitable[object]]


class CallDetailsFetcher(QObject):
    """Runs ``fetch_call(chamada_id)`` on the running loop, once per id.

    A newer id cancels the fetch of the previous one, so a slow answer never shows the
    record of an older call.
    """

    fetched = Signal(object)  # whatever fetch_call returned (the API's Call)
    failed = Signal(str)

    def __init__(self, fetch_call: FetchCall | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_call = fetch_call
        self._current: str | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def current(self) -> str | None:
        """The last id asked for."""
        return self._current

    def request(self, chamada_id: str) -> None:
        """Fetch ``chamada_id`` unless it is the one already fetched."""
        if chamada_id == self._current:
            return
        self._current = chamada_id
        self.cancel()
        if self._fetch_call is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            log.warning("no running event loop: call %s not fetched", chamada_id)
            return
        self._task = loop.create_task(self._fetch(self._fetch_call, chamada_id))

    def cancel(self) -> None:
        """Cancel the fetch in progress, if any."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    async def aclose(self) -> None:
        """Cancel the fetch in progress and wait for it to end."""
        task, self._task = self._task, None
        await cancel_and_wait(task)

    async def _fetch(self, fetch_call: FetchCall, chamada_id: str) -> None:
        try:
            details = await fetch_call(chamada_id)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the API client's errors carry words for the agent
            log.warning("could not fetch call %s: %s", chamada_id, exc)
            self.failed.emit(str(exc))
            return
        if chamada_id == self._current:
            self.fetched.emit(details)
