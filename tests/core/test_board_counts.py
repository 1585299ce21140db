"""The relay's one-event derivation and running counters agree with the whole-board derive."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.api.models import Call, CallLeg, CallStatus, LegStatus, LegType, Pause, Ramal
from desktop.api.models.parsing import PROVIDER_TZ
from desktop.core.board import call_ramal_numbers, derive, ramal_on_call
from desktop.core.board_counts import DayCounts, start_of_day

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=PROVIDER_TZ)
RAMAIS = [Ramal(id=10 + n, ramal=f"400{n}", login=f"a{n}", tags="x, y") for n in range(3)]
NUMBERS = {r.ramal or "": r.id for r in RAMAIS}


def _call(
    call_id: int,
    origem: str,
    destino: str,
    *,
    live: bool,
    answered: bool,
    minutes_ago: int = 5,
) -> Call:
    return Call(
        id=call_id,
        data_criacao=NOON - timedelta(minutes=minutes_ago),
        ativa=live,
        status_geral=CallStatus.CURSO if live else CallStatus.FINALIZADA,
        origem=CallLeg(numero=origem, tipo=LegType.RAMAL if origem.startswith("4") else None),
        destino=CallLeg(
            numero=destino,
            status=LegStatus.ATENDIDA if answered else LegStatus.SEM_RESPOSTA,
            duracao_segundos=40,
            duracao_falada_segundos=30 if answered else 0,
        ),
    )


CALLS = [
    _call(1, "48999990000", "4000", live=True, answered=False),
    _call(2, "4001", "48999990001", live=True, answered=True),
    _call(3, "4001", "4002", live=False, answered=True),
    _call(4, "48999990002", "4002", live=False, answered=False),
    Call(id=5, ativa=False, destino=CallLeg(numero="4000")),  # no times at all
]
PAUSES = {"4002": [Pause(NOON - timedelta(minutes=1), None, None)]}


@pytest.mark.parametrize("call", CALLS, ids=lambda c: str(c.id))
def test_one_event_gives_the_row_derive_gives(call: Call) -> None:
    on_call = call_ramal_numbers(call, NUMBERS)
    for ramal in RAMAIS:
        if (ramal.ramal or "") not in on_call:
            continue
        pauses = PAUSES.get(ramal.ramal or "", [])
        whole = derive([ramal], [call], {ramal.id: pauses}, NOON).ramais[ramal.id]
        assert ramal_on_call(ramal, call, on_call, pauses, NOON) == whole


def test_running_counters_match_derive_whatever_the_order() -> None:
    day = DayCounts()
    day.reset(start_of_day(NOON))
    ringing = _call(7, "48999990003", "4000", live=True, answered=False)
    over = _call(7, "48999990003", "4000", live=False, answered=True)
    # Late and repeated: the end, then an older "still ringing", then the end again.
    for call in [*CALLS, over, ringing, over]:
        day.put(call, NUMBERS)
    final = [*CALLS, over]
    snapshot = derive(RAMAIS, final, {}, NOON)
    for ramal in RAMAIS:
        assert day.counts(ramal.ramal or "") == snapshot.ramais[ramal.id].counts
    assert day.sides(7) is not None and day.sides(7).peer_of("4000") == "48999990003"
