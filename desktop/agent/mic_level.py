"""Microphone level from raw 16-bit PCM: RMS and peak in dBFS, clipping, a verdict.

Pure Python (no Qt) so the arithmetic is testable on synthetic samples.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

__all__ = [
    "CLIP_RUN",
    "FLOOR_DBFS",
    "GOOD_RMS_DBFS",
    "LOUD_RMS_DBFS",
    "Level",
    "Verdict",
    "level_of_int16",
    "meter_percent",
    "verdict_of",
]

FULL_SCALE: Final = 32768.0
#: The quietest level reported; digital silence has no logarithm.
FLOOR_DBFS: Final = -96.0
#: Below this RMS the microphone hears nothing useful (muted, unplugged, blocked by the OS).
GOOD_RMS_DBFS: Final = -50.0
#: Above this RMS speech is distorted for the other side even without clipping.
LOUD_RMS_DBFS: Final = -6.0
#: Consecutive samples at full scale that count as clipping; a clean full-scale sine
#: touches the limit on one or two samples per peak only.
CLIP_RUN: Final = 3
_CLIP_SAMPLE: Final = 32767


@dataclass(frozen=True)
class Level:
    """The loudness of one block of samples."""

    rms_dbfs: float
    peak_dbfs: float
    clipped: bool


class Verdict(Enum):
    """What the agent is told about the level."""

    NO_SOUND = "no_sound"
    GOOD = "good"
    TOO_LOUD = "too_loud"


def _dbfs(amplitude: float) -> float:
    if amplitude <= 0.0:
        return FLOOR_DBFS
    return max(FLOOR_DBFS, 20.0 * math.log10(amplitude / FULL_SCALE))


def level_of_int16(data: bytes | bytearray | memoryview) -> Level:
    """Measure little-endian signed 16-bit samples (any channel count, interleaved).

    A trailing odd byte is ignored; an empty block is silence.
    """
    raw = bytes(data)
    samples = array("h")
    samples.frombytes(raw[: len(raw) - len(raw) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return Level(FLOOR_DBFS, FLOOR_DBFS, clipped=False)
    squares = math.fsum(s * s for s in samples)
    rms = math.sqrt(squares / len(samples))
    peak = max(abs(s) for s in samples)
    return Level(_dbfs(rms), _dbfs(float(peak)), clipped=_has_clip_run(samples))


def _has_clip_run(samples: array[int]) -> bool:
    run = 0
    for sample in samples:
        if sample >= _CLIP_SAMPLE or sample <= -_CLIP_SAMPLE:
            run += 1
            if run >= CLIP_RUN:
                return True
        else:
            run = 0
    return False


def verdict_of(recent: Sequence[Level]) -> Verdict:
    """Judge the last second or two of levels, so pauses between words do not flicker.

    Too loud when any block clipped or was too loud; good when any block was loud
    enough; no sound otherwise (also when nothing was measured yet).
    """
    if any(level.clipped or level.rms_dbfs > LOUD_RMS_DBFS for level in recent):
        return Verdict.TOO_LOUD
    if any(level.rms_dbfs >= GOOD_RMS_DBFS for level in recent):
        return Verdict.GOOD
    return Verdict.NO_SOUND


def meter_percent(dbfs: float, floor: float = -60.0) -> int:
    """Map ``floor``…0 dBFS onto 0…100 for a level bar."""
    if dbfs <= floor:
        return 0
    if dbfs >= 0.0:
        return 100
    return round(100.0 * (dbfs - floor) / -floor)
