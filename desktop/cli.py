"""Command line of ``ramal-desktop``: parses arguments, then hands over to the Qt app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from desktop import APP_NAME, __version__

TOKEN_ENV = "RAMAL_DESKTOP_TOKEN"
SANDBOX_TOKEN = "sandbox-token"


@dataclass(frozen=True, slots=True)
class LaunchOptions:
    """What the user asked for on the command line."""

    embedded_sandbox: bool
    api_url: str | None
    token: str | None
    seed: int | None
    quit_after: float | None


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (kept separate so tests and docs can inspect it)."""
    parser = argparse.ArgumentParser(
        prog="ramal-desktop",
        description=(
            f"{APP_NAME}: softphone e console de supervisão para a API TotalVoice / Zenvia Voice."
        ),
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="usa o sandbox embutido (API simulada, nenhuma conta necessária); "
        "é o padrão quando nenhum token foi configurado",
    )
    parser.add_argument(
        "--api-url",
        metavar="URL",
        help="URL base única para os três hosts da API (ambiente próprio ou sandbox externo); "
        f"o token vem da variável {TOKEN_ENV}",
    )
    parser.add_argument(
        "--seed", type=int, metavar="N", help="semente dos dados do sandbox (reprodutível)"
    )
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SEGUNDOS",
        help=argparse.SUPPRESS,  # used by smoke tests and screenshots
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> LaunchOptions:
    """Parse ``argv`` into :class:`LaunchOptions`; the token is read from the environment only."""
    parser = build_parser()
    ns = parser.parse_args(argv)
    token = os.environ.get(TOKEN_ENV) or None
    api_url: str | None = ns.api_url
    if api_url is None:
        # No account configured: the embedded sandbox is the default.
        embedded = bool(ns.sandbox) or token is None
        return LaunchOptions(embedded, None, None if embedded else token, ns.seed, ns.quit_after)
    if token is None and ns.sandbox:
        token = SANDBOX_TOKEN  # a standalone sandbox started with its default token
    if token is None:
        parser.error(f"--api-url precisa do token na variável {TOKEN_ENV}")
    return LaunchOptions(False, api_url, token, ns.seed, ns.quit_after)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ramal-desktop`` console script."""
    options = parse_args(sys.argv[1:] if argv is None else argv)
    from desktop.app import run  # Qt is imported only once the arguments are valid

    return run(options)
