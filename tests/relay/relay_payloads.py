"""The examples of the provider's webhook page (webhooks.md), as the provider sends them."""

from __future__ import annotations

from typing import Any

CHAMADA_TEMPO_REAL: dict[str, Any] = {
    "data_criacao": "2019-09-06T17:21:33",
    "origem": {
        "data_inicio": "2019-09-06T14:21:33",
        "tipo": "movel",
        "ativo": False,
        "data_criacao": "2019-09-06T14:21:34",
        "numero": "48988888888",
        "status": "chamando",
    },
    "gravar_audio": False,
    "id": 37794869,
    "destino": {"tipo": "movel", "numero": "48966663333"},
    "cliente_id": 2150,
    "tags": "",
}

RAMAL_TEMPO_REAL: dict[str, Any] = {
    "data_atendimento": "2019-09-06T14:37:03",
    "duracao_falada_segundos": 10,
    "ativo": False,
    "data_criacao": "2019-09-06T14:36:55",
    "tipo": "ramal",
    "motivo_desconexao": "indefinido",
    "id": "37806158",
    "ramal": 9000,
    "status": "atendida",
    "duracao_segundos": 18,
}

CHAMADA_DID_TEMPO_REAL: dict[str, Any] = {
    "data_atendimento": "2019-09-06T14:37:03",
    "duracao_falada_segundos": 0,
    "ativo": True,
    "data_criacao": "2019-09-06T14:36:55",
    "tipo": "ramal",
    "id": "37806158",
    "ramal": 9000,
    "status": "atendida",
    "duracao_segundos": 7,
}

AVISO_SALDO: dict[str, Any] = {"saldo": "56.8616"}

NOVO_VOICEMAIL: dict[str, Any] = {
    "id": 1411,
    "ramal_id": 87787,
    "ramal": "9561",
    "numero_telefone": "6136271444",
    "data_mensagem": "2019-09-06T17:05:18-03:00",
    "duracao_segundos": 0,
    "url_gravacao": "https://api.evoline.com.br/recvm/?id=1411&x=094bba9d3a&cid=2150",
}

CONFERENCIA_TEMPO_REAL: dict[str, Any] = {
    "data_criacao": "2019-09-06T18:48:05",
    "evento_conferencia": "Entrou",
    "numero": "48988888888",
    "gravar_audio": False,
    "conferencia_id": 42874,
    "chamada_id": "37823279",
    "cliente_id": 2150,
}


def _leg(
    numero: str, tipo: str, status: str | None, total: int, talk: int | None
) -> dict[str, Any]:
    return {
        "data_inicio": None,
        "numero": numero,
        "tipo": tipo,
        "status": status,
        "duracao_segundos": total,
        "duracao": f"00:00:{total:02d}",
        "duracao_cobrada_segundos": None,
        "duracao_cobrada": None,
        "duracao_falada_segundos": talk,
        "duracao_falada": None,
        "preco": None,
        "motivo_desconexao": "indefinido",
    }


def status_tempo_real(
    *, ativa: bool, geral: str, destino_status: str, total: int, talk: int | None = None
) -> dict[str, Any]:
    """The "Status Tempo Real" example (ramal 4000 calls a mobile) at one moment."""
    return {
        "id": 37785949,
        "data_criacao": "2019-09-06T13:48:19-03:00",
        "ativa": ativa,
        "url_gravacao": None,
        "cliente_id": 91227,
        "conta_id": 91227,
        "ramal_id_origem": 86453,
        "tags": None,
        "status_geral": geral,
        "origem": _leg("4000", "ramal", "chamando" if ativa else None, total, None),
        "destino": _leg("48988888888", "movel", destino_status, total - 1, talk),
        "gravacoes_parciais": [],
    }


RINGING = status_tempo_real(ativa=True, geral="curso", destino_status="preparando", total=10)
TALKING = status_tempo_real(ativa=True, geral="curso", destino_status="atendida", total=20, talk=8)
ENDED = status_tempo_real(
    ativa=False, geral="finalizada", destino_status="atendida", total=40, talk=28
)

EXAMPLES: dict[str, dict[str, Any]] = {
    "chamada_tempo_real": CHAMADA_TEMPO_REAL,
    "status_tempo_real": RINGING,
    "ramal_tempo_real": RAMAL_TEMPO_REAL,
    "chamada_did_tempo_real": CHAMADA_DID_TEMPO_REAL,
    "conferencia_tempo_real": CONFERENCIA_TEMPO_REAL,
    "novo_voicemail": NOVO_VOICEMAIL,
    "aviso_saldo": AVISO_SALDO,
}

SUBJECTS: dict[str, str] = {
    "chamada_tempo_real": "ramal.acme.chamada.37794869",
    "status_tempo_real": "ramal.acme.chamada.37785949",
    "ramal_tempo_real": "ramal.acme.ramal.9000",
    "chamada_did_tempo_real": "ramal.acme.ramal.9000",
    "conferencia_tempo_real": "ramal.acme.conferencia.42874",
    "novo_voicemail": "ramal.acme.voicemail.9561",
    "aviso_saldo": "ramal.acme.saldo",
}
