"""Stopping background work: cancel asyncio tasks and wait until each has finished."""

from __future__ import annotations

import asyncio
from typing import Any


async def cancel_and_wait(*tasks: asyncio.Future[Any] | None) -> None:
    """Cancel ``tasks`` and return once every one is done.

    Their ``finally`` blocks run before this returns, so a widget they touch can be deleted
    afterwards; what they raised is collected here rather than reported as never retrieved.
    """
    pending = [task for task in tasks if task is not None and not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
