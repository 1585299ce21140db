"""A passphrase-protected token file for machines without a keychain (explicit opt-in).

Used only when the OS offers no keychain (Linux without a Secret Service) and the user
agrees. The whole file is one AES-256-GCM blob whose key comes from the passphrase via
scrypt; a wrong passphrase or a tampered file fails to decrypt and is reported as such.
Nothing is ever written in plain text.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from pathlib import Path
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from desktop.settings.store import atomic_write_text

__all__ = ["EncryptedFileKeyring", "SecretFileError", "WrongPassphraseError"]

_FORMAT: Final = "ramal-desktop-secrets"
_VERSION: Final = 1
_AAD: Final = b"ramal-desktop-secrets-v1"
_SCRYPT_N: Final = 2**15
_MIN_PASSPHRASE: Final = 8


class SecretFileError(Exception):
    """The encrypted file exists but is not one this app can read."""


class WrongPassphraseError(SecretFileError):
    """The passphrase does not open the file (or the file was altered)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any) -> bytes:
    if not isinstance(value, str):
        raise SecretFileError("malformed secrets file")
    return base64.b64decode(value.encode("ascii"), validate=True)


class EncryptedFileKeyring(KeyringBackend):
    """A keyring backend that keeps secrets in one encrypted JSON file.

    Never chosen by ``keyring`` on its own (not viable as an automatic backend): the app
    instantiates it with the user's passphrase after an explicit opt-in.
    """

    @properties.classproperty
    def priority(cls) -> float:
        """Refuse automatic selection; this backend is opt-in only."""
        raise RuntimeError("opt-in only")

    def __init__(self, path: Path, passphrase: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        if len(passphrase) < _MIN_PASSPHRASE:
            raise ValueError(f"the passphrase needs at least {_MIN_PASSPHRASE} characters")
        self.path = path
        self._passphrase = passphrase.encode("utf-8")
        self._lock = threading.Lock()
        self._salt: bytes | None = None
        self._key: bytes | None = None
        self._entries: dict[str, dict[str, str]] | None = None

    @staticmethod
    def exists(path: Path) -> bool:
        """True when an encrypted secrets file was created earlier (the user opted in)."""
        return path.is_file()

    def unlock(self) -> None:
        """Decrypt the file now; raises :class:`WrongPassphraseError` on a bad passphrase."""
        with self._lock:
            self._load()

    def _derive(self, salt: bytes) -> bytes:
        return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=8, p=1).derive(self._passphrase)

    def _load(self) -> dict[str, dict[str, str]]:
        if self._entries is not None:
            return self._entries
        if not self.path.exists():
            self._salt = os.urandom(16)
            self._key = self._derive(self._salt)
            self._entries = {}
            return self._entries
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SecretFileError(f"cannot read {self.path}: {exc}") from exc
        if not isinstance(doc, dict) or doc.get("format") != _FORMAT:
            raise SecretFileError("not a Ramal Desktop secrets file")
        if doc.get("version") != _VERSION:
            raise SecretFileError(f"unsupported secrets file version {doc.get('version')!r}")
        salt = _unb64(doc.get("salt"))
        key = self._derive(salt)
        try:
            plain = AESGCM(key).decrypt(_unb64(doc.get("nonce")), _unb64(doc.get("data")), _AAD)
        except InvalidTag as exc:
            raise WrongPassphraseError("wrong passphrase or damaged file") from exc
        entries = json.loads(plain.decode("utf-8"))
        if not isinstance(entries, dict):
            raise SecretFileError("malformed secrets file")
        self._salt, self._key, self._entries = salt, key, entries
        return entries

    def _write(self, entries: dict[str, dict[str, str]]) -> None:
        assert self._salt is not None and self._key is not None
        nonce = os.urandom(12)
        data = AESGCM(self._key).encrypt(nonce, json.dumps(entries).encode("utf-8"), _AAD)
        doc = {
            "format": _FORMAT,
            "version": _VERSION,
            "kdf": {"name": "scrypt", "n": _SCRYPT_N, "r": 8, "p": 1},
            "salt": _b64(self._salt),
            "nonce": _b64(nonce),
            "data": _b64(data),
        }
        atomic_write_text(self.path, json.dumps(doc, indent=2) + "\n")

    def get_password(self, service: str, username: str) -> str | None:
        """The stored secret, or None."""
        with self._lock:
            return self._load().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a secret (rewrites the encrypted file atomically)."""
        with self._lock:
            entries = self._load()
            entries.setdefault(service, {})[username] = password
            self._write(entries)

    def delete_password(self, service: str, username: str) -> None:
        """Remove a secret; raises ``PasswordDeleteError`` when there is none."""
        with self._lock:
            entries = self._load()
            if username not in entries.get(service, {}):
                raise PasswordDeleteError("no such secret")
            del entries[service][username]
            if not entries[service]:
                del entries[service]
            self._write(entries)
