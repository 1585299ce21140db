"""Supervisor actions against the sandbox: every escuta modo, both transfer legs, hang-up."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from qt_support import run
from supervisor_helpers import control, make_client

from desktop.core.board import CallPhase, LiveCall
from desktop.sandbox.server import SandboxThread
from desktop.supervisor.action_dialogs import ActionDialog
from desktop.supervisor.actions import ActionKind, AuditLog, SupervisorActions


def fixed_clock() -> datetime:
    return datetime(2026, 3, 2, 14, 5, 9, tzinfo=UTC)


def live_call(call_id: int | str) -> LiveCall:
    return LiveCall(
        call_id,
        "4001",
        "48999990000",
        "4001",
        "atendida",
        "atendida",
        CallPhase.TALKING,
        fixed_clock(),
    )


async def start_call(sandbox: SandboxThread, client: object) -> int | str:
    from desktop.api import TotalVoiceClient

    assert isinstance(client, TotalVoiceClient)
    control(sandbox, "/_sandbox/settings", {"auto_answer_ms": None})
    call_id = await client.chamadas.create("4001", "48999990000")
    control(sandbox, f"/_sandbox/calls/{call_id}/answer")
    return call_id


@pytest.mark.parametrize(
    ("kind", "modo"), [(ActionKind.LISTEN, 1), (ActionKind.WHISPER, 2), (ActionKind.BARGE, 3)]
)
async def test_each_escuta_mode(
    sandbox: SandboxThread, tmp_path: Path, kind: ActionKind, modo: int
) -> None:
    async with make_client(sandbox) as client:
        call_id = await start_call(sandbox, client)
        service = SupervisorActions(client.chamadas, AuditLog(tmp_path), "sup@x", fixed_clock)
        result = await service.listen(call_id, "4009", kind)
    assert result.ok, result.message
    state = control(sandbox, f"/_sandbox/calls/{call_id}", method="GET")
    assert state["escutas"][-1]["modo"] == modo
    entry = service.audit.entries()[-1]
    assert (entry.who, entry.action, entry.call_id, entry.ok) == (
        "sup@x",
        kind.value,
        str(call_id),
        True,
    )
    assert entry.at == "2026-03-02T14:05:09+00:00"


@pytest.mark.parametrize("perna", ["origem", "destino"])
async def test_transfer_each_leg(sandbox: SandboxThread, tmp_path: Path, perna: str) -> None:
    async with make_client(sandbox) as client:
        call_id = await start_call(sandbox, client)
        service = SupervisorActions(client.chamadas, AuditLog(tmp_path), "sup", fixed_clock)
        result = await service.transfer(call_id, "4005", perna)
    assert result.ok, result.message
    state = control(sandbox, f"/_sandbox/calls/{call_id}", method="GET")
    assert state["transferencias"][-1]["perna"] == perna
    assert service.audit.entries()[-1].detail == f"perna={perna}"


async def test_hangup_then_errors_in_words_and_no_retry(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    async with make_client(sandbox, retries=3) as client:
        call_id = await start_call(sandbox, client)
        service = SupervisorActions(client.chamadas, AuditLog(tmp_path), "sup", fixed_clock)
        assert (await service.hangup(call_id)).ok
        again = await service.listen(call_id, "4009", ActionKind.LISTEN)  # call no longer active
        control(
            sandbox,
            "/_sandbox/faults",
            {"method": "*", "path": f"/chamada/{call_id}", "status": 500, "count": 1},
        )
        failed = await service.hangup(call_id)
        faults = control(sandbox, "/_sandbox/faults", method="GET")
    control(sandbox, "/_sandbox/faults", method="DELETE")
    assert not again.ok and again.error is not None and again.message
    assert not failed.ok and failed.error is not None and failed.error.status == 500
    assert not any(f.get("remaining", f.get("count", 0)) for f in faults if isinstance(f, dict))
    entries = service.audit.entries()
    assert [e.ok for e in entries] == [True, False, False]
    assert entries[1].result == again.message
    csv_text = service.audit.to_csv()
    assert csv_text.splitlines()[0].startswith("at,who,action,call_id")
    assert len(csv_text.splitlines()) == 4


def test_audit_log_skips_damaged_lines(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "profile")
    audit.path.parent.mkdir()
    audit.path.write_text('{"broken"\n', encoding="utf-8")
    assert audit.entries() == []
    target = tmp_path / "out.csv"
    assert audit.export(target) == 0 and target.read_text().startswith("at,")


def test_dialog_shows_progress_answer_and_error(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> None:
    client = make_client(sandbox)
    call_id = run(qtbot, start_call(sandbox, client))
    service = SupervisorActions(client.chamadas, AuditLog(tmp_path), "sup", fixed_clock)

    async def runner(kind: ActionKind, cid: int | str, numero: str, perna: str) -> object:
        if kind is ActionKind.TRANSFER:
            return await service.transfer(cid, numero, perna)
        if kind is ActionKind.HANGUP:
            return await service.hangup(cid)
        return await service.listen(cid, numero, kind)

    dialog = ActionDialog(
        ActionKind.WHISPER,
        live_call(call_id),
        runner,
        supervisor_number="4009",  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    assert dialog.number.text() == "4009"  # from settings, editable before confirming
    dialog.start()
    assert not dialog.progress.isHidden() and not dialog.run_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    assert dialog.result_value is not None and dialog.result_value.ok
    assert dialog.progress.isHidden()

    transfer = ActionDialog(
        ActionKind.TRANSFER,
        live_call(call_id),
        runner,
        completions=["4005 — ana"],  # type: ignore[arg-type]
    )
    qtbot.addWidget(transfer)
    transfer.start()
    assert "number" in transfer.status.text().lower() or transfer.status.text()
    run(qtbot, client.chamadas.hangup(call_id))
    transfer.number.setText("4005")
    transfer.origem_leg.setChecked(True)
    transfer.start()
    qtbot.waitUntil(lambda: transfer.result_value is not None, timeout=5000)
    assert transfer.result_value is not None and not transfer.result_value.ok
    assert transfer.result_value.message in transfer.status.text()
    assert transfer.run_button.isEnabled()  # a manual retry is possible, none is automatic
    assert [e.action for e in service.audit.entries()] == ["whisper", "transfer"]
    run(qtbot, client.aclose())
