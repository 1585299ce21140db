"""The objects made at start-up, kept out of the garbage collector's full passes."""

from __future__ import annotations

import gc

__all__ = ["freeze_startup_objects"]


def freeze_startup_objects() -> None:
    """Collect once, then move every object alive to the collector's permanent generation.

    A full collection walks every object the collector tracks and holds the GIL while it
    does: with Qt, the web engine and httpx imported that is some 85,000 objects and
    60–120 ms of CPU, a frozen window whenever one runs (a large History refresh sets
    off several). Modules, classes and functions made at start-up live as long as the
    process, so leaving them out of later passes frees nothing less.
    """
    gc.collect()
    gc.freeze()
