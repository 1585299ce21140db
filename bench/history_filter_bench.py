"""Filter and sort latency on a 100,000-row history model (Qt offscreen).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/history_filter_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop.core.outcomes import Outcome
from desktop.history.filters import Column, FilterSpec
from desktop.history.rows import Direction, HistoryRow
from desktop.history.table_model import CallTableModel

N = 100_000


def rows() -> list[HistoryRow]:
    outcomes = list(Outcome)
    return [
        HistoryRow(
            str(3_000_000 + i),
            "chamada",
            1.79e9 + i * 37.0,
            Direction.OUTGOING if i % 2 else Direction.INCOMING,
            f"40{i % 40:02d}",
            f"{48 + i % 30}9{(i * 7919) % 10**8:08d}",
            f"40{i % 40:02d}",
            outcomes[i % 6],
            "",
            "atendida",
            "atendida",
            (i * 13) % 900,
            (i * 13) % 900 + 9,
            "normal",
            Decimal(i % 50) / 100,
            "campanha" if i % 9 == 0 else "",
            i % 3 == 0,
        )
        for i in range(N)
    ]


def timed(action: object, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> None:
    app = QApplication(sys.argv)
    model = CallTableModel()
    t = time.perf_counter()
    model.set_rows(rows())
    print(f"load {N} rows: {(time.perf_counter() - t) * 1000:.0f} ms")
    typing = ["4", "48", "489", "4899", "48991"]
    t = time.perf_counter()
    per_key = []
    for text in typing:
        k = time.perf_counter()
        model.set_filter(FilterSpec(text=text))
        per_key.append((time.perf_counter() - k) * 1000)
    print("typing '48991' per keystroke (ms): " + ", ".join(f"{v:.0f}" for v in per_key))

    def campanha() -> None:
        model.set_filter(FilterSpec())
        model.set_filter(FilterSpec(text="campanha"))

    print(f"filter text 'campanha' cold: {timed(campanha):.0f} ms (2 passes)")
    missed = FilterSpec(outcome=Outcome.MISSED, has_recording=True)
    print(f"filter outcome=missed+recording: {timed(lambda: model.set_filter(missed)):.0f} ms")
    model.set_filter(FilterSpec())
    model.sort(Column.TALK)
    print(f"sort by talk (cached order): {timed(lambda: model.sort(Column.TALK)):.0f} ms")
    model._engine._orders.clear()
    t = time.perf_counter()
    model.sort(Column.DESTINATION)
    print(f"sort by destination, first time: {(time.perf_counter() - t) * 1000:.0f} ms")
    app.quit()


if __name__ == "__main__":
    main()
