"""Envelope, token, unknown paths, wrong methods and malformed bodies on every endpoint."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from desktop.sandbox import SandboxThread


@pytest.fixture(scope="module")
def api() -> Iterator[httpx.Client]:
    """One server for the whole module: these tests read, or get refused before any change."""
    with (
        SandboxThread(token="test-token") as running,
        httpx.Client(base_url=running.base_url, headers={"Access-Token": running.token}) as client,
    ):
        yield client


WINDOW = "data_inicio=2024-01-01&data_fim=2024-01-31"

# (method, path, json body) for every documented endpoint, with ids of seeded records
ENDPOINTS = [
    ("POST", "/chamada", {"numero_origem": "4811111111", "numero_destino": "4811111112"}),
    ("GET", "/chamada/3180001", None),
    ("DELETE", "/chamada/3180001", None),
    ("GET", "/chamada/3180001/gravacao", None),
    ("GET", f"/chamada/relatorio?{WINDOW}", None),
    ("POST", "/chamada/3180001/escuta", {"numero": "4811111111", "modo": 1}),
    ("POST", "/chamada/3180001/transfer", {"numero": "4811111111", "perna": "destino"}),
    ("POST", "/chamada/3180001/avaliar", {"nota": 5, "comentario": "boa"}),
    ("POST", "/conferencia", {"numero_destino": "4811111111", "url_conferencia": "http://x/a.mp3"}),
    ("GET", "/conferencia/4921", None),
    ("DELETE", "/conferencia/4921", None),
    ("GET", f"/conferencia/relatorio?{WINDOW}", None),
    ("GET", "/webphone?ramal=4000", None),
    ("POST", "/ramal", {}),
    ("GET", "/ramal/76498", None),
    ("PUT", "/ramal/76498", {"senha": "nova"}),
    ("DELETE", "/ramal/76499", None),
    ("GET", f"/ramal/relatorio?{WINDOW}", None),
    ("GET", f"/ramal/76498/pausas?{WINDOW}", None),
    ("GET", f"/ramal/76498/relatorio?{WINDOW}", None),
]


def assert_envelope(response: httpx.Response) -> dict[str, object]:
    body = response.json()
    assert set(body) == {"status", "sucesso", "motivo", "mensagem", "dados"}
    assert body["status"] == response.status_code
    assert isinstance(body["mensagem"], str)
    assert isinstance(body["motivo"], int)
    assert body["sucesso"] is (response.status_code == 200 and body["motivo"] == 0)
    return body


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_every_endpoint_answers_with_the_envelope(
    api: httpx.Client, method: str, path: str, body: dict[str, object] | None
) -> None:
    response = api.request(method, path, json=body)
    if response.headers["content-type"].startswith("audio/"):
        return  # a recording, not JSON
    assert_envelope(response)


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_missing_or_invalid_token_is_403_motivo_40(
    api: httpx.Client, method: str, path: str, body: object, token: str | None
) -> None:
    headers = {} if token is None else {"Access-Token": token}
    with httpx.Client(base_url=str(api.base_url), headers=headers) as anonymous:
        response = anonymous.request(method, path, json=body)
    assert response.status_code == 403
    envelope = assert_envelope(response)
    assert envelope["sucesso"] is False
    assert envelope["motivo"] == 40
    assert envelope["dados"] is None


@pytest.mark.parametrize("path", ["/nada", "/chamada/abc", "/ramal/1/outra", "/v2/chamada"])
def test_unknown_path_is_404_motivo_90(api: httpx.Client, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 404
    assert assert_envelope(response)["motivo"] == 90


@pytest.mark.parametrize(
    ("method", "path"),
    [("PATCH", "/chamada"), ("PUT", "/chamada/relatorio"), ("POST", "/ramal/relatorio")],
)
def test_wrong_method_is_405(api: httpx.Client, method: str, path: str) -> None:
    response = api.request(method, path)
    assert response.status_code == 405
    assert assert_envelope(response)["sucesso"] is False


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/chamada"),
        ("POST", "/ramal"),
        ("PUT", "/ramal/76498"),
        ("POST", "/conferencia"),
        ("POST", "/chamada/3180001/avaliar"),
    ],
)
@pytest.mark.parametrize("raw", ['{"numero_origem": ', "[1, 2]", "not json at all"])
def test_malformed_json_is_400_motivo_100(
    api: httpx.Client, method: str, path: str, raw: str
) -> None:
    response = api.request(
        method, path, content=raw.encode(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert assert_envelope(response)["motivo"] == 100


def test_curl_style_form_labelled_json_is_read(api: httpx.Client) -> None:
    # curl -d sends JSON with a form content type, as in the docs' examples
    response = api.post(
        "/chamada",
        content=b'{"numero_origem":"4811111111","numero_destino":"4811111112"}',
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.json()["sucesso"] is True


ODD_VALUES: list[object] = [
    None,
    "",
    " ",
    -1,
    0,
    10**20,
    1.5,
    True,
    [],
    {},
    "😀",
    "9" * 5000,
    "<b>",
]
ODD_BODIES = [{"numero_origem": v, "numero_destino": v} for v in ODD_VALUES] + [
    {"ramal": v, "login": v, "nota": v, "modo": v, "numero": v, "perna": v, "comentario": v}
    for v in ODD_VALUES
]


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_odd_input_never_breaks_the_server(api: httpx.Client, method: str) -> None:
    paths = [path.split("?")[0] for _, path, _ in ENDPOINTS]
    for path in paths:
        for body in ODD_BODIES:
            response = api.request(method, path, json=body, params={"data_inicio": "x"})
            assert response.status_code != 500, (method, path, body)
            if not response.headers["content-type"].startswith("audio/"):
                assert_envelope(response)
    for junk in [
        "/chamada/" + "9" * 40,
        "/ramal/%00",
        "/conferencia/-1",
        "/webphone?ramal=" + "9" * 50,
    ]:
        assert api.get(junk).status_code in (400, 404)
