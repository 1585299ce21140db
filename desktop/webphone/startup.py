"""What the app must do for the webphone before the ``QApplication`` exists."""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from typing import Final

from desktop.webphone.scheme import register_scheme

__all__ = ["KEEP_AWAKE_FLAGS", "prepare_web_engine"]

FLAGS_VARIABLE: Final = "QTWEBENGINE_CHROMIUM_FLAGS"
# The webphone runs out of sight, often in a minimised window. Chromium then throttles its
# timers (to one wake-up per second, later per minute): stats would stall, the watchdog
# would reload a healthy webphone, and the provider's keep-alives would lag.
KEEP_AWAKE_FLAGS: Final = (
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
)


def prepare_web_engine(environ: MutableMapping[str, str] | None = None) -> None:
    """Register the ``ramal:`` scheme and keep the hidden webphone awake.

    Adds :data:`KEEP_AWAKE_FLAGS` to ``QTWEBENGINE_CHROMIUM_FLAGS`` (keeping what is
    there). Call it once, before the ``QApplication`` is created.
    """
    env = os.environ if environ is None else environ
    flags = env.get(FLAGS_VARIABLE, "").split()
    flags += [flag for flag in KEEP_AWAKE_FLAGS if flag not in flags]
    env[FLAGS_VARIABLE] = " ".join(flags)
    register_scheme()
