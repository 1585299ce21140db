"""The accessibility tree of a widget as Qt hands it to screen readers, checked offscreen.

``unnamed_controls`` walks ``QAccessible.queryAccessibleInterface`` from a widget down and
lists every control a user operates (and every table, tree or list of data) that has no
accessible name. A combo box needs a buddy label: on Linux Qt gives its value as its name
and Orca reads the labelled-by relation, and the value alone tells a listener nothing
about what the box chooses (an accessible name alone reaches only Windows and macOS).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QComboBox

INTERACTIVE = frozenset(
    {
        QAccessible.Role.Button,
        QAccessible.Role.PushButton,
        QAccessible.Role.CheckBox,
        QAccessible.Role.RadioButton,
        QAccessible.Role.ComboBox,
        QAccessible.Role.EditableText,
        QAccessible.Role.SpinBox,
        QAccessible.Role.Slider,
        QAccessible.Role.PageTab,
        QAccessible.Role.MenuItem,
        QAccessible.Role.ButtonMenu,
        QAccessible.Role.ButtonDropDown,
    }
)
#: Views of data: the view needs a name saying what it lists; its cells are data.
DATA_VIEWS = frozenset({QAccessible.Role.Table, QAccessible.Role.Tree, QAccessible.Role.List})


def _label(node: QAccessibleInterface) -> str:
    owner = node.object()
    return f"{node.role().name}[{type(owner).__name__}:{owner.objectName()}]" if owner else ""


def _named(node: QAccessibleInterface) -> bool:
    name = node.text(QAccessible.Text.Name).strip()
    owner = node.object()
    if isinstance(owner, QComboBox):
        # On Linux Qt gives a combo's value as its name and names it only through the
        # label relation (a buddy label, which other platforms read as its name too).
        return any(flag & QAccessible.RelationFlag.Label for _, flag in node.relations())
    return bool(name)


def unnamed_controls(root: QObject) -> list[str]:
    """Every control or data view under ``root`` without an accessible name, with its path."""
    missing: list[str] = []

    def walk(node: QAccessibleInterface | None, path: str) -> None:
        if node is None or not node.isValid():
            return
        here = f"{path}/{_label(node)}"
        role = node.role()
        if (role in INTERACTIVE or role in DATA_VIEWS) and not _named(node):
            missing.append(here)
        if role in DATA_VIEWS or role is QAccessible.Role.ComboBox:
            return  # rows, cells and a combo's popup list are read as data
        for index in range(node.childCount()):
            walk(node.child(index), here)

    walk(QAccessible.queryAccessibleInterface(root), "")
    return missing
