"""Report pages decoded from their bytes: same records as the tolerant reader, raw kept."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import respx
from api_samples import CHAMADA_OBJETO, CHAMADA_RELATORIO_DADOS, V1

from desktop.api import ApiError, ResponseFormatError, TotalVoiceClient
from desktop.api.models import parse_call, parse_page
from desktop.api.models.call_wire import decode_call
from desktop.api.models.parsing import RawRecord
from desktop.api.models.report_body import decode_page
from desktop.history.rows import raw_text

JSON = {"Content-Type": "application/json"}


def _variant(**changes: Any) -> dict[str, Any]:
    record = copy.deepcopy(CHAMADA_OBJETO)
    for key, value in changes.items():
        if "__" in key:
            leg, name = key.split("__")
            record[leg][name] = value
        else:
            record[key] = value
    return record


QUIRKS: list[dict[str, Any]] = [
    CHAMADA_OBJETO,
    *CHAMADA_RELATORIO_DADOS["relatorio"],
    _variant(id="987", cliente_id="5", conta_id=" 7 ", ramal_id_origem="abc"),
    _variant(status_geral="arquivada", origem__status="transferida", destino__tipo="VoIP"),
    _variant(origem__status="Atendida ", destino__status="não existe"),
    _variant(origem__preco="0.00", destino__preco=None),
    _variant(origem__preco="0,10", destino__preco="abc"),
    _variant(origem__duracao_segundos=None, origem__duracao="00:00:60"),
    _variant(origem__duracao_segundos="29", destino__duracao_falada_segundos=-1),
    _variant(destino__duracao_falada_segundos=12.0, destino__duracao_cobrada="01:05"),
    _variant(data_criacao="2018-08-02T10:49:30", origem__data_inicio=1533217770),
    _variant(data_criacao="", destino__data_inicio="ontem"),
    _variant(ativa="true", detecta_caixa="sim", url_gravacao=""),
    _variant(tags=12, origem__numero=4000, destino__motivo_desconexao="19. sem resposta"),
    _variant(origem=None, destino=None),
    {"id": 5},
    {"id": "5", "origem": {}, "destino": {"motivo_desconexao": 17}},
]


@pytest.mark.parametrize("record", QUIRKS)
def test_bytes_decode_to_the_same_call_as_the_tolerant_reader(record: dict[str, Any]) -> None:
    data = json.dumps(record).encode()
    fast = decode_call(data)
    slow = parse_call(record)
    assert fast == slow
    for leg in ("origem", "destino"):
        assert getattr(fast, leg) == getattr(slow, leg)
    assert isinstance(fast.raw, RawRecord) and fast.raw.data == data
    assert dict(fast.raw) == dict(slow.raw)


def test_the_documented_quirks_read_from_bytes() -> None:
    record = _variant(id="987", status_geral="arquivada", origem__preco="0.00")
    record["origem"].update(duracao_segundos=None, duracao="00:00:60", status="transferida")
    del record["destino"]
    call = decode_call(json.dumps(record).encode())
    assert call.id == 987
    assert call.status_geral == "arquivada" and not call.status_known
    assert call.origem.status == "transferida" and not call.origem.status_known
    assert call.origem.preco == Decimal("0.00")
    assert call.origem.duracao_segundos == 60
    assert call.destino.numero is None


def _body(dados: object, **envelope: object) -> bytes:
    answer = {"status": 200, "sucesso": True, "motivo": 0, "mensagem": "ok", "dados": dados}
    answer.update(envelope)
    return json.dumps(answer, ensure_ascii=False).encode()


def _decode(body: bytes, status: int = 200) -> Any:
    return decode_page(
        status,
        body,
        "application/json",
        None,
        decode_item=decode_call,
        parse_item=parse_call,
        posicao=0,
        limite=200,
        what="chamadas",
    )


def test_each_row_keeps_the_bytes_received() -> None:
    rows = [
        b'{"id": 1,   "tags": "a\\u00e7\\u00e3o",  "origem": {"numero": "4000"}}',
        '{"id":"2","tags":"ação","gravacoes_parciais":["http://x/1.mp3"]}'.encode(),
    ]
    body = b'{"sucesso": true, "dados": {"total": 2, "relatorio": [' + b", ".join(rows) + b"]}}"
    page = _decode(body)
    assert [c.id for c in page.items] == [1, 2] and page.total == 2
    assert [c.raw.data for c in page.items] == rows
    assert [raw_text(c.raw) for c in page.items] == [r.decode() for r in rows]
    assert page.items[0].tags == "ação"


def test_an_absent_key_is_answered_without_decoding_the_record() -> None:
    record = RawRecord(b'{"id": 1, "origem": null}')
    assert record.get("gravacoes_parciais") is None
    assert record._decoded is None
    assert record.get("id") == 1 and record["origem"] is None
    assert dict(record) == {"id": 1, "origem": None} and len(record) == 2
    escaped = RawRecord(b'{"\\u0069d": 7}')  # the key "id", escaped
    assert escaped.get("id") == 7


def test_bytes_and_tolerant_pages_agree_on_the_docs_example() -> None:
    page = _decode(_body(CHAMADA_RELATORIO_DADOS))
    assert page == parse_page(CHAMADA_RELATORIO_DADOS, parse_call, posicao=0, limite=200)


@pytest.mark.parametrize(
    "bad",
    [
        {"relatorio": {"id": 1}},
        {"outra": []},
        {"relatorio": [{"id": None}]},
        {"relatorio": [[1, 2]]},
        {"relatorio": [{"id": 1, "origem": "4000"}]},
    ],
)
def test_wrong_shapes_still_raise_response_format_error(bad: object) -> None:
    with pytest.raises(ResponseFormatError):
        _decode(_body(bad))


def test_errors_and_odd_envelopes_take_the_usual_road() -> None:
    assert len(_decode(_body(None))) == 0
    assert len(_decode(_body(CHAMADA_RELATORIO_DADOS, sucesso="true"))) == 1
    with pytest.raises(ApiError) as refused:
        _decode(_body(None, sucesso=False, status=429, motivo=429), status=429)
    assert refused.value.is_rate_limited
    with pytest.raises(ResponseFormatError):
        _decode(b"<html>gateway</html>")


async def test_records_are_the_bytes_received_without_decoding_the_calls(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    rows = [b'{"id": 1,  "tags": "a\\u00e7\\u00e3o"}', '{"id":2,"tags":"ação"}'.encode()]
    body = b'{"sucesso": true, "dados": {"total": 2, "posicao": 0, "limite": 200, "relatorio": ['
    body += b", ".join(rows) + b"]}}"
    router.get(f"{V1}/chamada/relatorio").respond(200, content=body, headers=JSON)
    records = api.chamadas.records(date(2026, 11, 1), date(2026, 11, 30))
    assert await records.fetch_all() == rows  # spacing and escapes as they came


async def test_records_refuse_what_is_not_a_call_object(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    body = {"sucesso": True, "dados": {"total": 2, "relatorio": [{"id": 1}, [2]]}}
    router.get(f"{V1}/chamada/relatorio").respond(200, json=body)
    with pytest.raises(ResponseFormatError):
        await api.chamadas.records(date(2026, 11, 1), date(2026, 11, 30)).page(0, 200)
