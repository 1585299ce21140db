"""The Ramais tab against the sandbox: CRUD round trip, validation, API errors, webphone link."""

from __future__ import annotations

import asyncio

from admin_support import make_client
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import run

from desktop.admin.panel import AdminPanel
from desktop.admin.ramal_form import RamalFormDialog
from desktop.sandbox.server import SandboxThread


def _panel(qtbot: QtBot, sandbox: SandboxThread) -> AdminPanel:
    panel = AdminPanel.from_client(make_client(sandbox))
    qtbot.addWidget(panel)
    return panel


def _fill(form: RamalFormDialog, **values: object) -> None:
    for name, value in values.items():
        if isinstance(value, bool):
            form.checks[name].setChecked(value)
        else:
            form.edits[name].setText(str(value))


def test_crud_round_trip(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = _panel(qtbot, sandbox)
    view = panel.ramais
    run(qtbot, view.load())
    before = view.model.rowCount()
    assert before > 0

    form = view.new_ramal()
    _fill(
        form, ramal="4777", login="nova@empresa.com.br", senha="Xy7pQ2mNa9",
        bina="4832830151", ura_id="", tags="teste", gravar_audio=True,
        ligacao_externa=True, voicemail=False,
    )  # fmt: skip
    form.submit()
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1, timeout=5000)
    created = next(r for r in view.model.ramais() if r.ramal == "4777")
    assert created.login == "nova@empresa.com.br" and created.gravar_audio is True
    assert created.bina == "4832830151" and created.tags == "teste"
    qtbot.waitUntil(lambda: (s := view.selected()) is not None and s.id == created.id)

    edit = view.edit_selected()
    assert edit is not None
    assert edit.edits["login"].text() == "nova@empresa.com.br"
    assert edit.edits["senha"].text() == ""
    _fill(edit, login="renomeada@empresa.com.br", tags="", gravar_audio=False, voicemail=True)
    body = edit.body()
    assert body is not None and body.to_json() == {
        "login": "renomeada@empresa.com.br", "gravar_audio": False, "voicemail": True, "tags": "",
    }  # fmt: skip
    edit.submit()

    def changed() -> bool:
        row = next((r for r in view.model.ramais() if r.id == created.id), None)
        return row is not None and row.login == "renomeada@empresa.com.br"

    qtbot.waitUntil(changed, timeout=5000)
    row = next(r for r in view.model.ramais() if r.id == created.id)
    assert (row.gravar_audio, row.voicemail, row.tags, row.ramal) == (False, True, "", "4777")

    view.select(created.id)
    box = view.delete_selected()
    assert isinstance(box, QMessageBox)
    assert "4777" in box.text() and "renomeada@empresa.com.br" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.model.row_of(created.id) < 0, timeout=5000)
    assert view.model.rowCount() == before
    panel.shutdown()


def test_delete_cancel_keeps_ramal(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = _panel(qtbot, sandbox)
    view = panel.ramais
    run(qtbot, view.load())
    first = view.model.ramais()[0]
    view.select(first.id)
    box = view.delete_selected()
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    run(qtbot, view.load())
    assert view.model.row_of(first.id) >= 0


def test_client_side_validation(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    sent: list[object] = []

    async def save(body: object) -> object:
        sent.append(body)
        return body

    form = RamalFormDialog(save)  # type: ignore[arg-type]
    qtbot.addWidget(form)
    _fill(form, ramal="12ab", login="sem-arroba", bina="99", ura_id="um")
    form.submit()
    assert sent == []
    assert form.error_text("ramal") and form.error_text("login")
    assert form.error_text("bina") and form.error_text("ura_id")
    assert form.error_text("senha") == ""
    _fill(form, ramal="", login="")
    form.submit()
    assert form.error_text("ramal") and form.error_text("login")
    form.edits["ramal"].setText("4123")
    assert form.error_text("ramal") == ""


def test_password_generator_and_strength(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> None:
    async def save(body: object) -> object:
        return body

    form = RamalFormDialog(save)  # type: ignore[arg-type]
    qtbot.addWidget(form)
    assert form.edits["senha"].echoMode() == form.edits["senha"].EchoMode.Password
    form.edits["senha"].setText("123456")
    assert form.strength.text()
    weak = form.strength.text()
    form.generate_password()
    assert len(form.edits["senha"].text()) == 14
    assert form.strength.text() != weak
    assert form.edits["senha"].echoMode() == form.edits["senha"].EchoMode.Normal


def test_api_duplicate_shown_next_to_field(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = _panel(qtbot, sandbox)
    view = panel.ramais
    run(qtbot, view.load())
    taken = view.model.ramais()[0]
    form = view.new_ramal()
    _fill(form, ramal=taken.ramal or "", login="outra.pessoa@empresa.com.br")
    form.submit()
    qtbot.waitUntil(lambda: form.error_text("ramal") != "", timeout=5000)
    assert "4000" in form.error_text("ramal") or "existe" in form.error_text("ramal").lower()
    assert form.isVisible()
    # The sandbox's narrower rule (2-6 digits) comes back as motivo 11 naming the field.
    _fill(form, ramal="12345678")
    form.submit()
    qtbot.waitUntil(lambda: "ramal" in form.error_text("ramal"), timeout=5000)
    form.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_server_error_shown_in_words(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    import httpx

    panel = _panel(qtbot, sandbox)
    view = panel.ramais
    fault = {"method": "GET", "path": "/ramal/relatorio", "status": 403, "count": 10}
    httpx.post(f"{sandbox.base_url}/_sandbox/faults", json=fault)
    try:
        run(qtbot, view.load())
    finally:
        httpx.delete(f"{sandbox.base_url}/_sandbox/faults")
    assert view.status.text().startswith(("Could not load", "Não"))
    assert view.model.rowCount() == 0


def test_search_filters(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = _panel(qtbot, sandbox)
    view = panel.ramais
    run(qtbot, view.load())
    target = view.model.ramais()[2]
    view.search.setText(target.login or "")
    assert view.proxy.rowCount() == 1
    view.search.setText("zzz-nada")
    assert view.proxy.rowCount() == 0
    view.search.clear()
    assert view.proxy.rowCount() == view.model.rowCount()


def test_webphone_link_masked_and_copied(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = _panel(qtbot, sandbox)
    view = panel.ramais
    run(qtbot, view.load())
    ramal = view.model.ramais()[0]
    view.select(ramal.id)
    run(qtbot, view.load_link(ramal))
    shown = view.link_edit.text()
    assert "/w3/" in shown and "signature=***" in shown and "key=***" in shown
    view.reveal_button.setChecked(True)
    full = view.link_edit.text()
    assert "signature=" in full and "***" not in full
    view.reveal_button.setChecked(False)
    assert "***" in view.link_edit.text()
    view.copy_link()
    assert QGuiApplication.clipboard().text() == full


def test_report_signals(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread
) -> None:
    panel = _panel(qtbot, sandbox)
    run(qtbot, panel.ramais.load())
    ramal = panel.ramais.model.ramais()[1]
    panel.ramais.select(ramal.id)
    with qtbot.waitSignal(panel.openReceivedCalls) as calls:
        panel.ramais.calls_button.click()
    assert calls.args == [ramal.id, ramal.ramal]
    with qtbot.waitSignal(panel.openPauses) as pauses:
        panel.ramais.pauses_button.click()
    assert pauses.args == [ramal.id, ramal.ramal]
    assert len(panel.actions()) == 3
