"""Objects made at start-up stay out of the garbage collector's later passes."""

from __future__ import annotations

import gc

from desktop.heap import freeze_startup_objects


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
