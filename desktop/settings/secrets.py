"""Account tokens in the OS keychain (``keyring``), called off the GUI thread.

Tokens live under the service ``ramal-desktop`` with the profile id as user name. When
the OS has no keychain, :class:`KeychainUnavailableError` says so plainly; the app then
offers the passphrase-protected file of :mod:`desktop.settings.encrypted_file` as an
explicit opt-in. A plain-text backend (``keyrings.alt``'s, for one) counts as no
keychain: it is never used silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.settings.encrypted_file import EncryptedFileKeyring, SecretFileError
from desktop.settings.paths import check_profile_id

log = logging.getLogger(__name__)

__all__ = [
    "SERVICE",
    "KeychainUnavailableError",
    "SecretStoreError",
    "TokenStore",
    "backend_name",
    "is_secure_backend",
    "open_encrypted_fallback",
    "relay_password_key",
]

SERVICE: Final = "ramal-desktop"
_T = TypeVar("_T")


def relay_password_key(profile_id: str) -> str:
    """The keychain user name of a profile's relay password (next to its token)."""
    return f"{profile_id}-relay"


class SecretStoreError(Exception):
    """The keychain refused or failed an operation (locked, denied, broken)."""


class KeychainUnavailableError(SecretStoreError):
    """No usable OS keychain (e.g. Linux without a Secret Service running)."""

    def __init__(self, backend: str, detail: str = "") -> None:
        self.backend = backend
        self.detail = detail
        super().__init__(f"no secure keychain available (backend: {backend}) {detail}".strip())


def backend_name(backend: KeyringBackend) -> str:
    """A short name for logs and diagnostics, e.g. ``SecretService Keyring``."""
    name = getattr(backend, "name", None)
    return str(name) if name else type(backend).__name__


def is_secure_backend(backend: KeyringBackend) -> bool:
    """False for the fail/null backends and plain-text file backends."""
    if isinstance(backend, EncryptedFileKeyring):
        return True
    nested = getattr(backend, "backends", None)
    if isinstance(nested, list | tuple):
        return bool(nested) and all(is_secure_backend(b) for b in nested)
    cls = type(backend)
    module = cls.__module__
    if isinstance(backend, fail.Keyring) or module == "keyring.backends.null":
        return False
    return "plaintext" not in cls.__name__.lower() and not module.startswith("keyrings.alt")


class TokenStore:
    """Get, set and delete profile tokens; every keyring call runs in an executor.

    With no explicit ``backend`` the current ``keyring.get_keyring()`` is used at each call
    (so ``keyring.set_keyring`` in tests and config files of the user are honoured).
    """

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        """The backend in use."""
        if self._backend is not None:
            return self._backend
        current: KeyringBackend = keyring.get_keyring()
        return current

    @property
    def uses_encrypted_file(self) -> bool:
        """True after the user opted into the encrypted-file fallback."""
        return isinstance(self._backend, EncryptedFileKeyring)

    def use_backend(self, backend: KeyringBackend | None) -> None:
        """Switch backend (the opted-in encrypted file), or back to the OS keychain."""
        self._backend = backend

    def available(self) -> bool:
        """True when a secure backend is configured (cheap, no I/O)."""
        return is_secure_backend(self.backend)

    def _checked(self) -> KeyringBackend:
        backend = self.backend
        if not is_secure_backend(backend):
            raise KeychainUnavailableError(backend_name(backend))
        return backend

    async def _run(self, call: Callable[[], _T]) -> _T:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(None, call)
        except keyring.errors.NoKeyringError as exc:
            raise KeychainUnavailableError(backend_name(self.backend), str(exc)) from exc
        except keyring.errors.InitError as exc:
            raise KeychainUnavailableError(backend_name(self.backend), str(exc)) from exc
        except (keyring.errors.KeyringError, SecretFileError) as exc:
            raise SecretStoreError(str(exc) or type(exc).__name__) from exc

    async def get(self, profile_id: str) -> str | None:
        """The token of ``profile_id``, or None when none is stored."""
        check_profile_id(profile_id)
        backend = self._checked()
        return await self._run(lambda: backend.get_password(self.service, profile_id))

    async def set(self, profile_id: str, token: str) -> None:
        """Store the token of ``profile_id`` (replacing any previous one)."""
        check_profile_id(profile_id)
        if not token.strip():
            raise ValueError("empty token")
        backend = self._checked()
        await self._run(lambda: backend.set_password(self.service, profile_id, token.strip()))
        log.info("token of profile %s stored with %s", profile_id, backend_name(backend))

    async def delete(self, profile_id: str) -> bool:
        """Remove the token of ``profile_id``; False when there was none."""
        check_profile_id(profile_id)
        backend = self._checked()

        def call() -> bool:
            try:
                backend.delete_password(self.service, profile_id)
            except keyring.errors.PasswordDeleteError:
                return False
            return True

        deleted = await self._run(call)
        log.info("token of profile %s %s", profile_id, "deleted" if deleted else "was not stored")
        return deleted


async def open_encrypted_fallback(path: Path, passphrase: str) -> EncryptedFileKeyring:
    """Open (or prepare to create) the encrypted token file, checking the passphrase.

    Raises ``WrongPassphraseError`` for a wrong passphrase, ``SecretFileError`` for a file
    that is not ours, ``ValueError`` for a too-short passphrase.
    """
    backend = EncryptedFileKeyring(path, passphrase)
    await asyncio.get_running_loop().run_in_executor(None, backend.unlock)
    return backend
