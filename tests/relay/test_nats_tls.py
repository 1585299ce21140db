"""The TLS switch of the printed configuration: a real nats-server then refuses plain text."""

from __future__ import annotations

import datetime as dt
import os
import ssl
from collections.abc import Iterator
from pathlib import Path

import nats
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from relay_helpers import NatsServer, start_nats

from desktop.relay.nats_config import NatsConfigOptions, render_nats_config


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365 * 100))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


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
