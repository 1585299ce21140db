"""Reaching HID devices through hidapi (no Qt).

On Linux the ``hidraw`` module of the ``hidapi`` package talks to ``/dev/hidraw*``
(the kernel keeps its drivers, and a udev ``uaccess`` rule is all the permission it
needs); elsewhere the ``hid`` module uses the system's HID API. Tests pass their own
:class:`HidBackend`.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop.headset.layout import is_telephony_usage

__all__ = [
    "DeviceInfo",
    "HidBackend",
    "HidDevice",
    "HidapiBackend",
    "telephony_devices",
]

log = logging.getLogger(__name__)


class HidDevice(Protocol):
    """The calls the headset layer makes on an open device (hidapi's ``device``)."""

    def read(self, max_length: int, timeout_ms: int = 0) -> Sequence[int]:
        """One input report, or nothing after ``timeout_ms``."""
        ...

    def write(self, buff: bytes | Sequence[int]) -> int:
        """Send one output report (report id first)."""
        ...

    def get_report_descriptor(self) -> Sequence[int]:
        """The device's report descriptor."""
        ...

    def close(self) -> None:
        """Release the device."""
        ...


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One HID interface as enumeration lists it."""

    path: bytes
    name: str
    vendor_id: int = 0
    product_id: int = 0
    usage_page: int = 0
    usage: int = 0

    @property
    def key(self) -> bytes:
        """What identifies the interface while it stays plugged in."""
        return self.path


class HidBackend(Protocol):
    """Enumeration and opening, the two entry points of hidapi."""

    def enumerate(self) -> list[dict[str, Any]]:
        """Every HID interface (hidapi's dictionaries)."""
        ...

    def open(self, path: bytes) -> HidDevice:
        """Open the interface at ``path``; raises ``OSError`` (or hidapi's error)."""
        ...


class HidapiBackend:
    """The real devices, through the ``hidapi`` package."""

    def __init__(self, module: Any = None) -> None:
        if module is None:
            module = importlib.import_module(
                "hidraw" if sys.platform.startswith("linux") else "hid"
            )
        self._hid = module

    def enumerate(self) -> list[dict[str, Any]]:
        """Every HID interface."""
        return list(self._hid.enumerate())

    def open(self, path: bytes) -> HidDevice:
        """Open ``path`` for reading and writing reports."""
        device = self._hid.device()
        device.open_path(path)
        return _SysfsDescriptor(device, path)


class _SysfsDescriptor:
    """A device whose descriptor falls back to sysfs when hidapi cannot give it."""

    def __init__(self, device: Any, path: bytes) -> None:
        self._device = device
        self._path = path

    def read(self, max_length: int, timeout_ms: int = 0) -> Sequence[int]:
        result: Sequence[int] = self._device.read(max_length, timeout_ms)
        return result

    def write(self, buff: bytes | Sequence[int]) -> int:
        written: int = self._device.write(bytes(buff))
        return written

    def get_report_descriptor(self) -> Sequence[int]:
        try:
            result: Sequence[int] = self._device.get_report_descriptor()
            return result
        except (OSError, AttributeError, ValueError) as exc:
            log.debug("hidapi gave no descriptor for %r: %s", self._path, exc)
            raw = sysfs_descriptor(self._path)
            if raw is None:
                raise
            return list(raw)

    def close(self) -> None:
        self._device.close()


def sysfs_descriptor(path: bytes) -> bytes | None:
    """The report descriptor Linux publishes for ``/dev/hidrawN``, if readable."""
    name = Path(path.decode(errors="replace")).name
    if not name.startswith("hidraw"):
        return None
    try:
        return Path("/sys/class/hidraw", name, "device", "report_descriptor").read_bytes()
    except OSError:
        return None


def _descriptor_has_telephony(path: bytes) -> bool:
    from desktop.headset.layout import HeadsetLayout

    raw = sysfs_descriptor(path)
    if raw is None:
        return False
    try:
        return HeadsetLayout.from_descriptor(raw).has_telephony_application
    except ValueError:
        return False


def telephony_devices(entries: list[dict[str, Any]]) -> list[DeviceInfo]:
    """The telephony headsets among hidapi's ``entries``, one per path.

    An interface counts when it announces Telephony Headset/Phone as a top-level
    usage, or (when the backend reports no usage) its descriptor in sysfs has a
    Telephony application collection.
    """
    found: dict[bytes, DeviceInfo] = {}
    for entry in entries:
        path = entry.get("path")
        if not isinstance(path, bytes) or path in found:
            continue
        page, usage = int(entry.get("usage_page") or 0), int(entry.get("usage") or 0)
        if not is_telephony_usage(page, usage) and not (
            page == 0 and _descriptor_has_telephony(path)
        ):
            continue
        name = " ".join(
            str(entry.get(k) or "").strip() for k in ("manufacturer_string", "product_string")
        ).strip()
        vendor, product = int(entry.get("vendor_id") or 0), int(entry.get("product_id") or 0)
        found[path] = DeviceInfo(
            path=path,
            name=name or f"{vendor:04x}:{product:04x}",
            vendor_id=vendor,
            product_id=product,
            usage_page=page,
            usage=usage,
        )
    return list(found.values())
