"""Dependencies point one way: the relay (a server) and the consoles share only the core.

Checked on the source: no module outside ``desktop/relay`` imports the relay, the relay
imports no UI package, and the core imports neither.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
UI_PACKAGES = ("agent", "history", "supervisor", "admin", "settings", "shell", "webphone")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names; relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(DESKTOP.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _modules(under: str) -> list[Path]:
    return sorted((DESKTOP / under).rglob("*.py"))


def _importers_of(prefixes: tuple[str, ...], paths: list[Path]) -> list[str]:
    return [
        f"{path.relative_to(DESKTOP.parent)} imports {name}"
        for path in paths
        for name in sorted(_imports(path))
        if name.startswith(prefixes)
    ]


def test_only_the_relay_imports_the_relay() -> None:
    outside = [p for p in sorted(DESKTOP.rglob("*.py")) if "relay" not in p.parts[-2:-1]]
    assert outside, "no modules found"
    assert _importers_of(("desktop.relay",), outside) == []


@pytest.mark.parametrize("package", ["relay", "core", "api"])
def test_server_side_and_core_import_no_ui(package: str) -> None:
    ui = (*(f"desktop.{name}" for name in UI_PACKAGES), "PySide6", "qasync")
    assert _importers_of(ui, _modules(package)) == []


def test_core_imports_no_relay() -> None:
    assert _importers_of(("desktop.relay",), _modules("core")) == []
