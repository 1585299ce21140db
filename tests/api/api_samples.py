"""Test data: fake hosts and token, and the API docs' example payloads (quirks included)."""

from __future__ import annotations

from typing import Any

V1 = "https://v1.example.test"
RAMAL = "https://ramal.example.test"
VOICE = "https://voice.example.test"
TOKEN = "tok-SECRET-123"

CHAMADA_OBJETO: dict[str, Any] = {
    "id": 123,
    "data_criacao": "2018-08-02T10:49:30-03:00",
    "ativa": False,
    "url_gravacao": "https://urlgravacao.com.br/rec/audio.mp3",
    "cliente_id": 1,
    "conta_id": 1,
    "ramal_id_origem": 1,
    "tags": "minha-tags",
    "status_geral": "finalizada",
    "origem": {
        "data_inicio": None,
        "numero": "4000",
        "tipo": "ramal",
        "status": "atendida",
        "duracao_segundos": 10,
        "duracao": "00:00:10",
        "duracao_cobrada_segundos": 10,
        "duracao_cobrada": "00:00:10",
        "duracao_falada_segundos": 10,
        "duracao_falada": "00:00:10",
        "preco": 0.1,
        "motivo_desconexao": "indefinido",
        "bina_origem": "+27921815114",
    },
    "destino": {
        "data_inicio": "2018-08-02T10:49:29-03:00",
        "numero": "4001",
        "tipo": "ramal",
        "status": "atendida",
        "duracao_segundos": 29,
        "duracao": "00:00:29",
        "duracao_cobrada_segundos": 60,
        "duracao_cobrada": "00:01:00",
        "duracao_falada_segundos": 28,
        "duracao_falada": "00:00:28",
        "preco": 0.1,
        "motivo_desconexao": "indefinido",
        "bina_destino": "+73970934836",
    },
}

CHAMADA_RELATORIO_DADOS: dict[str, Any] = {
    "relatorio": [
        {
            "id": 123,
            "data_criacao": "2018-08-02T10:32:22-03:00",
            "ativa": False,
            "url_gravacao": "https://urlgravacao.com.br/rec/audio.mp3",
            "cliente_id": 1,
            "conta_id": 1,
            "ramal_id_origem": 16,
            "tags": None,
            "status_geral": "finalizada",
            "origem": {
                "data_inicio": None,
                "numero": "4000",
                "tipo": "ramal",
                "status": None,
                "duracao_segundos": 0,
                "duracao": "00:00:00",
                "duracao_cobrada_segundos": 0,
                "duracao_cobrada": "00:00:00",
                "duracao_falada_segundos": 0,
                "duracao_falada": "00:00:00",
                "preco": 0,
                "motivo_desconexao": "indefinido",
                "bina_origem": "+27921815114",
            },
            "destino": {
                "data_inicio": "2018-08-02T10:32:22-03:00",
                "numero": "4001",
                "tipo": "ramal",
                "status": "atendida",
                "duracao_segundos": 8,
                "duracao": "00:00:08",
                "duracao_cobrada_segundos": 60,
                "duracao_cobrada": "00:01:00",
                "duracao_falada_segundos": 8,
                "duracao_falada": "00:00:08",
                "preco": 0,
                "motivo_desconexao": "indefinido",
                "bina_destino": "+73970934836",
            },
        }
    ]
}

RAMAL_CRIADO: dict[str, Any] = {
    "id": 1234,
    "ramal": 4000,
    "login": "123teste231@totalvoice.com.br",
    "senha": "123teste23122",
    "bina": None,
    "webphone_key": "123teste231224d549e0408e123teste23122",
    "ligacao_externa": False,
    "ligacao_celular": False,
    "gravar_audio": False,
    "acesso_gravacoes": False,
    "webphone": True,
    "ura_id": None,
    "voicemail": False,
    "tags": None,
}

RAMAL_BUSCADO: dict[str, Any] = {
    "id": 1234,
    "ramal": "4000",
    "login": "teste@totalvoiceteste.com.br",
    "senha": "1234ioYNua",
    "bina": "48999999999",
    "webphone_key": "testefd3b268b3de8cateste44968",
    "ligacao_externa": True,
    "ligacao_celular": True,
    "gravar_audio": True,
    "acesso_gravacoes": True,
    "webphone": False,
    "ura_id": None,
    "voicemail": False,
    "tags": "",
}

PAUSAS_DADOS: dict[str, Any] = {
    "total": 1,
    "duracao_total": "00:00:07",
    "duracao_total_segundos": 7,
    "ramal": "4000",
    "posicao": 0,
    "limite": 100,
    "relatorio": [
        {
            "pausa_inicio": "2019-06-15T11:14:41-03:00",
            "pausa_fim": "2019-06-15T11:14:48-03:00",
            "tempo_segundos": 7,
            "tempo": "00:00:07",
        }
    ],
}

RAMAL_LIGACOES_DADOS: dict[str, Any] = {
    "total": 2,
    "posicao": 0,
    "limite": 100,
    "relatorio": [
        {
            "id": 123456,
            "data_inicio": "2019-05-07T15:28:13-03:00",
            "url_gravacao": "https://api.evoline.com.br/rec/?id=123445&x=12345&cid=1",
            "numero_origem": "48999999999",
            "status": "atendida",
            "duracao_segundos": 369,
            "duracao": "00:06:09",
            "preco": "0.00",
            "ramal": {"id": 60679, "ramal": "4000", "login": "teste@totaltestevoice.com.br"},
        },
        {
            "id": 123456,
            "data_inicio": "2019-05-08T13:16:02-03:00",
            "url_gravacao": "https://api.evoline.com.br/rec/?id=123456&x=12345&cid=1",
            "numero_origem": "48999999999",
            "status": "atendida",
            "duracao_segundos": 596,
            "duracao": "00:09:56",
            "preco": "0.00",
            "ramal": {"id": 1234, "ramal": "4000", "login": "teste@totaltestevoice.com.br"},
        },
    ],
}

CONFERENCIA_OBJETO: dict[str, Any] = {
    "id": 432,
    "data_criacao": "2016-03-27T15:12:44+03:00",
    "data_termino": "2016-03-27T15:12:49+03:00",
    "chamadas": [
        {
            "id": 46132,
            "conferencia_id": 432,
            "url_gravacao": "http://fooooo.bar/gravacao.mp3",
            "numero": "4832830151",
            "data_criacao": "2016-03-27T15:12:44+03:00",
            "cli": 3132,
            "duracao": "00:00:45",
            "duracao_cobrada": "00:00:60",
            "duracao_falada": "00:00:35",
            "status": "atendida",
            "preco": 0.12,
            "data_inicio": "2016-03-27T15:13:11+01:00",
        }
    ],
}

CONFERENCIA_RELATORIO_DADOS: dict[str, Any] = {
    "relatorio": [
        {
            "id": 432,
            "numero_destino": "4832830151",
            "data_criacao": "2016-03-27T15:12:44+03:00",
            "data_inicio": "2016-03-27T15:12:49+03:00",
            "tipo": "fixo",
            "status": "atendida",
            "duracao_segundos": 45,
            "duracao": "00:00:45",
            "duracao_cobrada_segundos": 60,
            "duracao_cobrada": "00:00:60",
            "duracao_falada_segundos": 35,
            "duracao_falada": "00:00:35",
            "preco": 0.12,
            "url_conferencia": "http://fooooo.bar/conferencia.mp3",
            "resposta_usuario": True,
            "resposta": "8",
        },
        {
            "id": 432,
            "numero_destino": "4832830151",
            "data_criacao": "2016-03-27T15:12:44+03:00",
            "data_inicio": "2016-03-27T15:12:49+03:00",
            "tipo": "fixo",
            "status": "ocupado",
            "duracao_segundos": 10,
            "duracao": "00:00:10",
            "duracao_cobrada_segundos": None,
            "duracao_cobrada": None,
            "duracao_falada_segundos": None,
            "duracao_falada": None,
            "preco": 0,
            "url_conferencia": "http://fooooo.bar/conferencia.mp3",
            "resposta_usuario": True,
            "resposta": None,
        },
    ]
}

WEBPHONE_DADOS: dict[str, Any] = {
    "url": "https://voice-api.zenvia.com/w3/?key=XXXXXXXXXXXXXXXXXXXXXX83b3420&pop=1"
}


def envelope(
    dados: Any = None,
    *,
    status: int = 200,
    sucesso: bool = True,
    motivo: int = 0,
    mensagem: str = "dados retornados com sucesso",
) -> dict[str, Any]:
    """The provider's envelope around ``dados``."""
    return {
        "status": status,
        "sucesso": sucesso,
        "motivo": motivo,
        "mensagem": mensagem,
        "dados": dados,
    }
