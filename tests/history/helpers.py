"""Row builders shared by the history tests."""

from __future__ import annotations

from decimal import Decimal

from desktop.core.outcomes import Outcome
from desktop.history.rows import Direction, HistoryRow


def make_row(i: int, **changes: object) -> HistoryRow:
    outcomes = list(Outcome)
    base: dict[str, object] = {
        "call_id": str(1000 + i),
        "source": "chamada",
        "created_ts": 1_790_000_000.0 + i * 60,
        "direction": Direction.OUTGOING if i % 2 else Direction.INCOMING,
        "origin": f"4{i % 10:03d}",
        "destination": f"4899{i:07d}",
        "ramal": f"4{i % 10:03d}",
        "outcome": outcomes[i % 6],
        "outcome_detail": "",
        "origin_status": "atendida",
        "destination_status": "atendida",
        "talk_seconds": i % 300,
        "total_seconds": i % 300 + 10,
        "reason": "normal",
        "price": Decimal("0.10") * (i % 5),
        "tags": "campanha" if i % 7 == 0 else "",
        "has_recording": i % 3 == 0,
    }
    base.update(changes)
    return HistoryRow(**base)  # type: ignore[arg-type]
