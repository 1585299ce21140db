"""A hidapi-shaped device and backend the tests drive by hand."""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from typing import Any


class FakeHidDevice:
    """hidapi's ``device`` after ``open_path``: reads what the test pushes, records writes."""

    def __init__(self, descriptor: bytes) -> None:
        self.descriptor = descriptor
        self.written: list[bytes] = []
        self.closed = threading.Event()
        self.empty_reads = 0
        self.wrote = threading.Condition()
        self._inputs: queue.SimpleQueue[bytes | Exception] = queue.SimpleQueue()

    # --- the test plays the headset ---------------------------------------------
    def press(self, report: bytes) -> None:
        self._inputs.put(report)

    def fail(self, error: Exception) -> None:
        """The next read raises ``error`` (the headset was pulled out)."""
        self._inputs.put(error)

    def wait_written(self, count: int, timeout: float = 10.0) -> list[bytes]:
        with self.wrote:
            self.wrote.wait_for(lambda: len(self.written) >= count, timeout)
            return list(self.written)

    # --- hidapi -----------------------------------------------------------------
    def read(self, max_length: int, timeout_ms: int = 0) -> Sequence[int]:
        try:
            item = self._inputs.get(timeout=timeout_ms / 1000)
        except queue.Empty:
            self.empty_reads += 1
            return []
        if isinstance(item, Exception):
            raise item
        return list(item[:max_length])

    def write(self, buff: bytes | Sequence[int]) -> int:
        with self.wrote:
            self.written.append(bytes(buff))
            self.wrote.notify_all()
        return len(buff)

    def get_report_descriptor(self) -> Sequence[int]:  # hidapi 0.14+: no arguments
        return list(self.descriptor)

    def close(self) -> None:
        self.closed.set()


def entry(
    path: bytes, product: str = "Test Headset", page: int = 0x0B, usage: int = 0x05
) -> dict[str, Any]:
    """One line of ``hid.enumerate()``."""
    return {
        "path": path,
        "vendor_id": 0x0B0E,
        "product_id": 0x0001,
        "manufacturer_string": "Acme",
        "product_string": product,
        "usage_page": page,
        "usage": usage,
        "interface_number": 3,
    }


class FakeBackend:
    """``hid.enumerate`` and ``open_path`` over a set of fake devices the test plugs in."""

    def __init__(self) -> None:
        self.plugged: dict[bytes, tuple[dict[str, Any], FakeHidDevice | Exception]] = {}
        self.opened: list[bytes] = []

    def plug(self, path: bytes, device: FakeHidDevice | Exception, **info: Any) -> None:
        self.plugged[path] = (entry(path, **info), device)

    def unplug(self, path: bytes) -> None:
        del self.plugged[path]

    def enumerate(self) -> list[dict[str, Any]]:
        return [info for info, _ in self.plugged.values()]

    def open(self, path: bytes) -> FakeHidDevice:
        self.opened.append(path)
        device = self.plugged[path][1]
        if isinstance(device, Exception):
            raise device
        return device
