"""Writes ring.wav: a soft two-note chime played in a loop while a call rings.

Run ``python resources/sounds/make_ring.py`` to regenerate it (standard library only).
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
# (start second, frequency Hz): two "ding-dong" pairs, then silence until the loop restarts.
NOTES = ((0.00, 659.25), (0.28, 523.25), (0.80, 659.25), (1.08, 523.25))
LENGTH_S = 2.6
NOTE_S = 0.9
VOLUME = 0.32


def note_sample(t: float, freq: float) -> float:
    """A bell-like tone: a few harmonics with an exponential decay and a soft attack."""
    attack = min(1.0, t / 0.008)
    decay = math.exp(-t * 5.0)
    tone = (
        math.sin(2 * math.pi * freq * t)
        + 0.35 * math.sin(2 * math.pi * freq * 2 * t) * math.exp(-t * 4.0)
        + 0.12 * math.sin(2 * math.pi * freq * 3 * t) * math.exp(-t * 8.0)
    )
    return attack * decay * tone / 1.47


def render() -> list[float]:
    """The whole loop as samples in -1..1."""
    samples = [0.0] * int(RATE * LENGTH_S)
    for start, freq in NOTES:
        first = int(start * RATE)
        for i in range(int(NOTE_S * RATE)):
            if first + i < len(samples):
                samples[first + i] += note_sample(i / RATE, freq)
    return samples


def write(path: Path) -> None:
    """Write the loop as 16-bit mono PCM."""
    frames = b"".join(
        struct.pack("<h", round(max(-1.0, min(1.0, s * VOLUME)) * 32767)) for s in render()
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    write(Path(__file__).with_name("ring.wav"))
