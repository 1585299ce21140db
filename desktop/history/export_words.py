"""The words an export writes for directions and outcomes (Qt-free).

An export's headers are the API's Portuguese names, so its words are Portuguese too,
whatever the app's language: the same words the history panel shows in Portuguese.
The legs' statuses are the API's own words (``atendida``, ``sem resposta``) and are
written as they come. JSON exports are the API's records and carry none of these.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from desktop.core.outcomes import Outcome
from desktop.history.rows import Direction

__all__ = ["DIRECTION_WORDS", "OUTCOME_WORDS"]

DIRECTION_WORDS: Final[Mapping[Direction, str]] = MappingProxyType(
    {
        Direction.OUTGOING: "Realizada",
        Direction.INCOMING: "Recebida",
        Direction.INTERNAL: "Interna",
        Direction.API: "Via API",
    }
)

OUTCOME_WORDS: Final[Mapping[Outcome, str]] = MappingProxyType(
    {
        Outcome.ANSWERED: "Atendida",
        Outcome.MISSED: "Não atendida",
        Outcome.REJECTED: "Recusada/ocup.",
        Outcome.ABANDONED: "Abandonada",
        Outcome.FAILED: "Falhou",
        Outcome.ELSEWHERE: "Transferida/outro",
        Outcome.IN_PROGRESS: "Em andamento",
    }
)
