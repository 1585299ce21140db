"""Idle memory of the whole app (the Python process and its QtWebEngine children).

Starts ``ramal-desktop --sandbox`` (every panel, webphone connected), waits until it has
settled, and sums the proportional set size (PSS, so shared libraries are not counted
twice) of the process tree from ``/proc/<pid>/smaps_rollup``. Baseline in the same run: a
bare PySide6 process showing one widget. Linux only.

Usage: ``.venv/bin/python bench/idle_memory_bench.py [--settle 15]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo += children(current)
    return pids


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], env: dict[str, str], settle: float) -> tuple[float, int]:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        pids = tree(proc.pid)
        return sum(pss_kib(p) for p in pids) / 1024, len(pids)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--settle", type=float, default=15.0)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox --use-fake-device-for-media-stream"
    bare = (
        "import time; from PySide6.QtWidgets import QApplication, QWidget;"
        "a=QApplication([]); w=QWidget(); w.show(); a.processEvents(); time.sleep(600)"
    )
    with tempfile.TemporaryDirectory() as home:
        env["RAMAL_DESKTOP_HOME"] = home
        app_mib, app_procs = measure(
            [sys.executable, "-m", "desktop", "--sandbox", "--quit-after", "600"], env, args.settle
        )
    base_mib, _ = measure([sys.executable, "-c", bare], env, 3.0)
    print(
        f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {env['QT_QPA_PLATFORM']}"
    )
    print(f"Ramal Desktop idle on the sandbox ({app_procs} processes): {app_mib:.0f} MiB PSS")
    print(f"Baseline, bare PySide6 window (1 process): {base_mib:.0f} MiB PSS")
    print(f"Ratio: {app_mib / base_mib:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
