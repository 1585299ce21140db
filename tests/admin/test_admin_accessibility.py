"""Administration for screen readers: every control named, saves and imports spoken."""

from __future__ import annotations

import asyncio
from pathlib import Path

from accessible_tree import unnamed_controls
from admin_support import make_client
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.admin.panel import AdminPanel
from desktop.admin.ramal_form import RamalFormDialog
from desktop.sandbox.server import SandboxThread

CSV = "ramal;login;senha;tags\n4951;a11y1@empresa.com.br;Forte123abc;csv\n49x2;bad;;\n"


def test_every_control_of_administration_and_its_dialogs_is_named(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    run(qtbot, panel.ramais.load())
    missing = []
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        missing += unnamed_controls(panel.tabs.widget(index))
    assert missing == []
    assert panel.ramais.table.accessibleName() == "Ramais of the account"
    form = RamalFormDialog(lambda _body: None, parent=panel)  # type: ignore[arg-type,return-value]
    assert unnamed_controls(form) == []
    assert form.edits["login"].accessibleName() == "Login (e-mail)"
    dialog = panel.ramais.import_csv()
    assert unnamed_controls(dialog) == []
    dialog.reject()
    panel.shutdown()


def test_saves_deletes_and_imports_are_announced(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    view = panel.ramais
    run(qtbot, view.load())
    heard = view.announcer.history
    path = tmp_path / "ramais.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = view.import_csv()
    run(qtbot, dialog.load(path))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    said = dialog.announcer.history
    assert said[-1].startswith("Import finished. Created: 1. Failed: 0.")
    dialog.reject()
    qtbot.waitUntil(lambda: any(r.ramal == "4951" for r in view.model.ramais()), timeout=5000)
    created = next(r for r in view.model.ramais() if r.ramal == "4951")
    view.select(created.id)
    edit = view.edit_selected()
    assert edit is not None
    edit.edits["tags"].setText("lida")
    edit.submit()
    qtbot.waitUntil(lambda: "Ramal 4951 saved." in heard, timeout=5000)
    view.select(created.id)
    box = view.delete_selected()
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: heard[-1:] == ["Ramal 4951 deleted."], timeout=5000)
    panel.shutdown()
