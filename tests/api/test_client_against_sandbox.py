"""The API client against the real sandbox process on a loopback port."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from desktop.api import (
    ApiConfig,
    ApiError,
    ApiHosts,
    DownloadError,
    DownloadErrorKind,
    LegStatus,
    RamalInput,
    ResponseFormatError,
    TotalVoiceClient,
)
from desktop.api.downloads import part_path

SANDBOX_TOKEN = "sandbox-test-token"


@pytest.fixture(scope="module")
def sandbox_url() -> Iterator[str]:
    command = [sys.executable, "-m", "desktop.sandbox", "--port", "0", "--token", SANDBOX_TOKEN]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        first_line: list[str] = []
        reader = threading.Thread(
            target=lambda: first_line.append(process.stdout.readline() if process.stdout else ""),
            daemon=True,
        )
        reader.start()
        reader.join(timeout=30)
        url = first_line[0].strip() if first_line else ""
        try:
            if not url.startswith("http://127.0.0.1:"):
                pytest.skip("the sandbox did not start")
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
async def api(sandbox_url: str, sleeps: list[float]) -> AsyncIterator[TotalVoiceClient]:
    async def record(delay: float) -> None:
        sleeps.append(delay)

    config = ApiConfig(hosts=ApiHosts.single(sandbox_url), backoff_base=0.001, backoff_max=0.002)
    async with TotalVoiceClient(SANDBOX_TOKEN, config, sleep=record) as client:
        yield client


@pytest.fixture
async def control(sandbox_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"{sandbox_url}/_sandbox", timeout=10) as client:
        yield client
        await client.delete("/faults")


WINDOW = (date.today() - timedelta(days=60), date.today() + timedelta(days=2))


async def test_token_validation(api: TotalVoiceClient, sandbox_url: str) -> None:
    await api.validate_token()
    async with TotalVoiceClient("wrong", ApiConfig(hosts=ApiHosts.single(sandbox_url))) as bad:
        with pytest.raises(ApiError) as info:
            await bad.validate_token()
    assert info.value.is_auth_error
    assert info.value.user_message()


async def test_concurrent_report_matches_sequential(api: TotalVoiceClient) -> None:
    report = api.chamadas.report(*WINDOW)
    first = await report.page(0, 10)
    assert first.total is not None and first.total > 0
    progress: list[tuple[int, int | None]] = []
    concurrent = await report.fetch_all(
        page_size=50, concurrency=4, progress=lambda d, t: progress.append((d, t))
    )
    sequential = [call async for call in report.items(page_size=50)]
    assert [c.id for c in concurrent] == [c.id for c in sequential]
    assert len(concurrent) == first.total
    assert progress[-1] == (first.total, first.total)


async def test_call_lifecycle_and_supervisor_actions(
    api: TotalVoiceClient, control: httpx.AsyncClient
) -> None:
    await control.post("/settings", json={"auto_answer_ms": 20, "talk_ms": 60000})
    call_id = await api.chamadas.create("4000", "(48) 99999-0000", gravar_audio=True, tags="t1")
    for _ in range(200):
        call = await api.chamadas.get(call_id)
        if call.destino.status is LegStatus.ATENDIDA or call.ativa:
            break
        await asyncio.sleep(0.02)
    assert call.id == call_id and call.tags == "t1"
    await api.chamadas.escuta(call_id, "4001", 1)
    await api.chamadas.avaliar(call_id, 4, "bom atendimento")
    await api.chamadas.hangup(call_id)
    with pytest.raises(ApiError) as info:
        await api.chamadas.escuta(call_id, "4001", 3)
    assert info.value.motivo == 80


async def test_webphone_url(api: TotalVoiceClient, sandbox_url: str) -> None:
    url = await api.webphone.get_url(ramal="4000", tipo="embedded")
    assert url.origin == sandbox_url
    assert url.expires is not None and not url.is_expired()


async def test_ramal_crud(api: TotalVoiceClient) -> None:
    ramal = await api.ramais.create(
        RamalInput(ramal="7788", login="teste.api@empresa-exemplo.com.br", webphone=True)
    )
    assert ramal.ramal == "7788"
    await api.ramais.edit(ramal.id, RamalInput(tags="suporte"))
    assert (await api.ramais.get(ramal.id)).tags == "suporte"
    await api.ramais.delete(ramal.id)
    with pytest.raises(ApiError) as info:
        await api.ramais.get(ramal.id)
    assert info.value.is_not_found


async def test_faults_are_retried_or_reported(
    api: TotalVoiceClient, control: httpx.AsyncClient, sleeps: list[float]
) -> None:
    await control.post(
        "/faults", json={"method": "GET", "path": "/chamada/relatorio", "status": 500, "count": 2}
    )
    page = await api.chamadas.report_page(*WINDOW, limite=5)
    assert len(page) == 5 and len(sleeps) == 2

    sleeps.clear()
    await control.post(
        "/faults",
        json={"method": "POST", "path": "/chamada", "status": 429, "count": 1, "retry_after": 1},
    )
    assert await api.chamadas.create("4000", "4001")
    assert sleeps == [1.0]

    await control.post(
        "/faults",
        json={"method": "GET", "path": "/ramal/relatorio", "status": 200, "body": "{oops"},
    )
    with pytest.raises(ResponseFormatError):
        await api.validate_token()

    sleeps.clear()
    await control.post(
        "/faults", json={"method": "POST", "path": "/chamada", "status": 500, "count": 1}
    )
    with pytest.raises(ApiError):
        await api.chamadas.create("4000", "4001")
    assert sleeps == []


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (429, "O provedor está limitando as requisições por segundo. Tente de novo em instantes."),
        (402, "Saldo insuficiente."),
        (503, "Serviço temporariamente indisponível."),
    ],
)
async def test_error_statuses_are_named_for_what_they_mean(
    api: TotalVoiceClient,
    control: httpx.AsyncClient,
    sleeps: list[float],
    status: int,
    words: str,
) -> None:
    fault = {"method": "GET", "path": "/chamada/relatorio", "status": status, "count": 10}
    await control.post("/faults", json={**fault, "retry_after": 1})
    with pytest.raises(ApiError) as info:
        await api.chamadas.report_page(*WINDOW, limite=5)
    assert info.value.status == status
    assert info.value.user_message().startswith(words)
    assert "Pedido inválido" not in info.value.user_message()
    if status == 429:
        assert sleeps == [1.0, 1.0, 1.0]


async def recorded_calls(api: TotalVoiceClient) -> list[int]:
    ids = [c.id async for c in api.chamadas.iter_report(*WINDOW) if c.url_gravacao]
    if len(ids) < 3:
        pytest.skip("not enough recorded calls in the sandbox history")
    return ids


async def cut_next_download(control: httpx.AsyncClient, call_id: int, after: int) -> None:
    fault = {"method": "GET", "path": f"/chamada/{call_id}/gravacao", "cut_after": after}
    assert (await control.post("/faults", json=fault)).status_code == 200


async def test_recording_download_and_resume(
    api: TotalVoiceClient, control: httpx.AsyncClient, tmp_path: Path
) -> None:
    call_id = (await recorded_calls(api))[0]
    whole = await api.chamadas.download_recording(call_id, tmp_path / "full.mp3")
    data = whole.read_bytes()
    assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0)  # MP3 frame sync

    target = tmp_path / "resumed.mp3"
    await cut_next_download(control, call_id, 5000)  # mid-frame, and no Content-Length
    with pytest.raises(DownloadError) as info:
        await api.chamadas.download_recording(call_id, target)
    assert info.value.kind is DownloadErrorKind.INCOMPLETE
    assert not target.exists() and part_path(target).stat().st_size == 5000

    progress: list[int] = []
    await api.chamadas.download_recording(call_id, target, progress=lambda d, t: progress.append(d))
    assert progress[0] > 5000  # resumed
    assert target.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full.mp3", "resumed.mp3"]


async def test_recording_changed_between_tries_is_saved_as_the_new_version(
    api: TotalVoiceClient, control: httpx.AsyncClient, tmp_path: Path
) -> None:
    call_id = (await recorded_calls(api))[1]
    target = tmp_path / "rec.mp3"
    await cut_next_download(control, call_id, 5000)
    with pytest.raises(DownloadError):
        await api.chamadas.download_recording(call_id, target)

    replaced = (await control.post(f"/recordings/{call_id}")).json()
    await api.chamadas.download_recording(call_id, target)
    fresh = await api.chamadas.download_recording(call_id, tmp_path / "fresh.mp3")
    assert target.read_bytes() == fresh.read_bytes()
    assert target.stat().st_size == replaced["bytes"]


async def test_whole_recording_without_length_is_saved(
    api: TotalVoiceClient, control: httpx.AsyncClient, tmp_path: Path
) -> None:
    call_id = (await recorded_calls(api))[2]
    expected = await api.chamadas.download_recording(call_id, tmp_path / "expected.mp3")
    await cut_next_download(control, call_id, 10**9)  # all of it, just without the length
    target = await api.chamadas.download_recording(call_id, tmp_path / "rec.mp3")
    assert target.read_bytes() == expected.read_bytes()


async def test_ramal_pauses_report(api: TotalVoiceClient) -> None:
    ramais = await api.ramais.report_page(*WINDOW, limite=1)
    if not ramais.items:
        pytest.skip("no ramal in the sandbox")
    report = await api.ramais.pausas_page(ramais.items[0].id, *WINDOW)
    assert report.page.posicao == 0


async def test_conference_room(
    api: TotalVoiceClient, control: httpx.AsyncClient, tmp_path: Path
) -> None:
    await control.post("/settings", json={"auto_answer_ms": None, "talk_ms": None})
    room_id = await api.conferencias.create()
    first = await api.conferencias.add(room_id, "(48) 3283-0151", gravar_audio=True)
    second = await api.conferencias.add(str(room_id), "4001", bina="4833330000")
    room = await api.conferencias.get(room_id)
    assert [c.id for c in room.chamadas] == [first, second]
    assert {c.conferencia_id for c in room.chamadas} == {room_id}
    assert [c.status for c in room.chamadas] == ["chamando", "chamando"]
    assert (await control.post(f"/calls/{first}/answer")).status_code == 200
    assert first is not None and (await api.chamadas.get(first)).ativa

    await api.conferencias.end(room_id)
    ended = await api.conferencias.get(room_id)
    assert ended.ended
    assert [c.status for c in ended.chamadas] == [LegStatus.ATENDIDA, LegStatus.CANCELADA]
    assert ended.chamadas[0].url_gravacao and ended.chamadas[1].url_gravacao is None
    saved = await api.chamadas.download_recording(first, tmp_path / "room.mp3")
    assert saved.stat().st_size > 0
    rooms = await api.conferencias.report(*WINDOW).fetch_all()
    assert room_id in [r.id for r in rooms]
    with pytest.raises(ApiError) as info:
        await api.conferencias.add(room_id, "4002")
    assert info.value.motivo == 80
