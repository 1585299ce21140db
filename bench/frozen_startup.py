"""Start-up of the frozen app against ``python -m desktop``: to window shown, to webphone connected.

Each run is ``--sandbox --self-test`` headless (offscreen, Chromium's fake microphone
device only). The self-test prints one JSON line right after its last step, with each
step's time since the app's start-up coroutine began; reading that line as it arrives
places the app's own clock on the bench's, so every figure is measured from the moment
the process was spawned:

- ``window``: the main window is shown (self-test step ``window``);
- ``webphone``: the webphone reports connected (step ``webphone_connected``).

*Cold*: a new home folder (no QtWebEngine profile or cache) and the program's files
dropped from the page cache (``posix_fadvise(DONTNEED)`` on each file; no root needed,
other programs' pages stay). *Warm*: the same home again, files cached.

Usage: ``python bench/frozen_startup.py [--runs N] [--frozen PATH]`` (default the build in
``packaging/dist/ramal-desktop``). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "packaging" / "dist" / "ramal-desktop" / "ramal-desktop"


@dataclass(frozen=True, slots=True)
class Run:
    """Milliseconds from spawn to each point."""

    window: float
    webphone: float
    total: float


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    flags = ["--use-fake-device-for-media-stream"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses its sandbox as root
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    return env


def evict(folders: list[Path]) -> int:
    """Drop the files under ``folders`` from the page cache; return how many were dropped."""
    count = 0
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                fd = os.open(path, os.O_RDONLY)
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    count += 1
                finally:
                    os.close(fd)
    return count


def start_once(command: list[str], home: Path) -> Run:
    """One ``--sandbox --self-test`` run; the times of its steps since spawn."""
    spawned = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--sandbox", "--self-test"],
        env=_env(home),
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    report: dict[str, object] | None = None
    arrived = 0.0
    for line in process.stdout:
        if line.startswith("{"):
            arrived = (time.perf_counter() - spawned) * 1000
            report = json.loads(line)
    process.wait(timeout=120)
    total = (time.perf_counter() - spawned) * 1000
    if report is None or report.get("ok") is not True:
        raise RuntimeError(f"{command[0]}: self-test failed: {report}")
    steps = report["steps_ms"]
    assert isinstance(steps, dict)
    # The JSON line is printed right after the last step (hangup): align the two clocks.
    offset = arrived - float(steps["hangup"])
    return Run(
        window=offset + float(steps["window"]),
        webphone=offset + float(steps["webphone_connected"]),
        total=total,
    )


def measure(command: list[str], files: list[Path], runs: int) -> tuple[list[Run], list[Run]]:
    """``runs`` cold starts (each in a new home, files evicted) and ``runs`` warm ones."""
    cold: list[Run] = []
    warm: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="ramal-bench-") as tmp:
        for index in range(runs):
            home = Path(tmp) / f"cold-{index}"
            home.mkdir()
            evict(files)
            cold.append(start_once(command, home))
        home = Path(tmp) / "warm"
        home.mkdir()
        start_once(command, home)  # fills this home's profile and the page cache
        for _ in range(runs):
            warm.append(start_once(command, home))
    return cold, warm


def _median(values: list[float]) -> str:
    return f"{statistics.median(values) / 1000:.2f} s"


def main() -> int:
    """Measure both ways of starting the app and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--frozen", type=Path, default=FROZEN)
    args = parser.parse_args()
    import PySide6  # only to find the wheel's files to evict

    pyside = Path(PySide6.__file__).resolve().parent
    site = pyside.parent
    subjects = {
        "frozen (one-folder)": ([str(args.frozen)], [args.frozen.resolve().parent]),
        "python -m desktop": (
            [sys.executable, "-m", "desktop"],
            [pyside, site / "shiboken6", ROOT / "desktop"],
        ),
    }
    print("| start | how | to window shown | to webphone connected | process ends |")
    print("| --- | --- | --- | --- | --- |")
    for name, (command, files) in subjects.items():
        cold, warm = measure(command, files, args.runs)
        for label, runs in (("cold", cold), ("warm", warm)):
            print(
                f"| {label} | {name} | {_median([r.window for r in runs])} | "
                f"{_median([r.webphone for r in runs])} | {_median([r.total for r in runs])} |",
                flush=True,
            )
    print(f"\nmedian of {args.runs} runs each; {os.cpu_count()} CPUs, load {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
