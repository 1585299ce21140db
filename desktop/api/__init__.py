"""Async client of the TotalVoice / Zenvia Voice REST API (no Qt in this package)."""

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
