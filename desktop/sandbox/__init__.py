"""Loopback emulation of the TotalVoice / Zenvia Voice API, with a simulated webphone page.

No Qt here: the app runs it in-process (see :class:`SandboxThread`) and tests run it as
``python -m desktop.sandbox``.
"""

from desktop.sandbox.server import DEFAULT_TOKEN, SandboxServer, SandboxThread

__all__ = ["DEFAULT_TOKEN", "SandboxServer", "SandboxThread"]
