"""GET /webphone and the signed, expiring page URLs (/w3/ and /w3/hidden.js)."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest


def webphone_url(api: httpx.Client, **params: str) -> str:
    response = api.get("/webphone", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["mensagem"] == "url webphone"
    url: str = body["dados"]["url"]
    return url


def test_missing_ramal_is_motivo_10(api: httpx.Client) -> None:
    response = api.get("/webphone")
    assert response.status_code == 400
    assert response.json()["motivo"] == 10


@pytest.mark.parametrize("params", [{"ramal": "9999"}, {"id_ramal": "1"}])
def test_unknown_ramal_is_404_motivo_60(api: httpx.Client, params: dict[str, str]) -> None:
    response = api.get("/webphone", params=params)
    assert response.status_code == 404
    assert response.json()["motivo"] == 60


def test_bad_tipo_is_motivo_11(api: httpx.Client) -> None:
    assert api.get("/webphone", params={"ramal": "4000", "tipo": "x"}).json()["motivo"] == 11


def test_floating_is_the_default_and_has_pop(api: httpx.Client) -> None:
    url = webphone_url(api, ramal="4000")
    parts = urlsplit(url)
    assert parts.path == "/w3/"
    query = parse_qs(parts.query)
    assert query["pop"] == ["1"]
    assert set(query) >= {"key", "expires", "signature"}
    assert re.fullmatch(r"[0-9a-f]{64}", query["signature"][0])


def test_embedded_page_loads_by_id_ramal(api: httpx.Client) -> None:
    url = webphone_url(api, id_ramal="76498", tipo="embedded", ligar_para="4832830151")
    assert "pop=" not in url
    page = httpx.get(url)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "/w3/webphone.js" in page.text
    assert '"ramal": "4000"' in page.text
    assert '"ligar_para": "4832830151"' in page.text
    script = httpx.get(str(page.url.join("/w3/webphone.js")))
    assert "postMessage" in script.text


def test_tampered_url_is_refused(api: httpx.Client) -> None:
    url = webphone_url(api, ramal="4000", tipo="embedded")
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    for field, value in [
        ("expires", str(int(query["expires"]) + 3600)),
        ("key", "0" * 32),
        ("signature", "0" * 64),
    ]:
        forged = {**query, field: value}
        refused = httpx.get(f"{parts.scheme}://{parts.netloc}/w3/?{urlencode(forged)}")
        assert refused.status_code == 403
        assert "Webphone indisponível" in refused.text
    extra = httpx.get(url + "&ligar_para=4899999999")
    assert extra.status_code == 403
    unsigned = httpx.get(f"{parts.scheme}://{parts.netloc}/w3/?key={query['key']}")
    assert unsigned.status_code == 403


def test_expired_url_is_refused(api: httpx.Client, control: httpx.Client) -> None:
    control.post("/settings", json={"webphone_ttl_s": -5})
    for tipo in ("embedded", "hidden"):
        refused = httpx.get(webphone_url(api, ramal="4000", tipo=tipo))
        assert refused.status_code == 403
        assert "expirado" in refused.text


def test_url_expires_after_the_default_ttl(api: httpx.Client) -> None:
    url = webphone_url(api, ramal="4000", tipo="embedded")
    expires = int(parse_qs(urlsplit(url).query)["expires"][0])
    assert 290 <= expires - int(time.time()) <= 300


def test_hidden_script_injects_the_iframe(api: httpx.Client) -> None:
    url = webphone_url(api, ramal="4001", tipo="hidden")
    assert urlsplit(url).path == "/w3/hidden.js"
    script = httpx.get(url)
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "widget-evoline-api-container" in script.text
    assert "window.webphone" in script.text
    assert 'allow", "microphone; autoplay"' in script.text
    inner = re.search(r'var src = "([^"]+)"', script.text)
    assert inner is not None
    page = httpx.get(inner.group(1))
    assert page.status_code == 200
    assert '"ramal": "4001"' in page.text


def test_deleted_ramal_page_is_refused(api: httpx.Client) -> None:
    url = webphone_url(api, ramal="4003", tipo="embedded")
    api.delete("/ramal/76501")
    assert httpx.get(url).status_code == 403
