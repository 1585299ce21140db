"""A 1,000,000-call export: wall time and the export process's peak RSS.

Run from the repository root:
PYTHONPATH=. .venv/bin/python bench/export_memory_bench.py [CALLS] [csv|json|xlsx]

The sandbox (a child process) serves CALLS calls (default 1,000,000) made on demand from
its seeded ones (``sandbox_data.virtual_calls``: no memory, little CPU), no added latency.
``python -m desktop export calls`` runs as a new process; its peak RSS is the kernel's
``ru_maxrss`` for children, read after it exits. The output's rows are counted (for
XLSX, the sheet's rows, read from the workbook a piece at a time).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

from sandbox_data import virtual_calls

from desktop.sandbox.server import SandboxThread

WORDS = [a for a in sys.argv[1:] if a != "--serve"]
CALLS = int(WORDS[0]) if WORDS and WORDS[0].isdigit() else 1_000_000
FORMAT = next((f for f in ("json", "xlsx") if f in WORDS), "csv")
ROOT = Path(__file__).resolve().parents[1]


def serve() -> None:
    with SandboxThread() as sandbox:
        virtual_calls(sandbox, CALLS)
        print(sandbox.base_url, sandbox.token, flush=True)
        sys.stdin.read()


def sheet_rows(path: Path) -> int:
    """``<row`` elements of the first sheet, counted as the XML is unpacked."""
    count, tail = 0, b""
    with zipfile.ZipFile(path) as book, book.open("xl/worksheets/sheet1.xml") as sheet:
        for chunk in iter(lambda: sheet.read(1 << 20), b""):
            text = tail + chunk
            count += text.count(b"<row ")
            tail = text[-4:]  # a tag cut in two is counted in the next piece
    return count


def main() -> None:
    child = subprocess.Popen(
        [sys.executable, __file__, str(CALLS), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        base_url, token = child.stdout.readline().split()  # type: ignore[union-attr]
        start, end = date.today() - timedelta(days=31), date.today()
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"calls.{FORMAT}"
            argv = [sys.executable, "-m", "desktop", "export", "calls", "--from", str(start)]
            argv += ["--to", str(end), "--api-url", base_url, "--format", FORMAT]
            argv += ["--output", str(target)]
            env = dict(os.environ, RAMAL_DESKTOP_TOKEN=token)
            began = time.perf_counter()
            done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True)
            wall = time.perf_counter() - began
            assert done.returncode == 0, done.stderr
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            size = target.stat().st_size
            if FORMAT == "xlsx":
                rows = sheet_rows(target) - 1  # the header
            else:
                with open(target, "rb") as handle:
                    chunks = iter(lambda: handle.read(1 << 20), b"")
                    lines = sum(chunk.count(b"\n") for chunk in chunks)
                rows = lines - 1 if FORMAT == "csv" else lines + 1
        print(
            f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {FORMAT}, "
            f"{CALLS} calls"
        )
        print(
            f"  export: wall {wall:.1f}s, client CPU {usage.ru_utime + usage.ru_stime:.1f}s, "
            f"peak RSS {usage.ru_maxrss / 1024:.0f} MB, file {size / 1e6:.0f} MB, {rows} rows"
        )
        assert rows == CALLS, rows
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(30)


if __name__ == "__main__":
    serve() if "--serve" in sys.argv else main()
