"""Print what a one-folder build is made of: largest files, totals per folder and component.

Usage: ``python packaging/bundle_sizes.py DIR [--top N]``. Symbolic links count as nothing
(the real file counts once), so the figures match what the ``.deb`` and tarball carry.
MB here is 2**20 bytes, as ``du -h`` and ``ls -lh`` count.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

MIB = 1 << 20

#: Folders inside the bundle whose subfolders get their own totals.
SPLIT = ("_internal", "_internal/PySide6", "_internal/PySide6/Qt")

#: Components of the bundle, by path (the first that matches counts the file).
COMPONENTS = (
    (
        "QtWebEngine (Chromium)",
        r"libQt6WebEngineCore|/Qt/resources/|/Qt/libexec/|qtwebengine_locales/",
    ),
    ("ICU (Qt's)", r"/libicu\w+\.so"),
    ("FFmpeg", r"/lib(av\w+|sw\w+|Qt6FFmpegStub[\w-]*)\.so"),
    ("other Qt libraries", r"/Qt/lib/"),
    ("Qt plugins", r"/Qt/plugins/"),
    ("Qt translations", r"/Qt/translations/"),
    ("PySide6 / shiboken6 bindings", r"^_internal/(PySide6|shiboken6)/"),
    ("Python (libpython, stdlib)", r"libpython|^_internal/python3|base_library\.zip"),
    ("executables (app + CLI, with the Python modules)", r"^[^/]+$"),
    ("cryptography", r"^_internal/cryptography"),
    ("system libraries", r"^_internal/lib[^/]+\.so[.\d]*$|\.chk$"),
    ("app resources", r"^_internal/(resources|desktop)/"),
    ("other Python packages", r""),
)


def file_sizes(root: Path) -> dict[str, int]:
    """Size of every regular file under ``root`` (not following links), by relative path."""
    return {
        path.relative_to(root).as_posix(): path.stat().st_size
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink()
    }


def folder_totals(sizes: dict[str, int]) -> Counter[str]:
    """Totals per top folder, with the folders in :data:`SPLIT` broken down one level more."""
    totals: Counter[str] = Counter()
    for relative, size in sizes.items():
        parts = relative.split("/")
        depth = 1
        while depth < len(parts) and "/".join(parts[:depth]) in SPLIT:
            depth += 1
        key = "/".join(parts[:depth]) + ("/" if depth < len(parts) else "")
        totals[key] += size
    return totals


def component_totals(sizes: dict[str, int]) -> dict[str, int]:
    """Totals per entry of :data:`COMPONENTS`, in its order."""
    patterns = [(name, re.compile(pattern)) for name, pattern in COMPONENTS]
    totals = dict.fromkeys((name for name, _ in COMPONENTS), 0)
    for relative, size in sizes.items():
        name = next(name for name, pattern in patterns if pattern.search(relative))
        totals[name] += size
    return totals


def _mb(size: int) -> str:
    return f"{size / MIB:8.1f} MB"


def report(root: Path, top: int = 30) -> str:
    """The text printed by the build: largest files, then folder totals, then the sum."""
    sizes = file_sizes(root)
    lines = [f"{len(sizes)} files, {_mb(sum(sizes.values())).strip()} in {root}", ""]
    lines.append(f"largest {top} files:")
    for relative, size in sorted(sizes.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"{_mb(size)}  {relative}")
    lines += ["", "per component:"]
    for name, size in component_totals(sizes).items():
        lines.append(f"{_mb(size)}  {name}")
    lines += ["", "per folder:"]
    for folder, size in sorted(folder_totals(sizes).items(), key=lambda item: -item[1]):
        lines.append(f"{_mb(size)}  {folder}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print :func:`report` for the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    sys.stdout.write(report(args.folder, args.top) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
