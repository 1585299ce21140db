"""The TLS switch of the printed configuration: a real nats-server then refuses plain text."""

from __future__ import annotations

import os
import ssl
from collections.abc import Iterator
from pathlib import Path

import nats
import pytest
from relay_helpers import NatsServer, start_nats
from self_signed import self_signed

from desktop.relay.nats_config import NatsConfigOptions, render_nats_config


@pytest.fixture
def tls_nats(tmp_path: Path) -> Iterator[tuple[NatsServer, Path]]:
    cert, key = self_signed(tmp_path)
    options = NatsConfigOptions(
        conta="acme", store_dir=str(tmp_path / "js"), tls_cert=str(cert), tls_key=str(key)
    )
    config = tmp_path / "nats.conf"
    config.write_text(render_nats_config(options).replace("port: 4222\n", ""))
    env = {
        **os.environ,
        "RAMAL_NATS_RELAY_PASSWORD": "relay-pass",
        "RAMAL_NATS_SUPERVISOR_PASSWORD": "supervisor-pass",
    }
    server = start_nats(tmp_path / "js", config, env)
    yield server, cert
    server.stop()


async def test_tls_switch_requires_tls(tls_nats: tuple[NatsServer, Path]) -> None:
    server, cert = tls_nats
    context = ssl.create_default_context(cafile=str(cert))
    url = server.url.replace("127.0.0.1", "localhost")
    nc = await nats.connect(url, user="supervisor", password="supervisor-pass", tls=context)
    assert nc.is_connected
    await nc.close()
    with pytest.raises(Exception):  # noqa: B017 — nats-py raises several types here
        await nats.connect(
            server.url,
            user="supervisor",
            password="supervisor-pass",
            allow_reconnect=False,
            connect_timeout=5,
        )
