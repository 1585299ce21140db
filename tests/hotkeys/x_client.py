"""Another X client for the hotkey tests: a focusable window, or a rival key grab.

``python x_client.py window`` maps a window, prints ``window <id>`` and then
``key <name> <state>`` for every key it receives (``state``: the modifier mask).
``python x_client.py grab KEY`` grabs ``ctrl+alt+KEY`` (``KEY`` like ``a``) on the root
window and prints ``grabbed`` or ``taken``. Both stay until stdin closes.
The display is ``$DISPLAY``.
"""

from __future__ import annotations

import select
import sys

from Xlib import XK, X
from Xlib import error as xerror
from Xlib.display import Display


def main() -> None:
    display = Display()
    root = display.screen().root
    if sys.argv[1] == "grab":
        keycode = display.keysym_to_keycode(XK.string_to_keysym(sys.argv[2]))
        catcher = xerror.CatchError(xerror.BadAccess)
        mods = X.ControlMask | X.Mod1Mask
        root.grab_key(keycode, mods, False, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
        display.sync()
        print("taken" if catcher.get_error() else "grabbed", flush=True)
        sys.stdin.read()
        return
    window = root.create_window(
        0, 0, 200, 100, 0, X.CopyFromParent, event_mask=X.KeyPressMask | X.StructureNotifyMask
    )
    window.map()
    display.sync()
    print(f"window {window.id}", flush=True)
    while True:
        ready, _, _ = select.select([display.fileno(), sys.stdin], [], [])
        if sys.stdin in ready and not sys.stdin.readline():
            return
        while display.pending_events():
            event = display.next_event()
            if event.type == X.KeyPress:
                keysym = display.keycode_to_keysym(event.detail, 0)
                name = XK.keysym_to_string(keysym) or f"0x{keysym:x}"  # modifiers have none
                print(f"key {name} {event.state}", flush=True)


if __name__ == "__main__":
    main()
