from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.shell.logging_setup import register_secret, setup_logging, unregister_secret

TOKEN = "tv-token-0123456789abcdef"
KEY = "wk-5f3e2d1c0b"
SIGNATURE = "a1b2c3d4e5f60718293a4b5c6d7e8f90"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    path = setup_logging(tmp_path / "logs", logging.DEBUG, console=False)
    register_secret(TOKEN)
    yield path
    unregister_secret(TOKEN)
    for handler in list(root.handlers):
        if handler not in before[0]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(before[1])


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_secrets_never_reach_the_log_file(log_file: Path) -> None:
    log = logging.getLogger("desktop.test")
    url = f"https://sandbox/w3/?key={KEY}&expires=1700000000&signature={SIGNATURE}"
    log.info("loading webphone %s", url)
    log.warning("headers: {'Access-Token': '%s', 'Accept': 'json'}", TOKEN)
    log.info("Access-Token: %s", "other-secret-value")
    log.debug("raw token %s in text", TOKEN)
    log.info('body {"token": "json-secret-1", "numero": "4000"}')
    log.info("format error %s %s", "only one")  # a broken call still logs, never raises
    try:
        raise RuntimeError(f"failed for {url} with {TOKEN}")
    except RuntimeError:
        log.exception("request failed")
    _flush()
    text = log_file.read_text()
    for secret in (TOKEN, KEY, SIGNATURE, "other-secret-value", "json-secret-1"):
        assert secret not in text
    assert "expires=1700000000" in text
    assert "key=***" in text and "signature=***" in text
    assert "RuntimeError" in text and "Traceback" in text
    assert '"numero": "4000"' in text


def test_unregistered_secret_is_no_longer_masked(log_file: Path) -> None:
    register_secret("temporary-secret-42")
    unregister_secret("temporary-secret-42")
    register_secret("abc")  # too short to mask safely: ignored
    logging.getLogger("desktop.test").info("value temporary-secret-42 abc")
    _flush()
    assert "temporary-secret-42 abc" in log_file.read_text()


def test_setup_twice_keeps_one_file_handler(log_file: Path) -> None:
    setup_logging(log_file.parent, console=False)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_ramal_desktop", False)]
    assert len(ours) == 1
