"""Helpers for the admin tests."""

from __future__ import annotations

from desktop.api import ApiConfig, ApiHosts, TotalVoiceClient
from desktop.sandbox.server import SandboxThread


def make_client(sandbox: SandboxThread) -> TotalVoiceClient:
    """A client of the test sandbox."""
    return TotalVoiceClient(sandbox.token, ApiConfig(hosts=ApiHosts.single(sandbox.base_url)))
