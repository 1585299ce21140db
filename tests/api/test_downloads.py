from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
import respx
from api_samples import TOKEN, V1, envelope

from desktop.api import (
    ApiError,
    DownloadError,
    DownloadErrorKind,
    ResponseFormatError,
    TotalVoiceClient,
)
from desktop.api.downloads import PartFile, StreamOpener, download_to, part_path

URL = f"{V1}/chamada/123/gravacao"
AUDIO = bytes(range(256)) * 40  # 10 KiB
MP3 = {"Content-Type": "audio/mpeg"}


def files_in(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


async def test_full_download_with_progress(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    router.get(URL).respond(200, content=AUDIO, headers=MP3)
    progress: list[tuple[int, int | None]] = []
    target = tmp_path / "rec.mp3"
    result = await download_to(
        api.transport,
        "/chamada/123/gravacao",
        target,
        chunk_size=4096,
        progress=lambda done, total: progress.append((done, total)),
    )
    assert result == target and target.read_bytes() == AUDIO
    assert files_in(tmp_path) == ["rec.mp3"]
    assert progress[-1] == (len(AUDIO), len(AUDIO))
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert len(progress) >= 3


async def test_resume_with_206(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    part_path(target).write_bytes(AUDIO[:1000])

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["Range"] == "bytes=1000-"
        return httpx.Response(
            206,
            content=AUDIO[1000:],
            headers={**MP3, "Content-Range": f"bytes 1000-{len(AUDIO) - 1}/{len(AUDIO)}"},
        )

    router.get(URL).mock(side_effect=answer)
    progress: list[tuple[int, int | None]] = []
    await api.chamadas.download_recording(
        123, target, progress=lambda d, t: progress.append((d, t))
    )
    assert target.read_bytes() == AUDIO
    assert not part_path(target).exists()
    assert progress[0][0] > 1000 and progress[-1] == (len(AUDIO), len(AUDIO))


async def test_server_without_range_support_restarts_from_zero(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    part_path(target).write_bytes(b"stale bytes from another file")
    route = router.get(URL).respond(200, content=AUDIO, headers=MP3)
    await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == AUDIO
    assert route.calls.last.request.headers["Range"].startswith("bytes=")
    assert files_in(tmp_path) == ["rec.mp3"]


async def test_wrong_content_range_start_restarts_without_range(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    part_path(target).write_bytes(AUDIO[:500])
    route = router.get(URL).mock(
        side_effect=[
            httpx.Response(
                206, content=AUDIO[100:], headers={**MP3, "Content-Range": "bytes 100-10239/10240"}
            ),
            httpx.Response(200, content=AUDIO, headers=MP3),
        ]
    )
    await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == AUDIO
    assert "Range" not in route.calls.last.request.headers


async def test_416_for_an_already_complete_part(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    part_path(target).write_bytes(AUDIO)
    router.get(URL).respond(416, headers={"Content-Range": f"bytes */{len(AUDIO)}"})
    await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == AUDIO and not part_path(target).exists()


async def test_truncated_body_keeps_part_and_never_creates_target(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    route = router.get(URL).respond(
        200, content=AUDIO[:4000], headers={**MP3, "Content-Length": str(len(AUDIO))}
    )
    with pytest.raises(DownloadError) as info:
        await api.chamadas.download_recording(123, target)
    assert info.value.kind is DownloadErrorKind.TRUNCATED
    assert (info.value.done, info.value.expected) == (4000, len(AUDIO))
    assert not target.exists()
    assert part_path(target).read_bytes() == AUDIO[:4000]

    route.respond(
        206,
        content=AUDIO[4000:],
        headers={**MP3, "Content-Range": f"bytes 4000-{len(AUDIO) - 1}/{len(AUDIO)}"},
    )
    await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == AUDIO


async def test_failed_download_leaves_an_existing_target_untouched(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    target.write_bytes(b"old complete file")
    router.get(URL).respond(200, content=AUDIO[:10], headers={**MP3, "Content-Length": "99"})
    with pytest.raises(DownloadError):
        await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == b"old complete file"


def opener_for(chunks: AsyncIterator[bytes], headers: Mapping[str, str]) -> StreamOpener:
    @asynccontextmanager
    async def open_stream(extra: Mapping[str, str]) -> AsyncIterator[httpx.Response]:
        response = httpx.Response(
            200, headers=dict(headers), content=chunks, request=httpx.Request("GET", URL)
        )
        try:
            yield response
        finally:
            await response.aclose()

    return open_stream


async def test_connection_drop_mid_body_keeps_part(api: TotalVoiceClient, tmp_path: Path) -> None:
    async def body() -> AsyncIterator[bytes]:
        yield AUDIO[:3000]
        raise httpx.ReadError("connection reset")

    target = tmp_path / "rec.mp3"
    with pytest.raises(DownloadError) as info:
        await download_to(
            api.transport, opener_for(body(), {**MP3, "Content-Length": str(len(AUDIO))}), target
        )
    assert info.value.kind is DownloadErrorKind.INTERRUPTED
    assert info.value.user_message()
    assert not target.exists() and part_path(target).read_bytes() == AUDIO[:3000]


async def test_chunks_are_written_as_they_arrive(
    api: TotalVoiceClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    chunk = b"\x00" * 65536
    count = 50

    async def body() -> AsyncIterator[bytes]:
        for index in range(count):
            events.append(f"recv {index}")
            yield chunk

    original = PartFile.write

    def spy(self: PartFile, data: bytes) -> None:
        assert len(data) <= 65536
        events.append("write")
        original(self, data)

    monkeypatch.setattr(PartFile, "write", spy)
    target = tmp_path / "big.mp3"
    await download_to(
        api.transport,
        opener_for(body(), {**MP3, "Content-Length": str(len(chunk) * count)}),
        target,
    )
    assert target.stat().st_size == len(chunk) * count
    # Every chunk is written before the next one is received: nothing accumulates.
    assert events == [e for i in range(count) for e in (f"recv {i}", "write")]


async def test_disk_full_leaves_nothing_behind(
    api: TotalVoiceClient,
    router: respx.MockRouter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full(self: PartFile, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(PartFile, "write", full)
    router.get(URL).respond(200, content=AUDIO, headers=MP3)
    target = tmp_path / "rec.mp3"
    with pytest.raises(DownloadError) as info:
        await api.chamadas.download_recording(123, target)
    assert info.value.kind is DownloadErrorKind.DISK_FULL
    assert "cheio" in info.value.user_message().lower()
    assert files_in(tmp_path) == []


async def test_permission_error_on_rename(
    api: TotalVoiceClient,
    router: respx.MockRouter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    router.get(URL).respond(200, content=AUDIO, headers=MP3)
    target = tmp_path / "rec.mp3"
    with pytest.raises(DownloadError) as info:
        await api.chamadas.download_recording(123, target)
    assert info.value.kind is DownloadErrorKind.PERMISSION
    assert files_in(tmp_path) == []


async def test_missing_directory_is_an_io_error(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    router.get(URL).respond(200, content=AUDIO, headers=MP3)
    with pytest.raises(DownloadError) as info:
        await api.chamadas.download_recording(123, tmp_path / "nope" / "rec.mp3")
    assert info.value.kind is DownloadErrorKind.IO


@pytest.mark.parametrize(
    ("response", "error"),
    [
        (
            httpx.Response(
                200,
                json=envelope(
                    None, status=404, sucesso=False, motivo=70, mensagem="chamada sem gravacao"
                ),
            ),
            ApiError,
        ),
        (httpx.Response(404, json=envelope(None, status=404, sucesso=False, motivo=60)), ApiError),
        (
            httpx.Response(500, text="<html>erro</html>", headers={"Content-Type": "text/html"}),
            ResponseFormatError,
        ),
        (httpx.Response(200, json=envelope({"url": "x"})), DownloadError),
    ],
)
async def test_error_answers_are_typed_and_write_nothing(
    api: TotalVoiceClient,
    router: respx.MockRouter,
    tmp_path: Path,
    response: httpx.Response,
    error: type[Exception],
) -> None:
    router.get(URL).mock(return_value=response)
    target = tmp_path / "rec.mp3"
    with pytest.raises(error) as info:
        await api.chamadas.download_recording(123, target)
    if isinstance(info.value, ApiError) and info.value.motivo == 70:
        assert "gravação" in info.value.user_message()
    assert files_in(tmp_path) == []


async def test_recording_url_on_another_host_gets_no_token(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.get("https://urlgravacao.com.br/rec/audio.mp3").respond(
        200, content=AUDIO, headers=MP3
    )
    await download_to(api.transport, "https://urlgravacao.com.br/rec/audio.mp3", tmp_path / "a.mp3")
    assert "Access-Token" not in route.calls.last.request.headers
    own = router.get(URL).respond(200, content=AUDIO, headers=MP3)
    await api.chamadas.download_recording(123, tmp_path / "b.mp3")
    assert own.calls.last.request.headers["Access-Token"] == TOKEN


async def test_cancelled_download_keeps_part_for_resume(
    api: TotalVoiceClient, tmp_path: Path
) -> None:
    release = asyncio.Event()
    received = asyncio.Event()

    async def body() -> AsyncIterator[bytes]:
        yield AUDIO[:2048]
        received.set()
        await release.wait()
        yield AUDIO[2048:]

    target = tmp_path / "rec.mp3"
    task = asyncio.create_task(
        download_to(
            api.transport, opener_for(body(), {**MP3, "Content-Length": str(len(AUDIO))}), target
        )
    )
    await received.wait()
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not target.exists()
    assert part_path(target).read_bytes() == AUDIO[:2048]
