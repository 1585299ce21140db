"""argparse's own words (``usage:``, ``options``, its error messages) in Brazilian Portuguese.

argparse looks every message up through its module-level ``_`` and ``ngettext``, which
are gettext's global domain, chosen by the user's locale; no catalog for it ships with
Python. :class:`PortugueseArgumentParser` puts this catalog in their place for the
duration of its own calls only, so the help and errors of the command line speak the
same language as the options' own help, whatever the locale.
"""

from __future__ import annotations

import argparse
import functools
import gettext
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final, NoReturn, ParamSpec, TypeVar

__all__ = ["MESSAGES", "PLURALS", "PortugueseArgumentParser", "portuguese_messages"]

#: Every message of argparse (Python 3.11 to 3.13), by its English text.
MESSAGES: Final[dict[str, str]] = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opções",
    "subcommands": "subcomandos",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (padrão: %(default)s)",
    "show this help message and exit": "mostra esta ajuda e sai",
    "show program's version number and exit": "mostra a versão do programa e sai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: erro: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: aviso: %(message)s\n",
    "the following arguments are required: %s": "faltam argumentos obrigatórios: %s",
    "one of the arguments %s is required": "um dos argumentos %s é obrigatório",
    "unrecognized arguments: %s": "argumentos não reconhecidos: %s",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "escolha inválida: %(value)r (escolha entre %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valor inválido (%(type)s): %(value)r",
    "expected one argument": "falta o valor",
    "expected at most one argument": "espera no máximo um valor",
    "expected at least one argument": "espera ao menos um valor",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opção ambígua: %(option)s pode ser %(matches)s"
    ),
    "ignored explicit argument %r": "valor não aceito: %r",
    "not allowed with argument %s": "não pode ser usado com o argumento %s",
    "unexpected option string: %s": "opção inesperada: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "subcomando desconhecido %(parser_name)r (opções: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "não foi possível abrir '%(filename)s': %(error)s",
    'argument "-" with mode %r': 'argumento "-" com modo %r',
    "argument '%(argument_name)s' is deprecated": ("o argumento '%(argument_name)s' está obsoleto"),
    "command '%(parser_name)s' is deprecated": "o comando '%(parser_name)s' está obsoleto",
    "option '%(option)s' is deprecated": "a opção '%(option)s' está obsoleta",
    # Mistakes in a parser's definition: seen by its programmer, translated all the same.
    "%r is not callable": "%r não é chamável",
    "'required' is an invalid argument for positionals": (
        "'required' não vale para argumentos posicionais"
    ),
    ".__call__() not defined": ".__call__() não definido",
    "cannot have multiple subparser arguments": "só pode haver um grupo de subcomandos",
    "cannot merge actions - two groups are named %r": (
        "não é possível juntar as ações: dois grupos se chamam %r"
    ),
    "conflicting subparser alias: %s": "apelido de subcomando em conflito: %s",
    "conflicting subparser: %s": "subcomando em conflito: %s",
    "dest= is required for options like %r": "dest= é obrigatório para opções como %r",
    "invalid conflict_resolution value: %r": "valor inválido de conflict_resolution: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "opção inválida %(option)r: deve começar com um caractere de %(prefix_chars)r"
    ),
    "mutually exclusive arguments must be optional": (
        "argumentos mutuamente exclusivos devem ser opcionais"
    ),
}

#: Messages with a plural, by their English singular and plural.
PLURALS: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("expected %s argument", "expected %s arguments"): ("espera %s valor", "espera %s valores"),
    ("conflicting option string: %s", "conflicting option strings: %s"): (
        "opção em conflito: %s",
        "opções em conflito: %s",
    ),
}


class _Catalog(gettext.NullTranslations):
    """The tables above as a gettext translation (English when a message is unknown)."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        singular, plural = PLURALS.get((msgid1, msgid2), (msgid1, msgid2))
        return singular if n == 1 else plural


_CATALOG: Final = _Catalog()


@contextmanager
def portuguese_messages() -> Iterator[None]:
    """Within the block, argparse speaks Portuguese; the previous functions come back after."""
    module: dict[str, Any] = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = _CATALOG.gettext, _CATALOG.ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _in_portuguese(method: Callable[_P, _R]) -> Callable[_P, _R]:
    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with portuguese_messages():
            return method(*args, **kwargs)

    return wrapper


class PortugueseArgumentParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` whose own words are Portuguese.

    Its subcommands' parsers are of this class too (argparse makes them with the parent's
    class), and they run inside the parent's calls.
    """

    @_in_portuguese
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    @_in_portuguese
    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """Parse as argparse does, its errors in Portuguese."""
        return super().parse_args(args, namespace)

    @_in_portuguese
    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse as argparse does, its errors in Portuguese."""
        return super().parse_known_args(args, namespace)

    @_in_portuguese
    def format_usage(self) -> str:
        """``uso: …``."""
        with self._for_the_terminal():
            return super().format_usage()

    @_in_portuguese
    def format_help(self) -> str:
        """The help, its headings in Portuguese."""
        with self._for_the_terminal():
            return super().format_help()

    @contextmanager
    def _for_the_terminal(self) -> Iterator[None]:
        self._terminal_width = True
        try:
            yield
        finally:
            self._terminal_width = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse also makes a formatter to check each argument added; only text shown
        # needs the terminal's width, and asking for it imports shutil (with bz2, lzma
        # and fnmatch): milliseconds of every command's start for nothing.
        if getattr(self, "_terminal_width", False):
            return super()._get_formatter()
        # Every HelpFormatter takes ``width``; typeshed's protocol names ``prog`` only.
        return self.formatter_class(prog=self.prog, width=80)  # type: ignore[call-arg]

    @_in_portuguese
    def error(self, message: str) -> NoReturn:
        """Print the usage and ``prog: erro: message``, then exit with status 2."""
        super().error(message)
