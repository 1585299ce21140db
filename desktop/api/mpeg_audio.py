"""Is an MP3 file whole? Walks its MPEG audio frame headers to the last byte.

A download without ``Content-Length`` that stops early looks complete to HTTP. An MP3
file can still tell: after any ID3v2 tag it is a chain of frames whose headers give
their own length, so a cut shows as a last frame that runs past the end of the file
(or as bytes that are no frame header). An ID3v1 tag may close the file.

Free-format streams (no bitrate in the header) cannot be walked and are not accepted;
nor are trailing tags other than ID3v1 (APE, Lyrics3), which recordings do not carry.
"""

from __future__ import annotations

import mmap
from pathlib import Path
from typing import Final

__all__ = ["count_frames", "is_complete_mp3", "is_complete_mp3_file"]

_ID3V2_HEADER: Final = 10
_ID3V1_SIZE: Final = 128

# version bits: 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5 (1 is reserved)
_SAMPLE_RATES: Final[dict[int, tuple[int, int, int]]] = {
    3: (44100, 48000, 32000),
    2: (22050, 24000, 16000),
    0: (11025, 12000, 8000),
}
# kbps by bitrate index 1–14; keys are (MPEG-1?, layer) with layer 1, 2 or 3
_BITRATES: Final[dict[tuple[bool, int], tuple[int, ...]]] = {
    (True, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}


def _frame(data: bytes | mmap.mmap, at: int) -> tuple[int, int] | None:
    """(length, stream kind) of the frame header at ``at``; None when there is none."""
    b0, b1, b2 = data[at], data[at + 1], data[at + 2]
    if b0 != 0xFF or b1 & 0xE0 != 0xE0:
        return None
    version = (b1 >> 3) & 0x3
    layer = 4 - ((b1 >> 1) & 0x3)  # bits 01 = layer III … 11 = layer I
    bitrate_index = b2 >> 4
    rate_index = (b2 >> 2) & 0x3
    if version == 1 or layer == 4 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    mpeg1 = version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index - 1] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    padding = (b2 >> 1) & 0x1
    if layer == 1:
        length = (12 * bitrate // rate + padding) * 4
    elif layer == 3 and not mpeg1:
        length = 72 * bitrate // rate + padding
    else:
        length = 144 * bitrate // rate + padding
    # Every frame of one stream shares version, layer and sample rate.
    return length, (version << 4) | (layer << 2) | rate_index


def _audio_start(data: bytes | mmap.mmap) -> int | None:
    """Offset after the ID3v2 tags at the start; None when a tag is itself cut."""
    at = 0
    while data[at : at + 3] == b"ID3":
        header = data[at : at + _ID3V2_HEADER]
        if len(header) < _ID3V2_HEADER or any(b & 0x80 for b in header[6:10]):
            return None
        size = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9]
        footer = _ID3V2_HEADER if header[5] & 0x10 else 0
        at += _ID3V2_HEADER + size + footer
    return at if at <= len(data) else None


def count_frames(data: bytes | mmap.mmap) -> int | None:
    """Number of frames when ``data`` is a whole MP3 file, None when it is not.

    Whole means: optional ID3v2 tags, then MPEG audio frames of one stream back to
    back, the last one ending exactly at the end of the file (or where an ID3v1 tag
    begins).
    """
    at = _audio_start(data)
    if at is None:
        return None
    end = len(data)
    if end - at >= _ID3V1_SIZE and data[end - _ID3V1_SIZE : end - _ID3V1_SIZE + 3] == b"TAG":
        end -= _ID3V1_SIZE
    frames = 0
    stream: int | None = None
    while at < end:
        if at + 4 > end:
            return None
        found = _frame(data, at)
        if found is None:
            return None
        length, kind = found
        if stream is not None and kind != stream:
            return None
        stream = kind
        at += length
        frames += 1
    return frames if frames and at == end else None


def is_complete_mp3(data: bytes | mmap.mmap) -> bool:
    """True when ``data`` is a whole MP3 file (see :func:`count_frames`)."""
    return count_frames(data) is not None


def is_complete_mp3_file(path: Path) -> bool:
    """:func:`is_complete_mp3` for a file on disk, mapped rather than read into memory."""
    with open(path, "rb") as fh:
        if fh.seek(0, 2) == 0:
            return False
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return is_complete_mp3(mapped)
