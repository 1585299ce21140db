"""The app as a screen reader sees it: every control named, over real AT-SPI.

Runs the real app (``python -m desktop --sandbox``) on Xvfb with a private session bus
and AT-SPI bus, reads its tree over D-Bus and fails on any push button, check box,
combo box, text field, spin box, slider, tab or menu item without a name: the agent
window, its tabs and menus first, then every tab of every panel, the Settings dialog's
sections and the ramal form, each opened over AT-SPI's actions; with a standalone sandbox,
listens as a screen reader does for the announcements of a connection and a ring. Linux
only; on Linux it fails, never skips, when Xvfb, dbus-daemon or at-spi2-core are missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

if not sys.platform.startswith("linux"):
    pytest.skip("AT-SPI is the Linux accessibility bus", allow_module_level=True)

from atspi import AtspiReader, DesktopError, Node, PrivateDesktop, unnamed_controls
from jeepney import DBusErrorResponse

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WAIT = 120  # seconds: the first start of Chromium on a busy machine


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[PrivateDesktop]:
    session = PrivateDesktop(tmp_path)
    try:
        session.start()
        yield session
    finally:
        session.close()


def wait_for_tree(desktop: PrivateDesktop, app_name: str, ready: Callable[[Node], bool]) -> Node:
    """The application's tree once ``ready`` says it is complete."""
    reader = AtspiReader(desktop.env["DBUS_SESSION_BUS_ADDRESS"])
    deadline = time.monotonic() + WAIT
    last: Node | None = None
    try:
        while time.monotonic() < deadline:
            for name, bus_name, path in reader.applications():
                if name != app_name:
                    continue
                try:
                    last = reader.tree(bus_name, path)
                except (DBusErrorResponse, DesktopError):  # widgets come and go while it starts
                    continue
                if ready(last):
                    return last
            time.sleep(1)
    finally:
        reader.close()
    outline = last.outline() if last is not None else "(not registered)"
    raise AssertionError(f"{app_name} did not show its window over AT-SPI:\n{outline}")


def agent_frame(app: Node) -> Node | None:
    """The agent window: the frame inside the main window's frame."""
    for top in app.children:
        for node in top.walk():
            if node is not top and node.role == "frame":
                return node
    return None


def main_tabs_and_menus(app: Node) -> list[Node]:
    """The main window's menu bar and its tab list (the shallowest ones)."""
    found: list[Node] = []
    for top in app.children:
        queue = [top]
        seen_roles: set[str] = set()
        while queue:
            node = queue.pop(0)
            if node.role in ("menu bar", "page tab list") and node.role not in seen_roles:
                seen_roles.add(node.role)
                found.append(node)
            queue.extend(node.children)
    return found


def agent_ready(app: Node) -> bool:
    frame = agent_frame(app)
    if frame is None:
        return False
    buttons = [n for n in frame.walk() if n.role == "push button"]
    return len(buttons) >= 20 and any(n.role == "menu bar" for n in frame.walk())


def test_every_control_of_the_app_is_named(desktop: PrivateDesktop, tmp_path: Path) -> None:
    app = desktop.run(
        [sys.executable, "-m", "desktop", "--sandbox"],
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_QPA_PLATFORM="xcb",
        RAMAL_DESKTOP_HOME=str(tmp_path / "home"),
        RAMAL_DESKTOP_LANG="en",
        PYTHONPATH=str(ROOT),
    )
    tree = wait_for_tree(desktop, "Ramal Desktop", agent_ready)
    assert app.poll() is None
    frame = agent_frame(tree)
    assert frame is not None
    checked = [frame, *main_tabs_and_menus(tree)]
    assert {node.role for node in checked} >= {"frame", "menu bar", "page tab list"}
    missing = [problem for node in checked for problem in unnamed_controls(node)]
    assert missing == [], "\n".join(missing) + "\n\n" + frame.outline()
    controls = [n for node in checked for n in node.walk() if n.role in ("push button", "text")]
    assert len(controls) >= 25  # the whole window was read, not an empty shell
    seen, missing = walk_every_tab_and_dialog(desktop)
    assert missing == [], "\n".join(missing)
    # Every panel, its inner tabs and the Settings sections were shown and read.
    assert {"Phone", "History", "Supervision", "Administration"} <= seen
    assert {"Live board", "KPIs", "Audit log", "Ramais", "Conferences"} <= seen
    assert {"Profile", "Audio", "Queues and pauses", "Calls"} <= seen
    apart = {name.split(" ramal ")[0] for name in seen if " ramal " in name}
    assert apart == {"Calls of", "Pauses and KPIs of"}, seen
    assert app.poll() is None


class AppDriver:
    """Works the app over AT-SPI (actions, focus) and the keyboard, as a screen reader user."""

    def __init__(self, desktop: PrivateDesktop) -> None:
        self.desktop = desktop
        self.reader = AtspiReader(desktop.env["DBUS_SESSION_BUS_ADDRESS"])
        found = [(b, p) for n, b, p in self.reader.applications() if n == "Ramal Desktop"]
        assert found, "the app is not on the AT-SPI bus"
        self.bus_name, self.path = found[0]
        self.missing: set[str] = set()

    def close(self) -> None:
        self.reader.close()

    def read(self) -> Node:
        """The whole application's tree (read again while widgets come and go)."""
        for _ in range(20):
            try:
                return self.reader.tree(self.bus_name, self.path)
            except (DBusErrorResponse, DesktopError):
                time.sleep(0.5)
        return self.reader.tree(self.bus_name, self.path)

    def check(self) -> Node:
        """Read the tree and keep every unnamed control in it."""
        tree = self.read()
        self.missing.update(unnamed_controls(tree))
        return tree

    def wait_for(self, found: Callable[[], object], what: str) -> None:
        """Poll ``found`` until it gives something true (the tree changes on its own)."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                if found():
                    return
            except (DBusErrorResponse, DesktopError):
                pass
            time.sleep(0.5)
        raise AssertionError(f"{what} never showed:\n{self.read().outline()}")

    def windows(self) -> list[Node]:
        """The application's windows and dialogs (not their contents)."""
        return self.reader.children(self.bus_name, self.path)

    def press(self, node: Node) -> None:
        self.reader.do_action(self.bus_name, node.path)

    def show_tab(self, tree: Node, name: str) -> None:
        tab = tree.find("page tab", name)
        assert tab is not None, name
        self.press(tab)

    def pick_first_row(self, table: str) -> Node:
        """Focus a table once it has rows and arrow onto its first one."""
        view = self.read().find("table", table)
        assert view is not None, table
        self.wait_for(
            lambda: self.reader.row_count(self.bus_name, view.path) > 0, f"rows in {table!r}"
        )
        assert self.reader.grab_focus(self.bus_name, view.path), table
        time.sleep(0.5)
        self.desktop.key("Home", "Down", "Up")
        time.sleep(1)
        return view

    def open_dialog(self, button: Node, title: str, *, close: bool) -> None:
        """Press ``button``, read the dialog ``title`` it opens; Escape closes it if ``close``."""
        self.press(button)

        def shown() -> bool:
            return any(w.role == "dialog" and w.name == title for w in self.windows())

        self.wait_for(shown, f"dialog {title!r}")
        time.sleep(1)
        self.check()
        if close:
            self.desktop.key("Escape")
            self.wait_for(lambda: not shown(), f"{title!r} closing")


def near(tree: Node, anchor: Node, role: str, name: str) -> Node | None:
    """The ``role``/``name`` node sharing the smallest subtree with ``anchor``."""
    best: Node | None = None
    for node in tree.walk():  # depth first: deeper candidates come later
        if anchor in node.walk() and node.find(role, name) is not None:
            best = node
    return best.find(role, name) if best is not None else None


def walk_every_tab_and_dialog(desktop: PrivateDesktop) -> tuple[set[str], list[str]]:
    """Open a dialog of each panel, the panels shown apart and Settings, show every tab.

    Returns the tabs seen and the unnamed controls found. Buttons, menu items and tabs
    are pressed over AT-SPI's Action interface; rows are reached by focusing the table
    (AT-SPI) and arrowing onto them (xdotool), as a screen reader user would; the whole
    application is read again after each step.
    """
    app = AppDriver(desktop)
    try:
        app.show_tab(app.read(), "History")
        calls = app.pick_first_row("Calls")
        tree = app.read()
        rate = near(tree, calls, "push button", "Rate…")
        assert rate is not None, tree.outline()
        app.open_dialog(rate, "Rate call", close=True)

        app.show_tab(tree, "Supervision")
        live = app.pick_first_row("Calls in progress")  # the sandbox's simulated traffic
        listen = near(app.read(), live, "push button", "Listen")
        assert listen is not None
        app.open_dialog(listen, "Listen to call", close=True)

        app.show_tab(tree, "Administration")
        ramais = app.pick_first_row("Ramais of the account")
        tree = app.read()
        for name in ("Received calls", "Pauses"):
            button = near(tree, ramais, "push button", name)
            assert button is not None, name
            app.press(button)
        app.wait_for(  # windows of their own, named for the ramal
            lambda: sum(" ramal " in w.name for w in app.windows()) >= 2,
            "the panels shown apart",
        )
        time.sleep(2)
        new_ramal = tree.find("push button", "New ramal…")
        assert new_ramal is not None
        app.open_dialog(new_ramal, "New ramal", close=False)
        settings = tree.find("menu item", "Settings…")
        assert settings is not None
        app.open_dialog(settings, "Settings", close=False)

        seen: set[str] = set()
        done: set[str] = set()
        tree = app.read()
        while tabs := [n for n in tree.walk() if n.role == "page tab" and n.path not in done]:
            for tab in tabs:  # hidden pages are in the tree too; showing them builds the lazy ones
                done.add(tab.path)
                seen.add(tab.name)
                app.press(tab)
                time.sleep(0.5)
            time.sleep(1)
            tree = app.check()
        seen.update(w.name for w in app.windows())
        return seen, sorted(app.missing)
    finally:
        app.close()


@pytest.fixture
def standalone_sandbox() -> Iterator[str]:
    command = [sys.executable, "-m", "desktop.sandbox", "--host", "127.0.0.1", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--token", "sandbox-token"], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None
    base_url = process.stdout.readline().strip()  # its first line is its base URL
    try:
        assert base_url.startswith("http://127.0.0.1:"), base_url
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)


def ring(base_url: str, ramal: str, numero: str) -> None:
    request = urllib.request.Request(
        base_url + "/_sandbox/ring",
        data=json.dumps({"ramal": ramal, "numero": numero}).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.loads(response.read())["entregue"]


def test_state_changes_reach_the_screen_reader(
    desktop: PrivateDesktop, standalone_sandbox: str, tmp_path: Path
) -> None:
    reader = AtspiReader(desktop.env["DBUS_SESSION_BUS_ADDRESS"])
    try:
        reader.listen_for_announcements()
        desktop.run(
            [sys.executable, "-m", "desktop", "--sandbox", "--api-url", standalone_sandbox],
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_QPA_PLATFORM="xcb",
            RAMAL_DESKTOP_HOME=str(tmp_path / "home"),
            RAMAL_DESKTOP_LANG="en",
            PYTHONPATH=str(ROOT),
        )
        connected = reader.announcements(lambda text: text.startswith("Phone connected"), WAIT)
        assert connected[-1:] == ["Phone connected, ready"], connected
        ring(standalone_sandbox, "4000", "+5548999990000")
        rang = reader.announcements(lambda text: text.startswith("Incoming"), WAIT)
        assert rang[-1:] == ["Incoming call from +55 48 99999-0000"], rang
    finally:
        reader.close()


def test_the_check_fails_on_an_unnamed_button(desktop: PrivateDesktop) -> None:
    desktop.run(
        [sys.executable, str(HERE / "unnamed_button_app.py")],
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_QPA_PLATFORM="xcb",
    )
    tree = wait_for_tree(
        desktop,
        "Unnamed button check",
        lambda app: sum(n.role == "push button" for n in app.walk()) == 2,
    )
    missing = unnamed_controls(tree)
    assert len(missing) == 3, missing
    assert {problem.rsplit(" > ", 1)[1] for problem in missing} == {
        "push button ''",
        "table ''",
        "combo box 'All' (no label: only its value is read)",
    }
    assert tree.find("push button", "Named") is not None
    assert tree.find("table", "Calls") is not None
