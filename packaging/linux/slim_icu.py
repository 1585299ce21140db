"""Cut the ICU data of the bundle down to the languages the app speaks (en, pt).

Two copies of ICU's data ship with Qt, each for every locale of the world:

- ``libicudata.so.NN`` (32 MB), one symbol ``icudtNN_dat``, used by Qt Core. Qt uses ICU
  for locale-aware case mapping and time-zone names; its text layout, line breaking and
  the app's text codec (UTF-8) are Qt's own, and the app never collates through Qt.
  Kept: ``root``, ``en*`` and ``pt*`` of every locale tree and the locale-independent
  data. Dropped as well: collation, legacy charset tables (``*.cnv``), the word-break
  dictionaries of Chinese/Japanese, Thai, Lao, Khmer and Burmese, transliteration and
  Unicode character names.
- ``icudtl.dat`` (10 MB), Chromium's own, read by QtWebEngine for the app's web pages
  (the webphone host page, the sandbox's pages): UTF-8, in Portuguese and English. The
  same locale cut, the charset tables and the word-break dictionaries.

A locale that is left out falls back to ``root`` (what ICU does for any locale it lacks).
Needs ``icupkg`` (Debian ``icu-devtools``); for the library also ``nm``, ``readelf``, ``gcc``.
Usage: ``python packaging/linux/slim_icu.py FILE...`` (each replaced in place).
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("en", "pt")
ALWAYS = {"root", "pool", "res_index"}
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
#: Items neither reads (see the module docstring); Qt's copy drops more.
NOT_FOR_CHROMIUM = re.compile(r"(\.cnv|\.dict)$")
NOT_FOR_QT = re.compile(r"(\.cnv|\.dict|^translit/.*|^coll/.*|^unames\.icu)$")


def wanted(item: str, for_qt: bool = True) -> bool:
    """Whether the data item ``item`` (``zone/pt.res``, ``zone/de.res``) stays."""
    if (NOT_FOR_QT if for_qt else NOT_FOR_CHROMIUM).search(item):
        return False
    stem, _, ext = item.rsplit("/", 1)[-1].rpartition(".")
    if ext != "res" or stem in ALWAYS or not LOCALE.match(stem):
        return True
    return stem.split("_")[0] in KEEP_LANGUAGES


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def package_name(data: bytes) -> str:
    """The package name (``icudt73l``) its first table-of-contents entry is prefixed with."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    name_offset = struct.unpack_from("<I", data, header_size + 4)[0]
    start = header_size + name_offset
    return data[start : data.index(b"\0", start)].decode("ascii").split("/")[0]


def filter_data(data: bytes, for_qt: bool) -> bytes:
    """``data`` (an ICU common data package) without the items :func:`wanted` refuses."""
    package = package_name(data) + ".dat"  # icupkg reads the package name off the file name
    with tempfile.TemporaryDirectory(prefix="slim-icu-") as tmp:
        work = Path(tmp)
        (work / "out").mkdir()
        full, small = work / package, work / "out" / package
        full.write_bytes(data)
        _run("icupkg", "--ignore-deps", "-l", "-o", str(work / "items.txt"), str(full))
        items = (work / "items.txt").read_text(encoding="ascii").split()
        drop = [item for item in items if not wanted(item, for_qt)]
        (work / "drop.txt").write_text("\n".join(drop) + "\n", encoding="ascii")
        # Kept locales may name dropped ones as parents or dictionaries: ICU falls back.
        _run("icupkg", "-tl", "--ignore-deps", "-r", str(work / "drop.txt"), str(full), str(small))
        return small.read_bytes()


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the ``icudtNN_dat`` symbol."""
    for line in _run("nm", "-D", "-S", str(library)).splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            address, size, name = int(parts[0], 16), int(parts[1], 16), parts[3]
            break
    else:
        raise SystemExit(f"slim_icu: no icudtNN_dat symbol in {library}")
    for line in _run("readelf", "-SW", str(library)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return name, address - section_address + section_offset, size
    raise SystemExit(f"slim_icu: no .rodata in {library}")


def _slim_library(library: Path) -> None:
    name, offset, size = _data_symbol(library)
    with library.open("rb") as handle:
        handle.seek(offset)
        data = filter_data(handle.read(size), for_qt=True)
    with tempfile.TemporaryDirectory(prefix="slim-icu-") as tmp:
        work = Path(tmp)
        (work / "data.dat").write_bytes(data)
        (work / "data.s").write_text(
            f"\t.section .rodata\n\t.globl {name}\n\t.type {name}, @object\n\t.balign 16\n"
            f'{name}:\n\t.incbin "{work / "data.dat"}"\n\t.size {name}, .-{name}\n'
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        built = work / library.name
        _run(
            "gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-Wl,-s",
            "-o", str(built), str(work / "data.s"),
        )  # fmt: skip
        library.write_bytes(built.read_bytes())


def slim(path: Path) -> tuple[int, int]:
    """Slim ``path`` (Qt's ICU library or a ``.dat``) in place; return sizes before/after."""
    before = path.stat().st_size
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == b"\x7fELF":
        _slim_library(path)
    else:
        path.write_bytes(filter_data(path.read_bytes(), for_qt=False))
    return before, path.stat().st_size


def main(argv: list[str]) -> int:
    """Slim every file given on the command line."""
    if not argv:
        sys.stderr.write(__doc__.strip().splitlines()[-1] + "\n")
        return 2
    for arg in argv:
        before, after = slim(Path(arg))
        sys.stdout.write(f"slim_icu: {arg}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
