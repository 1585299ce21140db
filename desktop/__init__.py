"""Ramal Desktop: softphone and supervisor console for the TotalVoice / Zenvia Voice API."""

#: The one place the version is written (``pyproject.toml`` reads it from here): looking
#: it up in the installed metadata costs every start-up ~0.1 s of imports.
__version__ = "0.1.0"

APP_NAME = "Ramal Desktop"
