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
    ApiConfig,
    ApiError,
    DownloadError,
    DownloadErrorKind,
    ResponseFormatError,
    TotalVoiceClient,
)
from desktop.api.downloads import (
    PartFile,
    ResumeValidator,
    StreamOpener,
    download_to,
    part_path,
    validator_path,
)
from desktop.sandbox import mp3

URL = f"{V1}/chamada/123/gravacao"
AUDIO = bytes(range(256)) * 40  # 10 KiB
MP3 = {"Content-Type": "audio/mpeg"}
ETAG = '"v1"'


def keep_part(target: Path, data: bytes, etag: str = ETAG) -> None:
    """A partial download left by an earlier attempt, with the validator it was sent with."""
    part_path(target).write_bytes(data)
    ResumeValidator(etag=etag).save(validator_path(target))


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
    keep_part(target, AUDIO[:1000])

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["Range"] == "bytes=1000-"
        assert request.headers["If-Range"] == ETAG
        return httpx.Response(
            206,
            content=AUDIO[1000:],
            headers={
                **MP3,
                "ETag": ETAG,
                "Content-Range": f"bytes 1000-{len(AUDIO) - 1}/{len(AUDIO)}",
            },
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
    keep_part(target, b"stale bytes from another file")
    route = router.get(URL).respond(200, content=AUDIO, headers=MP3)
    await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == AUDIO
    assert route.calls.last.request.headers["Range"].startswith("bytes=")
    assert files_in(tmp_path) == ["rec.mp3"]


async def test_wrong_content_range_start_restarts_without_range(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    keep_part(target, AUDIO[:500])
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
    keep_part(target, AUDIO)
    router.get(URL).respond(416, headers={"Content-Range": f"bytes */{len(AUDIO)}"})
    await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == AUDIO and files_in(tmp_path) == ["rec.mp3"]


async def test_truncated_body_keeps_part_and_never_creates_target(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    route = router.get(URL).respond(
        200,
        content=AUDIO[:4000],
        headers={**MP3, "Content-Length": str(len(AUDIO)), "ETag": ETAG},
    )
    with pytest.raises(DownloadError) as info:
        await api.chamadas.download_recording(123, target)
    assert info.value.kind is DownloadErrorKind.TRUNCATED
    assert (info.value.done, info.value.expected) == (4000, len(AUDIO))
    assert not target.exists()
    assert part_path(target).read_bytes() == AUDIO[:4000]
    assert ResumeValidator.load(validator_path(target)) == ResumeValidator(etag=ETAG)

    route.respond(
        206,
        content=AUDIO[4000:],
        headers={**MP3, "Content-Range": f"bytes 4000-{len(AUDIO) - 1}/{len(AUDIO)}"},
    )
    await api.chamadas.download_recording(123, target)
    assert route.calls.last.request.headers["If-Range"] == ETAG
    assert target.read_bytes() == AUDIO
    assert files_in(tmp_path) == ["rec.mp3"]


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


class RecordingServer:
    """One recording served like a real server: ETag, Range, If-Range; can cut a body."""

    def __init__(self, data: bytes, etag: str, *, honours_if_range: bool = True) -> None:
        self.data, self.etag = data, etag
        self.honours_if_range = honours_if_range
        self.cut_at: int | None = None
        self.requests: list[httpx.Request] = []

    def replace(self, data: bytes, etag: str) -> None:
        self.data, self.etag = data, etag

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        headers = {**MP3, "ETag": self.etag, "Accept-Ranges": "bytes"}
        wanted = request.headers.get("Range")
        if_range = request.headers.get("If-Range")
        start, status = 0, 200
        if wanted and (if_range in (None, self.etag) or not self.honours_if_range):
            start, status = int(wanted.removeprefix("bytes=").rstrip("-")), 206
            headers["Content-Range"] = f"bytes {start}-{len(self.data) - 1}/{len(self.data)}"
        body = self.data[start:]
        if self.cut_at is not None:  # announces the whole body, sends part of it
            headers["Content-Length"] = str(len(body))
            body, self.cut_at = body[: self.cut_at - start], None
        return httpx.Response(status, content=body, headers=headers)


NEW_AUDIO = bytes(reversed(AUDIO)) + b"a longer second version"


async def test_recording_changed_between_runs_is_saved_as_the_new_version_entirely(
    api: TotalVoiceClient, config: ApiConfig, router: respx.MockRouter, tmp_path: Path
) -> None:
    server = RecordingServer(AUDIO, '"v1"')
    server.cut_at = 4000
    router.get(URL).mock(side_effect=server)
    target = tmp_path / "rec.mp3"
    with pytest.raises(DownloadError):
        await api.chamadas.download_recording(123, target)
    assert files_in(tmp_path) == ["rec.mp3.part", "rec.mp3.part.validator"]

    server.replace(NEW_AUDIO, '"v2"')
    progress: list[tuple[int, int | None]] = []
    async with TotalVoiceClient(TOKEN, config) as later_run:  # only the files remember
        await later_run.chamadas.download_recording(
            123, target, progress=lambda d, t: progress.append((d, t))
        )
    assert server.requests[-1].headers["Range"] == "bytes=4000-"
    assert server.requests[-1].headers["If-Range"] == '"v1"'
    assert target.read_bytes() == NEW_AUDIO
    assert progress == [(len(NEW_AUDIO), len(NEW_AUDIO))]  # counted from zero again
    assert files_in(tmp_path) == ["rec.mp3"]


async def test_a_range_of_another_version_is_not_joined(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    server = RecordingServer(NEW_AUDIO, '"v2"', honours_if_range=False)
    router.get(URL).mock(side_effect=server)
    target = tmp_path / "rec.mp3"
    keep_part(target, AUDIO[:4000], '"v1"')
    await api.chamadas.download_recording(123, target)
    assert target.read_bytes() == NEW_AUDIO
    assert [r.headers.get("Range") for r in server.requests] == ["bytes=4000-", None]
    assert files_in(tmp_path) == ["rec.mp3"]


async def test_a_part_without_validator_is_not_resumed(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    part_path(target).write_bytes(NEW_AUDIO[:1000])  # no validator kept
    route = router.get(URL).respond(200, content=AUDIO, headers=MP3)
    await api.chamadas.download_recording(123, target)
    assert "Range" not in route.calls.last.request.headers
    assert target.read_bytes() == AUDIO


async def test_last_modified_is_the_validator_when_there_is_no_strong_etag(
    api: TotalVoiceClient, router: respx.MockRouter, tmp_path: Path
) -> None:
    modified = "Tue, 01 Oct 2024 10:00:00 GMT"
    route = router.get(URL).respond(
        200,
        content=AUDIO[:4000],
        headers={
            **MP3,
            "Content-Length": str(len(AUDIO)),
            "ETag": 'W/"weak"',
            "Last-Modified": modified,
        },
    )
    target = tmp_path / "rec.mp3"
    with pytest.raises(DownloadError):
        await api.chamadas.download_recording(123, target)
    route.respond(206, content=AUDIO[4000:], headers={**MP3, "Content-Range": "bytes 4000-10239/*"})
    await api.chamadas.download_recording(123, target)
    assert route.calls.last.request.headers["If-Range"] == modified
    assert target.read_bytes() == AUDIO

    weak_only = tmp_path / "weak.mp3"
    route.respond(200, content=AUDIO[:10], headers={**MP3, "Content-Length": "99", "ETag": 'W/"x"'})
    with pytest.raises(DownloadError):
        await api.chamadas.download_recording(123, weak_only)
    assert files_in(tmp_path) == ["rec.mp3", "weak.mp3.part"]
    route.respond(200, content=AUDIO, headers=MP3)
    await api.chamadas.download_recording(123, weak_only)
    assert "Range" not in route.calls.last.request.headers


def test_validator_file_that_cannot_be_read_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "rec.mp3.part.validator"
    for content in (b"", b"{oops", b"[]", b'{"etag": "not quoted"}', b"x" * 10000):
        path.write_bytes(content)
        assert ResumeValidator.load(path) is None
    assert ResumeValidator.load(tmp_path / "absent") is None
    ResumeValidator(last_modified="Tue, 01 Oct 2024 10:00:00 GMT").save(path)
    assert ResumeValidator.load(path) == ResumeValidator(
        last_modified="Tue, 01 Oct 2024 10:00:00 GMT"
    )


async def body_of(data: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(data), 3000):
        yield data[start : start + 3000]


SONG = mp3.recording(1)


async def test_mp3_cut_mid_frame_without_length_is_reported_incomplete(
    api: TotalVoiceClient, tmp_path: Path
) -> None:
    target = tmp_path / "rec.mp3"
    cut = SONG[: len(SONG) // 2 + 50]
    with pytest.raises(DownloadError) as info:
        await download_to(api.transport, opener_for(body_of(cut), MP3), target)
    assert info.value.kind is DownloadErrorKind.INCOMPLETE
    assert "incompleta" in info.value.user_message()
    assert "incomplete" in info.value.user_message("en")
    assert not target.exists()


async def test_whole_mp3_without_length_is_saved(api: TotalVoiceClient, tmp_path: Path) -> None:
    target = tmp_path / "rec.mp3"
    await download_to(api.transport, opener_for(body_of(SONG), MP3), target)
    assert target.read_bytes() == SONG
    assert files_in(tmp_path) == ["rec.mp3"]
