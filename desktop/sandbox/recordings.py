"""The recording of each call: its bytes, its version and the ``ETag`` that names it."""

from __future__ import annotations

import hashlib

from desktop.sandbox import mp3
from desktop.sandbox.envelope import NO_RECORDING, ApiError, not_found
from desktop.sandbox.store import Store

_SECONDS = 4.0
_SECONDS_PER_EDIT = 0.5  # each replacement is longer, so versions differ in size too


def recording_bytes(store: Store, call_id: int) -> bytes:
    """MP3 bytes of the call's recording now (raises the provider's 404 errors)."""
    call = store.calls.get(call_id)
    if call is None:
        raise not_found("chamada")
    recorded = call.has_recording
    if not recorded:
        raise ApiError(404, NO_RECORDING, "chamada sem gravação")
    edits = store.recording_edits.get(call_id, 0)
    return mp3.recording(call_id % 4, _SECONDS + _SECONDS_PER_EDIT * edits)


def replace_recording(store: Store, call_id: int) -> bytes:
    """Give the call a new recording (a new version, as if the provider re-encoded it)."""
    recording_bytes(store, call_id)  # only calls that have one
    store.recording_edits[call_id] = store.recording_edits.get(call_id, 0) + 1
    return recording_bytes(store, call_id)


def etag(data: bytes) -> str:
    """A strong entity tag for these exact bytes."""
    return '"' + hashlib.sha256(data).hexdigest()[:24] + '"'
