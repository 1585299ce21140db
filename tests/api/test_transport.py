from __future__ import annotations

import asyncio
import logging
import socket
from datetime import UTC, datetime

import httpx
import pytest
import respx
from api_samples import CHAMADA_OBJETO, RAMAL, TOKEN, V1, VOICE, envelope

from desktop.api import (
    ApiConfig,
    ApiError,
    ApiHosts,
    FormatErrorKind,
    Host,
    NetworkError,
    NetworkErrorKind,
    ResponseFormatError,
    RetryNotice,
    TotalVoiceClient,
    ValidationError,
)
from desktop.api.redaction import redact_text, redact_url
from desktop.api.transport import encode_params, parse_retry_after

CALL_URL = f"{V1}/chamada/123"


# --- envelope ---------------------------------------------------------------------------


async def test_success_returns_dados(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    router.get(CALL_URL).respond(200, json=envelope(CHAMADA_OBJETO))
    call = await api.chamadas.get(123)
    assert call.id == 123


async def test_sucesso_false_with_http_200_is_an_api_error(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    body = envelope(None, status=403, sucesso=False, motivo=40, mensagem="token invalido")
    router.get(CALL_URL).respond(200, json=body)
    with pytest.raises(ApiError) as info:
        await api.chamadas.get(123)
    assert (info.value.status, info.value.motivo) == (403, 40)
    assert info.value.is_auth_error
    assert "token invalido" in info.value.user_message()


@pytest.mark.parametrize(
    ("status", "motivo"),
    [(400, 100), (402, 9), (403, 40), (404, 60), (405, 90), (429, 0), (500, 50), (501, 30)],
)
async def test_documented_error_statuses(
    api: TotalVoiceClient, router: respx.MockRouter, status: int, motivo: int
) -> None:
    body = envelope(None, status=status, sucesso=False, motivo=motivo, mensagem="falhou")
    router.post(f"{V1}/chamada").respond(status, json=body)
    with pytest.raises(ApiError) as info:
        await api.chamadas.create("4000", "48999999999")
    assert info.value.status == status
    assert info.value.motivo == motivo
    assert info.value.user_message()


async def test_html_error_page(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    router.post(f"{V1}/chamada").respond(
        502, text="<html><body>Bad Gateway</body></html>", headers={"Content-Type": "text/html"}
    )
    with pytest.raises(ResponseFormatError) as info:
        await api.chamadas.create("4000", "4001")
    assert info.value.kind is FormatErrorKind.HTML
    assert info.value.status == 502
    assert "Bad Gateway" in info.value.excerpt


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b'{"sucesso": tru', FormatErrorKind.INVALID_JSON),
        (b"", FormatErrorKind.EMPTY),
        (b"   \n", FormatErrorKind.EMPTY),
        (b"<!doctype html><p>erro</p>", FormatErrorKind.HTML),
        (b"[1, 2]", FormatErrorKind.ENVELOPE),
        (b'{"status": 200, "dados": {}}', FormatErrorKind.ENVELOPE),
        (b'{"sucesso": "talvez"}', FormatErrorKind.ENVELOPE),
        (b"\xff\xfe\x00garbage", FormatErrorKind.INVALID_JSON),
    ],
)
async def test_malformed_bodies(
    api: TotalVoiceClient, router: respx.MockRouter, content: bytes, kind: FormatErrorKind
) -> None:
    router.get(CALL_URL).respond(200, content=content)
    with pytest.raises(ResponseFormatError) as info:
        await api.chamadas.get(123)
    assert info.value.kind is kind
    assert info.value.status == 200


async def test_answers_without_dados_are_fine(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    router.post(f"{V1}/chamada/123/escuta").respond(
        200,
        json={"status": 200, "sucesso": True, "motivo": 0, "mensagem": "escuta criada com sucesso"},
    )
    await api.chamadas.escuta(123, "4811111111", 1)


async def test_string_sucesso_false_and_string_motivo(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    router.get(CALL_URL).respond(
        404, json={"status": "404", "sucesso": "false", "motivo": "60", "mensagem": "nao existe"}
    )
    with pytest.raises(ApiError) as info:
        await api.chamadas.get(123)
    assert info.value.motivo == 60 and info.value.is_not_found


# --- network failures --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), NetworkErrorKind.REFUSED),
        (httpx.ConnectError("[Errno -2] Name or service not known"), NetworkErrorKind.DNS),
        (httpx.ConnectError("[Errno 11001] getaddrinfo failed"), NetworkErrorKind.DNS),
        (httpx.ConnectError("boom"), NetworkErrorKind.CONNECTION),
        (httpx.ConnectTimeout("timed out"), NetworkErrorKind.CONNECT_TIMEOUT),
        (httpx.ReadTimeout("timed out"), NetworkErrorKind.TIMEOUT),
        (httpx.RemoteProtocolError("peer closed"), NetworkErrorKind.CONNECTION),
        (httpx.ReadError("reset"), NetworkErrorKind.CONNECTION),
    ],
)
async def test_network_errors_are_classified(
    api: TotalVoiceClient, router: respx.MockRouter, exc: Exception, kind: NetworkErrorKind
) -> None:
    route = router.get(CALL_URL).mock(side_effect=exc)
    with pytest.raises(NetworkError) as info:
        await api.chamadas.get(123)
    assert info.value.kind is kind
    assert info.value.host == "v1.example.test"
    assert info.value.user_message() and info.value.user_message("en")
    assert route.call_count == 4  # a GET: first try plus max_retries


def test_dns_and_refused_are_read_from_the_exception_chain() -> None:
    from desktop.api.transport import network_error

    def chained(cause: BaseException) -> httpx.ConnectError:
        try:
            raise cause
        except BaseException as inner:
            error = httpx.ConnectError("connect failed")
            error.__cause__ = inner
            return error

    assert network_error(chained(socket.gaierror(-2, "x")), "h").kind is NetworkErrorKind.DNS
    refused = network_error(chained(ConnectionRefusedError(111, "x")), "h")
    assert refused.kind is NetworkErrorKind.REFUSED


async def test_connection_refused_on_a_real_closed_port() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = ApiConfig(hosts=ApiHosts.single(f"http://127.0.0.1:{port}"), max_retries=0)
    async with TotalVoiceClient(TOKEN, config) as api:
        with pytest.raises(NetworkError) as info:
            await api.chamadas.get(1)
    assert info.value.kind is NetworkErrorKind.REFUSED


# --- retry policy ------------------------------------------------------------------------


async def test_get_is_retried_on_5xx_and_network_errors(
    api: TotalVoiceClient, router: respx.MockRouter, sleeps: list[float]
) -> None:
    route = router.get(CALL_URL).mock(
        side_effect=[
            httpx.Response(500, json=envelope(None, status=500, sucesso=False, motivo=50)),
            httpx.ConnectTimeout("slow"),
            httpx.Response(503, text="Service Unavailable"),
            httpx.Response(200, json=envelope(CHAMADA_OBJETO)),
        ]
    )
    call = await api.chamadas.get(123)
    assert call.id == 123
    assert route.call_count == 4
    assert len(sleeps) == 3
    assert all(0 < delay <= 0.004 for delay in sleeps)


async def test_get_attempts_are_bounded(
    api: TotalVoiceClient, router: respx.MockRouter, sleeps: list[float]
) -> None:
    route = router.get(CALL_URL).respond(500, json=envelope(None, status=500, sucesso=False))
    with pytest.raises(ApiError) as info:
        await api.chamadas.get(123)
    assert info.value.status == 500
    assert route.call_count == 4 and len(sleeps) == 3


async def test_501_and_4xx_are_not_retried(api: TotalVoiceClient, router: respx.MockRouter) -> None:
    route = router.get(CALL_URL).respond(501, json=envelope(None, status=501, sucesso=False))
    with pytest.raises(ApiError):
        await api.chamadas.get(123)
    assert route.call_count == 1


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(500, json=envelope(None, status=500, sucesso=False)),
        httpx.Response(503, text="down"),
        httpx.ReadTimeout("slow"),
        httpx.ConnectError("[Errno 111] Connection refused"),
    ],
)
async def test_post_put_delete_are_never_retried(
    api: TotalVoiceClient,
    router: respx.MockRouter,
    sleeps: list[float],
    failure: httpx.Response | Exception,
) -> None:
    post = router.post(f"{V1}/chamada").mock(side_effect=[failure])
    put = router.put(f"{RAMAL}/ramal/7").mock(side_effect=[failure])
    delete = router.delete(f"{V1}/chamada/7").mock(side_effect=[failure])
    from desktop.api import RamalInput

    with pytest.raises((ApiError, NetworkError, ResponseFormatError)):
        await api.chamadas.create("4000", "4001")
    with pytest.raises((ApiError, NetworkError, ResponseFormatError)):
        await api.ramais.edit(7, RamalInput(senha="x1"))
    with pytest.raises((ApiError, NetworkError, ResponseFormatError)):
        await api.chamadas.hangup(7)
    assert (post.call_count, put.call_count, delete.call_count) == (1, 1, 1)
    assert sleeps == []


async def test_429_is_retried_for_post_honouring_retry_after(
    api: TotalVoiceClient, router: respx.MockRouter, sleeps: list[float]
) -> None:
    limited = envelope(None, status=429, sucesso=False, motivo=0, mensagem="limite")
    route = router.post(f"{V1}/chamada").mock(
        side_effect=[
            httpx.Response(429, json=limited, headers={"Retry-After": "2"}),
            httpx.Response(200, json=envelope({"id": 55}, mensagem="chamada criada com sucesso")),
        ]
    )
    assert await api.chamadas.create("4000", "4001") == 55
    assert route.call_count == 2
    assert sleeps == [2.0]


async def test_429_without_retry_after_backs_off_and_is_bounded(
    api: TotalVoiceClient, router: respx.MockRouter, sleeps: list[float]
) -> None:
    route = router.delete(f"{V1}/chamada/9").respond(
        429, json=envelope(None, status=429, sucesso=False), headers={"Retry-After": "9999"}
    )
    with pytest.raises(ApiError) as info:
        await api.chamadas.hangup(9)
    assert info.value.is_rate_limited and info.value.retry_after == 9999
    assert route.call_count == 4
    assert sleeps == [30.0, 30.0, 30.0]  # capped at retry_after_max

    sleeps.clear()
    router.get(CALL_URL).respond(429, text="slow down")
    with pytest.raises(ResponseFormatError):
        await api.chamadas.get(123)
    assert len(sleeps) == 3 and all(delay <= 0.004 for delay in sleeps)


async def test_no_retries_when_max_retries_is_zero(
    config: ApiConfig, router: respx.MockRouter
) -> None:

    async with TotalVoiceClient(TOKEN, config.replace(max_retries=0)) as api:
        route = router.get(CALL_URL).respond(503, text="down")
        with pytest.raises(ResponseFormatError):
            await api.chamadas.get(123)
    assert route.call_count == 1


def test_parse_retry_after() -> None:
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("0.5") == 0.5
    assert parse_retry_after("-4") == 0.0
    assert parse_retry_after("Mon, 01 Jan 2024 12:00:10 GMT", now) == 10.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("nan") is None


async def test_cancellation_during_request_and_backoff(
    config: ApiConfig, router: respx.MockRouter
) -> None:
    started = asyncio.Event()
    waiting = asyncio.Event()
    hits: list[str] = []

    async def hang(request: httpx.Request) -> httpx.Response:
        hits.append("hang")
        started.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    router.get(CALL_URL).mock(side_effect=hang)
    async with TotalVoiceClient(TOKEN, config) as api:
        task = asyncio.create_task(api.chamadas.get(123))
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert hits == ["hang"]  # cancelled, not retried

    async def blocking_sleep(delay: float) -> None:
        waiting.set()
        await asyncio.Event().wait()

    route = router.get(f"{V1}/chamada/124").respond(503, text="down")
    async with TotalVoiceClient(TOKEN, config, sleep=blocking_sleep) as api:
        task = asyncio.create_task(api.chamadas.get(124))
        await waiting.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert route.call_count == 1


# --- token scope, headers, logging --------------------------------------------------------


async def test_token_and_headers_on_every_configured_host(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    calls = router.get(CALL_URL).respond(200, json=envelope(CHAMADA_OBJETO))
    ramal = router.get(f"{RAMAL}/ramal/1").respond(200, json=envelope({"id": 1}))
    webphone = router.get(f"{VOICE}/webphone").respond(
        200, json=envelope({"url": "https://voice.example.test/w3/?key=k"})
    )
    created = router.post(f"{V1}/chamada").respond(200, json=envelope({"id": 5}))
    await api.chamadas.get(123)
    await api.ramais.get(1)
    await api.webphone.get_url(ramal="4000")
    await api.chamadas.create("4000", "4001")
    for route in (calls, ramal, webphone, created):
        request = route.calls.last.request
        assert request.headers["Access-Token"] == TOKEN
        assert request.headers["Accept"] == "application/json"
        assert request.headers["User-Agent"].startswith("RamalDesktop/")
    assert created.calls.last.request.headers["Content-Type"] == "application/json"


async def test_redirect_to_another_origin_drops_the_token(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    router.get(CALL_URL).respond(302, headers={"Location": "https://evil.example.net/steal"})
    foreign = router.get("https://evil.example.net/steal").respond(
        200, json=envelope(CHAMADA_OBJETO)
    )
    await api.chamadas.get(123)
    assert "Access-Token" not in foreign.calls.last.request.headers
    assert foreign.calls.last.request.headers["User-Agent"].startswith("RamalDesktop/")


async def test_redirect_between_configured_hosts_keeps_the_token(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    router.get(CALL_URL).respond(307, headers={"Location": f"{VOICE}/chamada/123"})
    moved = router.get(f"{VOICE}/chamada/123").respond(200, json=envelope(CHAMADA_OBJETO))
    await api.chamadas.get(123)
    assert moved.calls.last.request.headers["Access-Token"] == TOKEN


async def test_scheme_or_port_change_is_another_origin(
    api: TotalVoiceClient, router: respx.MockRouter
) -> None:
    router.get(CALL_URL).respond(301, headers={"Location": "http://v1.example.test/chamada/123"})
    downgraded = router.get("http://v1.example.test/chamada/123").respond(
        200, json=envelope(CHAMADA_OBJETO)
    )
    await api.chamadas.get(123)
    assert "Access-Token" not in downgraded.calls.last.request.headers
    transport = api.transport
    assert transport.carries_token(f"{V1}/x")
    assert transport.carries_token("https://V1.EXAMPLE.TEST:443/x")
    assert not transport.carries_token("https://v1.example.test:8443/x")
    assert not transport.carries_token("https://urlgravacao.com.br/rec/audio.mp3")


async def test_token_is_never_logged(
    api: TotalVoiceClient, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="desktop.api")
    router.get(f"{VOICE}/webphone").respond(
        200,
        json=envelope({"url": "https://voice.example.test/w3/?key=KEY123&signature=SIG456"}),
    )
    router.get(CALL_URL).mock(
        side_effect=[
            httpx.Response(500, text="x"),
            httpx.Response(200, json=envelope(CHAMADA_OBJETO)),
        ]
    )
    await api.webphone.get_url(ramal="4000")
    await api.chamadas.get(123)
    stream_url = f"{VOICE}/w3/?key=KEY123&expires=1&signature=SIG456"
    router.get(stream_url).respond(200, content=b"ok")
    async with api.transport.stream(stream_url) as response:
        await response.aread()
    text = caplog.text
    assert "/webphone" in text and "/chamada/123" in text
    assert TOKEN not in text
    assert "KEY123" not in text and "SIG456" not in text
    assert "TotalVoiceClient" in repr(api) and TOKEN not in repr(api)
    assert TOKEN not in repr(api.transport)


def test_redaction_helpers() -> None:
    url = "https://x.test/w3/?key=abc&expires=17&signature=ff&pop=1"
    redacted = redact_url(url)
    assert "abc" not in redacted and "ff" not in redacted.split("expires")[1]
    assert "expires=17" in redacted and "pop=1" in redacted
    assert redact_url("https://x.test/a") == "https://x.test/a"
    assert redact_text("url key=abc&signature=def x") == "url key=***&signature=*** x"


def test_encode_params() -> None:
    assert encode_params({"a": None, "b": True, "c": False, "d": 3, "e": "x"}) == {
        "b": "true",
        "c": "false",
        "d": "3",
        "e": "x",
    }


@pytest.mark.parametrize("token", ["", "   ", "abc\r\nX-Evil: 1"])
def test_token_is_required_and_single_line(token: str, config: ApiConfig) -> None:
    with pytest.raises(ValidationError):
        TotalVoiceClient(token, config)


async def test_resolve_and_url(api: TotalVoiceClient) -> None:
    transport = api.transport
    assert transport.url(Host.RAMAL, "ramal/1") == f"{RAMAL}/ramal/1"
    assert transport.resolve("/chamada/1/gravacao") == f"{V1}/chamada/1/gravacao"
    assert transport.resolve("https://cdn.test/a.mp3") == "https://cdn.test/a.mp3"


async def test_persistent_429_tells_when_it_retries_then_to_try_later(
    config: ApiConfig, router: respx.MockRouter, sleeps: list[float]
) -> None:
    notices: list[RetryNotice] = []

    async def record_sleep(delay: float) -> None:
        sleeps.append(delay)

    limited = envelope(None, status=429, sucesso=False, motivo=100, mensagem="")
    router.get(CALL_URL).respond(429, json=limited, headers={"Retry-After": "2"})
    async with TotalVoiceClient(TOKEN, config, sleep=record_sleep, on_retry=notices.append) as api:
        with pytest.raises(ApiError) as info:
            await api.chamadas.get(123)
    assert [n.retry for n in notices] == [1, 2, 3] and sleeps == [2.0, 2.0, 2.0]
    assert notices[0].user_message() == (
        "O provedor está limitando as requisições; nova tentativa em 2 s."
    )
    english = notices[0].user_message("en")
    assert english == "The provider is limiting requests; trying again in 2 s."
    final = info.value.user_message()
    assert "limitando as requisições" in final and "instantes" in final
    assert "Pedido inválido" not in final


async def test_retry_notices_for_server_and_network_errors(
    config: ApiConfig, router: respx.MockRouter
) -> None:
    notices: list[RetryNotice] = []
    router.get(CALL_URL).mock(
        side_effect=[
            httpx.Response(503, json=envelope(None, status=503, sucesso=False, motivo=50)),
            httpx.ConnectError("boom"),
            httpx.Response(200, json=envelope(CHAMADA_OBJETO)),
        ]
    )

    async def no_wait(delay: float) -> None:
        return None

    def broken_listener(notice: RetryNotice) -> None:
        notices.append(notice)
        raise RuntimeError("a listener's bug")

    async with TotalVoiceClient(TOKEN, config, sleep=no_wait, on_retry=broken_listener) as api:
        assert (await api.chamadas.get(123)).id == 123
    assert notices[0].user_message().startswith("Serviço temporariamente indisponível.")
    assert notices[0].user_message().endswith("Nova tentativa em 1 s.")
    assert isinstance(notices[1].error, NetworkError)
    assert "Trying again in 1 s." in notices[1].user_message("en")
