"""Reports: required dates, paging (posicao/limite), filters, stable order, ramal reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from instants import INSTANTS

from desktop.sandbox import SandboxThread
from desktop.sandbox.seed import CALLS
from desktop.sandbox.timeutil import clock_from

#: When the module's server starts, as far as it knows (the hour of the run never matters).
STARTED = INSTANTS["12:00"]


@pytest.fixture(scope="module")
def api() -> Iterator[httpx.Client]:
    """One server for the whole module: these tests read, or get refused before any change."""
    with (
        SandboxThread(token="test-token", clock=clock_from(STARTED)) as running,
        httpx.Client(base_url=running.base_url, headers={"Access-Token": running.token}) as client,
    ):
        yield client


REPORTS = [
    "/chamada/relatorio",
    "/conferencia/relatorio",
    "/ramal/relatorio",
    "/ramal/76498/pausas",
    "/ramal/76498/relatorio",
]


def report(api: httpx.Client, path: str, **params: str) -> dict[str, object]:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    dados: dict[str, object] = response.json()["dados"]
    assert isinstance(dados["relatorio"], list)
    return dados


@pytest.fixture
def seeded_calls(api: httpx.Client, whole_history: dict[str, str]) -> int:
    """The seed's calls and the calls of its conference rooms, which are chamadas too."""
    rooms = report(api, "/conferencia/relatorio", **whole_history, limite="200")["relatorio"]
    assert isinstance(rooms, list) and rooms
    return CALLS + sum(len(room["chamadas"]) for room in rooms)


@pytest.mark.parametrize("path", REPORTS)
@pytest.mark.parametrize(
    "params",
    [{}, {"data_inicio": "2024-01-01"}, {"data_fim": "2024-01-31"}, {"data_inicio": ""}],
)
def test_dates_are_required(api: httpx.Client, path: str, params: dict[str, str]) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 400
    assert response.json()["motivo"] == 10


@pytest.mark.parametrize("path", REPORTS)
@pytest.mark.parametrize(
    "params",
    [
        {"data_inicio": "ontem", "data_fim": "2024-01-31"},
        {"data_inicio": "2024-13-01", "data_fim": "2024-01-31"},
        {"data_inicio": "2024-01-01", "data_fim": "2024-01-31", "limite": "muitos"},
        {"data_inicio": "2024-01-01", "data_fim": "2024-01-31", "posicao": "-1"},
    ],
)
def test_invalid_params_are_motivo_11(api: httpx.Client, path: str, params: dict[str, str]) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 400
    assert response.json()["motivo"] == 11


@pytest.mark.parametrize("path", REPORTS)
def test_paging_fields_everywhere(
    api: httpx.Client, path: str, whole_history: dict[str, str]
) -> None:
    dados = report(api, path, **whole_history)
    assert dados["posicao"] == 0
    assert dados["limite"] == 100
    assert isinstance(dados["total"], int)


def test_empty_range(api: httpx.Client) -> None:
    dados = report(api, "/chamada/relatorio", data_inicio="2001-01-01", data_fim="2001-01-31")
    assert dados["relatorio"] == []
    assert dados["total"] == 0


def test_iso_datetimes_are_accepted(
    api: httpx.Client, whole_history: dict[str, str], seeded_calls: int
) -> None:
    start = whole_history["data_inicio"] + "T00:00:00-03:00"
    end = whole_history["data_fim"] + "T23:59:59Z"
    assert (
        report(api, "/chamada/relatorio", data_inicio=start, data_fim=end)["total"] == seeded_calls
    )


def test_pages_of_200_201_and_a_short_last_page(
    api: httpx.Client, whole_history: dict[str, str], seeded_calls: int
) -> None:
    everything: list[dict[str, object]] = []
    posicao = 0
    while True:
        dados = report(
            api, "/chamada/relatorio", **whole_history, posicao=str(posicao), limite="200"
        )
        rows = dados["relatorio"]
        assert isinstance(rows, list)
        everything.extend(rows)
        if len(rows) < 200:
            break
        posicao += 200
    assert len(everything) == seeded_calls
    assert [len(p) for p in (everything[:200], everything[200:])] == [200, seeded_calls - 200]
    ids = [row["id"] for row in everything]
    assert len(set(ids)) == len(ids)
    keys = [(row["data_criacao"], row["id"]) for row in everything]
    assert keys == sorted(keys)
    exactly = report(api, "/chamada/relatorio", **whole_history, limite="200")
    assert len(exactly["relatorio"]) == 200  # type: ignore[arg-type]
    clamped = report(api, "/chamada/relatorio", **whole_history, limite="201")
    assert len(clamped["relatorio"]) == 200  # type: ignore[arg-type]
    assert clamped["limite"] == 200
    assert report(api, "/chamada/relatorio", **whole_history, limite="5000")["limite"] == 200
    default = report(api, "/chamada/relatorio", **whole_history)
    assert len(default["relatorio"]) == 100  # type: ignore[arg-type]
    beyond = report(api, "/chamada/relatorio", **whole_history, posicao=str(seeded_calls))
    assert beyond["relatorio"] == []
    assert beyond["total"] == seeded_calls


def test_report_order_is_stable(api: httpx.Client, whole_history: dict[str, str]) -> None:
    one = report(api, "/chamada/relatorio", **whole_history, posicao="50", limite="30")
    two = report(api, "/chamada/relatorio", **whole_history, posicao="50", limite="30")
    assert one == two


def test_origem_and_destino_filters(api: httpx.Client, whole_history: dict[str, str]) -> None:
    all_rows = report(api, "/chamada/relatorio", **whole_history, limite="200")["relatorio"]
    assert isinstance(all_rows, list)
    sample = next(r for r in all_rows if r["origem"]["tipo"] != "ramal")
    numero = sample["origem"]["numero"]
    by_origem = report(api, "/chamada/relatorio", **whole_history, origem=numero)["relatorio"]
    assert by_origem and all(r["origem"]["numero"] == numero for r in by_origem)  # type: ignore[union-attr]
    e164 = report(api, "/chamada/relatorio", **whole_history, origem="+55" + numero)
    assert e164["total"] == len(by_origem)  # type: ignore[arg-type]
    by_destino = report(api, "/chamada/relatorio", **whole_history, destino="4000")["relatorio"]
    assert by_destino and all(r["destino"]["numero"] == "4000" for r in by_destino)  # type: ignore[union-attr]


def test_data_fim_date_covers_the_whole_day(api: httpx.Client) -> None:
    today = STARTED.date().isoformat()
    week_ago = (STARTED.date() - timedelta(days=7)).isoformat()
    assert report(api, "/chamada/relatorio", data_inicio=week_ago, data_fim=today)["total"]


def test_ramal_list(api: httpx.Client, whole_history: dict[str, str]) -> None:
    dados = report(api, "/ramal/relatorio", **whole_history)
    rows = dados["relatorio"]
    assert isinstance(rows, list)
    assert dados["total"] == 10
    assert [r["ramal"] for r in rows] == [str(4000 + i) for i in range(10)]
    assert rows[0]["id"] == 76498
    assert all(isinstance(r["ramal"], str) for r in rows)
    assert all(r["ura_id"] is None for r in rows)
    page = report(api, "/ramal/relatorio", **whole_history, posicao="8", limite="5")
    assert [r["ramal"] for r in page["relatorio"]] == ["4008", "4009"]  # type: ignore[union-attr]


def test_pauses_have_the_documented_shape(api: httpx.Client, whole_history: dict[str, str]) -> None:
    dados = report(api, "/ramal/76498/pausas", **whole_history)
    assert list(dados) == [
        "total",
        "duracao_total",
        "duracao_total_segundos",
        "ramal",
        "posicao",
        "limite",
        "relatorio",
    ]
    assert dados["ramal"] == "4000"
    rows = dados["relatorio"]
    assert isinstance(rows, list) and rows
    assert set(rows[0]) == {"pausa_inicio", "pausa_fim", "tempo_segundos", "tempo"}
    total = sum(r["tempo_segundos"] for r in rows) if dados["total"] == len(rows) else None
    if total is not None:
        assert dados["duracao_total_segundos"] == total
    assert api.get("/ramal/1/pausas", params=whole_history).json()["motivo"] == 60


def test_calls_received_by_a_ramal(api: httpx.Client, whole_history: dict[str, str]) -> None:
    dados = report(api, "/ramal/76500/relatorio", **whole_history)
    rows = dados["relatorio"]
    assert isinstance(rows, list) and rows
    for row in rows:
        assert set(row) == {
            "id",
            "data_inicio",
            "url_gravacao",
            "numero_origem",
            "status",
            "duracao_segundos",
            "duracao",
            "preco",
            "ramal",
        }
        assert row["preco"] == "0.00"
        assert row["ramal"] == {
            "id": 76500,
            "ramal": "4002",
            "login": "carla.mendes@empresa-exemplo.com.br",
        }
    assert api.get("/ramal/1/relatorio", params=whole_history).json()["motivo"] == 60
