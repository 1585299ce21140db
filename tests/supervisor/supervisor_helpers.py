"""Helpers shared by the supervisor tests."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.sandbox.server import SandboxThread


def control(
    sandbox: SandboxThread, path: str, body: object | None = None, method: str = "POST"
) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        sandbox.base_url + path,
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read() or b"null")


def make_client(sandbox: SandboxThread, retries: int = 0) -> TotalVoiceClient:
    return TotalVoiceClient(
        sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url), max_retries=retries)
    )


def put_webhook(sandbox: SandboxThread, name: str, url: str) -> None:
    """``PUT /webhook/{name}``: the sandbox delivers that webhook to ``url``."""
    request = urllib.request.Request(
        f"{sandbox.base_url}/webhook/{name}",
        data=json.dumps({"url": url}).encode(),
        method="PUT",
        headers={"Content-Type": "application/json", "Access-Token": sandbox.token},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        response.read()
