"""Board refresh cost with 200 ramais and 50 live calls (offscreen).

Per poll: ``derive`` + ``diff`` (CPU, Qt-free) and the board/calls models taking the
changes (UI update). Baseline in the same run: rebuilding the models from scratch with a
model reset, as a naive board would on every poll.

    .venv/bin/python bench/board_bench.py
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtWidgets import QApplication, QTableView

from desktop.api.models import Ramal
from desktop.api.models.calls import Call, parse_call
from desktop.core.board import derive, diff
from desktop.supervisor.board_model import BoardFilter, BoardModel
from desktop.supervisor.calls_model import CallsModel

RAMAIS = [
    Ramal(id=i, ramal=str(5000 + i), login=f"agent{i}@x.com", tags="vendas") for i in range(200)
]
T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def calls_at(step: int, rng: random.Random) -> list[Call]:
    """1,000 finished calls of the day plus 50 live ones; a few change each poll."""
    rows: list[Call] = []
    for i in range(1000):
        rows.append(
            parse_call(
                {
                    "id": i,
                    "ativa": False,
                    "status_geral": "finalizada",
                    "data_criacao": (T0 - timedelta(minutes=i % 400)).isoformat(),
                    "origem": {
                        "numero": str(5000 + i % 200),
                        "tipo": "ramal",
                        "status": "atendida",
                    },
                    "destino": {
                        "numero": "48999990000",
                        "status": "atendida",
                        "duracao_segundos": 90,
                        "duracao_falada_segundos": 80,
                    },
                }
            )
        )
    for j in range(50):
        answered = (j + step) % 7 != 0
        rows.append(
            parse_call(
                {
                    "id": 10_000 + j + (step // 5) * 3 * (j % 4 == 0),
                    "ativa": True,
                    "status_geral": "curso",
                    "data_criacao": T0.isoformat(),
                    "origem": {"numero": str(5000 + j * 4), "tipo": "ramal", "status": "atendida"},
                    "destino": {
                        "numero": f"4899{rng.randint(1000000, 9999999)}",
                        "status": "atendida" if answered else None,
                        "duracao_falada_segundos": 30 + step if answered else 0,
                    },
                }
            )
        )
    return rows


def main() -> None:
    app = QApplication([])
    rng = random.Random(1)
    board, calls = BoardModel(lambda: T0), CallsModel(lambda: T0)
    proxy = BoardFilter()
    proxy.setSourceModel(board)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(1300, 700)
    view.show()
    datasets = [calls_at(s, rng) for s in range(30)]
    cpu, ui, naive = [], [], []
    snapshot = None
    for step, rows in enumerate(datasets):
        at = T0 + timedelta(seconds=2 * step)
        start = time.process_time()
        new = derive(RAMAIS, rows, {}, at, snapshot)
        changes = diff(snapshot, new)
        cpu.append(time.process_time() - start)
        snapshot = new
        start = time.perf_counter()
        board.apply(changes)
        calls.apply(changes)
        app.processEvents()
        ui.append(time.perf_counter() - start)
        # baseline: throw the models away and rebuild them from the whole snapshot
        start = time.perf_counter()
        fresh_board, fresh_calls = BoardModel(lambda: T0), CallsModel(lambda: T0)
        full = diff(None, new)
        fresh_board.apply(full)
        fresh_calls.apply(full)
        proxy.setSourceModel(fresh_board)
        app.processEvents()
        proxy.setSourceModel(board)
        app.processEvents()
        naive.append(time.perf_counter() - start)
    skip = 1  # the first poll inserts every row
    med = lambda xs: statistics.median(xs[skip:]) * 1000  # noqa: E731
    print(
        f"machine: nproc={os.cpu_count()} {platform.processor() or platform.machine()} "
        f"Python {platform.python_version()} PySide6 {PySide6.__version__}"
    )
    print(
        f"derive+diff CPU per poll: median {med(cpu):.2f} ms, max {max(cpu[skip:]) * 1000:.2f} ms"
    )
    print(
        f"UI update (apply changes + repaint): median {med(ui):.2f} ms, "
        f"max {max(ui[skip:]) * 1000:.2f} ms"
    )
    ratio = med(naive) / med(ui)
    print(f"baseline full rebuild: median {med(naive):.2f} ms; ratio {ratio:.1f}x")


if __name__ == "__main__":
    main()
