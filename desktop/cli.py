"""Command line of ``ramal-desktop``: parses arguments, then hands over to the Qt app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop import APP_NAME, __version__
from desktop.argparse_pt import PortugueseArgumentParser

if TYPE_CHECKING:
    from desktop.launch_options import LaunchOptions

TOKEN_ENV = "RAMAL_DESKTOP_TOKEN"
SANDBOX_TOKEN = "sandbox-token"


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"não é um número inteiro: {text!r}") from None


def _seconds(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"não é um número de segundos: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (kept separate so tests and docs can inspect it)."""
    parser = PortugueseArgumentParser(
        prog="ramal-desktop",
        description=(
            f"{APP_NAME}: softphone e console de supervisão para a API TotalVoice / Zenvia Voice."
        ),
        epilog="Exportar chamadas sem abrir a janela: ramal-desktop export calls --help; "
        "painel ao vivo em JSON: ramal-desktop board --help",
    )
    parser.add_argument(
        "link",
        nargs="?",
        metavar="tel:NÚMERO",
        help="link tel: ou callto: a discar (como o sistema o entrega)",
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="usa o sandbox embutido (API simulada, nenhuma conta necessária)",
    )
    parser.add_argument(
        "--no-traffic",
        action="store_true",
        help="com --sandbox: começa sem o tráfego simulado da central (liga no menu Sandbox)",
    )
    parser.add_argument(
        "--api-url",
        metavar="URL",
        help="URL base única para os três hosts da API (ambiente próprio ou sandbox externo); "
        f"o token vem da variável {TOKEN_ENV}",
    )
    parser.add_argument("--dial", metavar="NÚMERO", help="disca este número no app aberto")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="diagnóstico: conecta o webphone, faz uma chamada de teste (no sandbox), "
        "imprime uma linha JSON com os tempos e sai",
    )
    parser.add_argument(
        "--self-test-dial",
        metavar="NÚMERO",
        help="com --self-test numa conta real: número a chamar no teste",
    )
    parser.add_argument(
        "--minimised", "--minimized", action="store_true", help="começa minimizado na bandeja"
    )
    parser.add_argument(
        "--seed", type=_integer, metavar="N", help="semente dos dados do sandbox (reprodutível)"
    )
    parser.add_argument(
        "--quit-after",
        type=_seconds,
        metavar="SEGUNDOS",
        help=argparse.SUPPRESS,  # used by smoke tests and screenshots
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="mostra a versão e sai",
    )
    return parser


def parse_args(argv: Sequence[str] | None = None) -> LaunchOptions:
    """Parse ``argv`` into :class:`LaunchOptions`; the token is read from the environment only."""
    args = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    ns = parser.parse_args(args)
    if ns.link is not None and not ns.link.lower().startswith(("tel:", "callto:")):
        parser.error(f"argumento inesperado: {ns.link} (use tel:NÚMERO ou --dial NÚMERO)")
    if ns.self_test_dial and not ns.self_test:
        parser.error("--self-test-dial só vale com --self-test")
    from desktop.launch_options import LaunchOptions  # the app's path only

    token = os.environ.get(TOKEN_ENV) or None
    api_url: str | None = ns.api_url
    if api_url is not None:
        if token is None and ns.sandbox:
            token = SANDBOX_TOKEN  # a standalone sandbox started with its default token
        if token is None:
            parser.error(f"--api-url precisa do token na variável {TOKEN_ENV}")
    return LaunchOptions(
        embedded_sandbox=bool(ns.sandbox) and api_url is None,
        api_url=api_url,
        token=token if api_url is not None else None,
        seed=ns.seed,
        quit_after=ns.quit_after,
        self_test=ns.self_test,
        self_test_dial=ns.self_test_dial,
        minimised=ns.minimised,
        sandbox_traffic=not ns.no_traffic,
        forwarded=tuple(args),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ramal-desktop`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "export":
        from desktop.history.export_cli import parse_export_args, run_export

        return run_export(parse_export_args(args[1:]))
    if args and args[0] == "board":
        from desktop.board_cli import run_board

        return run_board(args[1:])
    options = parse_args(args)
    from desktop.app import run  # Qt is imported only once the arguments are valid

    return run(options)
