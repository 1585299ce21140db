"""Realistic, deterministic sample data: ramais, 30 days of calls, pauses and conferences.

Everything is placed relative to the moment the sandbox starts, whatever the hour: earlier
days have a working day's calls and pauses, and today has calls and pauses spread over the
hours just before that moment, all ended by then (at 00:05, within those five minutes).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Final

from desktop.sandbox.models import (
    DISCONNECT_REASONS,
    MOTIVO_NORMAL,
    STATUS_ATENDIDA,
    Call,
    Conference,
    Leg,
    Pause,
    Ramal,
)
from desktop.sandbox.store import CLIENTE_ID, CONTA_ID, Store
from desktop.sandbox.timeutil import BRT

DEFAULT_SEED: Final = 4000
FIRST_RAMAL_ID: Final = 76498
FIRST_CALL_ID: Final = 3_180_001
FIRST_CONFERENCE_ID: Final = 4921
DAYS: Final = 30
CALLS: Final = 360
#: Today's calls fall in this span before the start (or since midnight, when shorter).
TODAY_SPAN: Final = timedelta(hours=10)
#: At most this many of the calls are today's; fewer early in the day (one per 20 minutes).
TODAY_CALLS: Final = 24

_PEOPLE: Final = (
    ("ana.souza", "vendas"),
    ("bruno.lima", "vendas"),
    ("carla.mendes", "suporte"),
    ("diego.rocha", "suporte"),
    ("elisa.ferraz", "vendas"),
    ("fabio.nunes", "cobranca"),
    ("gabriela.alves", "suporte"),
    ("henrique.costa", ""),
    ("isabela.prado", "vendas"),
    ("joao.teixeira", None),
)

_MOTIVOS: Final = DISCONNECT_REASONS
_OUTCOMES: Final = (
    ("atendida", 68),
    ("sem resposta", 11),
    ("ocupado", 7),
    ("cancelada", 5),
    ("congestionado", 3),
    ("falha", 3),
    ("não existe", 3),
)
_DDDS: Final = ("48", "11", "21", "31", "41", "51", "47", "61")
_TAGS: Final = (None, None, None, None, "clienteUm", "campanha-black-friday", "pedido-88231", "")


def anchor_time(moment: datetime) -> datetime:
    """The whole second, in Brasília time: one seed and one start time give the same data."""
    return moment.astimezone(BRT).replace(microsecond=0)


def today_window(moment: datetime) -> tuple[datetime, datetime]:
    """When today's seeded calls may start: the hours before ``moment``, from midnight on."""
    anchor = anchor_time(moment)
    midnight = anchor.replace(hour=0, minute=0, second=0)
    return max(midnight, anchor - TODAY_SPAN), anchor


def today_calls(moment: datetime) -> int:
    """How many seeded calls are today's: one per 20 minutes of the window, 3 to 24."""
    start, end = today_window(moment)
    minutes = int((end - start).total_seconds() // 60)
    return max(3, min(TODAY_CALLS, minutes // 20)) if end > start else 0


class _Seeder:
    def __init__(self, store: Store, seed: int, now: datetime) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.anchor = anchor_time(now)
        self.today_from, _ = today_window(now)

    def phone(self, mobile: bool | None = None) -> str:
        ddd = self.rng.choice(_DDDS)
        if mobile is None:
            mobile = self.rng.random() < 0.65
        if mobile:
            return f"{ddd}9{self.rng.randint(81000000, 99999999)}"
        return f"{ddd}{self.rng.randint(2, 3)}{self.rng.randint(1000000, 9999999)}"

    def e164(self, national: str) -> str:
        return "+55" + national

    def key(self) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(32))

    def moment(self) -> datetime:
        """A working-hours moment on one of the DAYS - 1 days before today."""
        day = self.anchor - timedelta(days=self.rng.randint(1, DAYS - 1))
        start = day.replace(hour=8, minute=0, second=0)
        return start + timedelta(seconds=self.rng.randint(0, 11 * 3600))

    def today_moment(self, index: int, count: int) -> datetime:
        """The ``index``-th of ``count`` moments spread over today's window, oldest first."""
        span = (self.anchor - self.today_from).total_seconds()
        slot = span / count
        return self.today_from + timedelta(seconds=int(slot * index + self.rng.random() * slot))

    def ramais(self) -> None:
        for index, (person, tag) in enumerate(_PEOPLE):
            ramal = Ramal(
                id=FIRST_RAMAL_ID + index,
                ramal=str(4000 + index),
                login=f"{person}@empresa-exemplo.com.br",
                senha=f"{self.rng.randint(1000, 9999)}{self.key()[:6]}",
                bina=self.phone(mobile=False) if index % 4 else None,
                webphone_key=self.key(),
                ligacao_externa=index != 8,
                ligacao_celular=index not in (7, 8),
                gravar_audio=index % 3 != 2,
                acesso_gravacoes=index < 3,
                webphone=True,
                ura_id=None,
                voicemail=index == 9,
                tags=tag,
            )
            self.store.ramais[ramal.id] = ramal
        self.store.next_ramal_id = FIRST_RAMAL_ID + len(_PEOPLE)

    def outcome(self) -> str:
        names = [name for name, _ in _OUTCOMES]
        weights = [weight for _, weight in _OUTCOMES]
        return self.rng.choices(names, weights)[0]

    def leg(self, numero: str, tipo: str, start: datetime, status: str, talk: int) -> Leg:
        ring = self.rng.randint(3, 25)
        leg = Leg(numero=numero, tipo=tipo, started_at=start, status=status)
        leg.motivo = self.rng.choice(_MOTIVOS[status])
        if status == STATUS_ATENDIDA:
            leg.answered_at = start + timedelta(seconds=ring)
            leg.ended_at = leg.answered_at + timedelta(seconds=talk)
        else:
            leg.ended_at = start + timedelta(seconds=ring if status != "não existe" else 1)
        return leg

    def call(self, call_id: int, created: datetime) -> Call:
        rng = self.rng
        ramais = list(self.store.ramais.values())
        kind_roll = rng.random()
        talk = int(rng.lognormvariate(4.6, 0.9)) + 5
        # Ringing takes under a minute: a call started just now ends before the anchor.
        talk = max(1, min(talk, int((self.anchor - created).total_seconds()) - 60))
        outcome = self.outcome()
        ramal = rng.choice(ramais)
        if kind_roll < 0.5:  # agent dials out from the webphone
            external = self.phone()
            origem = Leg(
                numero=ramal.ramal, tipo="ramal", started_at=created, status=STATUS_ATENDIDA
            )
            origem.answered_at = created
            origem.motivo = MOTIVO_NORMAL
            destino = self.leg(
                external, "movel" if external[2] == "9" else "fixo", created, outcome, talk
            )
            origem.ended_at = destino.ended_at
            origem.bina = self.e164(ramal.bina) if ramal.bina else None
            call = Call(call_id, created, origem, destino, CLIENTE_ID, CONTA_ID, "webphone")
            call.ramal_id_origem = ramal.id
            call.gravar = ramal.gravar_audio
        elif kind_roll < 0.85:  # a customer calls a ramal
            external = self.phone()
            origem = Leg(numero=external, tipo="movel" if external[2] == "9" else "fixo")
            origem.started_at, origem.answered_at = created, created
            origem.status, origem.motivo = STATUS_ATENDIDA, MOTIVO_NORMAL
            in_outcome = (
                outcome if outcome in ("atendida", "sem resposta", "ocupado") else "cancelada"
            )
            destino = self.leg(ramal.ramal, "ramal", created, in_outcome, talk)
            origem.ended_at = destino.ended_at
            call = Call(call_id, created, origem, destino, CLIENTE_ID, CONTA_ID, "entrante")
            call.ramal_id_destino = ramal.id
            call.gravar = ramal.gravar_audio
        else:  # click-to-call through POST /chamada: origem rings first, then destino
            first, second = self.phone(), self.phone()
            origem = self.leg(
                first, "movel" if first[2] == "9" else "fixo", created, "atendida", talk
            )
            destino = self.leg(
                second, "movel" if second[2] == "9" else "fixo", created, outcome, talk
            )
            if rng.random() < 0.3:
                origem.hide_inicio = True  # as in the docs' example
            if origem.answered_at is not None:
                destino.started_at = origem.answered_at
                if destino.answered_at is not None:
                    destino.answered_at = origem.answered_at + timedelta(seconds=rng.randint(3, 20))
                    destino.ended_at = destino.answered_at + timedelta(seconds=talk)
                else:
                    destino.ended_at = destino.started_at + timedelta(seconds=rng.randint(3, 30))
                origem.ended_at = destino.ended_at
            origem.bina = self.e164(self.phone(mobile=False)) if rng.random() < 0.4 else None
            destino.bina = self.e164(self.phone(mobile=False)) if rng.random() < 0.4 else None
            call = Call(call_id, created, origem, destino, CLIENTE_ID, CONTA_ID, "api")
            call.gravar = rng.random() < 0.5
        if rng.random() < 0.05:  # report example: origem leg never reported a status
            call.origem.status = None
            call.origem.started_at = call.origem.answered_at = call.origem.ended_at = None
        call.tags = rng.choice(_TAGS)
        call.status_geral = "finalizada"
        call.ativa = False
        _end_by(call, self.anchor)
        return call

    def calls(self) -> None:
        today = today_calls(self.anchor)
        moments = [self.moment() for _ in range(CALLS - today)]
        moments += [self.today_moment(index, today) for index in range(today)]
        for index, created in enumerate(sorted(moments)):
            call = self.call(FIRST_CALL_ID + index, created)
            self.store.calls[call.id] = call
        self.store.next_call_id = FIRST_CALL_ID + CALLS

    def pauses(self) -> None:
        for ramal in self.store.ramais.values():
            for day_back in range(1, DAYS):
                day = self.anchor - timedelta(days=day_back)
                if day.weekday() >= 5:
                    continue
                for _ in range(self.rng.randint(0, 3)):
                    start = day.replace(
                        hour=self.rng.randint(8, 17), minute=self.rng.randint(0, 59)
                    )
                    length = timedelta(seconds=self.rng.randint(45, 1500))
                    self.add_pause(ramal, start, length)
            self.today_pause(ramal)
        self.store.pauses.sort(key=lambda p: (p.inicio, p.ramal_id))

    def today_pause(self, ramal: Ramal) -> None:
        """One pause today, ended before the anchor, for every other ramal."""
        span = int((self.anchor - self.today_from).total_seconds())
        length = min(self.rng.randint(45, 1500), span // 2)
        start = self.today_from + timedelta(seconds=self.rng.randint(0, max(0, span - length - 1)))
        if ramal.id % 2 == 0 and length >= 1:
            self.add_pause(ramal, start, timedelta(seconds=length))

    def add_pause(self, ramal: Ramal, start: datetime, length: timedelta) -> None:
        fila = self.rng.choice((None, "1", "2"))
        self.store.pauses.append(Pause(ramal.id, start, start + length, fila))

    def conferences(self) -> None:
        conference_id = FIRST_CONFERENCE_ID
        for _ in range(12):
            created = self.moment()
            numero = self.phone()
            conference = Conference(
                id=conference_id,
                numero_destino=numero,
                url_conferencia="https://arquivos.empresa-exemplo.com.br/conferencia.mp3",
                data_criacao=created,
                cliente_id=CLIENTE_ID,
                resposta_usuario=self.rng.random() < 0.5,
                gravar=self.rng.random() < 0.5,
            )
            numbers = [numero] + [self.phone() for _ in range(self.rng.randint(0, 2))]
            end = created
            for position, member in enumerate(numbers):
                status = "atendida" if self.rng.random() < 0.8 else "ocupado"
                leg = Leg(numero=member, tipo="movel" if member[2] == "9" else "fixo")
                leg.status, leg.motivo = status, _MOTIVOS[status][0]
                leg.started_at = created + timedelta(seconds=2 + 5 * position)
                if status == "atendida":
                    leg.answered_at = leg.started_at + timedelta(seconds=self.rng.randint(4, 15))
                    leg.ended_at = leg.answered_at + timedelta(seconds=self.rng.randint(20, 900))
                else:
                    leg.ended_at = leg.started_at + timedelta(seconds=self.rng.randint(3, 12))
                room = Leg(numero="", tipo="fixo")  # the room's side reports nothing
                call_id = self.store.new_call_id()
                call = Call(call_id, created, room, leg, CLIENTE_ID, CONTA_ID, "conferencia")
                call.conferencia_id, call.gravar = conference.id, conference.gravar
                call.status_geral = "finalizada"
                self.store.calls[call.id] = call
                end = max(end, leg.ended_at)
                conference.chamadas.append(call)
            if conference.resposta_usuario and conference.chamadas[0].destino.answered_at:
                conference.resposta = str(self.rng.randint(1, 9))
            conference.data_termino = end
            self.store.conferences[conference.id] = conference
            conference_id += 1
        self.store.next_conference_id = conference_id


def _end_by(call: Call, anchor: datetime) -> None:
    """Move a seeded call earlier, whole, so that it has ended by ``anchor``."""
    legs = (call.origem, call.destino)
    ends = [leg.ended_at for leg in legs if leg.ended_at is not None]
    late = max(ends, default=anchor) - anchor + timedelta(seconds=1)
    if late.total_seconds() <= 0:
        return
    call.data_criacao -= late
    for leg in legs:
        for name in ("started_at", "answered_at", "ended_at"):
            moment = getattr(leg, name)
            if moment is not None:
                setattr(leg, name, moment - late)


def populate(store: Store, seed: int | None, now: datetime) -> None:
    """Fill ``store`` with the data for ``seed`` (``None`` → the fixed default seed)."""
    seeder = _Seeder(store, DEFAULT_SEED if seed is None else seed, now)
    seeder.ramais()
    seeder.calls()
    seeder.pauses()
    seeder.conferences()
    store.seeded_until = store.next_call_id
