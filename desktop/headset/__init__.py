"""USB headsets: their telephony buttons and lights, through hidapi (no Qt)."""

from desktop.headset.hidio import DeviceInfo, HidBackend, HidDevice
from desktop.headset.layout import Button, HeadsetLayout, Light, Lights
from desktop.headset.logic import Command, PhoneState
from desktop.headset.manager import HeadsetManager, HeadsetProblem

__all__ = [
    "Button",
    "Command",
    "DeviceInfo",
    "HeadsetLayout",
    "HeadsetManager",
    "HeadsetProblem",
    "HidBackend",
    "HidDevice",
    "Light",
    "Lights",
    "PhoneState",
]
