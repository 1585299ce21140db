"""Subprocesses for the hotkey tests: X clients, a fake portal, their output lines."""

from __future__ import annotations

import os
import queue
import select
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest

HERE = Path(__file__).parent


def read_line(stream: object, timeout: float = 10.0) -> str:
    """One line from a subprocess pipe, or '' when none comes within ``timeout``."""
    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline().strip() if ready else ""  # type: ignore[attr-defined]


class Lines:
    """The lines a subprocess prints, read by a thread so none is lost in a buffer."""

    def __init__(self, stream: IO[str]) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line.strip())

    def next(self, timeout: float = 10.0) -> str:
        """The next line, or '' when none comes within ``timeout``."""
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            return ""


def need(*tools: str) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 and D-Bus run on Linux only")
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing {missing}: scripts/bootstrap.sh installs them")


def xdotool(display: str, *args: str) -> None:
    """Run xdotool on ``display``."""
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", *args], env=env, check=True, timeout=30)


class XClient:
    """``x_client.py`` running as a separate X client."""

    def __init__(self, display: str, *args: str) -> None:
        env = {**os.environ, "DISPLAY": display}
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "x_client.py"), *args],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.lines = Lines(self.proc.stdout)
        self.first = self.lines.next()

    def line(self, timeout: float = 10.0) -> str:
        return self.lines.next(timeout)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(10)


class FakePortal:
    """``fake_portal.py`` serving on a bus; ``calls`` lists the members it was asked."""

    def __init__(self, address: str, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "fake_portal.py"), address, *args],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.lines = Lines(self.proc.stdout)
        assert self.lines.next() == "ready"

    def calls(self) -> list[str]:
        """The members called since the last look."""
        out = []
        while line := self.lines.next(0.5):
            out.append(line.removeprefix("call "))
        return out

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
