"""The transport's own HTTP client: TLS is set up only for the first https:// request."""

from __future__ import annotations

import httpx
import pytest
import respx

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api.http_client import LazyTlsTransport, new_http_client

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


async def test_plain_http_never_loads_the_certificate_authorities(no_proxy: None) -> None:
    client = new_http_client(httpx.Timeout(5))
    transport = client._transport
    assert isinstance(transport, LazyTlsTransport)
    with respx.mock(assert_all_mocked=True) as router:
        router.get("http://sandbox.test/a").respond(200, text="plain")
        router.get("https://api.test/b").respond(200, text="secure")
        assert (await client.get("http://sandbox.test/a")).text == "plain"
        assert not transport.tls_ready
        assert (await client.get("https://api.test/b")).text == "secure"
        assert transport.tls_ready
    await client.aclose()


async def test_https_requests_are_verified(no_proxy: None) -> None:
    transport = LazyTlsTransport()
    tls = transport._for(httpx.Request("GET", "https://api.test/"))
    plain = transport._for(httpx.Request("GET", "http://api.test/"))
    assert tls is not plain
    assert tls._pool._ssl_context.verify_mode.name == "CERT_REQUIRED"
    await transport.aclose()


async def test_a_proxy_in_the_environment_keeps_httpx_routing(
    monkeypatch: pytest.MonkeyPatch, no_proxy: None
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:3128")
    client = new_http_client(httpx.Timeout(5))
    assert not isinstance(client._transport, LazyTlsTransport)
    assert any(t is not None for t in client._mounts.values())  # the proxy's own transport
    await client.aclose()


async def test_api_client_uses_it(no_proxy: None) -> None:
    async with TotalVoiceClient(
        "token", ApiConfig(hosts=ApiHosts.single("http://sandbox.test"))
    ) as api:
        assert isinstance(api.transport._client._transport, LazyTlsTransport)
