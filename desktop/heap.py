"""Long-lived objects kept out of the garbage collector's full passes."""

from __future__ import annotations

import gc

__all__ = ["freeze_long_lived", "freeze_startup_objects"]


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


def freeze_long_lived() -> None:
    """Freeze what is alive now too, in a process that froze its start-up objects.

    For data just loaded that lives until the next load, such as a History period's
    100,000 rows with their lists and index (each full pass walked them: 80–95 ms of
    CPU on a busy machine), and the modules imported since start-up. Nothing is
    collected first: the young generations hold the new lists themselves, and walking
    them once more cost 30-50 ms; the few garbage cycles they may hold are kept.
    Frozen objects are still freed as soon as nothing refers to them. A process that
    never froze its start-up (tests, command-line tools) is left to the collector.
    """
    if gc.get_freeze_count():
        gc.freeze()
