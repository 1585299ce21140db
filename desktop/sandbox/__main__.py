"""``python -m desktop.sandbox``: run the sandbox alone; prints its base URL on line one."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

from desktop.sandbox.server import DEFAULT_TOKEN, SandboxServer


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop.sandbox",
        description="Sandbox local da API TotalVoice / Zenvia Voice (com webphone simulado).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="endereço (padrão 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="porta (0 = qualquer livre)")
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="Access-Token aceito")
    parser.add_argument("--seed", type=int, default=None, help="semente dos dados de exemplo")
    parser.add_argument("-v", "--verbose", action="store_true", help="log detalhado em stderr")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    """Start, announce the URL, wait for SIGINT/SIGTERM, stop."""
    server = SandboxServer(host=args.host, port=args.port, token=args.token, seed=args.seed)
    base_url = await server.start()
    sys.stdout.write(base_url + "\n")
    sys.stdout.flush()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)  # not available on Windows
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
