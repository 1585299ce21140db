"""Telling a whole MP3 file from one cut short, by its frame headers."""

from __future__ import annotations

import math
import struct
from pathlib import Path

import lameenc  # type: ignore[import-not-found]  # ships without type hints
import pytest

from desktop.api.mpeg_audio import count_frames, is_complete_mp3, is_complete_mp3_file


def encode(rate: int, kbps: int, channels: int, seconds: float = 1.0) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(kbps)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(channels)
    encoder.set_quality(5)
    samples = int(rate * seconds) * channels
    pcm = struct.pack(f"<{samples}h", *(int(8000 * math.sin(i / 7)) for i in range(samples)))
    return bytes(encoder.encode(pcm) + encoder.flush())


def id3v2(payload: bytes) -> bytes:
    size = len(payload)
    syncsafe = bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    return b"ID3\x04\x00\x00" + syncsafe + payload


# MPEG-1 with padded frames, MPEG-2 and MPEG-2.5, mono and stereo
STREAMS = [(44100, 128, 2), (48000, 320, 2), (32000, 96, 1), (22050, 64, 1), (11025, 8, 1)]


@pytest.mark.parametrize(("rate", "kbps", "channels"), STREAMS)
def test_whole_files_pass_and_any_cut_inside_a_frame_fails(
    rate: int, kbps: int, channels: int
) -> None:
    data = encode(rate, kbps, channels)
    frames = count_frames(data)
    assert frames is not None and frames > 10
    boundaries = set()
    at = 0
    for _ in range(frames):  # the first frame's length tells where the next begins
        boundaries.add(at)
        assert count_frames(data[at:]) is not None  # every frame start begins a whole tail
        at = next(end for end in range(at + 4, len(data) + 1) if count_frames(data[at:end]) == 1)
    for cut in range(1, len(data), 7):
        if cut not in boundaries:
            assert not is_complete_mp3(data[:cut]), cut


def test_tags_are_allowed_around_the_frames() -> None:
    data = encode(16000, 32, 1)
    assert count_frames(id3v2(b"TIT2 title") + data) == count_frames(data)
    assert count_frames(id3v2(b"a") + id3v2(b"b") + data) == count_frames(data)
    assert count_frames(data + b"TAG" + b"\x00" * 125) == count_frames(data)
    assert count_frames(id3v2(b"TIT2 title")[:8]) is None  # the tag itself cut
    assert count_frames(id3v2(b"x" * 50)[:30]) is None


def test_other_bytes_are_not_mp3() -> None:
    data = encode(16000, 32, 1)
    other_stream = encode(44100, 128, 2)
    assert not is_complete_mp3(b"")
    assert not is_complete_mp3(bytes(range(256)) * 40)
    assert not is_complete_mp3(id3v2(b"only a tag"))
    assert not is_complete_mp3(data + b"\x00" * 3)
    assert not is_complete_mp3(data + other_stream)  # one stream changing rate mid-way
    assert not is_complete_mp3(b"\xff\xfb\x00\x00" * 10)  # free-format bitrate


def test_file_check(tmp_path: Path) -> None:
    data = encode(16000, 32, 1)
    path = tmp_path / "a.mp3"
    path.write_bytes(data)
    assert is_complete_mp3_file(path)
    path.write_bytes(data[:-10])
    assert not is_complete_mp3_file(path)
    path.write_bytes(b"")
    assert not is_complete_mp3_file(path)
