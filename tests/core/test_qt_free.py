"""The core (and everything built on it outside the UI) loads without Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE_MODULES = (
    "desktop.core.board",
    "desktop.core.outcomes",
    "desktop.core.thresholds",
    "desktop.core.board_stream",
    "desktop.board_cli",
    "desktop.supervisor.relay_feed",
    "desktop.relay.cli",
    "desktop.relay.server",
    "desktop.relay.poller",
    "desktop.relay.nats_config",
)


@pytest.mark.parametrize("module", QT_FREE_MODULES)
def test_module_imports_no_qt(module: str) -> None:
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "ui = ('PySide6', 'shiboken6', 'qasync')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ui)\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
