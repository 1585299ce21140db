"""What the board keeps of the day's calls: enough to count them, little per call."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime, timedelta

from desktop.api.models import Call, Ramal
from desktop.api.models.calls import parse_call
from desktop.core.board import board_record, derive
from desktop.supervisor.feed import LiveTracker

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
RAMAIS = [Ramal(id=70 + i, ramal=str(4000 + i), login=f"agente{i}@x.com") for i in range(10)]


def record(n: int, *, ativa: bool = False) -> str:
    """A call of the report as the provider sends it (both legs, prices, durations)."""
    start = (T0 - timedelta(minutes=n)).isoformat()
    answered = n % 3 != 0
    talk = 60 + n % 300 if answered else 0

    def leg(numero: str, tipo: str) -> dict[str, object]:
        return {
            "data_inicio": start,
            "numero": numero,
            "tipo": tipo,
            "status": "atendida" if answered else "sem resposta",
            "duracao_segundos": talk + 12,
            "duracao": "00:01:12",
            "duracao_cobrada_segundos": 60,
            "duracao_cobrada": "00:01:00",
            "duracao_falada_segundos": talk,
            "duracao_falada": "00:01:00",
            "preco": 0.1,
            "motivo_desconexao": "31. normal, nao especificado",
            "bina_origem": None,
        }

    return json.dumps(
        {
            "id": 3_000_000 + n,
            "data_criacao": start,
            "ativa": ativa,
            "url_gravacao": f"https://api2.totalvoice.com.br/rec/{3_000_000 + n}.mp3",
            "cliente_id": 18231,
            "conta_id": 18231,
            "ramal_id_origem": 70 + n % 10 if n % 2 else None,
            "tags": "campanha-natal",
            "detecta_caixa": False,
            "status_geral": "curso" if ativa else "finalizada",
            "origem": leg(f"4899{n:07d}" if n % 2 == 0 else str(4000 + n % 10), "movel"),
            "destino": leg(str(4000 + n % 10) if n % 2 == 0 else f"4899{n:07d}", "ramal"),
        }
    )


def test_a_day_of_finished_calls_stays_small() -> None:
    # A busy day has thousands of calls; each report page is parsed, handed over, dropped.
    tracker = LiveTracker(lambda: T0)
    pages = [[record(n) for n in range(start, start + 200)] for start in range(0, 3000, 200)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for page in pages:
            tracker.put_calls([parse_call(json.loads(text)) for text in page])
        per_call = (tracemalloc.get_traced_memory()[0] - before) / 3000
    finally:
        tracemalloc.stop()
    assert len(tracker.calls) == 3000
    assert per_call < 2000, f"{per_call:.0f} bytes kept per finished call"


def test_the_board_counts_the_same_from_the_records() -> None:
    calls = [parse_call(json.loads(record(n))) for n in range(400)]
    full = derive(RAMAIS, calls, {}, T0)
    kept = derive(RAMAIS, [board_record(c) for c in calls], {}, T0)
    assert kept == full
    assert sum(r.counts.answered + r.counts.missed for r in kept.ramais.values()) == 400


def test_live_calls_are_kept_whole_until_they_end() -> None:
    tracker = LiveTracker(lambda: T0)
    live = parse_call(json.loads(record(1, ativa=True)))
    tracker.put_calls([live])
    assert tracker.calls[live.id] is live
    assert tracker.live_calls() == [live]
    ended = parse_call(json.loads(record(1)))
    tracker.put_calls([ended])
    kept: Call = tracker.calls[ended.id]
    assert tracker.live_calls() == []
    assert not kept.raw
    assert (kept.origem.numero, kept.destino.status) == (
        ended.origem.numero,
        ended.destino.status,
    )
