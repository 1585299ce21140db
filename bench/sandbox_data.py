"""Large call reports in a running sandbox, made cheaply for the benchmarks.

``grow_calls`` copies the seeded calls until the store holds ``target`` of them (real
records, fine up to some tens of thousands). ``virtual_calls`` swaps the store's call
table for one that makes ``count`` finished calls on demand from the seeded ones, with
their JSON built once: a million-call report costs the sandbox no memory and little CPU.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any, overload

from desktop.sandbox.server import SandboxThread


def _on_loop(sandbox: SandboxThread, action: Any) -> None:
    done = threading.Event()

    def run() -> None:
        try:
            action(sandbox.server.store)  # type: ignore[union-attr]
        finally:
            done.set()

    sandbox._loop.call_soon_threadsafe(run)  # type: ignore[union-attr]
    done.wait(120)


def grow_calls(sandbox: SandboxThread, target: int) -> None:
    """Copy seeded calls (new ids, same times) until there are ``target`` calls."""

    def grow(store: Any) -> None:
        seeded = list(store.calls.values())
        next_id = store.next_call_id
        while len(store.calls) < target:
            clone = copy.deepcopy(seeded[len(store.calls) % len(seeded)])
            clone.id = next_id
            store.calls[next_id] = clone
            next_id += 1
        store.next_call_id = next_id

    _on_loop(sandbox, grow)


class _VirtualCall:
    """A finished call whose JSON is a seeded call's with another id."""

    __slots__ = ("_template", "id")

    def __init__(self, call_id: int, template: dict[str, Any]) -> None:
        self.id = call_id
        self._template = template

    def to_json(self, at: datetime, base: str) -> dict[str, Any]:
        record = dict(self._template)
        record["id"] = self.id
        return record


class _VirtualRows(Sequence[_VirtualCall]):
    def __init__(self, count: int, templates: list[dict[str, Any]], first_id: int) -> None:
        self._count = count
        self._templates = templates
        self._first_id = first_id

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> _VirtualCall: ...
    @overload
    def __getitem__(self, index: slice) -> list[_VirtualCall]: ...
    def __getitem__(self, index: int | slice) -> _VirtualCall | list[_VirtualCall]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        index %= self._count
        template = self._templates[index % len(self._templates)]
        return _VirtualCall(self._first_id + index, template)


class _VirtualTable(dict[int, Any]):
    def __init__(self, rows: _VirtualRows) -> None:
        super().__init__()
        self._rows = rows

    def created_between(self, start: datetime, end: datetime) -> Sequence[_VirtualCall]:
        return self._rows


def virtual_calls(sandbox: SandboxThread, count: int) -> None:
    """Serve ``count`` calls in every call report, built from the seeded finished calls."""

    def swap(store: Any) -> None:
        now = max(c.data_criacao for c in store.calls.values())
        templates = [c.to_json(now, sandbox.base_url) for c in store.calls.values()]
        templates = [t for t in templates if not t.get("ativa")]
        rows = _VirtualRows(count, templates, store.next_call_id)
        store.calls = _VirtualTable(rows)

    _on_loop(sandbox, swap)
