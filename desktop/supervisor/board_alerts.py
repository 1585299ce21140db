"""What a screen reader says when a board row goes over its threshold (the red rows)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.accessibility import spoken_duration
from desktop.core.board import RamalLive, RamalState
from desktop.core.thresholds import elapsed_seconds

__all__ = ["alert_text"]


def alert_text(row: RamalLive, at: datetime) -> str:
    """``Ramal 4001 (ana): in a call for 10 min 5 s`` — who, what and for how long."""
    who = f"{row.numero} ({row.login})" if row.login else row.numero
    spent = spoken_duration(elapsed_seconds(row.since, at) or 0)
    if row.state is RamalState.PAUSED:
        text = QCoreApplication.translate("SupervisorAlert", "Ramal %1: paused for %2")
    elif row.state is RamalState.RINGING:
        text = QCoreApplication.translate("SupervisorAlert", "Ramal %1: ringing for %2")
    else:
        text = QCoreApplication.translate("SupervisorAlert", "Ramal %1: in a call for %2")
    return text.replace("%1", who).replace("%2", spent)
