"""Short, valid MP3 recordings made on the fly with LAME (``lameenc``)."""

from __future__ import annotations

import math
import struct
from functools import lru_cache
from typing import Final

import lameenc  # type: ignore[import-not-found]  # ships without type hints

SAMPLE_RATE: Final = 16000
BIT_RATE_KBPS: Final = 32


def _pcm(seconds: float, low_hz: float, high_hz: float) -> bytes:
    """A soft two-tone (alternating every half second) with fades, 16-bit mono PCM."""
    total = int(seconds * SAMPLE_RATE)
    fade = SAMPLE_RATE // 20
    samples = []
    for index in range(total):
        t = index / SAMPLE_RATE
        freq = low_hz if int(t * 2) % 2 == 0 else high_hz
        envelope = min(1.0, index / fade, (total - index) / fade)
        value = 0.18 * envelope * math.sin(2 * math.pi * freq * t)
        samples.append(int(value * 32767))
    return struct.pack(f"<{total}h", *samples)


@lru_cache(maxsize=8)
def recording(variant: int = 0, seconds: float = 4.0) -> bytes:
    """MP3 bytes of a few seconds of tone; ``variant`` changes the pitch (cached)."""
    low = 440.0 + 40.0 * (variant % 4)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE_KBPS)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(5)
    data = encoder.encode(_pcm(seconds, low, low * 1.25))
    data += encoder.flush()
    return bytes(data)
