"""Call-quality samples of the last minutes, for the header's indicator and graph (no Qt)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.agent.state import Quality

#: Worst first: the overall quality is the worse of the network's and the computer's.
_RANK = {Quality.POOR: 0, Quality.FAIR: 1, Quality.GOOD: 2, Quality.UNKNOWN: 3}

#: Height of each quality in the graph (0–1); unknown leaves a gap.
LEVEL = {Quality.GOOD: 1.0, Quality.FAIR: 0.55, Quality.POOR: 0.15}


def overall(internet: Quality, computer: Quality) -> Quality:
    """The worse of two known qualities; unknown only when both are unknown."""
    known = [q for q in (internet, computer) if q is not Quality.UNKNOWN]
    return min(known, key=_RANK.__getitem__) if known else Quality.UNKNOWN


@dataclass(frozen=True, slots=True)
class QualitySample:
    """One ``stats_webphone`` report."""

    at: datetime
    internet: Quality
    computer: Quality

    @property
    def quality(self) -> Quality:
        """The overall quality of this sample."""
        return overall(self.internet, self.computer)


class QualityHistory:
    """Samples of the last ``window`` (older ones are dropped as new ones arrive)."""

    def __init__(self, window: timedelta = timedelta(minutes=5)) -> None:
        self._window = window
        self._samples: deque[QualitySample] = deque()

    @property
    def window(self) -> timedelta:
        """How far back the history goes."""
        return self._window

    @property
    def samples(self) -> tuple[QualitySample, ...]:
        """Samples, oldest first."""
        return tuple(self._samples)

    @property
    def latest(self) -> QualitySample | None:
        """The newest sample."""
        return self._samples[-1] if self._samples else None

    def add(self, sample: QualitySample) -> None:
        """Record a sample and forget those older than the window."""
        self._samples.append(sample)
        self.prune(sample.at)

    def prune(self, now: datetime) -> None:
        """Forget samples older than the window before ``now``."""
        while self._samples and now - self._samples[0].at > self._window:
            self._samples.popleft()

    def counts(self) -> dict[Quality, int]:
        """How many samples of each overall quality the window holds."""
        result = dict.fromkeys(Quality, 0)
        for sample in self._samples:
            result[sample.quality] += 1
        return result
