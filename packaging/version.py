"""Print the app version from ``pyproject.toml`` (the single source for every installer)."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def project_version(pyproject: Path = PYPROJECT) -> str:
    """Return ``[project] version`` from ``pyproject``."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


if __name__ == "__main__":
    sys.stdout.write(project_version() + "\n")
