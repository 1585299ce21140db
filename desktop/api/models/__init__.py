"""Typed, immutable records parsed from the API's JSON at the edge.

Names are imported on first use: a headless command loads only the models it needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.api.models.calls import Call, CallLeg, CallStatus, LegStatus, LegType, parse_call
    from desktop.api.models.conferences import Conference, ConferenceCall, parse_conference
    from desktop.api.models.page import Page, parse_page
    from desktop.api.models.ramais import (
        Pause,
        PauseReport,
        Ramal,
        RamalInput,
        RamalReceivedCall,
        RamalRef,
        parse_pause_report,
        parse_ramal,
        parse_ramal_received_call,
    )
    from desktop.api.models.webphone import WebphoneType, WebphoneUrl, parse_webphone_url

#: Where each public name lives.
_HOMES: dict[str, str] = {
    "Call": "desktop.api.models.calls",
    "CallLeg": "desktop.api.models.calls",
    "CallStatus": "desktop.api.models.calls",
    "LegStatus": "desktop.api.models.calls",
    "LegType": "desktop.api.models.calls",
    "parse_call": "desktop.api.models.calls",
    "Conference": "desktop.api.models.conferences",
    "ConferenceCall": "desktop.api.models.conferences",
    "parse_conference": "desktop.api.models.conferences",
    "Page": "desktop.api.models.page",
    "parse_page": "desktop.api.models.page",
    "Pause": "desktop.api.models.ramais",
    "PauseReport": "desktop.api.models.ramais",
    "Ramal": "desktop.api.models.ramais",
    "RamalInput": "desktop.api.models.ramais",
    "RamalReceivedCall": "desktop.api.models.ramais",
    "RamalRef": "desktop.api.models.ramais",
    "parse_pause_report": "desktop.api.models.ramais",
    "parse_ramal": "desktop.api.models.ramais",
    "parse_ramal_received_call": "desktop.api.models.ramais",
    "WebphoneType": "desktop.api.models.webphone",
    "WebphoneUrl": "desktop.api.models.webphone",
    "parse_webphone_url": "desktop.api.models.webphone",
}

__all__ = [
    "Call",
    "CallLeg",
    "CallStatus",
    "Conference",
    "ConferenceCall",
    "LegStatus",
    "LegType",
    "Page",
    "Pause",
    "PauseReport",
    "Ramal",
    "RamalInput",
    "RamalReceivedCall",
    "RamalRef",
    "WebphoneType",
    "WebphoneUrl",
    "parse_call",
    "parse_conference",
    "parse_page",
    "parse_pause_report",
    "parse_ramal",
    "parse_ramal_received_call",
    "parse_webphone_url",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
