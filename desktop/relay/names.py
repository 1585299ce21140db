"""Names of one account's subjects, stream and bucket: what the relay writes, consoles read."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AccountNames"]


@dataclass(frozen=True, slots=True)
class AccountNames:
    """Names of one account's subjects, stream and bucket."""

    conta: str

    @property
    def subjects(self) -> str:
        """Every subject of the account."""
        return f"ramal.{self.conta}.>"

    @property
    def stream(self) -> str:
        """The JetStream stream holding the account's events."""
        return f"RAMAL_{self.conta}"

    @property
    def bucket(self) -> str:
        """The key-value bucket holding the account's board (one key per ramal)."""
        return f"ramal_board_{self.conta}"

    def voicemail(self, ramal: str) -> str:
        """The subject of a ramal's new voicemails."""
        return f"ramal.{self.conta}.voicemail.{ramal}"
