"""Administration panel: ramais (extensions) and conferences."""

from desktop.admin.panel import AdminPanel

__all__ = ["AdminPanel"]
