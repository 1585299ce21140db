"""Replace identical copies of a shared library in one folder by symbolic links.

Wheels cannot hold symbolic links, so PySide6 ships ``libavcodec.so``, ``libavcodec.so.61``
and ``libavcodec.so.61.19.101`` as three full copies. In each folder of the build, files
with the same content whose names are versions of one library (``NAME.so``, ``NAME.so.X``,
``NAME.so.X.Y.Z``) become links to the one with the longest name, as a system install has
them. Links stay inside their folder, so ``$ORIGIN`` run paths resolve as before.

Usage: ``python packaging/linux/link_duplicates.py DIR`` (prints what it linked).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

SONAME = re.compile(r"^(?P<stem>.+?\.so)(\.\d+)*$")


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def link_duplicates(root: Path) -> list[tuple[Path, str, int]]:
    """Link duplicate library versions under ``root``; return (link, target, bytes saved)."""
    groups: dict[tuple[Path, str, int], list[Path]] = defaultdict(list)
    for path in root.rglob("*.so*"):
        match = SONAME.match(path.name)
        if match and path.is_file() and not path.is_symlink():
            groups[(path.parent, match["stem"], path.stat().st_size)].append(path)
    linked: list[tuple[Path, str, int]] = []
    for paths in groups.values():
        if len(paths) < 2:
            continue
        by_content: dict[str, list[Path]] = defaultdict(list)
        for path in paths:
            by_content[_digest(path)].append(path)
        for same in by_content.values():
            real = max(same, key=lambda p: (len(p.name), p.name))
            for copy in same:
                if copy != real:
                    size = copy.stat().st_size
                    copy.unlink()
                    os.symlink(real.name, copy)
                    linked.append((copy, real.name, size))
    return linked


def main(argv: list[str]) -> int:
    """Link the duplicates in the folder given as the only argument."""
    if len(argv) != 1:
        sys.stderr.write(__doc__.strip().splitlines()[-1] + "\n")
        return 2
    root = Path(argv[0])
    linked = link_duplicates(root)
    for link, target, _size in linked:
        sys.stdout.write(f"link_duplicates: {link.relative_to(root)} -> {target}\n")
    saved = sum(size for *_, size in linked) / 1_000_000
    sys.stdout.write(f"link_duplicates: {len(linked)} copies linked, {saved:.1f} MB saved\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
