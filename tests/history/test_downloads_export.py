from __future__ import annotations

import argparse
import asyncio
import errno
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from instants import NOON
from keyring_fakes import MemoryKeyring

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.api import downloads as api_downloads
from desktop.history.downloads import DownloadOutcome, DownloadQueue, file_name_for
from desktop.history.export_cli import parse_export_args, run_export
from desktop.history.source import HistorySource
from desktop.sandbox.server import SandboxThread
from desktop.settings.model import CustomHosts, Environment, Profile, Settings
from desktop.settings.paths import AppPaths
from desktop.settings.secrets import SERVICE
from desktop.settings.store import SettingsStore

TODAY = NOON.date()  # the sandbox's day
MONTH_AGO = TODAY - timedelta(days=31)

START, END = MONTH_AGO, TODAY


def report(sandbox: SandboxThread) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with httpx.Client(base_url=sandbox.base_url, headers={"Access-Token": sandbox.token}) as c:
        while True:
            dados = c.get(
                "/chamada/relatorio",
                params={
                    "data_inicio": str(START),
                    "data_fim": str(END),
                    "posicao": len(rows),
                    "limite": 200,
                },
            ).json()["dados"]
            rows += dados["relatorio"]
            if len(rows) >= dados["total"]:
                return rows


@pytest.fixture
def client(sandbox: SandboxThread) -> TotalVoiceClient:
    return TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))


@pytest.fixture(scope="module")
def recorded(sandbox: SandboxThread) -> Iterator[list[object]]:
    async def fetch() -> list[object]:
        hosts = ApiHosts.single(sandbox.base_url)
        async with TotalVoiceClient(sandbox.token, ApiConfig(hosts=hosts)) as own:
            fetched = await HistorySource(own).fetch(START, END)
        return [f.row for f in fetched if f.row.has_recording][:3]

    yield asyncio.run(fetch())


async def test_download_many_skip_existing_and_template(
    client: TotalVoiceClient, recorded: list, tmp_path: Path
) -> None:
    queue = DownloadQueue(HistorySource(client).download)
    seen: list[tuple[str, int]] = []
    results = await queue.run(recorded, tmp_path, progress=lambda c, d, t: seen.append((c, d)))
    assert [r.outcome for r in results] == [DownloadOutcome.DONE] * 3
    for row, result in zip(recorded, results, strict=True):
        assert result.path.name == file_name_for(row)
        assert result.path.name.endswith(f"_{row.call_id}.mp3")
        assert (
            result.path.read_bytes()[:3] in (b"ID3", b"\xff\xfb"[:3]) or result.path.stat().st_size
        )
    assert seen
    again = await queue.run(recorded, tmp_path)
    assert [r.outcome for r in again] == [DownloadOutcome.SKIPPED] * 3
    await client.aclose()


async def test_resume_after_partial_file(
    client: TotalVoiceClient, recorded: list, tmp_path: Path, sandbox: SandboxThread
) -> None:
    row = recorded[0]
    whole = tmp_path / "whole.mp3"
    await client.chamadas.download_recording(row.call_id, whole)
    target = tmp_path / file_name_for(row)
    api_downloads.part_path(target).write_bytes(whole.read_bytes()[:1000])
    # an earlier attempt keeps the recording's validator with the .part (without, no resume)
    etag = httpx.get(
        f"{sandbox.base_url}/chamada/{row.call_id}/gravacao",
        headers={"Access-Token": sandbox.token},
    ).headers["ETag"]
    api_downloads.ResumeValidator(etag=etag).save(api_downloads.validator_path(target))
    first: list[int] = []
    results = await DownloadQueue(HistorySource(client).download).run(
        [row], tmp_path, progress=lambda c, d, t: first.append(d)
    )
    assert results[0].outcome is DownloadOutcome.DONE
    assert target.read_bytes() == whole.read_bytes()
    assert first[0] > 1000  # resumed: counting started past the kept bytes
    await client.aclose()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
async def test_disk_full_or_permission_leaves_nothing(
    client: TotalVoiceClient,
    recorded: list,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
) -> None:
    def broken(self: object, chunk: bytes) -> None:
        raise OSError(code, "simulated")

    monkeypatch.setattr(api_downloads.PartFile, "write", broken)
    results = await DownloadQueue(HistorySource(client).download).run(recorded[:1], tmp_path)
    assert results[0].outcome is DownloadOutcome.FAILED
    assert results[0].error
    assert list(tmp_path.iterdir()) == []
    await client.aclose()


async def test_failure_mid_way_keeps_no_target(
    client: TotalVoiceClient, recorded: list, tmp_path: Path, sandbox: SandboxThread
) -> None:
    httpx.post(
        f"{sandbox.base_url}/_sandbox/faults",
        json={"method": "GET", "path": "/chamada/", "status": 500, "count": 10},
    )
    try:
        results = await DownloadQueue(HistorySource(client).download).run(recorded[:1], tmp_path)
    finally:
        httpx.delete(f"{sandbox.base_url}/_sandbox/faults")
    assert results[0].outcome is DownloadOutcome.FAILED
    assert not results[0].path.exists()
    await client.aclose()


def parse(argv: list[str]) -> argparse.Namespace:
    return parse_export_args(argv)


def test_export_json_matches_the_api(
    sandbox: SandboxThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAMAL_DESKTOP_TOKEN", sandbox.token)
    out = tmp_path / "calls.json"
    code = run_export(
        parse(
            [
                "calls",
                "--from",
                str(START),
                "--to",
                str(END),
                "--format",
                "json",
                "--output",
                str(out),
                "--api-url",
                sandbox.base_url,
            ]
        )
    )
    assert code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    api = report(sandbox)
    assert sorted(r["id"] for r in exported) == sorted(r["id"] for r in api)
    by_id = {r["id"]: r for r in api}
    for record in exported:
        assert record["origem"]["numero"] == by_id[record["id"]]["origem"]["numero"]
        assert record["destino"]["status"] == by_id[record["id"]]["destino"]["status"]


def test_export_csv_for_one_ramal_via_subprocess(sandbox: SandboxThread, tmp_path: Path) -> None:
    out = tmp_path / "calls.csv"
    env = {"RAMAL_DESKTOP_TOKEN": sandbox.token, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "export",
            "calls",
            "--from",
            str(START),
            "--to",
            str(END),
            "--ramal",
            "4000",
            "--output",
            str(out),
            "--api-url",
            sandbox.base_url,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    expected = [
        r for r in report(sandbox) if "4000" in (r["origem"]["numero"], r["destino"]["numero"])
    ]
    assert len(lines) - 1 == len(expected) > 0
    assert lines[0].startswith("id;data;")


def test_export_without_token_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("RAMAL_DESKTOP_TOKEN", raising=False)
    assert run_export(parse(["calls", "--from", "2026-11-01", "--to", "2026-11-23"])) == 2
    assert "RAMAL_DESKTOP_TOKEN" in capsys.readouterr().err


def test_export_reads_the_token_of_a_saved_profile(
    sandbox: SandboxThread,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    monkeypatch.setenv("RAMAL_DESKTOP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("RAMAL_DESKTOP_TOKEN", raising=False)
    url = sandbox.base_url
    profile = Profile(
        id="p1",
        name="Conta",
        environment=Environment.CUSTOM,
        ramal="4000",
        custom_hosts=CustomHosts(url, url, url),
    )
    paths = AppPaths.default().ensure()
    SettingsStore(paths.settings_file).save(Settings().with_profile(profile, activate=True))
    memory_keyring.set_password(SERVICE, "p1", sandbox.token)
    out = tmp_path / "calls.json"
    args = ["calls", "--from", str(START), "--to", str(END), "--format", "json"]
    assert run_export(parse([*args, "--output", str(out), "--profile", "Conta"])) == 0
    assert sorted(r["id"] for r in json.loads(out.read_text(encoding="utf-8"))) == sorted(
        r["id"] for r in report(sandbox)
    )
    # Without --profile and without the variable, the active profile is used.
    out.unlink()
    assert run_export(parse([*args, "--output", str(out)])) == 0
    assert out.exists()
    assert run_export(parse([*args, "--profile", "Outra"])) == 2
    memory_keyring.delete_password(SERVICE, "p1")
    assert run_export(parse([*args, "--profile", "p1"])) == 2
