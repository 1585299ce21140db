"""The webphone's own ``QWebEngineProfile``: locked-down, serving ``ramal:``."""

from __future__ import annotations

import contextlib
import shutil
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


# What earlier versions kept on disk: the HTTP cache (keyed by the signed URLs) and cookies.
_LEFTOVERS = (
    Path("cache", "Cache"),
    Path("storage", "Cookies"),
    Path("storage", "Cookies-journal"),
)


def _remove_leftovers(data_dir: Path) -> None:
    for relative in _LEFTOVERS:
        path = data_dir / relative
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _refuse_download(download: QWebEngineDownloadRequest) -> None:
    download.cancel()


def create_profile(
    data_dir: Path, parent: QObject | None = None
) -> tuple[QWebEngineProfile, HostPageHandler]:
    """Build the profile under ``data_dir`` and install the ``ramal:`` handler on it.

    Every load carries the signed URL (key and signature), and the HTTP cache and cookies
    would keep it on disk: both live in memory only. Chromium still writes its own files
    (GPU caches, the page's ``localStorage``) under ``data_dir``, so nothing goes to the
    user's default cache folder; what earlier versions left there is removed first.
    Permissions are never stored: every request reaches the page's policy.
    """
    _remove_leftovers(data_dir)
    storage = data_dir / "storage"
    cache = data_dir / "cache"
    storage.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    builder = QWebEngineProfileBuilder()
    builder.setPersistentStoragePath(str(storage))
    builder.setCachePath(str(cache))
    builder.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    builder.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
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
