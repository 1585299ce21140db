"""KPI arithmetic on a seeded dataset, checked against sums computed here from the raw rows."""

from __future__ import annotations

import csv
import io
import random
from datetime import datetime, timedelta, timezone

from desktop.api.models import Ramal
from desktop.api.models.calls import parse_call
from desktop.api.models.ramais import parse_pause
from desktop.core.outcomes import Outcome
from desktop.supervisor.kpis import compute_kpis, kpi_csv

BRT = timezone(timedelta(hours=-3))
DAY = datetime(2026, 3, 2, 8, 0, tzinfo=BRT)
RAMAIS = [Ramal(id=100 + i, ramal=str(4000 + i), login=f"a{i}@x.com") for i in range(4)]
STATUSES = ["atendida", "atendida", "atendida", "sem resposta", "ocupado", "falha"]
REASONS = {
    "atendida": "16. normal",
    "sem resposta": "19. sem resposta - mas chamou",
    "ocupado": "17. ocupado",
    "falha": "41. falha temporaria",
}


def dataset(seed: int = 20260302, n: int = 120) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for i in range(n):
        ramal = rng.choice(RAMAIS).ramal
        external = f"4899{rng.randint(1000000, 9999999)}"
        incoming = rng.random() < 0.5
        status = rng.choice(STATUSES)
        ring = rng.randint(2, 30)
        talk = rng.randint(5, 900) if status == "atendida" else 0
        created = DAY + timedelta(minutes=rng.randint(0, 9 * 60))
        origem = {
            "numero": external if incoming else ramal,
            "tipo": "movel" if incoming else "ramal",
            "status": "atendida",
            "motivo_desconexao": "16. normal",
            "duracao_segundos": ring + talk,
            "duracao_falada_segundos": ring + talk,
        }
        destino = {
            "numero": ramal if incoming else external,
            "tipo": "ramal" if incoming else "movel",
            "status": status,
            "motivo_desconexao": REASONS[status],
            "duracao_segundos": ring + talk,
            "duracao_falada_segundos": talk,
        }
        rows.append(
            {
                "id": i + 1,
                "data_criacao": created.isoformat(),
                "ativa": False,
                "status_geral": "finalizada",
                "origem": origem,
                "destino": destino,
            }
        )
    return rows


def test_kpis_match_independent_arithmetic() -> None:
    raw = dataset()
    calls = [parse_call(r) for r in raw]
    pauses = {
        100: [
            parse_pause(
                {
                    "pausa_inicio": "2026-03-02T09:00:00-03:00",
                    "pausa_fim": "2026-03-02T09:10:00-03:00",
                    "tempo_segundos": 600,
                }
            ),
            parse_pause(
                {
                    "pausa_inicio": "2026-03-02T11:00:00-03:00",
                    "pausa_fim": "2026-03-02T11:05:00-03:00",
                    "tempo_segundos": 300,
                }
            ),
        ],
        101: [parse_pause({"pausa_inicio": "2026-03-02T16:50:00-03:00", "pausa_fim": None})],
    }
    at = datetime(2026, 3, 2, 17, 0, tzinfo=BRT)
    report = compute_kpis(calls, RAMAIS, pauses, at, tz=BRT)

    def dest(r: dict[str, object]) -> dict[str, object]:
        value = r["destino"]
        assert isinstance(value, dict)
        return value

    answered = [r for r in raw if dest(r)["status"] == "atendida"]
    received = [r for r in raw if dest(r)["tipo"] == "ramal"]
    talks = [int(dest(r)["duracao_falada_segundos"]) for r in answered]  # type: ignore[call-overload]
    waits = [
        int(dest(r)["duracao_segundos"]) - int(dest(r)["duracao_falada_segundos"])  # type: ignore[call-overload]
        for r in answered
        if dest(r)["tipo"] == "ramal"
    ]
    total = report.overall
    assert (total.made, total.received) == (len(raw) - len(received), len(received))
    assert total.answered == len(answered)
    assert total.answered_pct == 100 * len(answered) / len(raw)
    assert total.talk_avg == sum(talks) / len(talks)
    assert total.talk_max == max(talks)
    assert total.wait_avg == sum(waits) / len(waits)
    assert total.count(Outcome.REJECTED) == sum(dest(r)["status"] == "ocupado" for r in raw)
    assert total.count(Outcome.MISSED) == sum(dest(r)["status"] == "sem resposta" for r in raw)
    assert total.count(Outcome.FAILED) == sum(dest(r)["status"] == "falha" for r in raw)
    assert sum(report.reasons.values()) == len(raw) - len(answered)
    assert report.reasons[(Outcome.REJECTED, "17. ocupado")] == total.count(Outcome.REJECTED)
    assert sum(sum(h.values()) for h in report.hourly.values()) == len(raw)
    assert sum(report.talk_histogram) == len(answered)
    for ramal, row in zip(RAMAIS, report.ramais, strict=True):
        mine = [r for r in raw if ramal.ramal in (dest(r)["numero"], r["origem"]["numero"])]  # type: ignore[index]
        assert row.calls == len(mine)
        assert row.answered == sum(dest(r)["status"] == "atendida" for r in mine)
    by_ramal = {p.ramal: p for p in report.pauses}
    assert by_ramal["4000"].total == 900 and report.ramais[0].pause_avg == 450
    assert by_ramal["4001"].total == 600  # an open pause counts up to now
    assert total.pause_total == 1500 and total.pause_count == 3
    rows = list(csv.DictReader(io.StringIO(kpi_csv(report))))
    assert len(rows) == 5 and rows[-1]["ramal"] == "TOTAL"
    assert int(rows[-1]["answered"]) == len(answered)
    assert float(rows[-1]["talk_avg_s"]) == round(sum(talks) / len(talks), 1)


def test_in_progress_calls_are_left_out_of_answered_percent() -> None:
    live = parse_call(
        {
            "id": 9,
            "ativa": True,
            "status_geral": "curso",
            "data_criacao": DAY.isoformat(),
            "origem": {"numero": "4000", "tipo": "ramal", "status": "atendida"},
            "destino": {"numero": "48999990000", "tipo": "movel"},
        }
    )
    report = compute_kpis([live], RAMAIS, {}, DAY, tz=BRT)
    assert report.overall.finished == 0 and report.overall.answered_pct is None
    assert report.overall.count(Outcome.IN_PROGRESS) == 1 and report.ramais[0].made == 1
