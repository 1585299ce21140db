"""Names of one account's subjects, stream and bucket: what the relay writes, consoles read.

Requests from the consoles go to ``pedido.<conta>.…``, outside the stream's subjects: the
stream never stores a console's own words, only what the relay published after checking
them, and a request's reply comes from the relay alone (never a stream's ack).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AccountNames", "agent_inbox"]


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

    def ramal(self, ramal: str) -> str:
        """The subject of a ramal's events (pauses, its place in the ramal list)."""
        return f"ramal.{self.conta}.ramal.{ramal}"

    def voicemail(self, ramal: str) -> str:
        """The subject of a ramal's new voicemails."""
        return f"ramal.{self.conta}.voicemail.{ramal}"

    def support(self, ramal: str) -> str:
        """The subject of a ramal's support events (coach status, raised hand)."""
        return f"ramal.{self.conta}.apoio.{ramal}"

    @property
    def requests(self) -> str:
        """Every request subject of the account (the relay answers them)."""
        return f"pedido.{self.conta}.>"

    def agent_requests(self, ramal: str) -> str:
        """Every request subject an agent of ``ramal`` may publish to."""
        return f"pedido.{self.conta}.ramal.{ramal}.>"

    def agent_request(self, ramal: str, kind: str) -> str:
        """The subject of one request of ramal ``ramal``'s agent (``mao``, ``pausa``, …)."""
        return f"pedido.{self.conta}.ramal.{ramal}.{kind}"

    @property
    def supervisor_requests(self) -> str:
        """Every request subject a supervisor may publish to."""
        return f"pedido.{self.conta}.supervisor.>"

    def supervisor_request(self, kind: str) -> str:
        """The subject of one supervisor request (``escuta``, ``ciente``)."""
        return f"pedido.{self.conta}.supervisor.{kind}"


def agent_inbox(user: str) -> str:
    """The reply subjects' prefix of NATS user ``user`` (nobody else's replies reach it)."""
    return f"_INBOX.{user}"
