from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest
import respx
from api_samples import (
    CHAMADA_OBJETO,
    CHAMADA_RELATORIO_DADOS,
    CONFERENCIA_OBJETO,
    CONFERENCIA_RELATORIO_DADOS,
    PAUSAS_DADOS,
    RAMAL,
    RAMAL_BUSCADO,
    RAMAL_CRIADO,
    RAMAL_LIGACOES_DADOS,
    TOKEN,
    V1,
    VOICE,
    envelope,
)

from desktop.api import (
    ApiError,
    Conference,
    ListenMode,
    RamalInput,
    TotalVoiceClient,
    ValidationError,
    WebphoneType,
)


def body_of(route: respx.Route) -> object:
    return json.loads(route.calls.last.request.content)


def query_of(route: respx.Route) -> dict[str, str]:
    return dict(route.calls.last.request.url.params)


# --- chamadas ------------------------------------------------------------------------------


async def test_create_call_body_uses_national_numbers_and_utc(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    route = router.post(f"{V1}/chamada").respond(
        200, json=envelope({"id": 123123}, mensagem="chamada criada com sucesso")
    )
    when = datetime(2021, 4, 8, 14, 21, 20, tzinfo=timezone(timedelta(hours=-3)))
    call_id = await api.chamadas.create(
        "+55 (48) 1111-1111",
        "48 1111-1112",
        data_criacao=when,
        gravar_audio=True,
        bina_origem="(48) 3283-0151",
        bina_destino="+554832830152",
        tags="clienteUm",
        detecta_caixa_origem=True,
    )
    assert call_id == 123123
    assert body_of(route) == {
        "numero_origem": "4811111111",
        "numero_destino": "4811111112",
        "data_criacao": "2021-04-08T17:21:20Z",
        "gravar_audio": True,
        "bina_origem": "4832830151",
        "bina_destino": "4832830152",
        "tags": "clienteUm",
        "detecta_caixa_origem": True,
    }


async def test_create_call_minimal_body_and_ramal_numbers(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    route = router.post(f"{V1}/chamada").respond(200, json=envelope({"id": "c-77"}))
    assert await api.chamadas.create("4000", "4001") == "c-77"
    assert body_of(route) == {"numero_origem": "4000", "numero_destino": "4001"}


async def test_create_call_answer_without_id_is_a_format_error(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    from desktop.api import ResponseFormatError

    router.post(f"{V1}/chamada").respond(200, json=envelope({"ok": True}))
    with pytest.raises(ResponseFormatError):
        await api.chamadas.create("4000", "4001")


async def test_hangup_get_and_report(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    hangup = router.delete(f"{V1}/chamada/123").respond(
        200, json=envelope(None, mensagem="encerrando chamada")
    )
    get = router.get(f"{V1}/chamada/123").respond(200, json=envelope(CHAMADA_OBJETO))
    report = router.get(f"{V1}/chamada/relatorio").respond(
        200, json=envelope(CHAMADA_RELATORIO_DADOS)
    )
    await api.chamadas.hangup(123)
    assert (await api.chamadas.get("123")).id == 123
    page = await api.chamadas.report_page(
        date(2018, 3, 14), date(2018, 3, 15), origem="(48) 3283-0151", destino="4001", limite=50
    )
    assert len(page) == 1
    assert hangup.called and get.called
    assert query_of(report) == {
        "data_inicio": "2018-03-14",
        "data_fim": "2018-03-15",
        "posicao": "0",
        "limite": "50",
        "origem": "4832830151",
        "destino": "4001",
    }


async def test_report_with_datetimes_sends_utc(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    route = router.get(f"{V1}/chamada/relatorio").respond(200, json=envelope({"relatorio": []}))
    start = datetime(2017, 12, 8, 11, 0, 32, tzinfo=timezone(timedelta(hours=-2)))
    await api.chamadas.report_page(start, start + timedelta(hours=1))
    assert query_of(route)["data_inicio"] == "2017-12-08T13:00:32Z"
    assert query_of(route)["data_fim"] == "2017-12-08T14:00:32Z"


async def test_escuta_transfer_avaliar(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    ok = {"status": 200, "sucesso": True, "motivo": 0, "mensagem": "ok"}
    escuta = router.post(f"{V1}/chamada/123/escuta").respond(200, json=ok)
    transfer = router.post(f"{VOICE}/chamada/123/transfer").respond(200, json=ok)
    avaliar = router.post(f"{VOICE}/chamada/123/avaliar").respond(200, json=ok)
    await api.chamadas.escuta(123, "+55 48 1111-1111", ListenMode.SUSSURRO)
    await api.chamadas.transfer(123, "(48) 99999-9999", "destino")
    await api.chamadas.avaliar(123, 5, "muito boa")
    assert body_of(escuta) == {"numero": "4811111111", "modo": 2}
    assert body_of(transfer) == {"numero": "+5548999999999", "perna": "destino"}
    assert body_of(avaliar) == {"nota": 5, "comentario": "muito boa"}
    await api.chamadas.transfer(123, "4001", "ORIGEM")
    assert body_of(transfer) == {"numero": "4001", "perna": "origem"}
    await api.chamadas.avaliar(123, 1, "x" * 1000)
    assert body_of(avaliar) == {"nota": 1, "comentario": "x" * 1000}


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda a: a.chamadas.avaliar(1, 0, "ok"), "nota"),
        (lambda a: a.chamadas.avaliar(1, 6, "ok"), "nota"),
        (lambda a: a.chamadas.avaliar(1, True, "ok"), "nota"),
        (lambda a: a.chamadas.avaliar(1, "5", "ok"), "nota"),
        (lambda a: a.chamadas.avaliar(1, 3, "x" * 1001), "comentario"),
        (lambda a: a.chamadas.escuta(1, "4811111111", 0), "modo"),
        (lambda a: a.chamadas.escuta(1, "4811111111", 4), "modo"),
        (lambda a: a.chamadas.escuta(1, "4811111111", True), "modo"),
        (lambda a: a.chamadas.escuta(1, "não é número", 1), "numero"),
        (lambda a: a.chamadas.transfer(1, "48999999999", "meio"), "perna"),
        (lambda a: a.chamadas.transfer(1, "12ab", "origem"), "numero"),
        (lambda a: a.chamadas.create("4000", ""), "numero_destino"),
        (lambda a: a.chamadas.create("4000", "4001", bina_origem="4000"), "bina_origem"),
        (lambda a: a.chamadas.hangup("../ramal/1"), "id"),
        (lambda a: a.chamadas.get(-1), "id"),
        (lambda a: a.chamadas.report_page(date(2024, 2, 1), date(2024, 1, 1)), "data_inicio"),
        (
            lambda a: a.chamadas.report_page(date(2024, 1, 1), date(2024, 1, 2), limite=201),
            "limite",
        ),
        (
            lambda a: a.chamadas.report_page(date(2024, 1, 1), date(2024, 1, 2), posicao=-1),
            "posicao",
        ),
        (lambda a: a.chamadas.report_page("2024-01-01", date(2024, 1, 2)), "data_inicio"),
    ],
)
async def test_validation_happens_before_sending(
    api: TotalVoiceClient, router: respx.MockRouter, call: object, field: str
) -> None:
    catch_all = router.route().respond(500)
    with pytest.raises(ValidationError) as info:
        await call(api)  # type: ignore[operator]
    assert info.value.field == field
    assert info.value.user_message() and info.value.user_message("en")
    assert not catch_all.called


async def test_download_recording_path(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.get(f"{V1}/chamada/123/gravacao").respond(
        200, content=b"ID3audio", headers={"Content-Type": "audio/mpeg"}
    )
    target = await api.chamadas.download_recording(123, tmp_path / "123.mp3")
    assert target.read_bytes() == b"ID3audio"
    assert route.calls.last.request.headers["Access-Token"] == TOKEN


# --- ramais --------------------------------------------------------------------------------


async def test_ramal_crud(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    create = router.post(f"{RAMAL}/ramal").respond(
        200, json=envelope(RAMAL_CRIADO, mensagem="ramal criado com sucesso")
    )
    get = router.get(f"{RAMAL}/ramal/1234").respond(200, json=envelope(RAMAL_BUSCADO))
    edit = router.put(f"{RAMAL}/ramal/1234").respond(
        200, json=envelope(None, mensagem="dados atualizados com sucesso")
    )
    delete = router.delete(f"{RAMAL}/ramal/1234").respond(
        200, json=envelope(None, mensagem="Ramal Removido")
    )
    created = await api.ramais.create(
        RamalInput(ramal="4000", login="123teste231@totalvoice.com.br", webphone=True)
    )
    assert created.id == 1234 and created.ramal == "4000"
    assert body_of(create) == {
        "ramal": "4000",
        "login": "123teste231@totalvoice.com.br",
        "webphone": True,
    }
    assert (await api.ramais.get(1234)).bina == "48999999999"
    await api.ramais.edit(1234, RamalInput(senha="4321789"))
    assert body_of(edit) == {"senha": "4321789"}
    await api.ramais.delete(1234)
    assert get.called and delete.called


async def test_ramal_reports(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    listing = router.get(f"{RAMAL}/ramal/relatorio").respond(
        200, json=envelope({"relatorio": [RAMAL_BUSCADO]})
    )
    pauses = router.get(f"{RAMAL}/ramal/1234/pausas").respond(200, json=envelope(PAUSAS_DADOS))
    received = router.get(f"{RAMAL}/ramal/1234/relatorio").respond(
        200, json=envelope(RAMAL_LIGACOES_DADOS)
    )
    day = date(2019, 6, 15)
    ramais = await api.ramais.report_page(day, day)
    assert ramais.items[0].id == 1234
    report = await api.ramais.pausas_page(1234, day, day, limite=10)
    assert report.duracao_total_segundos == 7 and report.page.total == 1
    calls = await api.ramais.received_calls_page(1234, day, day, posicao=0, limite=100)
    assert calls.total == 2
    assert query_of(pauses) == {
        "data_inicio": "2019-06-15",
        "data_fim": "2019-06-15",
        "posicao": "0",
        "limite": "10",
    }
    assert listing.called and received.called
    assert [p.tempo_segundos async for p in api.ramais.iter_pausas(1234, day, day)] == [7]
    assert len([c async for c in api.ramais.iter_received_calls(1234, day, day)]) == 2
    assert len([r async for r in api.ramais.iter_report(day, day)]) == 1


# --- conferências ---------------------------------------------------------------------------


async def test_conferences(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    create = router.post(f"{V1}/conferencia").respond(
        200, json=envelope({"id": 4921}, mensagem="conferencia criado com sucesso")
    )
    add = router.post(f"{V1}/conferencia/4921").respond(
        200, json=envelope({"id": "46132", "conferencia_id": 4921})
    )
    nested = router.get(f"{V1}/conferencia/433").respond(200, json=envelope(CONFERENCIA_OBJETO))
    flat = router.get(f"{V1}/conferencia/432").respond(
        200, json=envelope(CONFERENCIA_RELATORIO_DADOS["relatorio"][0])
    )
    end = router.delete(f"{V1}/conferencia/432").respond(200, json=envelope(None))
    report = router.get(f"{V1}/conferencia/relatorio").respond(
        200, json=envelope(CONFERENCIA_RELATORIO_DADOS)
    )

    assert await api.conferencias.create() == 4921
    assert create.calls.last.request.content == b""  # an empty room: no body at all
    assert await api.conferencias.add("4921", "48 3283-0151", bina="4833330000") == 46132
    assert body_of(add) == {"numero": "4832830151", "bina": "4833330000"}
    await api.conferencias.add(4921, "4001", gravar_audio=True)
    assert body_of(add) == {"numero": "4001", "gravar_audio": True}

    room = await api.conferencias.get(433)
    assert isinstance(room, Conference) and len(room.chamadas) == 1
    older = await api.conferencias.get(432)  # the seed's flat shape: a room without calls
    assert older.chamadas == () and older.numero_destino == "4832830151"
    await api.conferencias.end(432)
    page = await api.conferencias.report_page(date(2018, 3, 14), date(2018, 3, 15))
    assert len(page) == 2
    assert nested.called and flat.called and end.called and report.called


async def test_conference_seed_form(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    create = router.post(f"{V1}/conferencia").respond(200, json=envelope({"id": "4921"}))
    conference_id = await api.conferencias.create(
        "48 1111-1111",
        "http://foo.bar/conferencia.mp3",
        resposta_usuario=True,
        gravar_conferencia=False,
        bina="4832830151",
    )
    assert conference_id == 4921
    assert body_of(create) == {
        "numero_destino": "4811111111",
        "url_conferencia": "http://foo.bar/conferencia.mp3",
        "resposta_usuario": True,
        "gravar_conferencia": False,
        "bina": "4832830151",
    }
    for bad in (("4811111111", "file:///etc/passwd"), ("4811111111", None), (None, "http://x/")):
        with pytest.raises(ValidationError):
            await api.conferencias.create(*bad)
    with pytest.raises(ValidationError):
        await api.conferencias.add(4921, "abc")
    with pytest.raises(ValidationError):
        await api.conferencias.add("../ramal", "4811111111")
    assert create.call_count == 1


# --- webphone -------------------------------------------------------------------------------


async def test_webphone_url_query(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    expires = int((datetime.now(UTC) + timedelta(minutes=5)).timestamp())
    route = router.get(f"{VOICE}/webphone").respond(
        200,
        json=envelope(
            {"url": f"{VOICE}/w3/?key=abc&expires={expires}&signature=ff"},
            mensagem="url webphone",
        ),
    )
    url = await api.webphone.get_url(ramal="4000")
    assert query_of(route) == {"ramal": "4000", "tipo": "embedded"}
    assert url.expires is not None and not url.is_expired()
    await api.webphone.get_url(
        id_ramal=76498, ligar_para="(48) 99999-9999", fechar_fim=True, tipo=WebphoneType.HIDDEN
    )
    assert query_of(route) == {
        "id_ramal": "76498",
        "ligar_para": "+5548999999999",
        "fechar_fim": "true",
        "tipo": "hidden",
    }
    await api.webphone.get_url(ramal="4000", tipo="Floating")
    assert query_of(route)["tipo"] == "floating"


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"ramal": "4000", "id_ramal": 1},
        {"ramal": "4000", "tipo": "popup"},
        {"ramal": "4000", "ligar_para": "x"},
        {"ramal": "40 00&x=1"},
    ],
)
async def test_webphone_validation(
    api: TotalVoiceClient, router: respx.MockRouter, kwargs: dict[str, object]
) -> None:
    catch_all = router.route().respond(500)
    with pytest.raises(ValidationError):
        await api.webphone.get_url(**kwargs)  # type: ignore[arg-type]
    assert not catch_all.called


# --- client ---------------------------------------------------------------------------------


async def test_validate_token(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    route = router.get(f"{RAMAL}/ramal/relatorio").mock(
        side_effect=[
            httpx.Response(200, json=envelope({"relatorio": []})),
            httpx.Response(
                403, json=envelope(None, status=403, sucesso=False, motivo=40, mensagem="token")
            ),
        ]
    )
    before = date.today().isoformat()
    await api.validate_token()
    after = date.today().isoformat()
    query = query_of(route)
    # The client reads the clock itself: at midnight the day may turn during the call.
    assert query["data_inicio"] in {before, after}
    assert query == {
        "data_inicio": query["data_inicio"],
        "data_fim": query["data_inicio"],
        "posicao": "0",
        "limite": "1",
    }
    with pytest.raises(ApiError) as info:
        await api.validate_token()
    assert info.value.is_auth_error
    assert route.call_count == 2  # a 403 is not retried


async def test_injected_client_stays_open_and_loses_the_hook(router: respx.MockRouter) -> None:
    route = router.get("https://v1.example.test/x").respond(200)
    async with httpx.AsyncClient() as http:
        from desktop.api import ApiConfig, ApiHosts

        config = ApiConfig(hosts=ApiHosts.single("https://v1.example.test"))
        async with TotalVoiceClient(TOKEN, config, http) as api:
            assert api.config is config
            await http.get("https://v1.example.test/x")
            assert route.calls.last.request.headers["Access-Token"] == TOKEN
        assert not http.is_closed
        await http.get("https://v1.example.test/x")
        assert "Access-Token" not in route.calls.last.request.headers


async def test_owned_client_is_closed() -> None:
    api = TotalVoiceClient(TOKEN)
    await api.aclose()
    from desktop.api import NetworkError

    with pytest.raises((RuntimeError, NetworkError)):
        await api.chamadas.get(1)
