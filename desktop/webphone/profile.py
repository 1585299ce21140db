"""The webphone's own ``QWebEngineProfile``: persistent, locked-down, serving ``ramal:``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import (
    QWebEngineDownloadRequest,
    QWebEngineProfile,
    QWebEngineProfileBuilder,
    QWebEngineSettings,
)

from desktop.webphone.scheme import SCHEME
from desktop.webphone.scheme_handler import HostPageHandler

__all__ = ["PROFILE_NAME", "create_profile"]

PROFILE_NAME = "webphone"

_A = QWebEngineSettings.WebAttribute
_SETTINGS: dict[QWebEngineSettings.WebAttribute, bool] = {
    _A.JavascriptCanOpenWindows: False,
    _A.JavascriptCanAccessClipboard: False,
    _A.JavascriptCanPaste: False,
    _A.LocalContentCanAccessRemoteUrls: False,
    _A.LocalContentCanAccessFileUrls: False,
    _A.PluginsEnabled: False,
    _A.PdfViewerEnabled: False,
    _A.ScreenCaptureEnabled: False,
    _A.FullScreenSupportEnabled: False,
    _A.AllowRunningInsecureContent: False,
    _A.AllowGeolocationOnInsecureOrigins: False,
    _A.AllowWindowActivationFromJavaScript: False,
    _A.NavigateOnDropEnabled: False,
    _A.HyperlinkAuditingEnabled: False,
    _A.DnsPrefetchEnabled: False,
    _A.FocusOnNavigationEnabled: False,
    _A.PlaybackRequiresUserGesture: False,  # the ring tone plays without a click
    _A.LocalStorageEnabled: True,  # the provider's page may keep its own state
}


def _refuse_download(download: QWebEngineDownloadRequest) -> None:
    download.cancel()


def create_profile(
    data_dir: Path, parent: QObject | None = None
) -> tuple[QWebEngineProfile, HostPageHandler]:
    """Build the profile under ``data_dir`` and install the ``ramal:`` handler on it.

    Permissions are never stored: every request reaches the page's policy.
    """
    storage = data_dir / "storage"
    cache = data_dir / "cache"
    storage.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    builder = QWebEngineProfileBuilder()
    builder.setPersistentStoragePath(str(storage))
    builder.setCachePath(str(cache))
    builder.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.AllowPersistentCookies
    )
    builder.setPersistentPermissionsPolicy(
        QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
    )
    profile = builder.createProfile(PROFILE_NAME, parent)
    settings = profile.settings()
    for attribute, value in _SETTINGS.items():
        settings.setAttribute(attribute, value)
    profile.downloadRequested.connect(_refuse_download)
    handler = HostPageHandler(profile)
    profile.installUrlSchemeHandler(SCHEME.encode(), handler)
    return profile, handler
