"""A stand-in for xdg-desktop-portal's GlobalShortcuts on a private session bus.

Run as ``python fake_portal.py ADDRESS [--version N] [--refuse ID] [--registry MODE]``.
It answers Properties.Get(version), CreateSession, BindShortcuts (every shortcut assigned
with its preferred trigger, except the ``--refuse`` ones) and Session.Close, and emits
``Activated`` when something calls ``Press(s shortcut_id)`` on ``/test``.
``org.freedesktop.host.portal.Registry.Register`` is accepted (``--registry accept``, the
default), refused (``refuse``) or unknown, as on portals older than 1.19 (``absent``).
It prints ``ready`` once it owns the portal's name and every call it gets as
``call <member>`` (``call Register <app_id>`` for the registry).
"""

from __future__ import annotations

import argparse
import sys

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

PATH = "/org/freedesktop/portal/desktop"
IFACE = "org.freedesktop.portal.GlobalShortcuts"
REGISTRY = "org.freedesktop.host.portal.Registry"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("--version", type=int, default=1)
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--registry", choices=("accept", "refuse", "absent"), default="accept")
    args = parser.parse_args()
    conn = open_dbus_connection(args.address)
    conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.portal.Desktop"))
    sender = conn.unique_name.lstrip(":").replace(".", "_")
    session: str | None = None
    print("ready", flush=True)
    while True:
        msg = conn.receive()
        if msg.header.message_type is not MessageType.method_call:
            continue
        member = msg.header.fields.get(HeaderFields.member)
        iface = msg.header.fields.get(HeaderFields.interface)
        caller = msg.header.fields[HeaderFields.sender].lstrip(":").replace(".", "_")
        if iface == REGISTRY and member == "Register":
            app_id, options = msg.body
            print("call", member, app_id, *options, flush=True)
            if args.registry == "accept":
                conn.send(new_method_return(msg))
            elif args.registry == "refuse":
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.AccessDenied", "s", ("no",)))
            else:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownInterface"))
            continue
        print("call", member, flush=True)
        if iface == "org.freedesktop.DBus.Properties" and member == "Get":
            if msg.body[0] == IFACE and args.version > 0:
                conn.send(new_method_return(msg, "v", (("u", args.version),)))
            else:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownInterface"))
        elif member == "CreateSession":
            options = {k: v[1] for k, v in msg.body[0].items()}
            request = f"{PATH}/request/{caller}/{options['handle_token']}"
            session = f"{PATH}/session/{caller}/{options['session_handle_token']}"
            conn.send(new_method_return(msg, "o", (request,)))
            conn.send(_response(request, {"session_handle": ("s", session)}))
        elif member == "BindShortcuts":
            _handle, shortcuts, _parent, options = msg.body
            request = f"{PATH}/request/{caller}/{options['handle_token'][1]}"
            conn.send(new_method_return(msg, "o", (request,)))
            bound = [
                (sid, {"trigger_description": ("s", props["preferred_trigger"][1])})
                for sid, props in shortcuts
                if sid not in args.refuse
            ]
            conn.send(_response(request, {"shortcuts": ("a(sa{sv})", bound)}))
        elif member == "Close":
            session = None
            conn.send(new_method_return(msg))
        elif member == "Press" and session is not None:
            conn.send(new_method_return(msg))
            activated = new_signal(
                DBusAddress(PATH, interface=IFACE),
                "Activated",
                "osta{sv}",
                (session, msg.body[0], 0, {}),
            )
            conn.send(activated)
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))
    del sender


def _response(request: str, results: dict[str, tuple[str, object]]):  # type: ignore[no-untyped-def]
    return new_signal(
        DBusAddress(request, interface="org.freedesktop.portal.Request"),
        "Response",
        "ua{sv}",
        (0, results),
    )


if __name__ == "__main__":
    sys.exit(main())
