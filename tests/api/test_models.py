from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from api_samples import (
    CHAMADA_OBJETO,
    CHAMADA_RELATORIO_DADOS,
    CONFERENCIA_OBJETO,
    CONFERENCIA_RELATORIO_DADOS,
    PAUSAS_DADOS,
    RAMAL_BUSCADO,
    RAMAL_CRIADO,
    RAMAL_LIGACOES_DADOS,
    WEBPHONE_DADOS,
)

from desktop.api import (
    CallStatus,
    LegStatus,
    LegType,
    RamalInput,
    ResponseFormatError,
    ValidationError,
)
from desktop.api.models import (
    parse_call,
    parse_conference,
    parse_page,
    parse_pause_report,
    parse_ramal,
    parse_ramal_received_call,
    parse_webphone_url,
)


def test_call_from_the_docs() -> None:
    call = parse_call(CHAMADA_OBJETO)
    assert call.id == 123
    assert call.data_criacao == datetime(2018, 8, 2, 13, 49, 30, tzinfo=UTC)
    assert call.ativa is False
    assert call.status_geral is CallStatus.FINALIZADA and call.status_known
    assert call.tags == "minha-tags"
    assert call.origem.data_inicio is None
    assert call.origem.tipo is LegType.RAMAL
    assert call.origem.preco == Decimal("0.1")
    assert call.origem.bina_origem == "+27921815114"
    assert call.origem.motivo_desconexao == "indefinido"
    assert call.origem.motivo_desconexao_codigo is None
    assert call.destino.duracao_cobrada_segundos == 60
    assert call.destino.duracao_falada_segundos == 28
    assert call.destino.bina_destino == "+73970934836"
    assert call.preco_total == Decimal("0.2")
    assert json.loads(call.raw_json()) == CHAMADA_OBJETO
    assert "raw" not in repr(call)


def test_call_quirks_string_ids_unknown_status_and_missing_legs() -> None:
    record = copy.deepcopy(CHAMADA_OBJETO)
    record.update(id="987", cliente_id="5", status_geral="arquivada", ativa="true")
    record["origem"].update(status="transferida", preco="0.00", motivo_desconexao="16. normal")
    record["origem"]["duracao_segundos"] = None
    record["origem"]["duracao"] = "00:00:60"
    del record["destino"]
    call = parse_call(record)
    assert call.id == 987 and call.cliente_id == 5
    assert call.ativa is True
    assert call.status_geral == "arquivada" and not call.status_known
    assert call.origem.status == "transferida" and not call.origem.status_known
    assert call.origem.preco == Decimal("0.00")
    assert call.origem.duracao_segundos == 60
    assert call.origem.motivo_desconexao_codigo == 16
    assert call.destino.numero is None and call.destino.status is None
    assert call.preco_total == Decimal("0.00")


def test_call_report_page_from_the_docs() -> None:
    page = parse_page(CHAMADA_RELATORIO_DADOS, parse_call, posicao=0, limite=100)
    assert len(page) == 1 and page.total is None
    assert page.posicao == 0 and page.limite == 100
    (call,) = page.items
    assert call.tags is None
    assert call.origem.status is None and call.destino.status is LegStatus.ATENDIDA
    assert call.origem.preco == Decimal(0)


@pytest.mark.parametrize(
    "bad",
    [
        [],
        "x",
        {"relatorio": {"id": 1}},
        {"outra": []},
        {"relatorio": [{"id": None}]},
        {"relatorio": [[1, 2]]},
        {"relatorio": [{"id": 1, "origem": "4000"}]},
    ],
)
def test_wrong_shapes_raise_response_format_error(bad: object) -> None:
    with pytest.raises(ResponseFormatError):
        parse_page(bad, parse_call, posicao=0, limite=100)


def test_null_dados_is_an_empty_page() -> None:
    page = parse_page(None, parse_call, posicao=200, limite=200)
    assert page.items == () and page.posicao == 200


def test_page_reads_total_posicao_limite() -> None:
    page = parse_page(
        {"relatorio": [], "total": "350", "posicao": 200, "limite": 200},
        parse_call,
        posicao=200,
        limite=200,
    )
    assert (page.total, page.posicao, page.limite) == (350, 200, 200)


def test_ramal_ids_and_numbers_as_int_or_text() -> None:
    created = parse_ramal(RAMAL_CRIADO)
    fetched = parse_ramal(RAMAL_BUSCADO)
    assert created.ramal == "4000" == fetched.ramal
    assert created.bina is None and fetched.bina == "48999999999"
    assert created.webphone is True and fetched.acesso_gravacoes is True
    assert "senha" not in repr(fetched) and "webphone_key" not in repr(fetched)
    assert fetched.senha == "1234ioYNua"


def test_received_calls_with_string_prices() -> None:
    page = parse_page(RAMAL_LIGACOES_DADOS, parse_ramal_received_call, posicao=0, limite=100)
    assert page.total == 2
    first = page.items[0]
    assert first.preco == Decimal("0.00")
    assert first.duracao_segundos == 369
    assert first.ramal is not None and first.ramal.id == 60679 and first.ramal.ramal == "4000"
    assert first.status is LegStatus.ATENDIDA


def test_pause_report() -> None:
    report = parse_pause_report(PAUSAS_DADOS, posicao=0, limite=100)
    assert report.ramal == "4000" and report.duracao_total_segundos == 7
    assert report.page.total == 1
    (pause,) = report.page.items
    assert pause.tempo_segundos == 7
    assert pause.pausa_fim is not None and pause.pausa_inicio is not None
    assert pause.pausa_fim - pause.pausa_inicio == timedelta(seconds=7)
    assert parse_pause_report(None, posicao=0, limite=10).page.items == ()


def test_conference_object_with_calls() -> None:
    conference = parse_conference(CONFERENCIA_OBJETO)
    assert conference.ended
    (member,) = conference.chamadas
    assert member.duracao_cobrada_segundos == 60  # "00:00:60"
    assert member.duracao_segundos == 45
    assert member.cli == 3132
    assert member.preco == Decimal("0.12")
    assert member.data_inicio == datetime(2016, 3, 27, 14, 13, 11, tzinfo=UTC)
    assert conference.total_price == Decimal("0.12")


def test_conference_quirks() -> None:
    room = parse_conference(
        {
            "id": "4921",
            "data_criacao": "2026-11-30T10:00:00-03:00",
            "data_termino": None,
            "chamadas": [
                {"id": "7", "conferencia_id": "4921", "numero": 4832830151, "status": "chamando",
                 "preco": "0.00", "duracao": "00:00:05", "duracao_falada": None},
                {"id": 8, "conferencia_id": 4921, "status": "atendida", "preco": 0.35,
                 "duracao_cobrada": "00:00:60", "url_gravacao": ""},
            ],
        }
    )  # fmt: skip
    assert room.id == 4921 and not room.ended
    first, second = room.chamadas
    assert (first.id, first.conferencia_id, first.numero) == (7, 4921, "4832830151")
    assert first.status == "chamando" and first.duracao_falada_segundos is None
    assert first.preco == Decimal("0.00") and first.duracao_segundos == 5
    assert second.status is LegStatus.ATENDIDA and second.url_gravacao is None
    assert room.total_price == Decimal("0.35")
    assert parse_conference({"id": 1, "chamadas": None}).chamadas == ()
    assert parse_conference({"id": 1}).total_price is None


def test_conference_report_rows_with_nulls() -> None:
    page = parse_page(CONFERENCIA_RELATORIO_DADOS, parse_conference, posicao=0, limite=100)
    first, second = page.items
    assert first.numero_destino == "4832830151" and first.chamadas == ()
    assert second.url_conferencia == "http://fooooo.bar/conferencia.mp3"


def test_webphone_url_expiry() -> None:
    plain = parse_webphone_url(WEBPHONE_DADOS)
    assert plain.expires is None and not plain.is_expired()
    assert plain.origin == "https://voice-api.zenvia.com"
    signed = parse_webphone_url(
        {"url": "http://127.0.0.1:8123/w3/?key=abc&expires=1700000000&signature=deadbeef"}
    )
    assert signed.expires == datetime.fromtimestamp(1700000000, UTC)
    assert signed.is_expired(datetime(2024, 1, 1, tzinfo=UTC))
    assert not signed.is_expired(datetime(2023, 1, 1, tzinfo=UTC))
    before = signed.expires - timedelta(seconds=10)
    assert signed.is_expired(before, margin=timedelta(seconds=30))
    assert "abc" not in repr(signed) and "deadbeef" not in repr(signed)
    assert signed.origin == "http://127.0.0.1:8123"
    odd = parse_webphone_url({"url": "https://x.test/w3/?key=k&expires=soon"})
    assert odd.expires is None


def test_webphone_url_names_its_secrets_for_redaction() -> None:
    signed = parse_webphone_url(
        {"url": "http://127.0.0.1:8123/w3/?key=abc&expires=1700000000&signature=deadbeef"}
    )
    assert signed.secret_values() == ("abc", "deadbeef")
    assert parse_webphone_url(WEBPHONE_DADOS).secret_values() == ("XXXXXXXXXXXXXXXXXXXXXX83b3420",)


@pytest.mark.parametrize("bad", [None, {"url": None}, {"url": "/w3/?key=1"}, {"url": "ftp://x"}])
def test_webphone_url_must_be_absolute_http(bad: object) -> None:
    with pytest.raises(ResponseFormatError):
        parse_webphone_url(bad)


def test_ramal_input_to_json_omits_unset_fields() -> None:
    data = RamalInput(
        ramal="4005", login=" ana@empresa.com.br ", bina="(48) 3283-0151", webphone=True
    ).to_json()
    assert data == {
        "ramal": "4005",
        "login": "ana@empresa.com.br",
        "bina": "4832830151",
        "webphone": True,
    }
    assert RamalInput(senha="4321789").to_json() == {"senha": "4321789"}
    assert RamalInput().to_json() == {}
    assert "4321789" not in repr(RamalInput(senha="4321789"))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"login": "sem-arroba"}, "login"),
        ({"ramal": "40a0"}, "ramal"),
        ({"ramal": "12345678901"}, "ramal"),
        ({"bina": "12"}, "bina"),
        ({"bina": "abc"}, "bina"),
        ({"bina": "+1 415 555 2671"}, "bina"),
        ({"senha": ""}, "senha"),
        ({"ura_id": -1}, "ura_id"),
        ({"webphone": "sim"}, "webphone"),
    ],
)
def test_ramal_input_validation(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        RamalInput(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.user_message("en")
