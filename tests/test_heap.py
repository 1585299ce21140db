"""Objects made at start-up stay out of the garbage collector's later passes."""

from __future__ import annotations

import gc

from desktop.heap import freeze_long_lived, freeze_startup_objects


def test_start_up_objects_are_left_out_of_later_collections() -> None:
    made_at_start_up: list[list[int]] = [[1]]
    try:
        freeze_startup_objects()
        assert gc.get_freeze_count() > 0
        assert all(o is not made_at_start_up for o in gc.get_objects())
        made_later: list[list[int]] = [[2]]
        assert any(o is made_later for o in gc.get_objects())
    finally:
        gc.unfreeze()


def test_long_lived_objects_are_frozen_once_start_up_was() -> None:
    gc.unfreeze()
    loaded: list[list[int]] = [[3]]
    freeze_long_lived()  # a process that never froze its start-up: nothing changes
    assert gc.get_freeze_count() == 0
    try:
        freeze_startup_objects()
        loaded = [[4]]
        freeze_long_lived()
        assert all(o is not loaded for o in gc.get_objects())
    finally:
        gc.unfreeze()
