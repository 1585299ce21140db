"""Logging to a rotating file in the platform log folder, with secrets always masked.

The secret registry itself is Qt-free, in :mod:`desktop.api.redaction`; it is offered
here too for the shell modules that set up logging.

:class:`SecretRedactingFilter` sits on every handler the app installs. It masks the
secrets registered at run time (the account token, the current webphone key and
signature) and anything shaped like one (``key=…``, ``signature=…``, ``token=…``,
``Access-Token:`` headers), in the message, its arguments and the traceback text.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Final

from desktop.api.redaction import redact, register_secret, unregister_secret

__all__ = [
    "LOG_FILE",
    "SecretRedactingFilter",
    "redact",
    "register_secret",
    "setup_logging",
    "unregister_secret",
]

LOG_FILE: Final = "ramal-desktop.log"
_FORMAT: Final = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class SecretRedactingFilter(logging.Filter):
    """Rewrites each record so no secret reaches a handler; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask secrets in the message (arguments merged in) and the exception text."""
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(
    log_dir: Path,
    level: int | str = logging.INFO,
    *,
    max_bytes: int = 2_000_000,
    backups: int = 5,
    console: bool = True,
) -> Path:
    """Send the root logger to ``log_dir/ramal-desktop.log`` (rotating) and to stderr.

    Returns the log file path. Safe to call again: the app's earlier handlers are replaced.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_ramal_desktop", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [
        RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    ]
    if console:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(SecretRedactingFilter())
        handler._ramal_desktop = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # request lines carry URLs
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path
