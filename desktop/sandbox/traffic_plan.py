"""What the simulated call center does next: one seeded draw per event.

Every event takes the same number of values from the random generator whatever the state
of the sandbox, so a seed always yields the same sequence of kinds, outcomes, numbers and
durations; only which ramal gets each event depends on who is free at that moment.
Durations are in simulated seconds (the traffic divides them by its speed).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Final

from desktop.sandbox.models import DISCONNECT_REASONS, STATUS_ATENDIDA

PAUSE: Final = "pausa"
INCOMING: Final = "entrante"
OUTGOING: Final = "sainte"

#: Incoming calls: answered by the ramal, abandoned by the caller, or never answered.
ABANDONED: Final = "abandonada"
NOT_ANSWERED: Final = "sem resposta"

_KINDS: Final = ((PAUSE, 12), (INCOMING, 46), (OUTGOING, 42))
_INCOMING_OUTCOMES: Final = ((STATUS_ATENDIDA, 72), (ABANDONED, 16), (NOT_ANSWERED, 12))
_OUTGOING_OUTCOMES: Final = (
    (STATUS_ATENDIDA, 60),
    ("sem resposta", 13),
    ("ocupado", 9),
    ("cancelada", 7),
    ("falha", 5),
    ("congestionado", 3),
    ("não existe", 3),
)
# seconds the far side rings before each unanswered outgoing outcome is known
_GIVE_UP_S: Final[dict[str, tuple[float, float]]] = {
    "sem resposta": (25, 45),
    "ocupado": (2, 6),
    "cancelada": (4, 15),
    "falha": (1, 8),
    "congestionado": (1, 4),
    "não existe": (1, 3),
}
_DDDS: Final = ("48", "11", "21", "31", "41", "51", "47", "61")
_QUEUES: Final = (None, "1", "2")


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in table], [weight for _, weight in table])[0]


@dataclass(frozen=True, slots=True)
class Plan:
    """One event of the simulated call center."""

    kind: str  # PAUSE, INCOMING or OUTGOING
    pick: float  # in [0, 1): which of the eligible ramais
    outcome: str  # leg status (or ABANDONED / NOT_ANSWERED for incoming calls)
    motivo: str  # disconnect reason that goes with the outcome
    mobile: str  # a customer's mobile number (national)
    landline: str  # a customer's landline number (national)
    ring_s: float  # ringing before the answer (or before giving up)
    talk_s: float  # talk time once answered
    pause_s: float  # length of a pause
    fila: str | None  # queue of a pause
    use_mobile: bool  # call the mobile rather than the landline
    gap: float  # factor on the mean interval before the next event


def draw(rng: random.Random) -> Plan:
    """Draw the next event (always the same number of values from ``rng``)."""
    kind = _weighted(rng, _KINDS)
    pick = rng.random()
    incoming = _weighted(rng, _INCOMING_OUTCOMES)
    outgoing = _weighted(rng, _OUTGOING_OUTCOMES)
    outcome = incoming if kind == INCOMING else outgoing
    reason_roll = rng.random()
    ddd = rng.choice(_DDDS)
    mobile = f"{ddd}9{rng.randint(81000000, 99999999)}"
    landline = f"{ddd}{rng.randint(2, 3)}{rng.randint(1000000, 9999999)}"
    answer_s = rng.uniform(3, 18)
    give_up_roll = rng.random()
    # talk: median ~80 s, tens of seconds to a few minutes
    talk_s = min(420.0, max(12.0, rng.lognormvariate(math.log(80), 0.6)))
    pause_s = min(600.0, max(40.0, rng.lognormvariate(math.log(150), 0.5)))
    fila = rng.choice(_QUEUES)
    use_mobile = rng.random() < 0.6
    gap = rng.uniform(0.5, 1.5)

    if kind == INCOMING:
        reasons = {
            STATUS_ATENDIDA: DISCONNECT_REASONS[STATUS_ATENDIDA],
            ABANDONED: DISCONNECT_REASONS["cancelada"],
            NOT_ANSWERED: ("19. sem resposta - mas chamou",),
        }[outcome]
        low, high = {ABANDONED: (2.0, 14.0), NOT_ANSWERED: (25.0, 35.0)}.get(outcome, (3, 18))
    else:
        reasons = DISCONNECT_REASONS[outcome]
        low, high = _GIVE_UP_S.get(outcome, (3, 18))
    ring_s = answer_s if outcome == STATUS_ATENDIDA else low + (high - low) * give_up_roll
    return Plan(
        kind=kind,
        pick=pick,
        outcome=outcome,
        motivo=reasons[min(len(reasons) - 1, int(reason_roll * len(reasons)))],
        mobile=mobile,
        landline=landline,
        ring_s=ring_s,
        talk_s=talk_s,
        pause_s=pause_s,
        fila=fila,
        use_mobile=use_mobile,
        gap=gap,
    )
