"""What the agent reads: states, directions, qualities, durations and advice, translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.agent.preferences import PauseReason
from desktop.agent.state import AgentSnapshot, AgentState, Direction, Quality
from desktop.webphone.protocol import KNOWN_STATUSES


def state_words(snap: AgentSnapshot) -> str:
    """The agent's state as a short phrase."""
    words = {
        AgentState.DISCONNECTED: QCoreApplication.translate("AgentWords", "Disconnected"),
        AgentState.CONNECTING: QCoreApplication.translate("AgentWords", "Connecting…"),
        AgentState.READY: QCoreApplication.translate("AgentWords", "Ready"),
        AgentState.RINGING: QCoreApplication.translate("AgentWords", "Incoming call"),
        AgentState.DIALING: QCoreApplication.translate("AgentWords", "Calling…"),
        AgentState.TALKING: QCoreApplication.translate("AgentWords", "In call"),
        AgentState.ENDED: QCoreApplication.translate("AgentWords", "Call ended"),
    }
    if snap.state is AgentState.READY and snap.paused:
        return QCoreApplication.translate("AgentWords", "Paused")
    return words[snap.state]


def call_state_words(state: AgentState) -> str:
    """Where the current call is, for the call panel."""
    return {
        AgentState.RINGING: QCoreApplication.translate("AgentWords", "Ringing"),
        AgentState.DIALING: QCoreApplication.translate("AgentWords", "Calling…"),
        AgentState.TALKING: QCoreApplication.translate("AgentWords", "In call"),
        AgentState.ENDED: QCoreApplication.translate("AgentWords", "Call ended"),
    }.get(state, "")


def unknown_status(snap: AgentSnapshot) -> str | None:
    """The webphone's last status when the docs do not name it (shown as it came)."""
    status = snap.last_status
    if status is None or status in KNOWN_STATUSES:
        return None
    return QCoreApplication.translate("AgentWords", "Webphone status: %1").replace("%1", status)


def microphone_notice(snap: AgentSnapshot) -> str | None:
    """Says so when the sandbox's webphone stands in a simulated microphone for a missing one."""
    if not snap.simulated_microphone:
        return None
    return QCoreApplication.translate("AgentWords", "Simulated microphone (no microphone found)")


def direction_words(direction: Direction) -> str:
    """Incoming or outgoing."""
    return (
        QCoreApplication.translate("AgentWords", "Incoming")
        if direction is Direction.INBOUND
        else QCoreApplication.translate("AgentWords", "Outgoing")
    )


def quality_words(quality: Quality) -> str:
    """Good, fair, poor or no data."""
    return {
        Quality.GOOD: QCoreApplication.translate("AgentWords", "Good"),
        Quality.FAIR: QCoreApplication.translate("AgentWords", "Fair"),
        Quality.POOR: QCoreApplication.translate("AgentWords", "Poor"),
        Quality.UNKNOWN: QCoreApplication.translate("AgentWords", "No data"),
    }[quality]


def reason_words(reason: PauseReason) -> str:
    """A pause reason's label in the interface language."""
    return QCoreApplication.translate("PauseReason", reason.label)


def reason_with_limit(reason: PauseReason) -> str:
    """``Lunch (60 min)``: the label plus its time limit, if any."""
    label = reason_words(reason)
    if reason.max_minutes is None:
        return label
    return (
        QCoreApplication.translate("AgentWords", "%1 (%2 min)")
        .replace("%1", label)
        .replace("%2", str(reason.max_minutes))
    )


def duration(seconds: int) -> str:
    """``MM:SS``, or ``H:MM:SS`` from one hour on."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def pretty_number(number: str) -> str:
    """``+5548999990000`` → ``+55 48 99999-0000``; other numbers are shown as they are."""
    if number.startswith("+55") and len(number) in (13, 14):
        ddd, local = number[3:5], number[5:]
        return f"+55 {ddd} {local[:-4]}-{local[-4:]}"
    return number


#: How Chromium (and the provider's page, which passes its words on) says there is no
#: microphone at all, lower-cased: the error names of ``getUserMedia`` and their message.
_NO_MICROPHONE = (
    "notfounderror",
    "devicesnotfounderror",
    "requested device not found",
    "nenhum microfone",
    "no microphone",
)


def _advice_table() -> tuple[tuple[tuple[str, ...], object], ...]:
    # Keywords of the provider's Portuguese messages (and the sandbox's), then the advice.
    mic = QT_TRANSLATE_NOOP(
        "AgentWords",
        "Allow microphone access for Ramal Desktop in the system settings, check that a "
        "headset is plugged in, then use Phone ▸ Reconnect.",
    )
    no_mic = QT_TRANSLATE_NOOP(
        "AgentWords",
        "No microphone found. Plug in a headset with a microphone or check the system's "
        "sound settings, then use Phone ▸ Reconnect.",
    )
    return (
        # Absence before the other microphone problems: a denied permission needs other words.
        (_NO_MICROPHONE, no_mic),
        (("microfone", "microphone", "getusermedia"), mic),
        (
            ("saldo",),
            QT_TRANSLATE_NOOP(
                "AgentWords", "The account has no credit: ask your administrator to add balance."
            ),
        ),
        (
            ("permiss",),
            QT_TRANSLATE_NOOP(
                "AgentWords",
                "Your ramal is not allowed to make this call: ask your administrator.",
            ),
        ),
        (
            ("expir", "sessão"),
            QT_TRANSLATE_NOOP("AgentWords", "The webphone session expired: use Phone ▸ Reconnect."),
        ),
        (
            ("comunica", "internet", "rede"),
            QT_TRANSLATE_NOOP(
                "AgentWords",
                "Check your internet connection; the webphone reconnects by itself.",
            ),
        ),
    )


def advice_for(status_erro: str) -> str:
    """What the agent can do about an error the webphone reported."""
    lowered = status_erro.lower()
    for keys, advice in _advice_table():
        if any(key in lowered for key in keys):
            return QCoreApplication.translate("AgentWords", str(advice))
    return QCoreApplication.translate(
        "AgentWords",
        "Check the number and try again. If it keeps happening, open Phone ▸ Troubleshooting.",
    )


def webphone_error(status_erro: str) -> str:
    """The banner text for a ``status_erro`` event: what happened, then what to do."""
    said = QCoreApplication.translate("AgentWords", "The webphone reported: “%1”.").replace(
        "%1", status_erro
    )
    return f"{said} {advice_for(status_erro)}"


def webphone_down(reason: str) -> str:
    """The banner text when the webphone stopped working."""
    said = QCoreApplication.translate("AgentWords", "The webphone is not working: %1.").replace(
        "%1", reason.rstrip(".")
    )
    todo = QCoreApplication.translate(
        "AgentWords",
        "It reconnects by itself (after the current call, if any). If it does not, "
        "use Phone ▸ Reconnect or open Phone ▸ Troubleshooting.",
    )
    return f"{said} {todo}"


#: The labels of ``DEFAULT_PAUSE_REASONS``, listed here so translators get them.
DEFAULT_REASON_LABELS = (
    QT_TRANSLATE_NOOP("PauseReason", "Break"),
    QT_TRANSLATE_NOOP("PauseReason", "Lunch"),
    QT_TRANSLATE_NOOP("PauseReason", "Restroom"),
    QT_TRANSLATE_NOOP("PauseReason", "Training"),
    QT_TRANSLATE_NOOP("PauseReason", "Back office"),
    QT_TRANSLATE_NOOP("PauseReason", "Not given"),
)
