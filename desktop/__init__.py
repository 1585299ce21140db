"""Ramal Desktop: softphone and supervisor console for the TotalVoice / Zenvia Voice API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ramal-desktop")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

APP_NAME = "Ramal Desktop"
