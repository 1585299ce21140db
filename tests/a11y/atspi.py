"""A private desktop for accessibility tests: Xvfb, a D-Bus session bus, the AT-SPI bus.

The tree is read over AT-SPI with ``jeepney`` (plain D-Bus), as Orca would see it: each
node's role name, accessible name, states and children, from the registry down.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from jeepney import (
    DBusAddress,
    DBusErrorResponse,
    MatchRule,
    Properties,
    message_bus,
    new_method_call,
)
from jeepney.io.blocking import DBusConnection, open_dbus_connection

REGISTRY = "org.a11y.atspi.Registry"
ROOT = "/org/a11y/atspi/accessible/root"
ACCESSIBLE = "org.a11y.atspi.Accessible"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
ANNOUNCEMENTS = MatchRule(
    type="signal", interface="org.a11y.atspi.Event.Object", member="Announcement"
)

#: AT-SPI role names a user can operate: each needs a name a screen reader can say.
INTERACTIVE_ROLES = frozenset(
    {
        "push button",
        "toggle button",
        "check box",
        "radio button",
        "combo box",
        "text",
        "entry",
        "password text",
        "spin button",
        "slider",
        "page tab",
        "menu item",
        "check menu item",
        "radio menu item",
        "menu",
    }
)
#: Data views: their rows and cells are read as data, not checked as controls.
_DATA_ROLES = frozenset({"table", "tree table", "tree", "list", "list box", "table cell"})
#: Views a user moves through: each needs a name saying what it lists.
NAMED_VIEWS = frozenset({"table", "tree table", "tree", "list", "list box"})
_STATE_VISIBLE = 30  # AT-SPI StateType ATSPI_STATE_VISIBLE
_LABELLED_BY = 2  # AT-SPI RelationType ATSPI_RELATION_LABELLED_BY


class DesktopError(RuntimeError):
    """A piece of the private desktop could not start."""


@dataclass
class Node:
    """One accessible object as AT-SPI shows it."""

    role: str
    name: str
    description: str
    visible: bool
    path: str
    children: list[Node] = field(default_factory=list)
    #: Another object labels this one (how Orca names a combo box: Qt gives its value).
    labelled: bool = False

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, role: str, name: str) -> Node | None:
        """The first node under this one with that role and name."""
        return next((n for n in self.walk() if n.role == role and n.name == name), None)

    def outline(self, depth: int = 0) -> str:
        """The tree as indented text (for failure messages)."""
        lines = [f"{'  ' * depth}{self.role} {self.name!r}"]
        lines += [child.outline(depth + 1) for child in self.children]
        return "\n".join(lines)


def unnamed_controls(root: Node) -> list[str]:
    """Interactive nodes and data views under ``root`` without a name, with their place."""
    missing: list[str] = []

    def visit(node: Node, where: str) -> None:
        here = f"{where} > {node.role} {node.name!r}" if where else node.role
        if (node.role in INTERACTIVE_ROLES or node.role in NAMED_VIEWS) and not node.name.strip():
            missing.append(here)
        if node.role == "combo box":
            if not node.labelled:
                missing.append(f"{here} (no label: only its value is read)")
            return  # its popup list is the box's own
        for child in node.children:
            visit(child, here)

    visit(root, "")
    return missing


class AtspiReader:
    """Reads accessible trees from the AT-SPI bus of a session bus at ``session_address``."""

    def __init__(self, session_address: str) -> None:
        session = open_dbus_connection(bus=session_address)
        try:
            bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
            reply = session.send_and_get_reply(new_method_call(bus, "GetAddress"), timeout=10)
            (address,) = reply.body
        finally:
            session.close()
        self._conn: DBusConnection = open_dbus_connection(bus=address)

    def close(self) -> None:
        """Close the AT-SPI bus connection."""
        self._conn.close()

    def listen_for_announcements(self) -> None:
        """Ask the registry for ``object:announcement`` events and route them here.

        Qt sends an event over AT-SPI only once some client registered for it, as Orca
        does at start.
        """
        registry = DBusAddress(
            "/org/a11y/atspi/registry", bus_name=REGISTRY, interface="org.a11y.atspi.Registry"
        )
        message = new_method_call(registry, "RegisterEvent", "s", ("object:announcement",))
        self._conn.send_and_get_reply(message, timeout=10)
        self._conn.send_and_get_reply(message_bus.AddMatch(ANNOUNCEMENTS), timeout=10)

    def announcements(self, until: Callable[[str], bool], timeout: float) -> list[str]:
        """Texts announced, in order, until one satisfies ``until`` (or the time is up)."""
        heard: list[str] = []
        deadline = time.monotonic() + timeout
        with self._conn.filter(ANNOUNCEMENTS, bufsize=1000) as queue:
            while time.monotonic() < deadline:
                try:
                    message = self._conn.recv_until_filtered(
                        queue, timeout=max(0.1, deadline - time.monotonic())
                    )
                except TimeoutError:
                    break
                variant = message.body[3]
                heard.append(str(variant[1]))
                if until(heard[-1]):
                    break
        return heard

    def _call(self, name: str, path: str, method: str, signature: str = "", *args: Any) -> Any:
        target = DBusAddress(path, bus_name=name, interface=ACCESSIBLE)
        message = new_method_call(target, method, signature or None, args)
        return self._conn.send_and_get_reply(message, timeout=10).body

    def _prop(self, name: str, path: str, prop: str) -> Any:
        target = DBusAddress(path, bus_name=name, interface=ACCESSIBLE)
        reply = self._conn.send_and_get_reply(Properties(target).get(prop), timeout=10)
        return reply.body[0][1]

    def do_action(self, bus_name: str, path: str, index: int = 0) -> None:
        """Run an object's action ``index`` (a tab's switch, a menu item's click)."""
        target = DBusAddress(path, bus_name=bus_name, interface="org.a11y.atspi.Action")
        self._conn.send_and_get_reply(
            new_method_call(target, "DoAction", "i", (index,)), timeout=10
        )

    def grab_focus(self, bus_name: str, path: str) -> bool:
        """Give an object the keyboard focus (True when it took it)."""
        target = DBusAddress(path, bus_name=bus_name, interface="org.a11y.atspi.Component")
        reply = self._conn.send_and_get_reply(new_method_call(target, "GrabFocus"), timeout=10)
        return bool(reply.body[0])

    def row_count(self, bus_name: str, path: str) -> int:
        """How many rows a table has."""
        target = DBusAddress(path, bus_name=bus_name, interface="org.a11y.atspi.Table")
        reply = self._conn.send_and_get_reply(Properties(target).get("NRows"), timeout=10)
        return int(reply.body[0][1])

    def applications(self) -> list[tuple[str, str, str]]:
        """``(application name, bus name, path)`` of every application registered."""
        found = []
        for bus_name, path in self._call(REGISTRY, ROOT, "GetChildren")[0]:
            try:
                found.append((self._prop(bus_name, path, "Name"), bus_name, path))
            except DBusErrorResponse:
                continue  # an application that went away meanwhile
        return found

    def children(self, bus_name: str, path: str) -> list[Node]:
        """The objects right under one object, without their own children."""
        found = []
        for _child_bus, child_path in self._call(bus_name, path, "GetChildren")[0]:
            found.append(
                Node(
                    role=self._call(bus_name, child_path, "GetRoleName")[0],
                    name=self._prop(bus_name, child_path, "Name"),
                    description="",
                    visible=True,
                    path=child_path,
                )
            )
        return found

    def tree(self, bus_name: str, path: str, limit: int = 20_000) -> Node:
        """The tree under one object (data views are not descended)."""
        budget = [limit]

        def read(obj_path: str) -> Node:
            budget[0] -= 1
            if budget[0] < 0:
                raise DesktopError("the accessible tree is larger than expected")
            role = self._call(bus_name, obj_path, "GetRoleName")[0]
            states = self._call(bus_name, obj_path, "GetState")[0]
            visible = bool(states[0] & (1 << _STATE_VISIBLE)) if states else False
            node = Node(
                role=role,
                name=self._prop(bus_name, obj_path, "Name"),
                description=self._prop(bus_name, obj_path, "Description"),
                visible=visible,
                path=obj_path,
            )
            if role == "combo box":
                relations = self._call(bus_name, obj_path, "GetRelationSet")[0]
                node.labelled = any(kind == _LABELLED_BY for kind, _targets in relations)
            if role not in _DATA_ROLES:
                for _child_bus, child_path in self._call(bus_name, obj_path, "GetChildren")[0]:
                    node.children.append(read(child_path))
            return node

        return read(path)


class PrivateDesktop:
    """Xvfb, a session bus and an AT-SPI bus of their own, stopped on ``close``."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self._processes: list[subprocess.Popen[str]] = []
        self._logs: list[IO[str]] = []
        self.env: dict[str, str] = {}

    def start(self) -> dict[str, str]:
        """Start everything; returns the environment a client program needs."""
        for tool in ("Xvfb", "dbus-daemon", "xdotool"):
            if shutil.which(tool) is None:
                raise DesktopError(
                    f"{tool} is missing (Debian packages xvfb, dbus-daemon, xdotool)"
                )
        if not Path(BUS_LAUNCHER).exists():
            raise DesktopError(f"{BUS_LAUNCHER} is missing (Debian package at-spi2-core)")
        runtime = self.work / "xdg-runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        base = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DBUS_", "AT_SPI", "DISPLAY", "WAYLAND", "XDG_"))
        }
        base.update(XDG_RUNTIME_DIR=str(runtime), TMPDIR=str(self.work), NO_AT_BRIDGE="0")
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                "1366x768x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
            env=base,
            text=True,
        )
        self._processes.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as reader:
            display = reader.readline().strip()
        if not display:
            raise DesktopError("Xvfb did not start")
        base["DISPLAY"] = f":{display}"
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            env=base,
            text=True,
        )
        self._processes.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            raise DesktopError("dbus-daemon did not start")
        base["DBUS_SESSION_BUS_ADDRESS"] = address
        launcher = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=base, text=True)
        self._processes.append(launcher)
        self.env = base
        self._wait_for_registry(address)
        return base

    def _wait_for_registry(self, address: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        problem: Exception | None = None
        while time.monotonic() < deadline:
            try:
                reader = AtspiReader(address)
                try:
                    reader.applications()
                    return
                finally:
                    reader.close()
            except (DBusErrorResponse, OSError, ValueError) as exc:
                problem = exc
                time.sleep(0.2)
        raise DesktopError(f"the AT-SPI registry did not answer: {problem}")

    def key(self, *keys: str) -> None:
        """Press keys on this desktop's display (``xdotool key``), where the focus is."""
        subprocess.run(["xdotool", "key", *keys], env=self.env, check=True, timeout=30)

    def run(self, args: list[str], **env: str) -> subprocess.Popen[str]:
        """Start a program on this desktop (stopped on ``close``)."""
        log = (self.work / f"program-{len(self._logs)}.log").open("w")
        self._logs.append(log)
        process = subprocess.Popen(
            args, env={**self.env, **env}, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        self._processes.append(process)
        return process

    def close(self) -> None:
        """Stop every process started, newest first."""
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._processes.clear()
        for log in self._logs:
            log.close()
        self._logs.clear()
