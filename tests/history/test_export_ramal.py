"""``export calls --ramal``: a ramal the account lacks is an error; an empty period a warning."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from instants import NOON

from desktop.cli import main
from desktop.sandbox.server import SandboxThread

# The history suite's sandbox starts at a fixed noon: the period is around its day.
START, END = NOON.date() - timedelta(days=31), NOON.date()


@pytest.fixture(autouse=True)
def token(sandbox: SandboxThread, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAMAL_DESKTOP_TOKEN", sandbox.token)


def export(sandbox: SandboxThread, start: date, end: date, *extra: str) -> int:
    period = ["--from", str(start), "--to", str(end)]
    return main(["export", "calls", *period, "--api-url", sandbox.base_url, *extra])


def test_unknown_ramal_is_an_error_and_writes_nothing(
    sandbox: SandboxThread, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "calls.csv"
    assert export(sandbox, START, END, "--ramal", "9999", "-o", str(out)) == 4
    err = capsys.readouterr().err
    assert "o ramal 9999 não existe nesta conta" in err
    assert "4000" in err  # names some ramais that do exist
    assert not out.exists()


def test_known_ramal_with_calls_says_nothing_more(
    sandbox: SandboxThread, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "calls.csv"
    assert export(sandbox, START, END, "--ramal", "4000", "-o", str(out)) == 0
    err = capsys.readouterr().err
    assert "nenhuma chamada" not in err
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(lines) > 1


def test_known_ramal_without_calls_in_the_period_warns(
    sandbox: SandboxThread, capsys: pytest.CaptureFixture[str]
) -> None:
    quiet = date(2011, 1, 3)  # long before the sandbox's calls
    assert export(sandbox, quiet, quiet, "--ramal", "4000", "--format", "json") == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert "aviso: nenhuma chamada do ramal 4000 entre 03/01/2011 e 03/01/2011" in err


def test_empty_period_without_ramal_warns_too(
    sandbox: SandboxThread, capsys: pytest.CaptureFixture[str]
) -> None:
    quiet = date(2011, 1, 3)
    assert export(sandbox, quiet, quiet) == 0
    out, err = capsys.readouterr()
    assert out.encode("utf-8").startswith(b"\xef\xbb\xbfid;data;")
    assert "aviso: nenhuma chamada entre 03/01/2011 e 03/01/2011" in err
