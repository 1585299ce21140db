"""Key combinations, the checks before registering, and each platform's key tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.hotkeys import macos, windows
from desktop.hotkeys.bindings import (
    DEFAULT_SHORTCUTS,
    BindingProblem,
    HotkeyAction,
    check_bindings,
)
from desktop.hotkeys.choose import BackendKind, Unavailable, choose_kind, session_bus_address
from desktop.hotkeys.combo import ComboError, ComboProblem, KeyCombo, Modifier, parse_combo
from desktop.hotkeys.keysyms import keysym_name, portal_trigger


@pytest.mark.parametrize(
    ("text", "mods", "key"),
    [
        ("Ctrl+Alt+A", {Modifier.CTRL, Modifier.ALT}, "A"),
        (" ctrl + alt + shift + a ", {Modifier.CTRL, Modifier.ALT, Modifier.SHIFT}, "A"),
        ("Meta+F12", {Modifier.META}, "F12"),
        ("Alt+PgDown", {Modifier.ALT}, "PgDown"),
        ("Control+Delete", {Modifier.CTRL}, "Del"),
        ("Ctrl+5", {Modifier.CTRL}, "5"),
    ],
)
def test_parses_modifiers_and_key(text: str, mods: set[Modifier], key: str) -> None:
    assert parse_combo(text) == KeyCombo(frozenset(mods), key)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", ComboProblem.EMPTY),
        ("A", ComboProblem.NO_MODIFIER),
        ("Shift+A", ComboProblem.NO_MODIFIER),
        ("Ctrl+Alt", ComboProblem.UNKNOWN_KEY),
        ("Ctrl+é", ComboProblem.UNKNOWN_KEY),
        ("Ctrl++", ComboProblem.UNKNOWN_KEY),
        ("Ctrl+A+B", ComboProblem.MORE_THAN_ONE_KEY),
        ("Ctrl+A, Ctrl+B", ComboProblem.MORE_THAN_ONE_KEY),
    ],
)
def test_refuses_what_cannot_be_a_global_key(text: str, problem: ComboProblem) -> None:
    with pytest.raises(ComboError) as caught:
        parse_combo(text)
    assert caught.value.problem is problem


def test_text_comes_back_in_qt_order() -> None:
    assert str(parse_combo("shift+alt+ctrl+meta+x")) == "Ctrl+Alt+Shift+Meta+X"


def test_defaults_are_valid_and_distinct() -> None:
    usable, conflicts = check_bindings(dict(DEFAULT_SHORTCUTS))
    assert conflicts == []
    assert set(usable) == set(HotkeyAction)


def test_the_same_keys_for_two_actions_are_refused_for_both() -> None:
    usable, conflicts = check_bindings(
        {
            HotkeyAction.ANSWER: "Ctrl+Alt+A",
            HotkeyAction.MUTE: "alt+ctrl+a",
            HotkeyAction.PAUSE: "A",
            HotkeyAction.HANG_UP: "",
        }
    )
    assert usable == {}
    assert [(c.action, c.problem, c.others) for c in conflicts] == [
        (HotkeyAction.PAUSE, BindingProblem.INVALID, ()),
        (HotkeyAction.ANSWER, BindingProblem.DUPLICATE, (HotkeyAction.MUTE,)),
        (HotkeyAction.MUTE, BindingProblem.DUPLICATE, (HotkeyAction.ANSWER,)),
    ]


def test_x11_and_portal_names() -> None:
    assert keysym_name(parse_combo("Ctrl+A")) == "a"
    assert keysym_name(parse_combo("Ctrl+PgUp")) == "Prior"
    assert portal_trigger(parse_combo("Meta+Shift+Alt+Ctrl+F5")) == "CTRL+ALT+SHIFT+LOGO+F5"


def test_windows_codes_flags_and_errors() -> None:
    combo = parse_combo("Ctrl+Alt+Shift+Meta+A")
    assert windows.virtual_key(combo) == 0x41
    assert windows.virtual_key(parse_combo("Ctrl+F1")) == 0x70
    assert windows.virtual_key(parse_combo("Ctrl+F24")) == 0x87
    assert windows.virtual_key(parse_combo("Ctrl+Del")) == 0x2E
    assert windows.modifier_flags(combo) == 0x4000 | 0x1 | 0x2 | 0x4 | 0x8
    taken = windows.result_for_error(HotkeyAction.ANSWER, combo, 1409)
    assert taken.problem is BindingProblem.TAKEN
    other = windows.result_for_error(HotkeyAction.ANSWER, combo, 5)
    assert (other.problem, other.detail) == (BindingProblem.FAILED, "Windows error 5")


def test_macos_codes_flags_and_errors() -> None:
    # As in Qt on macOS, Ctrl is the Command key and Meta the Control key.
    assert macos.carbon_modifiers(parse_combo("Ctrl+A")) == macos.CMD_KEY
    assert macos.carbon_modifiers(parse_combo("Meta+Alt+Shift+A")) == 0x1000 | 0x800 | 0x200
    assert macos.key_code(parse_combo("Ctrl+A")) == 0x00
    assert macos.key_code(parse_combo("Ctrl+M")) == 0x2E
    assert macos.key_code(parse_combo("Ctrl+F1")) == 0x7A
    assert macos.key_code(parse_combo("Ctrl+Pause")) is None
    assert macos.four_cc("keyb") == 0x6B657962
    combo = parse_combo("Ctrl+A")
    assert macos.result_for_status(HotkeyAction.MUTE, combo, 0).ok
    taken = macos.result_for_status(HotkeyAction.MUTE, combo, -9878)
    assert taken.problem is BindingProblem.TAKEN


def test_every_key_the_parser_accepts_has_a_code_on_every_platform() -> None:
    keys = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", *(f"F{n}" for n in range(1, 21))]
    for key in [*keys, "Space", "Ins", "Del", "Home", "End", "PgUp", "PgDown", "Left", "Up"]:
        combo = parse_combo(f"Ctrl+{key}")
        assert windows.virtual_key(combo) > 0
        assert macos.key_code(combo) is not None, key
        assert keysym_name(combo)


@pytest.mark.parametrize(
    ("platform", "env", "portal", "expected"),
    [
        ("win32", {}, None, BackendKind.WINDOWS),
        ("darwin", {}, None, BackendKind.MACOS),
        ("linux", {"DISPLAY": ":0"}, 1, BackendKind.PORTAL),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, 2, BackendKind.PORTAL),
        ("linux", {"DISPLAY": ":0"}, None, BackendKind.X11),
        ("linux", {"DISPLAY": ":0"}, 0, BackendKind.X11),
        ("linux", {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, None,
         Unavailable.WAYLAND_WITHOUT_PORTAL),
        ("linux", {}, None, Unavailable.NO_DISPLAY),
        ("emscripten", {}, None, Unavailable.UNSUPPORTED_PLATFORM),
    ],
)  # fmt: skip
def test_chooses_the_backend(
    platform: str, env: dict[str, str], portal: int | None, expected: object
) -> None:
    assert choose_kind(platform, env, portal) is expected


def test_the_session_bus_is_found_as_systemd_leaves_it(tmp_path: Path) -> None:
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}) == "unix:path=/x"
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) is None
    (tmp_path / "bus").touch()
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) == f"unix:path={tmp_path}/bus"
