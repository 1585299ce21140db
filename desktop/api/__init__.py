"""Async client of the TotalVoice / Zenvia Voice REST API (no Qt in this package).

Names are imported on first use: a headless command loads only the modules it needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.api.calls import CallsApi, ListenMode, TransferLeg
    from desktop.api.client import TotalVoiceClient
    from desktop.api.conferences import ConferencesApi
    from desktop.api.config import ApiConfig, ApiHosts, Host
    from desktop.api.downloads import download_to
    from desktop.api.errors import (
        ApiError,
        DownloadError,
        DownloadErrorKind,
        FormatErrorKind,
        NetworkError,
        NetworkErrorKind,
        RamalApiError,
        ResponseFormatError,
        ValidationError,
    )
    from desktop.api.messages import describe
    from desktop.api.models import (
        Call,
        CallLeg,
        CallStatus,
        Conference,
        ConferenceCall,
        LegStatus,
        LegType,
        Page,
        Pause,
        PauseReport,
        Ramal,
        RamalInput,
        RamalReceivedCall,
        RamalRef,
        WebphoneType,
        WebphoneUrl,
    )
    from desktop.api.paging import Report, fetch_all_concurrent, iter_items, iter_pages
    from desktop.api.phone import PhoneNumberError, is_extension, normalize_phone, to_national
    from desktop.api.ramais import RamaisApi
    from desktop.api.transport import ApiTransport, RetryNotice
    from desktop.api.webphone import WebphoneApi

#: Where each public name lives.
_HOMES: dict[str, str] = {
    "CallsApi": "desktop.api.calls",
    "ListenMode": "desktop.api.calls",
    "TransferLeg": "desktop.api.calls",
    "TotalVoiceClient": "desktop.api.client",
    "ConferencesApi": "desktop.api.conferences",
    "ApiConfig": "desktop.api.config",
    "ApiHosts": "desktop.api.config",
    "Host": "desktop.api.config",
    "download_to": "desktop.api.downloads",
    "ApiError": "desktop.api.errors",
    "DownloadError": "desktop.api.errors",
    "DownloadErrorKind": "desktop.api.errors",
    "FormatErrorKind": "desktop.api.errors",
    "NetworkError": "desktop.api.errors",
    "NetworkErrorKind": "desktop.api.errors",
    "RamalApiError": "desktop.api.errors",
    "ResponseFormatError": "desktop.api.errors",
    "ValidationError": "desktop.api.errors",
    "describe": "desktop.api.messages",
    "Call": "desktop.api.models",
    "CallLeg": "desktop.api.models",
    "CallStatus": "desktop.api.models",
    "Conference": "desktop.api.models",
    "ConferenceCall": "desktop.api.models",
    "LegStatus": "desktop.api.models",
    "LegType": "desktop.api.models",
    "Page": "desktop.api.models",
    "Pause": "desktop.api.models",
    "PauseReport": "desktop.api.models",
    "Ramal": "desktop.api.models",
    "RamalInput": "desktop.api.models",
    "RamalReceivedCall": "desktop.api.models",
    "RamalRef": "desktop.api.models",
    "WebphoneType": "desktop.api.models",
    "WebphoneUrl": "desktop.api.models",
    "Report": "desktop.api.paging",
    "fetch_all_concurrent": "desktop.api.paging",
    "iter_items": "desktop.api.paging",
    "iter_pages": "desktop.api.paging",
    "PhoneNumberError": "desktop.api.phone",
    "is_extension": "desktop.api.phone",
    "normalize_phone": "desktop.api.phone",
    "to_national": "desktop.api.phone",
    "RamaisApi": "desktop.api.ramais",
    "ApiTransport": "desktop.api.transport",
    "RetryNotice": "desktop.api.transport",
    "WebphoneApi": "desktop.api.webphone",
}

__all__ = [
    "ApiConfig",
    "ApiError",
    "ApiHosts",
    "ApiTransport",
    "Call",
    "CallLeg",
    "CallStatus",
    "CallsApi",
    "Conference",
    "ConferenceCall",
    "ConferencesApi",
    "DownloadError",
    "DownloadErrorKind",
    "FormatErrorKind",
    "Host",
    "LegStatus",
    "LegType",
    "ListenMode",
    "NetworkError",
    "NetworkErrorKind",
    "Page",
    "Pause",
    "PauseReport",
    "PhoneNumberError",
    "RamaisApi",
    "Ramal",
    "RamalApiError",
    "RamalInput",
    "RamalReceivedCall",
    "RamalRef",
    "Report",
    "ResponseFormatError",
    "RetryNotice",
    "TotalVoiceClient",
    "TransferLeg",
    "ValidationError",
    "WebphoneApi",
    "WebphoneType",
    "WebphoneUrl",
    "describe",
    "download_to",
    "fetch_all_concurrent",
    "is_extension",
    "iter_items",
    "iter_pages",
    "normalize_phone",
    "to_national",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
