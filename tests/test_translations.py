"""The pt_BR translation: complete, in sync with the code, and used by the UI modules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.agent.state import AgentSnapshot, AgentState
from desktop.agent.words import state_words
from desktop.core.board import RamalState
from desktop.core.outcomes import Outcome
from desktop.history.words import outcome_label
from desktop.shell.main_window import MainWindow
from desktop.shell.tray import TrayState, state_label
from desktop.supervisor.board_model import state_text

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "ramal_desktop_pt_BR.ts"
PLACEHOLDER = re.compile(r"%\d|%n|\{\w+\}")


def _tool(name: str) -> Path:
    """A Qt linguist tool shipped with PySide6 (the venv's wrapper or the package's binary)."""
    bin_dir = Path(sys.executable).parent
    package_dir = Path(PySide6.__file__).parent
    for candidate in (
        bin_dir / f"pyside6-{name}",
        bin_dir / f"pyside6-{name}.exe",
        package_dir / name,
        package_dir / f"{name}.exe",
    ):
        if candidate.exists():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"pyside6-{name} not found next to {sys.executable} nor in {package_dir}")
    return Path(found)


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


@pytest.fixture(scope="module")
def qm_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts compiled the way bootstrap does it, into a temporary directory."""
    qm = tmp_path_factory.mktemp("i18n") / "ramal_desktop_pt_BR.qm"
    subprocess.run(
        [str(_tool("lrelease")), "-silent", str(TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return qm


@pytest.fixture
def pt_br(qapp: QApplication, qm_file: Path) -> Iterator[QTranslator]:
    """The compiled translation installed for one test only."""
    translator = QTranslator()
    assert translator.load(str(qm_file)), f"cannot load {qm_file}"
    assert translator.language() == "pt_BR"
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def _samples() -> dict[str, str]:
    window = MainWindow("Teste")
    try:
        first_menu = window.menuBar().actions()[0].text()
    finally:
        window.deleteLater()
    return {
        "menu": first_menu,
        "agent": state_words(AgentSnapshot(state=AgentState.READY)),
        "history": outcome_label(Outcome.MISSED),
        "tray": state_label(TrayState.PAUSED),
        "board": state_text(RamalState.PAUSED),
        "plural": QCoreApplication.translate("RatingDialog", "%n star(s)", "", 2),
    }


def test_every_message_is_translated() -> None:
    problems = []
    for context, message in _messages(TS):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
            continue
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.findall("numerusform")]
        else:
            forms = [translation.text or ""]
        for form in forms:
            if not form.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"{context}: {source!r} → {form!r} changes the placeholders")
            elif ("&" in source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                problems.append(f"{context}: {source!r} → {form!r} adds or drops the accelerator")
    assert not problems, "\n".join(problems)


def test_ts_holds_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = [str(_tool("lupdate")), "-silent", "-extensions", "py"]
    subprocess.run(
        [*lupdate, str(ROOT / "desktop"), "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )

    def keys(ts: Path) -> set[tuple[str, str]]:
        return {(context, m.findtext("source") or "") for context, m in _messages(ts)}

    in_code, in_ts = keys(fresh), keys(TS)
    assert not in_code - in_ts, f"missing from the .ts (run lupdate): {sorted(in_code - in_ts)}"
    assert not in_ts - in_code, f"no longer in the code (run lupdate): {sorted(in_ts - in_code)}"


def test_english_is_the_source_language(qapp: QApplication) -> None:
    assert _samples() == {
        "menu": "&File",
        "agent": "Ready",
        "history": "Missed",
        "tray": "Paused",
        "board": "Paused",
        "plural": "2 star(s)",
    }


def test_the_ui_speaks_portuguese_with_the_compiled_file(pt_br: QTranslator) -> None:
    assert _samples() == {
        "menu": "&Arquivo",
        "agent": "Disponível",
        "history": "Não atendida",
        "tray": "Em pausa",
        "board": "Em pausa",
        "plural": "2 estrelas",
    }
    assert QCoreApplication.translate("RatingDialog", "%n star(s)", "", 1) == "1 estrela"
