"""The KPIs and pause list of one ramal, with the same view the supervisor uses for all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from desktop.api import Call, TotalVoiceClient
from desktop.supervisor.kpis import KpiLoader, KpiReport, compute_kpis


def _involves(call: Call, ramal: str, ramal_id: int | str) -> bool:
    legs = (call.origem.numero, call.destino.numero)
    return ramal in legs or str(call.ramal_id_origem) == str(ramal_id)


def ramal_kpi_loader(
    client: TotalVoiceClient, ramal_id: int | str, clock: Callable[[], datetime]
) -> KpiLoader:
    """A loader for :class:`~desktop.supervisor.kpi_view.KpiView` restricted to one ramal."""

    async def load(start: date, end: date) -> KpiReport:
        ramal = await client.ramais.get(ramal_id)
        calls = await client.chamadas.report(start, end).fetch_all(concurrency=2)
        mine = [c for c in calls if _involves(c, ramal.ramal or "", ramal.id)]
        pauses = await client.ramais.pausas(ramal.id, start, end).fetch_all(concurrency=1)
        return compute_kpis(mine, [ramal], {ramal.id: pauses}, clock())

    return load
