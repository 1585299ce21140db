"""What the user asked for on the command line when starting the app (not a subcommand).

Apart from :mod:`desktop.cli`, which a headless subcommand also goes through: a
dataclass costs its module the import of ``dataclasses`` (and ``inspect``), ~20 ms of
every command's start.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LaunchOptions"]


@dataclass(frozen=True, slots=True)
class LaunchOptions:
    """What the user asked for on the command line."""

    embedded_sandbox: bool
    api_url: str | None
    token: str | None
    seed: int | None
    quit_after: float | None
    self_test: bool = False
    self_test_dial: str | None = None
    minimised: bool = False
    #: ``--sandbox`` starts with the simulated call-centre traffic running.
    sandbox_traffic: bool = True
    #: The arguments as given, forwarded to an instance that is already running.
    forwarded: tuple[str, ...] = ()
