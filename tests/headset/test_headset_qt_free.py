"""The headset layer loads without Qt (the virtual headset test runs it without a display)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "desktop.headset",
        "desktop.headset.descriptor",
        "desktop.headset.layout",
        "desktop.headset.logic",
        "desktop.headset.hidio",
        "desktop.headset.manager",
    ],
)
def test_module_imports_no_qt(module: str) -> None:
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "ui = ('PySide6', 'shiboken6', 'qasync')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ui)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
