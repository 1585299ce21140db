"""In-memory state of the sandbox account: records, settings and trainer switches."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from desktop.sandbox.models import Call, Conference, Pause, Ramal
from desktop.sandbox.timeutil import Clock, now

CLIENTE_ID: Final = 18231
CONTA_ID: Final = 18231

_NON_DIGITS = re.compile(r"\D")


@dataclass
class Settings:
    """Behaviour switches the control API can change at run time."""

    auto_answer_ms: int | None = 800  # far side answers after this delay; None = never
    stats_interval_ms: int = 5000
    webphone_ttl_s: int = 300
    talk_ms: int | None = 4000  # API calls hang up on their own after this much talk
    ring_timeout_ms: int = 30000  # unanswered incoming calls give up after this
    stats_internet: str | None = None  # force a quality; None = mostly "bom"
    stats_computador: str | None = None
    rate_limit_per_s: float | None = None  # provider requests per second per token; None = off

    def to_json(self) -> dict[str, object]:
        """Current values."""
        return dict(self.__dict__)


def digits(number: str) -> str:
    """Only the digits of a phone number."""
    return _NON_DIGITS.sub("", number)


def same_number(filter_text: str, number: str) -> bool:
    """Loose phone match: equal digits, or one ends with the other (``+55``/DDD prefixes)."""
    wanted, actual = digits(filter_text), digits(number)
    if not wanted:
        return False
    if wanted == actual:
        return True
    shorter, longer = sorted((wanted, actual), key=len)
    return len(shorter) >= 8 and longer.endswith(shorter)


def classify(number: str, ramais: set[str]) -> str:
    """Leg type of a number: ``ramal``, ``movel`` or ``fixo``."""
    plain = digits(number)
    if plain in ramais or (len(plain) <= 6 and not number.startswith("+")):
        return "ramal"
    if plain.startswith("55") and len(plain) in (12, 13):
        plain = plain[2:]
    elif plain.startswith("0") and len(plain) in (11, 12):  # "0 + DDD + número"
        plain = plain[1:]
    if len(plain) == 11 and plain[2] == "9":
        return "movel"
    return "fixo"


def _report_key(call: Call) -> tuple[datetime, int]:
    return call.data_criacao, call.id


def _created(call: Call) -> datetime:
    return call.data_criacao


class CallTable(dict[int, Call]):
    """Calls by id that also keep report order (creation time, then id) as they change.

    Reports page through thousands of calls on every request; re-sorting them each time
    would dominate the server's work. New calls are nearly always the latest, so keeping
    the order on insert costs an append. ``data_criacao`` of a stored call must not change.
    """

    def __init__(self, calls: Iterable[tuple[int, Call]] = ()) -> None:
        super().__init__()
        self._ordered: list[Call] = []
        for key, call in calls:
            self[key] = call

    def __setitem__(self, key: int, call: Call) -> None:
        old = self.get(key)
        if old is not None:
            self._discard(old)
        super().__setitem__(key, call)
        ordered = self._ordered
        if not ordered or _report_key(ordered[-1]) <= _report_key(call):
            ordered.append(call)
        else:
            bisect.insort(ordered, call, key=_report_key)

    def __delitem__(self, key: int) -> None:
        call = self[key]
        super().__delitem__(key)
        self._discard(call)

    def _discard(self, call: Call) -> None:
        index = bisect.bisect_left(self._ordered, _report_key(call), key=_report_key)
        while index < len(self._ordered) and self._ordered[index] is not call:
            index += 1
        if index < len(self._ordered):
            del self._ordered[index]

    def pop(self, key: int, *default: Call | None) -> Call | None:  # type: ignore[override]
        """Remove and return the call with ``key`` (``default`` when absent)."""
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        call = self[key]
        del self[key]
        return call

    def clear(self) -> None:
        """Remove every call."""
        super().clear()
        self._ordered.clear()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("CallTable: assign or delete calls by id")

    popitem = update = setdefault = _refuse  # type: ignore[assignment]

    def ordered(self) -> Sequence[Call]:
        """Every call in report order (a live view: do not mutate)."""
        return self._ordered

    def created_between(self, start: datetime, end: datetime) -> Sequence[Call]:
        """Calls created from ``start`` to ``end`` inclusive, in report order."""
        ordered = self._ordered
        low = bisect.bisect_left(ordered, start, key=_created)
        high = bisect.bisect_right(ordered, end, lo=low, key=_created)
        return ordered[low:high]


@dataclass
class Store:
    """Everything the sandbox knows, mutated only on the server's event loop."""

    ramais: dict[int, Ramal] = field(default_factory=dict)
    calls: CallTable = field(default_factory=CallTable)
    conferences: dict[int, Conference] = field(default_factory=dict)
    pauses: list[Pause] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    fail_next_dial: dict[str, str] = field(default_factory=dict)  # ramal number → status_erro
    silent: set[str] = field(default_factory=set)  # ramal numbers whose page posts no stats
    queues: dict[int, set[str]] = field(default_factory=dict)  # ramal id → queue ids
    recording_edits: dict[int, int] = field(default_factory=dict)  # call id → replacements
    next_call_id: int = 1
    next_ramal_id: int = 1
    next_conference_id: int = 1
    seeded_until: int = 1  # calls with a smaller id came from the seed
    clock: Clock = now  # what time it is for everything the sandbox stamps

    def new_call_id(self) -> int:
        """Reserve a chamada id (conference calls share the sequence)."""
        value = self.next_call_id
        self.next_call_id += 1
        return value

    def new_ramal_id(self) -> int:
        """Reserve a ramal id."""
        value = self.next_ramal_id
        self.next_ramal_id += 1
        return value

    def new_conference_id(self) -> int:
        """Reserve a conference id."""
        value = self.next_conference_id
        self.next_conference_id += 1
        return value

    def ramal_numbers(self) -> set[str]:
        """Numbers of every ramal."""
        return {r.ramal for r in self.ramais.values()}

    def ramal_by_number(self, number: str) -> Ramal | None:
        """The ramal with this number."""
        wanted = number.strip()
        return next((r for r in self.ramais.values() if r.ramal == wanted), None)

    def ramal_by_login(self, login: str) -> Ramal | None:
        """The ramal with this login (case-insensitive)."""
        wanted = login.strip().lower()
        return next((r for r in self.ramais.values() if r.login.lower() == wanted), None)

    def ramal_by_key(self, key: str) -> Ramal | None:
        """The ramal whose webphone key is ``key``."""
        return next((r for r in self.ramais.values() if r.webphone_key == key), None)

    def sorted_calls(self) -> Sequence[Call]:
        """Calls in report order: creation time, then id."""
        return self.calls.ordered()

    def open_pauses(self, ramal_id: int, fila_id: str | None) -> list[Pause]:
        """Pauses of the ramal still running (in ``fila_id``, or all when None)."""
        return [
            p
            for p in self.pauses
            if p.ramal_id == ramal_id
            and p.fim is None
            and (fila_id is None or p.fila_id == fila_id)
        ]

    def start_pause(self, ramal_id: int, fila_id: str | None, at: datetime) -> Pause | None:
        """Record a pause unless one is already running for that queue (then None)."""
        running = [p for p in self.open_pauses(ramal_id, None) if p.fila_id == fila_id]
        if running:
            return None
        pause = Pause(ramal_id=ramal_id, inicio=at, fila_id=fila_id)
        self.pauses.append(pause)
        return pause

    def end_pauses(self, ramal_id: int, fila_id: str | None, at: datetime) -> None:
        """Close running pauses (of one queue, or all)."""
        for pause in self.open_pauses(ramal_id, fila_id):
            pause.fim = at
