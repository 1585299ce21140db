"""GET /chamada/{id}/gravacao: audio/mpeg, byte ranges, valid MP3, no-recording errors."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest

# MPEG audio: bitrate tables are not needed to walk frames when the header is regular
_BITRATES = {
    # (version bits, index) -> kbps for layer III; version 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
    **{
        (3, i): b
        for i, b in enumerate([0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320])
    },
    **{
        (2, i): b
        for i, b in enumerate([0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160])
    },
    **{
        (0, i): b
        for i, b in enumerate([0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160])
    },
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def mp3_frames(data: bytes) -> int:
    """Count consecutive valid MPEG layer III frames from the start (skipping an ID3 tag)."""
    position = 0
    if data[:3] == b"ID3":
        size = data[6:10]
        position = 10 + ((size[0] << 21) | (size[1] << 14) | (size[2] << 7) | size[3])
    frames = 0
    while position + 4 <= len(data):
        b1, b2, b3 = data[position + 1], data[position + 2], data[position + 3]
        if data[position] != 0xFF or (b1 & 0xE0) != 0xE0:
            break
        version, layer = (b1 >> 3) & 0x3, (b1 >> 1) & 0x3
        bitrate_index, rate_index, padding = b2 >> 4, (b2 >> 2) & 0x3, (b2 >> 1) & 0x1
        assert layer == 1, "layer III"
        assert rate_index != 3 and bitrate_index not in (0, 15)
        assert b3 is not None
        bitrate = _BITRATES[(version, bitrate_index)] * 1000
        rate = _RATES[version][rate_index]
        samples = 1152 if version == 3 else 576
        length = samples // 8 * bitrate // rate + padding
        position += length
        frames += 1
    return frames


def recorded_call(api: httpx.Client, today: date) -> int:
    params = {
        "data_inicio": (today - timedelta(days=40)).isoformat(),
        "data_fim": today.isoformat(),
        "limite": "200",
    }
    rows = api.get("/chamada/relatorio", params=params).json()["dados"]["relatorio"]
    return next(int(r["id"]) for r in rows if r["url_gravacao"])


def unrecorded_call(api: httpx.Client, today: date) -> int:
    params = {
        "data_inicio": (today - timedelta(days=40)).isoformat(),
        "data_fim": today.isoformat(),
    }
    rows = api.get("/chamada/relatorio", params=params).json()["dados"]["relatorio"]
    return next(int(r["id"]) for r in rows if not r["url_gravacao"])


def test_full_download_is_a_valid_mp3(api: httpx.Client, today: date) -> None:
    call_id = recorded_call(api, today)
    response = api.get(f"/chamada/{call_id}/gravacao")
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.headers["accept-ranges"] == "bytes"
    assert int(response.headers["content-length"]) == len(response.content)
    assert response.content[0] == 0xFF and (response.content[1] & 0xE0) == 0xE0
    assert mp3_frames(response.content) > 50


def test_url_gravacao_downloads(api: httpx.Client, today: date) -> None:
    call_id = recorded_call(api, today)
    url = api.get(f"/chamada/{call_id}").json()["dados"]["url_gravacao"]
    assert api.get(url).headers["content-type"] == "audio/mpeg"


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=0-99", 0, 99), ("bytes=100-", 100, None), ("bytes=-50", None, None)],
)
def test_range_requests(
    api: httpx.Client, today: date, header: str, start: int | None, end: int | None
) -> None:
    call_id = recorded_call(api, today)
    full = api.get(f"/chamada/{call_id}/gravacao").content
    size = len(full)
    response = api.get(f"/chamada/{call_id}/gravacao", headers={"Range": header})
    assert response.status_code == 206
    if start is None:
        start, end = size - 50, size - 1
    if end is None:
        end = size - 1
    assert response.headers["content-range"] == f"bytes {start}-{end}/{size}"
    assert response.content == full[start : end + 1]
    assert int(response.headers["content-length"]) == end - start + 1


def test_resume_after_partial_download(api: httpx.Client, today: date) -> None:
    call_id = recorded_call(api, today)
    first = api.get(f"/chamada/{call_id}/gravacao", headers={"Range": "bytes=0-1023"}).content
    rest = api.get(f"/chamada/{call_id}/gravacao", headers={"Range": "bytes=1024-"}).content
    assert first + rest == api.get(f"/chamada/{call_id}/gravacao").content


def test_unsatisfiable_range_is_416(api: httpx.Client, today: date) -> None:
    call_id = recorded_call(api, today)
    size = len(api.get(f"/chamada/{call_id}/gravacao").content)
    response = api.get(f"/chamada/{call_id}/gravacao", headers={"Range": f"bytes={size}-"})
    assert response.status_code == 416
    assert response.headers["content-range"] == f"bytes */{size}"


def test_no_recording_is_404_motivo_70(api: httpx.Client, today: date) -> None:
    response = api.get(f"/chamada/{unrecorded_call(api, today)}/gravacao")
    assert response.status_code == 404
    assert response.json()["motivo"] == 70
    assert response.json()["sucesso"] is False


def test_unknown_call_recording_is_404_motivo_60(api: httpx.Client) -> None:
    response = api.get("/chamada/999999999/gravacao")
    assert response.status_code == 404
    assert response.json()["motivo"] == 60


def test_recording_has_a_strong_etag_and_honours_if_range(api: httpx.Client, today: date) -> None:
    call_id = recorded_call(api, today)
    full = api.get(f"/chamada/{call_id}/gravacao")
    tag = full.headers["etag"]
    assert tag.startswith('"') and tag.endswith('"') and len(tag) > 8
    assert api.get(f"/chamada/{call_id}/gravacao").headers["etag"] == tag

    same = api.get(f"/chamada/{call_id}/gravacao", headers={"Range": "bytes=100-", "If-Range": tag})
    assert same.status_code == 206 and same.content == full.content[100:]
    for stale in ('"another-version"', "Mon, 01 Jan 2024 12:00:00 GMT"):
        other = api.get(
            f"/chamada/{call_id}/gravacao", headers={"Range": "bytes=100-", "If-Range": stale}
        )
        assert other.status_code == 200 and other.content == full.content
        assert "content-range" not in other.headers


def test_control_api_replaces_a_recording(
    api: httpx.Client, control: httpx.Client, today: date
) -> None:
    call_id = recorded_call(api, today)
    old = api.get(f"/chamada/{call_id}/gravacao")
    reply = control.post(f"/recordings/{call_id}")
    assert reply.status_code == 200
    new = api.get(f"/chamada/{call_id}/gravacao")
    assert reply.json() == {"ok": True, "etag": new.headers["etag"], "bytes": len(new.content)}
    assert new.headers["etag"] != old.headers["etag"] and new.content != old.content
    assert mp3_frames(new.content) > mp3_frames(old.content)

    resumed = api.get(
        f"/chamada/{call_id}/gravacao",
        headers={"Range": "bytes=1000-", "If-Range": old.headers["etag"]},
    )
    assert resumed.status_code == 200 and resumed.content == new.content

    assert control.post("/recordings/999999999").status_code == 404
    assert control.post(f"/recordings/{unrecorded_call(api, today)}").status_code == 404


def test_cut_after_fault_ends_the_body_early_without_a_length(
    api: httpx.Client, control: httpx.Client, today: date
) -> None:
    call_id = recorded_call(api, today)
    path = f"/chamada/{call_id}/gravacao"
    whole = api.get(path).content
    control.post("/faults", json={"method": "GET", "path": path, "cut_after": 1000})
    cut = api.get(path)
    assert cut.status_code == 200 and cut.headers["content-type"] == "audio/mpeg"
    assert "content-length" not in cut.headers
    assert cut.content == whole[:1000]

    control.post("/faults", json={"method": "GET", "path": path, "cut_after": 10**9})
    entire = api.get(path)
    assert "content-length" not in entire.headers and entire.content == whole
    assert control.post("/faults", json={"path": path, "cut_after": -1}).status_code == 400
