"""``ramal-relay`` as a process: first lines, its own nats-server, SIGTERM drains and exits 0."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import nats
import pytest
from relay_helpers import NAMES
from relay_payloads import RINGING

from desktop.relay.cli import main, webhook_secret


def _post(url: str, body: object) -> int:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        status: int = response.status
        return status


async def test_embedded_relay_prints_its_urls_and_drains_on_sigterm(tmp_path: Path) -> None:
    env = {**os.environ, "RAMAL_DESKTOP_TOKEN": "process-token", "RAMAL_RELAY_ACCOUNT": "acme"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.relay",
            "--api-url",
            "http://127.0.0.1:9",
            "--listen",
            "127.0.0.1:0",
            "--embedded-nats",
            str(tmp_path / "nats"),
            "--poll-budget",
            "0",
            "--hide-silent-listening",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        hooks = process.stdout.readline().strip()
        nats_line = process.stdout.readline().strip()
        assert hooks.startswith("webhooks: http://127.0.0.1:")
        assert hooks.endswith(f"/hooks/{webhook_secret('process-token')}/")
        assert nats_line.startswith("nats: nats://127.0.0.1:")
        base = hooks.removeprefix("webhooks: ")
        nats_url = nats_line.removeprefix("nats: ")
        assert _post(base + "status_tempo_real", RINGING) == 200
        nc = await nats.connect(nats_url)
        info = await nc.jetstream().stream_info(NAMES.stream)
        assert info.state.messages == 1
        # --hide-silent-listening: the supervisor's silent listening is not told to the agent
        listen = {"supervisor": "Ana", "ramal": "4001", "chamada_id": 9, "modo": 1}
        msg = await nc.request(NAMES.supervisor_request("escuta"), json.dumps(listen).encode())
        assert json.loads(msg.data)["apoio"]["escuta"]["modo"] == 1
        msg = await nc.request(NAMES.agent_request("4001", "estado"), b"{}")
        assert json.loads(msg.data)["apoio"]["escuta"] is None
        await nc.close()
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    host, port = nats_url.removeprefix("nats://").split(":")
    with socket.socket() as probe:  # the embedded nats-server went with it
        assert probe.connect_ex((host, int(port))) != 0
    assert list((tmp_path / "nats").iterdir())  # JetStream kept its files in DIR


def test_token_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("tok\n")
    token.chmod(0o644)
    try:
        main(["--api-url", "http://127.0.0.1:9", "--token-file", str(token)])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("a 0644 token file was accepted")


def test_print_nats_config_needs_no_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RAMAL_DESKTOP_TOKEN", raising=False)
    args = ["--api-url", "http://x.test", "--account", "acme", "--print-nats-config"]
    assert main([*args, "--agent-ramal", "4001"]) == 0
    text = capsys.readouterr().out
    assert "user: supervisor" in text and "user: agent_4001" in text
    assert "password: $RAMAL_NATS_RELAY_PASSWORD" in text
