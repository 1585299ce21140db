"""HMAC-signed, expiring webphone URLs (``…&expires=<unix>&signature=<hex>``)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping
from urllib.parse import urlencode


class SignatureError(ValueError):
    """The URL was tampered with, or it expired."""


class UrlSigner:
    """Signs every query parameter of a URL so none can be changed after issue."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _digest(self, path: str, params: Mapping[str, str]) -> str:
        canonical = path + "?" + urlencode(sorted(params.items()))
        return hmac.new(self._secret, canonical.encode(), hashlib.sha256).hexdigest()

    def sign(self, path: str, params: Mapping[str, str], ttl_s: int) -> str:
        """Return ``path?…&expires=…&signature=…`` valid for ``ttl_s`` seconds."""
        signed = {k: v for k, v in params.items() if k not in ("expires", "signature")}
        signed["expires"] = str(int(time.time()) + ttl_s)
        signed["signature"] = self._digest(path, signed)
        return path + "?" + urlencode(signed)

    def verify(self, path: str, params: Mapping[str, str]) -> None:
        """Raise :class:`SignatureError` unless ``params`` carry a valid, unexpired signature."""
        signature = params.get("signature", "")
        expires = params.get("expires", "")
        if not signature or not expires:
            raise SignatureError("endereço sem assinatura")
        unsigned = {k: v for k, v in params.items() if k != "signature"}
        expected = self._digest(path, unsigned)
        if not hmac.compare_digest(expected, signature.lower()):
            raise SignatureError("assinatura inválida: o endereço foi alterado")
        try:
            deadline = int(expires)
        except ValueError:
            raise SignatureError("validade inválida") from None
        if deadline < int(time.time()):
            raise SignatureError("endereço expirado: peça um novo endereço do webphone")
