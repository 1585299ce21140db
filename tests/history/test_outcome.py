from __future__ import annotations

import pytest

from desktop.api.models import parse_call
from desktop.core.outcomes import Outcome, classify_call
from desktop.history.rows import Direction, partial_recordings, row_from_call


def leg(numero: str, tipo: str, status: str | None, motivo: str = "indefinido", talk: int = 0):
    return {
        "numero": numero,
        "tipo": tipo,
        "status": status,
        "motivo_desconexao": motivo,
        "duracao_segundos": talk + 5,
        "duracao_falada_segundos": talk,
        "preco": "0.10",
    }


def call(origem: dict, destino: dict, **extra: object):
    record = {
        "id": 7,
        "data_criacao": "2026-11-20T10:00:00-03:00",
        "ativa": False,
        "status_geral": "finalizada",
        "origem": origem,
        "destino": destino,
        **extra,
    }
    return parse_call(record)


@pytest.mark.parametrize(
    ("destino", "expected", "detail"),
    [
        (leg("48999", "movel", "atendida", "16. normal", 30), Outcome.ANSWERED, ""),
        (
            leg("48999", "movel", "sem resposta", "19. sem resposta - mas chamou"),
            Outcome.MISSED,
            "",
        ),
        (leg("48999", "movel", "ocupado", "17. ocupado"), Outcome.REJECTED, "ocupado"),
        (leg("48999", "movel", "cancelada", "16. normal"), Outcome.ABANDONED, ""),
        (
            leg("48999", "movel", "falha", "41. falha temporaria"),
            Outcome.FAILED,
            "falha temporaria",
        ),
        (
            leg("48999", "movel", "não existe", "1. telefone não existe"),
            Outcome.FAILED,
            "telefone não existe",
        ),
        (
            leg("48999", "movel", "atendida", "26. atendido em outro lugar", 3),
            Outcome.ELSEWHERE,
            "atendido em outro lugar",
        ),
        (
            leg("48999", "movel", None, "21. chamada rejeitada"),
            Outcome.REJECTED,
            "chamada rejeitada",
        ),
        (leg("48999", "movel", "estranho"), Outcome.FAILED, "estranho"),
    ],
)
def test_outcome_from_destination_leg(destino: dict, expected: Outcome, detail: str) -> None:
    result = call(leg("4000", "ramal", "atendida", "16. normal", 30), destino)
    assert classify_call(result) == (expected, detail)


def test_first_leg_that_failed_decides() -> None:
    result = call(leg("48111", "movel", "sem resposta"), leg("48222", "movel", None))
    assert classify_call(result)[0] is Outcome.MISSED


def test_status_less_origin_like_docs_example_uses_destination() -> None:
    result = call(leg("4000", "ramal", None), leg("4001", "ramal", "atendida", talk=8))
    assert classify_call(result)[0] is Outcome.ANSWERED
    row = row_from_call(result)
    assert row.direction is Direction.INTERNAL


def test_active_call_is_in_progress() -> None:
    result = call(leg("4000", "ramal", "atendida"), leg("48", "movel", None), ativa=True)
    assert classify_call(result)[0] is Outcome.IN_PROGRESS


def test_row_fields_and_partial_recordings() -> None:
    result = call(
        leg("48999990000", "movel", "atendida", talk=20),
        leg("4002", "ramal", "sem resposta", "18. sem resposta"),
        tags="pedido-1",
        url_gravacao=None,
        gravacoes_parciais=[{"url": "http://x/1.mp3", "data_inicio": "10:01"}, "http://x/2.mp3"],
    )
    row = row_from_call(result)
    assert row.direction is Direction.INCOMING
    assert row.ramal == "4002"
    assert row.other_party == "48999990000"
    assert row.has_recording  # partial recordings count
    assert [p.url for p in partial_recordings(result.raw)] == ["http://x/1.mp3", "http://x/2.mp3"]
    assert "pedido-1" in row.search_key()
