"""Create many ramais with a bounded number of requests in flight (no Qt).

Every row gets a result: created, failed (with the error), not sent because it was
invalid, or cancelled before it was sent. A POST is never retried: when the connection
drops mid-request the outcome is unknown and the result says so.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop.admin.csv_import import CsvRow
from desktop.admin.ramal_fields import FIELDS, Problem, ProblemKind, api_error_field
from desktop.api import NetworkError, Ramal, RamalApiError, RamalInput

__all__ = ["BulkCreate", "BulkReport", "RowOutcome", "RowResult", "failures_csv"]

Create = Callable[[RamalInput], Awaitable[Ramal]]
ProblemText = Callable[[Problem], str]


class RowOutcome(StrEnum):
    """What happened to one row."""

    CREATED = "created"
    FAILED = "failed"
    UNKNOWN = "unknown"
    INVALID = "invalid"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class RowResult:
    """The result of one CSV row."""

    row: CsvRow
    outcome: RowOutcome
    ramal: Ramal | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class BulkReport:
    """Results of every row, in file order."""

    results: tuple[RowResult, ...]

    def count(self, outcome: RowOutcome) -> int:
        """How many rows ended with ``outcome``."""
        return sum(1 for r in self.results if r.outcome is outcome)

    @property
    def failures(self) -> list[RowResult]:
        """Every row that did not create a ramal."""
        return [r for r in self.results if r.outcome is not RowOutcome.CREATED]


class BulkCreate:
    """Sends the valid rows through ``create``, ``concurrency`` at a time."""

    def __init__(
        self,
        create: Create,
        *,
        concurrency: int = 4,
        on_result: Callable[[RowResult], None] | None = None,
    ) -> None:
        self._create = create
        self._gate = asyncio.Semaphore(max(1, concurrency))
        self._on_result = on_result
        self._cancelled = False

    def cancel(self) -> None:
        """Send no further rows; requests already sent finish and are reported."""
        self._cancelled = True

    async def _one(self, row: CsvRow) -> RowResult:
        if not row.ok or row.input is None:
            result = RowResult(row, RowOutcome.INVALID, problems=row.problems)
        else:
            async with self._gate:
                if self._cancelled:
                    result = RowResult(
                        row, RowOutcome.CANCELLED, problems=(Problem(None, ProblemKind.CANCELLED),)
                    )
                else:
                    result = await self._send(row, row.input)
        if self._on_result is not None:
            self._on_result(result)
        return result

    async def _send(self, row: CsvRow, body: RamalInput) -> RowResult:
        try:
            ramal = await self._create(body)
        except NetworkError as error:
            problem = Problem(None, ProblemKind.API, error=error)
            return RowResult(row, RowOutcome.UNKNOWN, problems=(problem,))
        except RamalApiError as error:
            problem = Problem(api_error_field(error), ProblemKind.API, error=error)
            return RowResult(row, RowOutcome.FAILED, problems=(problem,))
        return RowResult(row, RowOutcome.CREATED, ramal=ramal)

    async def run(self, rows: Sequence[CsvRow]) -> BulkReport:
        """Process every row; cancelling the task marks unsent rows as cancelled."""
        tasks = [asyncio.ensure_future(self._one(row)) for row in rows]
        try:
            results = await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            self._cancelled = True
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
        return BulkReport(tuple(results))


def failures_csv(report: BulkReport, describe: ProblemText) -> str:
    """The rows that were not created, with their original cells and the reason."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["linha", "resultado", *FIELDS, "erro"])
    for result in report.failures:
        # The password is left out: a report file should not spread credentials.
        cells = {**result.row.cells, "senha": ""}
        reason = " | ".join(describe(p) for p in result.problems)
        writer.writerow(
            [result.row.line, result.outcome.value, *(cells.get(n, "") for n in FIELDS), reason]
        )
    return out.getvalue()
