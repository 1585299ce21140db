"""The relay's voicemail and balance events, routed to the phone and administration panels."""

from __future__ import annotations

import asyncio
import logging

from desktop.admin.balance_banner import BalanceBanner
from desktop.agent.voicemail_notice import VoicemailNotice
from desktop.api.models.parsing import parse_decimal, parse_str
from desktop.core.board_stream import BoardStream, RelayEvent
from desktop.tasks import cancel_and_wait

__all__ = ["RelayNotices"]

log = logging.getLogger(__name__)


class RelayNotices:
    """Shows a voicemail of ``ramal`` and the low-balance warning; nothing without a relay."""

    def __init__(
        self, ramal: str, voicemail: VoicemailNotice | None, balance: BalanceBanner | None
    ) -> None:
        self.ramal = ramal
        self.voicemail = voicemail
        self.balance = balance
        self._task: asyncio.Task[None] | None = None

    def __call__(self, event: RelayEvent) -> None:
        """Route one event."""
        payload = event.payload
        if event.kind == "voicemail" and self.voicemail is not None and event.key == self.ramal:
            numero = parse_str(payload.get("numero_telefone")) or ""
            self.voicemail.show_voicemail(numero, parse_str(payload.get("url_gravacao")) or "")
        elif event.kind == "saldo" and self.balance is not None:
            saldo = parse_decimal(payload.get("saldo"))
            if saldo is not None:
                self.balance.show_balance(saldo)

    def follow(self, stream: BoardStream) -> None:
        """Read events from a stream of their own (when no board feed carries them)."""

        async def run() -> None:
            async for item in stream.items():
                if isinstance(item, RelayEvent):
                    self(item)

        self._task = asyncio.ensure_future(run())

    async def aclose(self) -> None:
        """Stop reading."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        await cancel_and_wait(task)
