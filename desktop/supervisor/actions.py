"""Supervisor actions on a live call and their audit log (Qt-free).

Every listen, whisper, barge, transfer and hang-up is written to a JSON-lines file in the
profile's directory: who, when, which call, what, and the result. Nothing is retried:
the API's answer (or its error in words) goes back to the caller as it is.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Final, Protocol

from desktop.api.errors import RamalApiError

__all__ = [
    "LISTEN_MODES",
    "ActionKind",
    "ActionResult",
    "AuditEntry",
    "AuditLog",
    "CallActions",
    "SupervisorActions",
]

log = logging.getLogger(__name__)

AUDIT_FILE: Final = "supervisor-audit.jsonl"


class ActionKind(StrEnum):
    """What the supervisor did."""

    LISTEN = "listen"
    WHISPER = "whisper"
    BARGE = "barge"
    TRANSFER = "transfer"
    HANGUP = "hangup"


LISTEN_MODES: Final = {ActionKind.LISTEN: 1, ActionKind.WHISPER: 2, ActionKind.BARGE: 3}


class CallActions(Protocol):
    """The slice of ``client.chamadas`` the actions use."""

    def escuta(self, call_id: int | str, numero: str, modo: int = ...) -> Awaitable[None]:
        """POST /chamada/{id}/escuta."""

    def transfer(self, call_id: int | str, numero: str, perna: str) -> Awaitable[None]:
        """POST /chamada/{id}/transfer."""

    def hangup(self, call_id: int | str) -> Awaitable[None]:
        """DELETE /chamada/{id}."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log."""

    at: str
    who: str
    action: str
    call_id: str
    numero: str
    detail: str
    ok: bool
    result: str


@dataclass(frozen=True, slots=True)
class ActionResult:
    """What the API said: success, or the error and its explanation in words."""

    ok: bool
    message: str
    error: RamalApiError | None = None


class AuditLog:
    """Append-only JSON-lines log in a per-profile directory."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / AUDIT_FILE

    def append(self, entry: AuditEntry) -> None:
        """Write one entry (the directory is created when missing)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")

    def entries(self) -> list[AuditEntry]:
        """Every readable entry, oldest first (damaged lines are skipped and logged)."""
        if not self.path.exists():
            return []
        found: list[AuditEntry] = []
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                found.append(
                    AuditEntry(
                        at=str(data["at"]),
                        who=str(data["who"]),
                        action=str(data["action"]),
                        call_id=str(data["call_id"]),
                        numero=str(data.get("numero", "")),
                        detail=str(data.get("detail", "")),
                        ok=bool(data["ok"]),
                        result=str(data.get("result", "")),
                    )
                )
            except (ValueError, KeyError, TypeError):
                log.warning("audit log line %d is damaged; skipped", number)
        return found

    def to_csv(self) -> str:
        """Every entry as CSV text."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["at", "who", "action", "call_id", "numero", "detail", "ok", "result"])
        for e in self.entries():
            writer.writerow([e.at, e.who, e.action, e.call_id, e.numero, e.detail, e.ok, e.result])
        return out.getvalue()

    def export(self, target: Path) -> int:
        """Write the CSV to ``target``; returns the number of entries."""
        target.write_text(self.to_csv(), encoding="utf-8")
        return len(self.entries())


class SupervisorActions:
    """Runs one action once, records it, and returns the API's answer."""

    def __init__(
        self,
        calls: CallActions,
        audit: AuditLog,
        who: str,
        clock: Callable[[], datetime],
        lang: str = "pt_BR",
    ) -> None:
        self._calls = calls
        self.audit = audit
        self.who = who
        self._clock = clock
        self.lang = lang

    async def listen(self, call_id: int | str, numero: str, kind: ActionKind) -> ActionResult:
        """Listen (modo 1), whisper (2) or barge (3) from phone ``numero``."""
        modo = LISTEN_MODES[kind]
        return await self._run(
            kind, call_id, numero, f"modo={modo}", lambda: self._calls.escuta(call_id, numero, modo)
        )

    async def transfer(self, call_id: int | str, numero: str, perna: str) -> ActionResult:
        """Move leg ``perna`` (origem/destino) to ``numero``."""
        return await self._run(
            ActionKind.TRANSFER,
            call_id,
            numero,
            f"perna={perna}",
            lambda: self._calls.transfer(call_id, numero, perna),
        )

    async def hangup(self, call_id: int | str) -> ActionResult:
        """End the call."""
        return await self._run(
            ActionKind.HANGUP, call_id, "", "", lambda: self._calls.hangup(call_id)
        )

    async def _run(
        self,
        kind: ActionKind,
        call_id: int | str,
        numero: str,
        detail: str,
        send: Callable[[], Awaitable[None]],
    ) -> ActionResult:
        try:
            await send()
        except RamalApiError as error:
            result = ActionResult(False, error.user_message(self.lang), error)
        else:
            result = ActionResult(True, "")
        entry = AuditEntry(
            at=self._clock().isoformat(timespec="seconds"),
            who=self.who,
            action=kind.value,
            call_id=str(call_id),
            numero=numero,
            detail=detail,
            ok=result.ok,
            result="ok" if result.ok else result.message,
        )
        try:
            self.audit.append(entry)
        except OSError:
            log.exception("could not write the audit log at %s", self.audit.path)
        return result
