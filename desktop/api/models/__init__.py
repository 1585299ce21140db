"""Typed, immutable records parsed from the API's JSON at the edge."""

from desktop.api.models.calls import Call, CallLeg, CallStatus, LegStatus, LegType, parse_call
from desktop.api.models.conferences import (
    Conference,
    ConferenceCall,
    parse_conference,
)
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
