"""KPI arithmetic for a period: per ramal and overall, by hour, talk times, pauses (Qt-free).

Definitions (the KPI table's tooltips repeat them):

- made / received: a call is *received* by a ramal when its destino is that ramal;
  *made* by a ramal when its origem is that ramal (or ``ramal_id_origem`` names it).
  Overall, received = calls to any ramal and made = every other call.
- answered %: answered calls over finished calls (calls in progress are left out).
- talk time: ``duracao_falada`` of the destino leg (the conversation), else the origem's.
- wait: for answered calls received by a ramal, ring time of the ramal leg
  (``duracao - duracao_falada`` of the destino).
- busy / no answer / failed / abandoned / transferred: the outcome of the call as the
  history panel classifies it (:mod:`desktop.core.outcomes`).
- pauses: ``tempo_segundos`` of each pause; an open pause counts up to now.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Final

from desktop.api.models import Call, CallLeg, Pause, Ramal
from desktop.api.models.parsing import PROVIDER_TZ
from desktop.core.board import call_ramal_numbers
from desktop.core.outcomes import Outcome, classify_call, classify_leg

__all__ = [
    "CSV_COLUMNS",
    "OUTCOME_ORDER",
    "TALK_BUCKETS",
    "KpiLoader",
    "KpiReport",
    "KpiRow",
    "PauseSummary",
    "compute_kpis",
    "kpi_csv",
    "pause_seconds",
    "talk_seconds",
    "wait_seconds",
]

#: Outcomes in the order charts stack them.
OUTCOME_ORDER: Final = (
    Outcome.ANSWERED,
    Outcome.MISSED,
    Outcome.REJECTED,
    Outcome.ABANDONED,
    Outcome.FAILED,
    Outcome.ELSEWHERE,
    Outcome.IN_PROGRESS,
)
#: Upper bounds (seconds, exclusive) of the talk-time histogram; the last bucket is open.
TALK_BUCKETS: Final = (30, 60, 120, 300, 600, 1200)


@dataclass(frozen=True, slots=True)
class KpiRow:
    """KPIs of one ramal (``ramal`` set) or of the whole account (``ramal`` empty)."""

    ramal: str = ""
    login: str = ""
    made: int = 0
    received: int = 0
    finished: int = 0
    answered: int = 0
    talk_total: int = 0
    talk_max: int = 0
    wait_total: int = 0
    wait_count: int = 0
    outcomes: Mapping[Outcome, int] = field(default_factory=dict)
    pause_count: int = 0
    pause_total: int = 0

    @property
    def calls(self) -> int:
        """Made plus received (a ramal-to-ramal call counts once per side)."""
        return self.made + self.received

    @property
    def answered_pct(self) -> float | None:
        """Answered over finished, in percent; None without finished calls."""
        return 100.0 * self.answered / self.finished if self.finished else None

    @property
    def talk_avg(self) -> float | None:
        """Average talk time of answered calls."""
        return self.talk_total / self.answered if self.answered else None

    @property
    def wait_avg(self) -> float | None:
        """Average ring time before a ramal answered, where derivable."""
        return self.wait_total / self.wait_count if self.wait_count else None

    @property
    def pause_avg(self) -> float | None:
        """Average pause length."""
        return self.pause_total / self.pause_count if self.pause_count else None

    def count(self, outcome: Outcome) -> int:
        """Calls with this outcome."""
        return self.outcomes.get(outcome, 0)


@dataclass(frozen=True, slots=True)
class PauseSummary:
    """The pauses of one ramal in the period."""

    ramal: str
    login: str
    pauses: tuple[Pause, ...]
    total: int


@dataclass(frozen=True, slots=True)
class KpiReport:
    """Everything the KPI view shows."""

    overall: KpiRow
    ramais: tuple[KpiRow, ...]
    hourly: Mapping[int, Mapping[Outcome, int]]
    talk_histogram: tuple[int, ...]
    reasons: Mapping[tuple[Outcome, str], int]
    pauses: tuple[PauseSummary, ...]


def talk_seconds(call: Call) -> int:
    """Conversation length: the destino's talk time, else the origem's."""
    for leg in (call.destino, call.origem):
        if leg.duracao_falada_segundos is not None and leg.numero is not None:
            return max(0, leg.duracao_falada_segundos)
    return 0


def wait_seconds(call: Call) -> int | None:
    """Ring time of the destino leg before it answered; None when not derivable."""
    leg = call.destino
    if leg.duracao_segundos is None or leg.duracao_falada_segundos is None:
        return None
    wait = leg.duracao_segundos - leg.duracao_falada_segundos
    return wait if wait >= 0 else None


def pause_seconds(pause: Pause, at: datetime) -> int:
    """Length of a pause; an open one counts up to ``at``."""
    if pause.pausa_fim is None and pause.pausa_inicio is not None:
        return max(0, int((at - pause.pausa_inicio).total_seconds()))
    if pause.tempo_segundos is not None:
        return max(0, pause.tempo_segundos)
    if pause.pausa_inicio is not None and pause.pausa_fim is not None:
        return max(0, int((pause.pausa_fim - pause.pausa_inicio).total_seconds()))
    return 0


def _deciding_leg(call: Call) -> CallLeg:
    first = classify_leg(call.origem)
    return call.origem if first not in (None, Outcome.ANSWERED) else call.destino


class _Acc:
    def __init__(self, ramal: str = "", login: str = "") -> None:
        self.ramal, self.login = ramal, login
        self.made = self.received = self.finished = self.answered = 0
        self.talk_total = self.talk_max = self.wait_total = self.wait_count = 0
        self.outcomes: Counter[Outcome] = Counter()

    def add(self, call: Call, outcome: Outcome, *, made: bool, received: bool) -> None:
        self.made += made
        self.received += received
        self.outcomes[outcome] += 1
        if outcome is Outcome.IN_PROGRESS:
            return
        self.finished += 1
        if outcome is Outcome.ANSWERED:
            self.answered += 1
            talk = talk_seconds(call)
            self.talk_total += talk
            self.talk_max = max(self.talk_max, talk)
            wait = wait_seconds(call) if received else None
            if wait is not None:
                self.wait_total += wait
                self.wait_count += 1

    def row(self, pauses: Sequence[int] = ()) -> KpiRow:
        return KpiRow(
            ramal=self.ramal,
            login=self.login,
            made=self.made,
            received=self.received,
            finished=self.finished,
            answered=self.answered,
            talk_total=self.talk_total,
            talk_max=self.talk_max,
            wait_total=self.wait_total,
            wait_count=self.wait_count,
            outcomes=dict(self.outcomes),
            pause_count=len(pauses),
            pause_total=sum(pauses),
        )


#: Reads a period (first and last day) and returns its KPIs; the KPI view calls one.
KpiLoader = Callable[[date, date], Awaitable[KpiReport]]


def compute_kpis(
    calls: Iterable[Call],
    ramais: Sequence[Ramal],
    pauses: Mapping[int | str, Sequence[Pause]],
    at: datetime,
    tz: tzinfo = PROVIDER_TZ,
) -> KpiReport:
    """KPIs of ``calls`` (one period) and of the ramais' ``pauses`` (by ramal id)."""
    numbers = {r.ramal: r.id for r in ramais if r.ramal}
    by_id = {str(v): k for k, v in numbers.items()}
    per: dict[str, _Acc] = {r.ramal: _Acc(r.ramal, r.login or "") for r in ramais if r.ramal}
    total = _Acc()
    hourly: dict[int, Counter[Outcome]] = {}
    histogram = [0] * (len(TALK_BUCKETS) + 1)
    reasons: Counter[tuple[Outcome, str]] = Counter()
    for call in calls:
        outcome, _detail = classify_call(call)
        origem, destino = call_ramal_numbers(call, numbers, by_id)
        total.add(call, outcome, made=not destino, received=bool(destino))
        if origem:
            per[origem].add(call, outcome, made=True, received=False)
        if destino and destino != origem:
            per[destino].add(call, outcome, made=False, received=True)
        if call.data_criacao is not None:
            hour = call.data_criacao.astimezone(tz).hour
            hourly.setdefault(hour, Counter())[outcome] += 1
        if outcome is Outcome.ANSWERED:
            talk = talk_seconds(call)
            index = next((i for i, b in enumerate(TALK_BUCKETS) if talk < b), len(TALK_BUCKETS))
            histogram[index] += 1
        elif outcome is not Outcome.IN_PROGRESS:
            reason = (_deciding_leg(call).motivo_desconexao or "").strip() or "indefinido"
            reasons[(outcome, reason)] += 1
    rows: list[KpiRow] = []
    summaries: list[PauseSummary] = []
    all_pauses: list[int] = []
    for ramal in ramais:
        if not ramal.ramal:
            continue
        listed = tuple(pauses.get(ramal.id, ()))
        lengths = [pause_seconds(p, at) for p in listed]
        all_pauses.extend(lengths)
        rows.append(per[ramal.ramal].row(lengths))
        summaries.append(PauseSummary(ramal.ramal, ramal.login or "", listed, sum(lengths)))
    return KpiReport(
        overall=total.row(all_pauses),
        ramais=tuple(rows),
        hourly={h: dict(c) for h, c in sorted(hourly.items())},
        talk_histogram=tuple(histogram),
        reasons=dict(reasons),
        pauses=tuple(summaries),
    )


#: Column names of the CSV export (stable, machine-readable).
CSV_COLUMNS: Final = (
    "ramal",
    "login",
    "made",
    "received",
    "finished",
    "answered",
    "answered_pct",
    "talk_avg_s",
    "talk_max_s",
    "wait_avg_s",
    "busy",
    "no_answer",
    "failed",
    "abandoned",
    "transferred",
    "pause_count",
    "pause_total_s",
    "pause_avg_s",
)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def kpi_csv(report: KpiReport, overall_label: str = "TOTAL") -> str:
    """The KPI table as CSV text, one line per ramal plus the overall line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in (*report.ramais, report.overall):
        writer.writerow(
            [
                row.ramal or overall_label,
                row.login,
                row.made,
                row.received,
                row.finished,
                row.answered,
                _num(row.answered_pct),
                _num(row.talk_avg),
                row.talk_max,
                _num(row.wait_avg),
                row.count(Outcome.REJECTED),
                row.count(Outcome.MISSED),
                row.count(Outcome.FAILED),
                row.count(Outcome.ABANDONED),
                row.count(Outcome.ELSEWHERE),
                row.pause_count,
                row.pause_total,
                _num(row.pause_avg),
            ]
        )
    return out.getvalue()
