"""The agent window's look: a light theme, its colours and the icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon

from desktop.agent.state import AgentState, Quality
from desktop.resources import resources_dir

ACCENT = "#1565c0"
GREEN = "#2e7d32"
RED = "#c62828"
AMBER = "#ef6c00"
GREY = "#78909c"
TEXT = "#263238"
MUTED_TEXT = "#607d8b"

STATE_COLOURS = {
    AgentState.DISCONNECTED: GREY,
    AgentState.CONNECTING: AMBER,
    AgentState.READY: GREEN,
    AgentState.RINGING: ACCENT,
    AgentState.DIALING: ACCENT,
    AgentState.TALKING: GREEN,
    AgentState.ENDED: GREY,
}
PAUSED_COLOUR = AMBER

QUALITY_COLOURS = {
    Quality.GOOD: QColor(GREEN),
    Quality.FAIR: QColor(AMBER),
    Quality.POOR: QColor(RED),
    Quality.UNKNOWN: QColor("#b0bec5"),
}


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` (an empty icon when the file is missing)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


STYLESHEET = f"""
QMainWindow, QWidget#agentCentral {{ background: #eef2f6; }}
QWidget {{ color: {TEXT}; font-size: 10pt; }}
QFrame#card {{ background: white; border: 1px solid #dde3ea; border-radius: 10px; }}
QLabel#cardTitle {{ color: {MUTED_TEXT}; font-size: 9pt; font-weight: 600;
    letter-spacing: 1px; }}
QLabel#muted {{ color: {MUTED_TEXT}; }}
QLabel#error {{ color: {RED}; }}

QFrame#header {{ background: white; border-bottom: 1px solid #dde3ea; }}
QLabel#ramal {{ font-size: 13pt; font-weight: 600; }}
QLabel#statePill {{ color: white; border-radius: 11px; padding: 3px 12px;
    font-weight: 600; }}

QLabel#callNumber {{ font-size: 22pt; font-weight: 600; }}
QLabel#callTimer {{ font-size: 48pt; font-weight: 300; color: {TEXT}; }}
QLabel#callTimer[live="false"] {{ color: #b0bec5; }}
QLabel#callState {{ font-size: 11pt; font-weight: 600; }}
QLabel#badgeRec {{ background: {RED}; color: white; border-radius: 9px; padding: 2px 10px;
    font-weight: 700; font-size: 9pt; }}
QLabel#badgeMuted {{ background: {AMBER}; color: white; border-radius: 9px;
    padding: 2px 10px; font-weight: 700; font-size: 9pt; }}

QPushButton {{ background: white; border: 1px solid #cfd8dc; border-radius: 8px;
    padding: 7px 14px; }}
QPushButton:hover {{ background: #f5f8fa; border-color: #b0bec5; }}
QPushButton:pressed {{ background: #e3eaf0; }}
QPushButton:checked {{ background: #fff3e0; border-color: {AMBER}; }}
QPushButton:disabled {{ color: #b0bec5; background: #f7f9fa; border-color: #e3e8ec; }}
QPushButton:focus {{ border-color: {ACCENT}; }}
QPushButton[role="go"] {{ background: {GREEN}; color: white; border: none;
    font-weight: 600; }}
QPushButton[role="go"]:hover {{ background: #388e3c; }}
QPushButton[role="stop"] {{ background: {RED}; color: white; border: none;
    font-weight: 600; }}
QPushButton[role="stop"]:hover {{ background: #d32f2f; }}
QPushButton[role="go"]:disabled, QPushButton[role="stop"]:disabled {{
    background: #cfd8dc; color: white; }}
QPushButton#key {{ min-height: 58px; border-radius: 12px; padding: 0; }}
QLabel#keyDigit {{ font-size: 18pt; background: transparent; }}
QLabel#keyLetters {{ font-size: 7pt; color: {MUTED_TEXT}; letter-spacing: 1px;
    background: transparent; }}
QFrame#card[ringing="true"] {{ border: 2px solid {ACCENT}; background: #f3f8fe; }}

QLineEdit {{ background: white; border: 1px solid #cfd8dc; border-radius: 8px;
    padding: 7px 10px; selection-background-color: {ACCENT}; }}
QLineEdit:focus {{ border: 2px solid {ACCENT}; padding: 6px 9px; }}
QLineEdit#dialField {{ font-size: 16pt; }}
QLineEdit[invalid="true"] {{ border: 2px solid {RED}; padding: 6px 9px; }}

QFrame#banner {{ border-radius: 8px; }}
QFrame#banner[level="error"] {{ background: #fdecea; border: 1px solid #f5c6c2; }}
QFrame#banner[level="warning"] {{ background: #fff4e5; border: 1px solid #ffd8a8; }}
QFrame#banner[level="info"] {{ background: #e8f1fb; border: 1px solid #bbd6f3; }}
QToolButton#bannerClose {{ border: none; font-size: 12pt; padding: 2px 6px; }}

QTableWidget {{ background: white; border: none; gridline-color: #eef2f6; }}
QHeaderView::section {{ background: white; border: none; border-bottom: 1px solid #dde3ea;
    padding: 4px; color: {MUTED_TEXT}; font-weight: 600; }}
"""
