"""Where the API lives and how patiently the client talks to it."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Any, ClassVar, Final, Self
from urllib.parse import urlsplit

from desktop import __version__
from desktop.api.errors import ValidationError

__all__ = [
    "DEFAULT_RAMAL_URL",
    "DEFAULT_V1_URL",
    "DEFAULT_VOICE_URL",
    "ApiConfig",
    "ApiHosts",
    "Host",
    "default_user_agent",
    "environment_has_proxy",
]

DEFAULT_V1_URL: Final = "https://api.totalvoice.com.br"
DEFAULT_RAMAL_URL: Final = "https://api2.totalvoice.com.br"
DEFAULT_VOICE_URL: Final = "https://voice-api.zenvia.com"

_DEFAULT_PORTS: Final = {"http": 80, "https": 443}
_PROXY_VARIABLES: Final = frozenset({"http_proxy", "https_proxy", "all_proxy"})


def environment_has_proxy() -> bool:
    """True when ``HTTP_PROXY``, ``HTTPS_PROXY`` or ``ALL_PROXY`` (any case) is set."""
    return any(name.lower() in _PROXY_VARIABLES for name in os.environ)


class Host(StrEnum):
    """The three API hosts; each endpoint belongs to one of them."""

    V1 = "v1"
    RAMAL = "ramal"
    VOICE = "voice"


Origin = tuple[str, str, int]
"""``(scheme, host, port)`` with the default port filled in."""


def origin_of(scheme: str, host: str, port: int | None) -> Origin:
    """Return the origin triple used to decide where the token may go."""
    scheme = scheme.lower()
    return scheme, host.lower(), port if port is not None else _DEFAULT_PORTS.get(scheme, 0)


def _clean_base_url(value: str, name: str) -> str:
    """Validate a base URL and return it without a trailing slash."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        parts = urlsplit(text)
        port_ok = parts.port is None or parts.port > 0  # .port raises on a malformed port
    except ValueError:
        port_ok = False
    valid = (
        port_ok
        and parts.scheme.lower() in _DEFAULT_PORTS
        and bool(parts.hostname)
        and not (parts.query or parts.fragment or parts.username or parts.password)
    )
    if not valid:
        raise ValidationError("config.base_url", field=name, value=text)
    return f"{parts.scheme.lower()}://{parts.netloc}{parts.path.rstrip('/')}"


class _Frozen:
    """An immutable value of named fields: equality, hash, repr and :meth:`replace` by them.

    What ``@dataclass(frozen=True)`` gives, without importing :mod:`dataclasses` (and with
    it :mod:`inspect`, ~20 ms): this module is on the path of every headless command.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (validated as a new value is)."""
        values: dict[str, Any] = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use replace()")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Frozen)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __reduce__(self) -> tuple[type[Self], tuple[object, ...]]:
        # Copies and pickles are made again through __init__ (fields in its order).
        return type(self), self._values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"


class ApiHosts(_Frozen):
    """Base URLs of the three hosts (validated, stored without trailing slash)."""

    __slots__ = ("ramal", "v1", "voice")
    _fields = ("v1", "ramal", "voice")
    v1: str
    ramal: str
    voice: str

    def __init__(
        self,
        v1: str = DEFAULT_V1_URL,
        ramal: str = DEFAULT_RAMAL_URL,
        voice: str = DEFAULT_VOICE_URL,
    ) -> None:
        self._set(
            v1=_clean_base_url(v1, "v1"),
            ramal=_clean_base_url(ramal, "ramal"),
            voice=_clean_base_url(voice, "voice"),
        )

    @classmethod
    def single(cls, base_url: str) -> ApiHosts:
        """Point all three hosts at one base URL (the sandbox, a proxy, a custom setup)."""
        return cls(v1=base_url, ramal=base_url, voice=base_url)

    def base_for(self, host: Host) -> str:
        """Return the base URL of ``host``."""
        if host is Host.V1:
            return self.v1
        if host is Host.RAMAL:
            return self.ramal
        return self.voice

    def origins(self) -> frozenset[Origin]:
        """Origins that may receive the access token."""
        result = set()
        for base in (self.v1, self.ramal, self.voice):
            parts = urlsplit(base)
            result.add(origin_of(parts.scheme, parts.hostname or "", parts.port))
        return frozenset(result)


def default_user_agent() -> str:
    """``RamalDesktop/<version> (+python-httpx)``."""
    return f"RamalDesktop/{__version__} (+python-httpx)"


class ApiConfig(_Frozen):
    """Hosts, timeouts and retry policy of the API client.

    ``max_retries`` counts the extra attempts after the first one. Back-off before retry
    ``n`` (1-based) is ``backoff_base * 2 ** (n - 1)`` capped at ``backoff_max``, with
    jitter; a ``Retry-After`` from a 429 answer is honoured up to ``retry_after_max``.
    """

    __slots__ = (
        "backoff_base",
        "backoff_max",
        "connect_timeout",
        "hosts",
        "max_retries",
        "retry_after_max",
        "timeout",
        "user_agent",
    )
    _fields = (
        "hosts",
        "timeout",
        "connect_timeout",
        "max_retries",
        "backoff_base",
        "backoff_max",
        "retry_after_max",
        "user_agent",
    )
    hosts: ApiHosts
    timeout: float
    connect_timeout: float
    max_retries: int
    backoff_base: float
    backoff_max: float
    retry_after_max: float
    user_agent: str

    def __init__(
        self,
        hosts: ApiHosts | None = None,
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        max_retries: int = 3,
        backoff_base: float = 0.5,
        backoff_max: float = 8.0,
        retry_after_max: float = 30.0,
        user_agent: str | None = None,
    ) -> None:
        self._set(
            hosts=ApiHosts() if hosts is None else hosts,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            backoff_base=backoff_base,
            backoff_max=backoff_max,
            retry_after_max=retry_after_max,
            user_agent=default_user_agent() if user_agent is None else user_agent,
        )
        self._check()

    def _check(self) -> None:
        numbers = {
            "timeout": self.timeout,
            "connect_timeout": self.connect_timeout,
            "backoff_base": self.backoff_base,
            "backoff_max": self.backoff_max,
            "retry_after_max": self.retry_after_max,
        }
        for name, value in numbers.items():
            if not value >= 0:  # also rejects NaN
                raise ValidationError("config.value", field=name, value=value)
        if self.timeout == 0 or self.connect_timeout == 0:
            raise ValidationError("config.value", field="timeout", value=0)
        if self.max_retries < 0:
            raise ValidationError("config.value", field="max_retries", value=self.max_retries)
        if not self.user_agent.strip():
            raise ValidationError("config.value", field="user_agent", value="")
