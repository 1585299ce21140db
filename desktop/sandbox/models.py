"""Records the sandbox keeps (ramais, calls, pauses, conferences) and their wire shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from desktop.sandbox.timeutil import hms, hms_sixty, iso, seconds_between

JsonObject = dict[str, object]

#: Price per started billing minute, by leg type (ramal legs are free).
PRICE_PER_MINUTE: Final[dict[str, float]] = {"movel": 0.35, "fixo": 0.1, "ramal": 0.0}

STATUS_ATENDIDA: Final = "atendida"
#: ``status`` of a conference call still ringing (the real-time webhooks' word).
STATUS_CHAMANDO: Final = "chamando"
MOTIVO_NORMAL: Final = "16. normal"

#: Leg status → disconnection reasons seen with it (texts from the docs' list).
DISCONNECT_REASONS: Final[dict[str, tuple[str, ...]]] = {
    "atendida": ("16. normal", "16. normal", "31. normal, nao especificado", "indefinido"),
    "sem resposta": ("18. sem resposta", "19. sem resposta - mas chamou"),
    "ocupado": ("17. ocupado",),
    "congestionado": ("42. equipamento congestionado", "34. sem canal disponivel"),
    "falha": ("41. falha temporaria", "127. erro de conectividade", "102. timeout"),
    "cancelada": ("16. normal", "31. normal, nao especificado"),
    "não existe": ("1. telefone não existe", "28. formato invalido de numero"),
}


def money(value: float) -> float | int:
    """A price as the docs print it: ``0`` when free, else a float with two decimals."""
    rounded = round(value, 2)
    return 0 if rounded == 0 else rounded


def billed_seconds(talk: int, tipo: str, answered: bool) -> int:
    """Billing rounds an answered call up: 60 s minimum, then 6-second steps (external legs)."""
    if not answered:
        return 0
    if tipo == "ramal":
        return talk
    return max(60, -(-talk // 6) * 6)


@dataclass
class Ramal:
    """An extension of the account's PBX."""

    id: int
    ramal: str
    login: str
    senha: str
    bina: str | None
    webphone_key: str
    ligacao_externa: bool = True
    ligacao_celular: bool = True
    gravar_audio: bool = False
    acesso_gravacoes: bool = False
    webphone: bool = True
    ura_id: int | None = None
    voicemail: bool = False
    tags: str | None = None

    def to_json(self, *, ramal_as_int: bool = False) -> JsonObject:
        """The ramal object; ``ramal`` is an int only in the create response (docs quirk)."""
        number: object = self.ramal
        if ramal_as_int and self.ramal.isdigit():
            number = int(self.ramal)
        return {
            "id": self.id,
            "ramal": number,
            "login": self.login,
            "senha": self.senha,
            "bina": self.bina,
            "webphone_key": self.webphone_key,
            "ligacao_externa": self.ligacao_externa,
            "ligacao_celular": self.ligacao_celular,
            "gravar_audio": self.gravar_audio,
            "acesso_gravacoes": self.acesso_gravacoes,
            "webphone": self.webphone,
            "ura_id": self.ura_id,
            "voicemail": self.voicemail,
            "tags": self.tags,
        }

    def summary(self) -> JsonObject:
        """The short form nested in the calls-received report."""
        return {"id": self.id, "ramal": self.ramal, "login": self.login}


@dataclass
class Leg:
    """One leg (origem or destino) of a call, with the moments that define it."""

    numero: str
    tipo: str
    started_at: datetime | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    status: str | None = None
    motivo: str = "indefinido"
    bina: str | None = None
    hide_inicio: bool = False  # the docs show origem.data_inicio null on finished calls

    def talk_seconds(self, at: datetime) -> int:
        """Seconds since this leg was answered (until it ended)."""
        return seconds_between(self.answered_at, self.ended_at or at)

    def to_json(self, at: datetime, bina_key: str) -> JsonObject:
        """The origem/destino object as of ``at``."""
        total = seconds_between(self.started_at, self.ended_at or at)
        talk = self.talk_seconds(at)
        billed = billed_seconds(talk, self.tipo, self.answered_at is not None)
        price = PRICE_PER_MINUTE.get(self.tipo, 0.1) * (-(-billed // 60))
        return {
            "data_inicio": None if self.hide_inicio else iso(self.started_at),
            "numero": self.numero,
            "tipo": self.tipo,
            "status": self.status,
            "duracao_segundos": total,
            "duracao": hms(total),
            "duracao_cobrada_segundos": billed,
            "duracao_cobrada": hms(billed),
            "duracao_falada_segundos": talk,
            "duracao_falada": hms(talk),
            "preco": money(price),
            "motivo_desconexao": self.motivo,
            bina_key: self.bina,
        }


@dataclass
class Call:
    """A chamada record: an API call, a webphone call or an incoming call to a ramal."""

    id: int
    data_criacao: datetime
    origem: Leg
    destino: Leg
    cliente_id: int
    conta_id: int
    kind: str  # "api", "webphone", "entrante", "conferencia"
    ramal_id_origem: int | None = None
    ramal_id_destino: int | None = None
    tags: str | None = None
    gravar: bool = False
    detecta_caixa: bool = False
    status_geral: str = "criada"
    ativa: bool = False
    avaliacao: JsonObject | None = None
    escutas: list[JsonObject] = field(default_factory=list)
    transferencias: list[JsonObject] = field(default_factory=list)
    dtmf: str = ""
    muted: bool = False
    conferencia_id: int | None = None
    # JSON of a finished call, which no longer changes: (base_url, id, object)
    _json: tuple[str, int, JsonObject] | None = field(default=None, repr=False, compare=False)

    @property
    def finished(self) -> bool:
        """True once the call is over."""
        return self.status_geral == "finalizada"

    @property
    def answered(self) -> bool:
        """True when both sides talked (a conference call: when the number answered)."""
        if self.destino.answered_at is None:
            return False
        return self.kind == "conferencia" or self.origem.answered_at is not None

    @property
    def has_recording(self) -> bool:
        """A recording exists for finished, recorded calls that were answered."""
        return self.gravar and self.finished and self.destino.answered_at is not None

    def phase(self) -> str:
        """Internal state for the control API: agendada, chamando, conversando, finalizada."""
        if self.finished:
            return "finalizada"
        if self.status_geral == "criada":
            return "agendada"
        return "conversando" if self.answered else "chamando"

    def to_json(self, at: datetime, base_url: str) -> JsonObject:
        """The Chamada object as of ``at`` (built once for a finished call; do not mutate)."""
        cached = self._json
        if cached is not None and cached[0] == base_url and cached[1] == self.id:
            return cached[2]
        url = f"{base_url}/chamada/{self.id}/gravacao" if self.has_recording else None
        value: JsonObject = {
            "id": self.id,
            "data_criacao": iso(self.data_criacao),
            "ativa": self.ativa,
            "url_gravacao": url,
            "cliente_id": self.cliente_id,
            "conta_id": self.conta_id,
            "ramal_id_origem": self.ramal_id_origem,
            "tags": self.tags,
            "detecta_caixa": self.detecta_caixa,
            "status_geral": self.status_geral,
            "origem": self.origem.to_json(at, "bina_origem"),
            "destino": self.destino.to_json(at, "bina_destino"),
        }
        if self.finished:
            self._json = (base_url, self.id, value)
        return value

    def received_json(self, at: datetime, base_url: str, ramal: Ramal) -> JsonObject:
        """The row of ``GET /ramal/{id}/relatorio`` (calls received by a ramal)."""
        leg = self.destino
        total = seconds_between(leg.started_at, leg.ended_at or at)
        url = f"{base_url}/chamada/{self.id}/gravacao" if self.has_recording else None
        return {
            "id": self.id,
            "data_inicio": iso(leg.started_at or self.data_criacao),
            "url_gravacao": url,
            "numero_origem": self.origem.numero,
            "status": leg.status,
            "duracao_segundos": total,
            "duracao": hms(total),
            "preco": "0.00",
            "ramal": ramal.summary(),
        }

    def control_json(self, at: datetime) -> JsonObject:
        """Internal view for ``/_sandbox/calls``."""
        return {
            "id": self.id,
            "tipo": self.kind,
            "fase": self.phase(),
            "status_geral": self.status_geral,
            "ativa": self.ativa,
            "origem": self.origem.numero,
            "destino": self.destino.numero,
            "ramal_id_origem": self.ramal_id_origem,
            "ramal_id_destino": self.ramal_id_destino,
            "gravar": self.gravar,
            "duracao_falada_segundos": self.destino.talk_seconds(at),
            "avaliacao": self.avaliacao,
            "escutas": self.escutas,
            "transferencias": self.transferencias,
            "dtmf": self.dtmf,
            "mudo": self.muted,
        }


@dataclass
class Pause:
    """A pause of a ramal in its queues."""

    ramal_id: int
    inicio: datetime
    fim: datetime | None = None
    fila_id: str | None = None

    def seconds(self, at: datetime) -> int:
        """Length of the pause (up to ``at`` while it lasts)."""
        return seconds_between(self.inicio, self.fim or at)

    def to_json(self, at: datetime) -> JsonObject:
        """The row of ``GET /ramal/{id}/pausas``."""
        seconds = self.seconds(at)
        return {
            "pausa_inicio": iso(self.inicio),
            "pausa_fim": iso(self.fim),
            "tempo_segundos": seconds,
            "tempo": hms(seconds),
        }


@dataclass
class Conference:
    """A conference room: the calls in it are chamadas with ``conferencia_id`` set.

    ``numero_destino`` and ``url_conferencia`` are only set for a room created with the
    seed's form (which calls that number in at once).
    """

    id: int
    data_criacao: datetime
    cliente_id: int
    numero_destino: str | None = None
    url_conferencia: str | None = None
    resposta_usuario: bool = False
    resposta: str | None = None
    gravar: bool = False
    bina: str | None = None
    data_termino: datetime | None = None
    chamadas: list[Call] = field(default_factory=list)

    def call_json(self, call: Call, at: datetime, base_url: str) -> JsonObject:
        """The "chamada da conferência" object of one call in the room."""
        leg = call.destino
        total = seconds_between(leg.started_at, leg.ended_at or at)
        answered = leg.answered_at is not None
        talk = leg.talk_seconds(at) if answered else None
        billed = billed_seconds(talk or 0, leg.tipo, True) if answered else None
        price = PRICE_PER_MINUTE.get(leg.tipo, 0.1) * (-(-(billed or 0) // 60))
        url = f"{base_url}/chamada/{call.id}/gravacao" if call.has_recording else None
        status = leg.status
        if status is None and not call.finished:
            status = STATUS_ATENDIDA if answered else STATUS_CHAMANDO
        return {
            "id": call.id,
            "conferencia_id": self.id,
            "url_gravacao": url,
            "numero": leg.numero,
            "data_criacao": iso(call.data_criacao),
            "cli": self.cliente_id,
            "duracao": hms(total),
            "duracao_cobrada": hms_sixty(billed),
            "duracao_falada": hms(talk),
            "status": status,
            "preco": money(price),
            "data_inicio": iso(leg.started_at),
        }

    def to_json(self, at: datetime, base_url: str) -> JsonObject:
        """The "Objeto Conferência", plus the flat fields of the seed's "Buscar" answer.

        The flat fields describe the first call in the room (null for an empty room).
        """
        calls = [self.call_json(c, at, base_url) for c in self.chamadas]
        first = self.chamadas[0] if self.chamadas else None
        leg = first.destino if first else None
        total = seconds_between(leg.started_at, leg.ended_at or at) if leg else 0
        talk = leg.talk_seconds(at) if leg and leg.answered_at else None
        billed = billed_seconds(talk or 0, leg.tipo, True) if leg and talk is not None else None
        resposta = self.resposta
        if resposta is None and self.resposta_usuario and leg and leg.answered_at:
            resposta = "1"
        return {
            "id": self.id,
            "numero_destino": self.numero_destino,
            "data_criacao": iso(self.data_criacao),
            "data_inicio": iso(leg.started_at) if leg else None,
            "data_termino": iso(self.data_termino),
            "tipo": leg.tipo if leg else None,
            "status": calls[0]["status"] if calls else None,
            "duracao_segundos": total,
            "duracao": hms(total),
            "duracao_cobrada_segundos": billed,
            "duracao_cobrada": hms_sixty(billed),
            "duracao_falada_segundos": talk,
            "duracao_falada": hms(talk),
            "preco": calls[0]["preco"] if calls else 0,
            "url_conferencia": self.url_conferencia,
            "resposta_usuario": self.resposta_usuario,
            "resposta": resposta,
            "chamadas": calls,
        }
