"""The relay's counters, served as Prometheus text at ``/metrics``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["RelayMetrics"]


@dataclass
class RelayMetrics:
    """Counters since the process started (never reset, never decremented)."""

    received: int = 0
    published: int = 0
    duplicates: int = 0
    publish_errors: int = 0
    board_updates: int = 0
    board_errors: int = 0
    polls: int = 0
    poll_errors: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    requests_answered: int = 0
    requests_refused: Counter[str] = field(default_factory=Counter)

    def reject(self, reason: str) -> None:
        """Count one refused webhook delivery."""
        self.rejected[reason] += 1

    def refuse_request(self, reason: str) -> None:
        """Count one refused console request."""
        self.requests_refused[reason] += 1

    def render(self) -> str:
        """The Prometheus text exposition format (version 0.0.4)."""
        lines: list[str] = []

        def counter(name: str, text: str, samples: list[tuple[str, int]]) -> None:
            lines.append(f"# HELP ramal_relay_{name} {text}")
            lines.append(f"# TYPE ramal_relay_{name} counter")
            lines.extend(f"ramal_relay_{name}{labels} {value}" for labels, value in samples)

        counter("webhooks_received_total", "Webhook deliveries received.", [("", self.received)])
        counter(
            "webhooks_rejected_total",
            "Webhook deliveries refused, by reason.",
            [(f'{{reason="{reason}"}}', n) for reason, n in sorted(self.rejected.items())],
        )
        counter("published_total", "Events stored by JetStream.", [("", self.published)])
        counter(
            "duplicates_total",
            "Events JetStream already held (same Nats-Msg-Id).",
            [("", self.duplicates)],
        )
        counter("publish_errors_total", "Publishes that failed.", [("", self.publish_errors)])
        counter("board_updates_total", "Board rows written.", [("", self.board_updates)])
        counter("board_errors_total", "Board rows that failed to write.", [("", self.board_errors)])
        counter("polls_total", "Polls of the ramal list and pauses.", [("", self.polls)])
        counter("poll_errors_total", "Polls that failed.", [("", self.poll_errors)])
        counter(
            "requests_answered_total", "Console requests answered.", [("", self.requests_answered)]
        )
        counter(
            "requests_refused_total",
            "Console requests refused, by reason.",
            [(f'{{reason="{reason}"}}', n) for reason, n in sorted(self.requests_refused.items())],
        )
        return "\n".join(lines) + "\n"
