"""Wayland (and any desktop offering it): the XDG desktop portal's GlobalShortcuts.

``CreateSession`` then ``BindShortcuts`` on ``org.freedesktop.portal.GlobalShortcuts``;
each answers through a ``Response`` signal on a request object, and presses arrive as
``Activated`` signals. The desktop has the last word: it may ask the user, assign other
keys, or leave a shortcut out; a shortcut missing from its answer is reported as not
assigned.

Outside a Flatpak or Snap sandbox the portal has to work out which app is calling; the
connection first tells it through ``org.freedesktop.host.portal.Registry.Register``
(xdg-desktop-portal 1.19 and later), so the shortcuts are kept under the application id
whose ``.desktop`` file the packages install.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
from collections.abc import Mapping
from typing import Any, Final

from jeepney import (
    DBusAddress,
    HeaderFields,
    MatchRule,
    Message,
    MessageType,
    Properties,
    new_method_call,
)
from jeepney.bus_messages import message_bus
from jeepney.io.asyncio import DBusConnection, DBusRouter, open_dbus_connection

from desktop.app_id import APP_ID
from desktop.hotkeys.backend import Activated, BindingResult
from desktop.hotkeys.bindings import BindingProblem, HotkeyAction
from desktop.hotkeys.combo import KeyCombo
from desktop.hotkeys.keysyms import portal_trigger

__all__ = [
    "DESCRIPTIONS",
    "PORTAL_BUS_NAME",
    "PORTAL_INTERFACE",
    "PORTAL_PATH",
    "REGISTRY_INTERFACE",
    "PortalBackend",
    "register_app_id",
]

log = logging.getLogger(__name__)

PORTAL_BUS_NAME: Final = "org.freedesktop.portal.Desktop"
PORTAL_PATH: Final = "/org/freedesktop/portal/desktop"
PORTAL_INTERFACE: Final = "org.freedesktop.portal.GlobalShortcuts"
_REQUEST: Final = "org.freedesktop.portal.Request"
_SESSION: Final = "org.freedesktop.portal.Session"
REGISTRY_INTERFACE: Final = "org.freedesktop.host.portal.Registry"
_PORTAL = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS_NAME, interface=PORTAL_INTERFACE)
_REGISTRY = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS_NAME, interface=REGISTRY_INTERFACE)
# What a portal older than the Registry (or none at all) answers to Register.
_NO_REGISTRY: Final = frozenset(
    {
        "org.freedesktop.DBus.Error.UnknownMethod",
        "org.freedesktop.DBus.Error.UnknownInterface",
        "org.freedesktop.DBus.Error.UnknownObject",
        "org.freedesktop.DBus.Error.ServiceUnknown",
    }
)
# Variables a sandbox sets; there the portal knows the app from the sandbox itself.
_SANDBOX_VARIABLES: Final = ("FLATPAK_ID", "SNAP")
REGISTER_TIMEOUT_S: Final = 10.0
# The desktop may show the user a dialog before it answers BindShortcuts.
RESPONSE_TIMEOUT_S: Final = 300.0


class PortalError(Exception):
    """The portal refused a call or did not answer."""


def _check(reply: Message) -> tuple[Any, ...]:
    if reply.header.message_type is MessageType.error:
        name = reply.header.fields.get(HeaderFields.error_name, "error")
        raise PortalError(f"{name}: {reply.body}")
    return tuple(reply.body)


class PortalBackend:
    """Global keys through ``org.freedesktop.portal.GlobalShortcuts``.

    Build it with :meth:`open`, which returns None when the portal does not offer the
    interface (then another backend is tried).
    """

    name = "portal"

    def __init__(
        self,
        conn: DBusConnection,
        router: DBusRouter,
        version: int,
        descriptions: Mapping[HotkeyAction, str] | None = None,
    ) -> None:
        self._conn = conn
        self._descriptions = {**DESCRIPTIONS, **(descriptions or {})}
        self._router = router
        self.version = version
        self._session: str | None = None
        self._listener: asyncio.Task[None] | None = None
        self._on_activated: Activated | None = None

    @classmethod
    async def open(
        cls,
        bus: str,
        descriptions: Mapping[HotkeyAction, str] | None = None,
        *,
        app_id: str = APP_ID,
        environ: Mapping[str, str] | None = None,
    ) -> PortalBackend | None:
        """Connect to the bus at address ``bus``; None without the interface.

        ``descriptions`` are what the desktop shows for each shortcut (translated by the
        caller); English ones stand in for any missing. Unless ``environ`` (default: this
        process's) shows a Flatpak or Snap sandbox, ``app_id`` is registered with the
        portal first; a portal without the Registry, or one that refuses, is still used.
        """
        try:
            conn = await open_dbus_connection(bus)
        except (OSError, KeyError, ValueError, RuntimeError) as exc:  # RuntimeError: transport
            log.info("no session bus for the shortcuts portal: %s", exc)
            return None
        router = DBusRouter(conn)
        env = os.environ if environ is None else environ
        # The portal settles who the caller is at its first call on the connection.
        if not any(env.get(name) for name in _SANDBOX_VARIABLES):
            await register_app_id(router, app_id)
        try:
            reply = await router.send_and_get_reply(Properties(_PORTAL).get("version"))
            (variant,) = _check(reply)
            version = int(variant[1])
        except (PortalError, OSError, ValueError, TypeError, IndexError) as exc:
            log.info("the desktop portal has no GlobalShortcuts: %s", exc)
            await _close(conn, router)
            return None
        if version < 1:
            await _close(conn, router)
            return None
        backend = cls(conn, router, version, descriptions)
        await backend._add_match(
            MatchRule(type="signal", interface=PORTAL_INTERFACE, member="Activated")
        )
        return backend

    async def _add_match(self, rule: MatchRule) -> None:
        _check(await self._router.send_and_get_reply(message_bus.AddMatch(rule)))

    def _request_path(self, token: str) -> str:
        sender = self._router.unique_name.lstrip(":").replace(".", "_")
        return f"{PORTAL_PATH}/request/{sender}/{token}"

    async def _call_with_response(
        self, method: str, signature: str, body: tuple[Any, ...], token: str
    ) -> tuple[int, dict[str, Any]]:
        """Call ``method``, then wait for the ``Response`` on its request object."""
        rule = MatchRule(
            type="signal",
            interface=_REQUEST,
            member="Response",
            path=self._request_path(token),
        )
        # Subscribed before the call: the portal may answer before the call returns.
        await self._add_match(rule)
        try:
            with self._router.filter(rule) as queue:
                _check(
                    await self._router.send_and_get_reply(
                        new_method_call(_PORTAL, method, signature, body)
                    )
                )
                response = await asyncio.wait_for(queue.get(), RESPONSE_TIMEOUT_S)
        except TimeoutError as exc:
            raise PortalError(f"{method}: no answer from the desktop") from exc
        finally:
            with contextlib.suppress(Exception):
                await self._router.send(message_bus.RemoveMatch(rule))
        code, results = response.body
        return int(code), {k: v[1] for k, v in results.items()}

    async def _create_session(self) -> str:
        token = "ramal_" + secrets.token_hex(6)
        options = {
            "handle_token": ("s", token),
            "session_handle_token": ("s", "ramal_" + secrets.token_hex(6)),
        }
        code, results = await self._call_with_response("CreateSession", "a{sv}", (options,), token)
        if code != 0 or "session_handle" not in results:
            raise PortalError(f"CreateSession answered {code}")
        return str(results["session_handle"])

    async def register(
        self, bindings: Mapping[HotkeyAction, KeyCombo], on_activated: Activated
    ) -> list[BindingResult]:
        """Bind ``bindings`` in a new portal session (closing the previous one)."""
        self._on_activated = on_activated
        await self._close_session()
        if not bindings:
            return []
        try:
            self._session = await self._create_session()
            self._start_listening()
            shortcuts = [
                (
                    action.value,
                    {
                        "description": ("s", self._descriptions[action]),
                        "preferred_trigger": ("s", portal_trigger(combo)),
                    },
                )
                for action, combo in bindings.items()
            ]
            token = "ramal_" + secrets.token_hex(6)
            code, results = await self._call_with_response(
                "BindShortcuts",
                "oa(sa{sv})sa{sv}",
                (self._session, shortcuts, "", {"handle_token": ("s", token)}),
                token,
            )
        except (PortalError, OSError) as exc:
            log.warning("shortcuts portal failed: %s", exc)
            return [
                BindingResult(a, c, BindingProblem.FAILED, str(exc)) for a, c in bindings.items()
            ]
        if code != 0:
            detail = "cancelled" if code == 1 else f"response {code}"
            return [
                BindingResult(a, c, BindingProblem.NOT_ASSIGNED, detail)
                for a, c in bindings.items()
            ]
        assigned = {
            str(shortcut_id): {k: v[1] for k, v in props.items()}
            for shortcut_id, props in results.get("shortcuts", [])
        }
        out = []
        for action, combo in bindings.items():
            props = assigned.get(action.value)
            if props is None:
                out.append(BindingResult(action, combo, BindingProblem.NOT_ASSIGNED))
            else:
                shown = str(props.get("trigger_description", ""))
                out.append(BindingResult(action, combo, shown_as=shown))
        return out

    def _start_listening(self) -> None:
        if self._listener is None:
            self._listener = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        rule = MatchRule(type="signal", interface=PORTAL_INTERFACE, member="Activated")
        with self._router.filter(rule, bufsize=64) as queue:
            while True:
                message = await queue.get()
                session, shortcut_id = message.body[0], message.body[1]
                if session != self._session or self._on_activated is None:
                    continue
                try:
                    action = HotkeyAction(shortcut_id)
                except ValueError:
                    continue
                self._on_activated(action)

    async def _close_session(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        close = new_method_call(
            DBusAddress(session, bus_name=PORTAL_BUS_NAME, interface=_SESSION), "Close"
        )
        try:
            _check(await self._router.send_and_get_reply(close))
        except (PortalError, OSError) as exc:
            log.info("portal session not closed: %s", exc)

    async def aclose(self) -> None:
        """Close the portal session (the desktop drops its shortcuts) and the connection."""
        await self._close_session()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        await _close(self._conn, self._router)


async def register_app_id(router: DBusRouter, app_id: str) -> bool:
    """Tell the portal which application this connection is; True when it accepted.

    A portal without ``org.freedesktop.host.portal.Registry`` is skipped quietly; a
    refusal or no answer is logged and the caller goes on without it.
    """
    call = new_method_call(_REGISTRY, "Register", "sa{sv}", (app_id, {}))
    try:
        reply = await asyncio.wait_for(router.send_and_get_reply(call), REGISTER_TIMEOUT_S)
    except (TimeoutError, OSError) as exc:
        log.warning("the desktop portal did not register %s: %s", app_id, str(exc) or "no answer")
        return False
    if reply.header.message_type is MessageType.error:
        name = reply.header.fields.get(HeaderFields.error_name, "error")
        if name in _NO_REGISTRY:
            log.debug("the desktop portal has no application registry: %s", name)
        else:
            log.warning("the desktop portal refused the id %s: %s %s", app_id, name, reply.body)
        return False
    log.info("registered with the desktop portal as %s", app_id)
    return True


async def _close(conn: DBusConnection, router: DBusRouter) -> None:
    with contextlib.suppress(Exception):
        await router.__aexit__(None, None, None)
    with contextlib.suppress(Exception):
        await conn.close()


# Shown by the desktop in its shortcut settings when the caller gives none.
DESCRIPTIONS: Final = {
    HotkeyAction.ANSWER: "Ramal: answer the ringing call",
    HotkeyAction.HANG_UP: "Ramal: hang up",
    HotkeyAction.MUTE: "Ramal: mute or unmute the microphone",
    HotkeyAction.PAUSE: "Ramal: pause or resume work",
    HotkeyAction.DIAL_CLIPBOARD: "Ramal: call the number in the clipboard",
}
