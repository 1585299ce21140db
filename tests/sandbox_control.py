"""The sandbox's control API from a test, over plain HTTP (no event loop needed)."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from desktop.sandbox.server import SandboxThread


def control(sandbox: SandboxThread, path: str, body: object | None = None) -> Any:
    """GET ``path`` (POST ``body`` as JSON when given) and return the decoded answer."""
    request = urllib.request.Request(
        sandbox.base_url + path,
        data=None if body is None else json.dumps(body).encode(),
        method="GET" if body is None else "POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())
