"""The command line speaks Portuguese throughout: argparse's own words included."""

from __future__ import annotations

import argparse
import ast
import gettext
import re
from pathlib import Path

import pytest

from desktop.argparse_pt import MESSAGES, PLURALS, PortugueseArgumentParser
from desktop.cli import build_parser, main

#: argparse's English, as it appears in help and errors.
ENGLISH = re.compile(
    r"usage:|positional arguments|options:|show this help|show program's|error:|"
    r"required|unrecognized|invalid choice|expected|argument |subcommands|\bNone\b"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    out, err = capsys.readouterr()
    code = raised.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.mark.parametrize(
    "argv", [["--help"], ["export", "--help"], ["export", "calls", "--help"]], ids=" ".join
)
def test_help_is_all_portuguese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert out.startswith("uso: ramal-desktop")
    assert "opções:" in out
    assert "mostra esta ajuda e sai" in out
    assert not ENGLISH.findall(out), out


def test_export_help_names_its_subcommand_and_exit_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(["export", "--help"], capsys)
    assert re.search(r"^\s+calls\s+as chamadas de um período", out, re.MULTILINE)
    _, out, _ = run(["export", "calls", "--help"], capsys)
    assert "Códigos de saída" in " ".join(out.split())


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export", "calls"], "faltam argumentos obrigatórios: --from, --to"),
        (["--bogus"], "argumentos não reconhecidos: --bogus"),
        (["--seed", "x"], "argumento --seed: não é um número inteiro: 'x'"),
        (["--dial"], "argumento --dial: falta o valor"),
        (["export", "list"], "escolha inválida: 'list' (escolha entre 'calls')"),
        (
            ["export", "calls", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xml"],
            "escolha inválida: 'xml'",
        ),
        (["export", "calls", "--from", "ontem", "--to", "2026-11-30"], "data inválida: 'ontem'"),
    ],
    ids=["required", "unknown", "type", "no-value", "subcommand", "choice", "date"],
)
def test_errors_are_portuguese(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("uso: ramal-desktop")
    assert ": erro: " in err
    assert expected in err
    assert not ENGLISH.findall(err), err


def test_export_without_subcommand_names_it_and_the_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["export"], capsys)
    assert code == 2
    assert "falta dizer o que exportar: calls" in err
    assert "ramal-desktop export calls --help" in err
    assert "what" not in err
    assert not ENGLISH.findall(err), err


def test_every_argparse_message_has_a_translation() -> None:
    """The catalog covers the argparse of the Python running the tests."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    singles: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if node.func.id == "_" and texts:
            singles.add(texts[0])
        elif node.func.id == "ngettext" and len(texts) == 2:
            plurals.add((texts[0], texts[1]))
    assert len(singles) > 25
    assert singles <= MESSAGES.keys()
    assert plurals <= PLURALS.keys()
    for english, portuguese in MESSAGES.items():
        # The same placeholders, so formatting never fails.
        assert sorted(re.findall(r"%\(\w+\)[rs]|%[rs]", english)) == sorted(
            re.findall(r"%\(\w+\)[rs]|%[rs]", portuguese)
        ), english


def test_argparse_is_english_again_outside_the_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(["--help"], capsys)
    assert vars(argparse)["_"] is gettext.gettext
    plain = argparse.ArgumentParser(prog="x")
    assert "usage: x" in plain.format_usage()
    assert isinstance(build_parser(), PortugueseArgumentParser)


def test_parsing_leaves_the_terminal_width_to_the_text_shown() -> None:
    code = (
        "import sys\n"
        "from desktop.cli import build_parser\n"
        "from desktop.history.export_cli import parse_export_args\n"
        "build_parser().parse_args(['--sandbox'])\n"
        "parse_export_args(['calls', '--from', '2026-01-01', '--to', '2026-01-31'])\n"
        "print('shutil' in sys.modules)\n"
    )
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


def test_help_still_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    text = build_parser().format_help()
    assert max(len(line) for line in text.splitlines()) <= 40 + 10  # argparse's own slack
    monkeypatch.setenv("COLUMNS", "200")
    assert build_parser().format_help().count("\n") < text.count("\n")
